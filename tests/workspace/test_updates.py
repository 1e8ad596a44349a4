"""Progress updates on one action, and the update round: the open actions of the published
plan a page or a section at a time, blank rows skipped, each row saved on its own or the page
at once. Updates are public as soon as they are saved; no plan version holds them."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from concordat.core.models import PlanVersion, ProgressUpdate

from .helpers import words

pytestmark = pytest.mark.django_db


def test_posting_a_progress_update_on_one_action(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/progress/",
        {
            "on": "14/1/2016",
            "note": "The plan was agreed by the board",
            "canonical_status": "complete",
            "rag": "blue",
        },
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(identity=action.identity, source="web")
    assert (update.date, update.note, update.canonical_status, update.rag) == (
        date(2016, 1, 14),
        "The plan was agreed by the board",
        "complete",
        "blue",
    )
    assert update.version is None
    assert update.is_public and update.published_at is not None
    assert update.author == area_editor
    # The published action's status and RAG are the update's; no draft was started.
    published_row = world.action("1.1")
    assert (published_row.status, published_row.canonical_status, published_row.rag) == (
        "Complete",
        "complete",
        "blue",
    )
    assert not PlanVersion.objects.filter(state="draft").exists()
    page = words(client.get(response["Location"]))
    assert "Your progress update has been saved. It is public now." in page
    assert "14 January 2016, Eddie Editor, complete, blue (complete)" in page
    assert "Not yet public" not in page
    # The public page shows it at once.
    assert "The plan was agreed by the board" in words(
        client.get("/areas/riverside/plan/actions/1.1/")
    )


def test_a_future_date_and_an_empty_note_are_refused(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/progress/",
        {"on": tomorrow.strftime("%d/%m/%Y"), "note": ""},
    )
    assert response.status_code == 400
    page = words(response)
    assert "The date of the update cannot be in the future" in page
    assert "Write the progress note, or tick “reviewed, no change”" in page
    assert not ProgressUpdate.objects.exists()


def round_data(world, on="2/2/2016", **rows):
    """rows: ref=(note, status, rag)."""
    data = {"on": on}
    for ref, (note, status, rag) in rows.items():
        identity = world.current_or_published(ref.replace("_", ".")).identity_id
        data[f"note_{identity}"] = note
        data[f"status_{identity}"] = status
        data[f"rag_{identity}"] = rag
    return data


def test_the_update_round_lists_every_open_action_and_saves_the_filled_rows(
    client, world, area_lead
):
    client.force_login(area_lead)
    page = client.get("/workspace/riverside/updates/")
    text = words(page)
    assert page.status_code == 200
    # Open actions only: 1.2 is complete.
    assert "1.1 Agree a crisis plan" in text and "2.1 Open a crisis café" in text
    assert "3.1 Review the place of safety" in text
    assert "1.2 Train police officers" not in text
    assert "<table" not in page.content.decode().split('id="main-content"')[1]

    response = client.post(
        "/workspace/riverside/updates/",
        round_data(
            world,
            **{
                "1_1": ("Agreed with schools", "complete", "blue"),
                "2_1": ("", "", ""),
                "3_1": ("Site visits booked", "in_progress", "green"),
            },
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == "/workspace/riverside/updates/"
    updates = ProgressUpdate.objects.order_by("pk")
    assert [(u.note, u.date, u.canonical_status, u.rag) for u in updates] == [
        ("Agreed with schools", date(2016, 2, 2), "complete", "blue"),
        ("Site visits booked", date(2016, 2, 2), "in_progress", "green"),
    ]
    assert {u.version_id for u in updates} == {None}
    assert {u.state for u in updates} == {"published"}
    assert world.action("3.1").canonical_status == "in_progress"
    assert world.action("2.1").canonical_status == "in_progress"
    assert not PlanVersion.objects.filter(state="draft").exists()
    text = words(client.get("/workspace/riverside/updates/"))
    assert "2 progress updates saved: public now." in text
    # 1.1 is complete now, so it leaves the round.
    assert "1.1 Agree a crisis plan" not in text


def test_each_row_is_saved_on_its_own_and_a_failing_row_keeps_its_text(
    client, world, area_lead, monkeypatch
):
    from concordat.core.services import updates as services

    real = services.progress_update_post

    def fails_on_3_1(*, action, **kwargs):
        if action.ref == "3.1":
            raise ValidationError("The action could not be updated.")
        return real(action=action, **kwargs)

    monkeypatch.setattr(services, "progress_update_post", fails_on_3_1)
    client.force_login(area_lead)
    response = client.post(
        "/workspace/riverside/updates/",
        round_data(
            world,
            **{
                "1_1": ("Agreed with schools", "complete", "blue"),
                "3_1": ("Site visits booked", "", ""),
            },
        ),
    )
    assert response.status_code == 400
    text = words(response)
    assert "1 progress update saved: public now." in text
    assert "Action 3.1: The action could not be updated." in text
    assert list(ProgressUpdate.objects.values_list("note", flat=True)) == ["Agreed with schools"]
    html = response.content.decode()
    # The row that failed keeps its text; the saved one is emptied and marked saved.
    assert "Site visits booked</textarea>" in html
    assert "Agreed with schools</textarea>" not in html
    assert "Saved" in text


def test_saving_one_action_keeps_what_was_typed_in_the_others(client, world, area_lead):
    client.force_login(area_lead)
    data = round_data(
        world,
        **{"1_1": ("Agreed with schools", "", ""), "3_1": ("Typed, not yet saved", "", "")},
    )
    data["save"] = str(world.action("1.1").identity_id)
    response = client.post("/workspace/riverside/updates/", data)
    assert response.status_code == 200
    assert list(ProgressUpdate.objects.values_list("note", flat=True)) == ["Agreed with schools"]
    assert "Typed, not yet saved</textarea>" in response.content.decode()
    # Then the rest of the page.
    data = round_data(world, **{"3_1": ("Typed, not yet saved", "", "")})
    assert client.post("/workspace/riverside/updates/", data).status_code == 302
    assert ProgressUpdate.objects.count() == 2


def test_reviewed_no_change_counts_as_an_update_and_is_shown_as_such(client, world, area_lead):
    client.force_login(area_lead)
    identity = world.action("2.1").identity_id
    response = client.post(
        "/workspace/riverside/updates/", {"on": "2/2/2016", f"nochange_{identity}": "on"}
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.kind, update.note, update.date, update.canonical_status) == (
        "no_change",
        "",
        date(2016, 2, 2),
        "in_progress",
    )
    public = words(client.get("/areas/riverside/plan/actions/2.1/"))
    assert "2 February 2016" in public and "Reviewed, no change." in public
    # A status change with "no change" ticked is refused.
    response = client.post(
        "/workspace/riverside/updates/",
        {"on": "2/2/2016", f"nochange_{identity}": "on", f"status_{identity}": "complete"},
    )
    assert response.status_code == 400
    assert "“reviewed, no change” keeps the status and RAG as they are" in words(response)
    assert ProgressUpdate.objects.count() == 1


def test_the_filters_and_pages(client, world, area_lead, signatory_editor):
    client.force_login(area_lead)
    overdue = words(client.get("/workspace/riverside/updates/?overdue=on"))
    assert "1.1 Agree a crisis plan" in overdue and "3.1 Review the place" not in overdue
    assert "1 of 3 open actions shown" in overdue
    section = words(client.get("/workspace/riverside/updates/?section=3"))
    assert "3.1 Review the place" in section and "2.1 Open a crisis café" not in section
    led = words(client.get("/workspace/riverside/updates/?lead=testland-health-board"))
    assert "1.1 Agree a crisis plan" in led and "2.1 Open a crisis café" not in led
    stale = words(client.get("/workspace/riverside/updates/?stale=on"))
    # None has a progress update yet, and publishing a plan is no update: all three are stale.
    assert "3 of 3 open actions shown" in stale
    client.force_login(signatory_editor)
    mine = words(client.get("/workspace/riverside/updates/?mine=on"))
    assert "1.1 Agree a crisis plan" in mine and "1 of 1 open action shown" in mine


def test_a_long_plan_is_shown_a_page_at_a_time(client, world, area_lead):
    from concordat.core.services import action_create, plan_version_publish

    for number in range(12):
        action_create(area=world.area, actor=area_lead, text=f"Extra {number}", ref=f"5.{number}")
    plan_version_publish(version=PlanVersion.objects.get(state="draft"), actor=None)
    client.force_login(area_lead)
    first = words(client.get("/workspace/riverside/updates/"))
    assert "15 of 15 open actions shown, page 1 of 2" in first
    second = words(client.get("/workspace/riverside/updates/?page=2"))
    assert "page 2 of 2" in second
    data = round_data(world, **{"1_1": ("Agreed", "", "")})
    data["save"] = "next"
    response = client.post("/workspace/riverside/updates/?page=1", data)
    assert response.status_code == 302
    assert response["Location"] == "/workspace/riverside/updates/?page=2"


def test_a_status_without_a_note_is_refused_and_nothing_is_saved(client, world, area_lead):
    client.force_login(area_lead)
    response = client.post(
        "/workspace/riverside/updates/",
        round_data(
            world,
            **{"1_1": ("Agreed", "complete", ""), "2_1": ("", "", "red")},
        ),
    )
    assert response.status_code == 400
    assert "Write a note for action 2.1 to say why its status or RAG changed" in words(response)
    # 1.1 was fine and is saved; 2.1 keeps what was chosen for it.
    assert list(ProgressUpdate.objects.values_list("note", flat=True)) == ["Agreed"]


def test_an_empty_round_asks_for_a_note(client, world, area_lead):
    client.force_login(area_lead)
    response = client.post("/workspace/riverside/updates/", round_data(world))
    assert response.status_code == 400
    assert "Write a progress note, or tick “reviewed, no change”, for at least one action." in (
        words(response)
    )


def test_a_note_on_an_action_closed_meanwhile_is_refused_and_shown_back(
    client, world, area_lead, area_editor
):
    client.force_login(area_lead)
    data = round_data(world, **{"2_1": ("Café open on Fridays", "", "")})
    # Someone reports 2.1 complete after the page was opened.
    from concordat.core.services import progress_update_post

    progress_update_post(
        action=world.action("2.1"), actor=area_editor, note="Done", canonical_status="complete"
    )
    response = client.post("/workspace/riverside/updates/", data)
    assert response.status_code == 400
    text = words(response)
    assert "closed or taken out of the plan since you opened this page" in text
    assert "Café open on Fridays" in text
    assert ProgressUpdate.objects.count() == 1


def test_rows_stay_with_their_action_when_a_draft_is_started_meanwhile(
    client, world, area_lead, area_editor
):
    client.force_login(area_lead)
    data = round_data(world, **{"3_1": ("Site visits booked", "", "")})
    # The form was built on the published version; a draft starts before it is sent.
    from concordat.core.services import action_update

    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    assert client.post("/workspace/riverside/updates/", data).status_code == 302
    assert ProgressUpdate.objects.get().identity_id == world.action("3.1").identity_id


def test_signatory_editors_see_only_the_actions_their_organisation_leads(
    client, world, signatory_editor
):
    client.force_login(signatory_editor)
    text = words(client.get("/workspace/riverside/updates/"))
    assert "1.1 Agree a crisis plan" in text
    assert "2.1 Open a crisis café" not in text
    response = client.post(
        "/workspace/riverside/updates/",
        round_data(world, **{"1_1": ("Guidance sent to the area", "", "")}),
    )
    assert response.status_code == 302
    national = words(client.get("/workspace/england/updates/"))
    assert "1.1 Publish guidance" in national
    assert "1.2 Train every police college cohort" not in national


def test_a_signatory_editors_note_on_an_action_they_do_not_lead_is_refused(
    client, world, signatory_editor
):
    client.force_login(signatory_editor)
    data = round_data(world, **{"2_1": ("Not mine to say", "", "")})
    response = client.post("/workspace/riverside/updates/", data)
    assert response.status_code == 400
    assert not ProgressUpdate.objects.exists()


def test_updates_go_on_while_a_refresh_is_under_review(client, world, area_lead):
    from concordat.core.services import action_update
    from concordat.workspace.services import submission_submit_version

    action_update(action=world.action("1.1"), actor=area_lead, subtheme="Children")
    submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    client.force_login(area_lead)
    page = words(client.get("/workspace/riverside/updates/"))
    assert "1.1 Agree a crisis plan" in page
    response = client.post(
        "/workspace/riverside/updates/",
        round_data(world, **{"1_1": ("Agreed", "complete", "blue")}),
    )
    assert response.status_code == 302
    assert ProgressUpdate.objects.get().is_public
    # The status reaches the published action and the refresh under review alike.
    assert world.action("1.1").canonical_status == "complete"
    assert world.current("1.1").canonical_status == "complete"
