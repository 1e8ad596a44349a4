"""Progress updates on one action, and the update round: every open action of a plan in one
form, blank rows skipped, all saved together or none."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from concordat.core.models import AuditEntry, PlanVersion, ProgressUpdate

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
    assert update.version.state == PlanVersion.State.DRAFT
    assert update.author == area_editor
    draft_row = world.current("1.1")
    assert (draft_row.status, draft_row.canonical_status, draft_row.rag) == (
        "Complete",
        "complete",
        "blue",
    )
    page = words(client.get(response["Location"]))
    assert (
        "Your progress update has been saved. It will be public when Version 2 is published."
        in page
    )
    assert "14 January 2016, editor@riverside.test.example, complete, blue (complete)" in page
    assert "Not yet public" in page
    # The public page does not show it until the draft is published.
    assert "agreed by the board" not in words(client.get("/areas/riverside/plan/actions/1.1/"))


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
    assert "Write the progress note" in page
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
    assert {u.version.number for u in updates} == {2}
    assert world.current("3.1").canonical_status == "in_progress"
    assert world.current("2.1").canonical_status == "in_progress"
    text = words(client.get("/workspace/riverside/updates/"))
    assert "2 progress updates saved." in text
    # 1.1 is complete now, so it leaves the round.
    assert "1.1 Agree a crisis plan" not in text


def test_the_update_round_is_all_or_nothing(client, world, area_lead, monkeypatch):
    from concordat.workspace.views import updates as views

    real = views.progress_update_post

    def fails_on_3_1(*, action, **kwargs):
        if action.ref == "3.1":
            raise ValidationError("The action could not be updated.")
        return real(action=action, **kwargs)

    monkeypatch.setattr(views, "progress_update_post", fails_on_3_1)
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
    assert "Some updates could not be saved, so none were. See the notes below." in text
    assert "Action 3.1: The action could not be updated." in text
    assert not ProgressUpdate.objects.exists()
    # Not even the draft the first update started survives.
    assert not PlanVersion.objects.filter(state="draft").exists()
    assert not AuditEntry.objects.filter(verb="posted update").exists()
    # The notes typed are still in the form.
    assert "Agreed with schools</textarea>" in response.content.decode()


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
    assert not ProgressUpdate.objects.exists()


def test_an_empty_round_asks_for_a_note(client, world, area_lead):
    client.force_login(area_lead)
    response = client.post("/workspace/riverside/updates/", round_data(world))
    assert response.status_code == 400
    assert "Write a progress note for at least one action." in words(response)


def test_a_note_on_an_action_closed_meanwhile_is_refused_and_shown_back(
    client, world, area_lead, area_editor
):
    client.force_login(area_lead)
    data = round_data(world, **{"2_1": ("Café open on Fridays", "", "")})
    # Someone retires 2.1 after the page was opened.
    from concordat.core.services import action_retire

    action_retire(action=world.action("2.1"), actor=area_editor, reason="Merged")
    response = client.post("/workspace/riverside/updates/", data)
    assert response.status_code == 400
    text = words(response)
    assert "closed or taken out of the plan since you opened this page" in text
    assert "Café open on Fridays" in text
    assert not ProgressUpdate.objects.exists()


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


def test_the_round_is_refused_while_the_plan_is_under_review(client, world, area_lead):
    from concordat.core.services import action_update
    from concordat.workspace.services import submission_submit_version

    action_update(action=world.action("1.1"), actor=area_lead, subtheme="Children")
    submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    client.force_login(area_lead)
    assert "Version 2 is waiting for review, so no updates can be posted" in words(
        client.get("/workspace/riverside/updates/")
    )
    response = client.post(
        "/workspace/riverside/updates/", round_data(world, **{"1_1": ("Agreed", "", "")})
    )
    assert response.status_code == 400
    assert not ProgressUpdate.objects.exists()
