"""Adding, editing, retiring and reordering actions on the web: edits land in a draft, the
published version stays as it was, and every change is in the audit trail."""

from datetime import date

import pytest

from concordat.core.models import Action, AuditEntry, PlanVersion
from concordat.core.services import plan_version_publish

from .helpers import words

pytestmark = pytest.mark.django_db


def edit_data(action, **changes):
    data = {
        "lock_version": action.lock_version,
        "ref": action.ref,
        "section": action.section_id or "",
        "subtheme": action.subtheme,
        "text": action.text,
        "timescale": action.timescale,
        "start": action.start.strftime("%d/%m/%Y") if action.start else "",
        "due": action.due.strftime("%d/%m/%Y") if action.due else "",
        "lead": action.lead,
        "lead_organisations": "\n".join(o.name for o in action.lead_organisations.all()),
        "outcomes": "\n".join(action.outcomes),
        "performance_indicator": action.performance_indicator,
        "status": action.status,
        "canonical_status": action.canonical_status,
        "rag": action.rag,
    }
    if action.ongoing:
        data["ongoing"] = "on"
    if action.new:
        data["new"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_editing_a_published_action_saves_it_in_a_new_draft_and_leaves_the_published_one(
    client, world, area_editor
):
    client.force_login(area_editor)
    published = world.action("1.1")
    response = client.post(
        f"/workspace/riverside/actions/{published.pk}/edit/",
        edit_data(published, text="Agree a crisis plan for people of all ages"),
    )
    draft_row = world.current("1.1")
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/riverside/actions/{draft_row.pk}/"
    assert draft_row.version.number == 2
    assert draft_row.version.state == PlanVersion.State.DRAFT
    assert draft_row.text == "Agree a crisis plan for people of all ages"
    published.refresh_from_db()
    assert published.text == "Agree a crisis plan for children and young people"
    page = words(client.get(response["Location"]))
    assert "Action 1.1 has been saved in Version 2." in page
    # The public plan still shows the published words.
    assert "children and young people" in words(client.get("/areas/riverside/plan/"))
    assert "people of all ages" not in words(client.get("/areas/riverside/plan/"))


def test_changing_the_timescale_words_derives_the_dates_again(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    client.post(
        f"/workspace/riverside/actions/{action.pk}/edit/",
        edit_data(action, timescale="By March 2016"),
    )
    draft_row = world.current("1.1")
    assert (draft_row.timescale, draft_row.due, draft_row.timescale_needs_review) == (
        "By March 2016",
        date(2016, 3, 31),
        False,
    )


def test_derived_values_can_be_set_by_hand_beside_the_words(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("2.1")
    client.post(
        f"/workspace/riverside/actions/{action.pk}/edit/",
        edit_data(
            action,
            timescale="Ongoing",
            due="30/9/2016",
            status="Nearly there",
            canonical_status="complete",
        ),
    )
    draft_row = world.current("2.1")
    assert draft_row.timescale == "Ongoing"
    assert draft_row.due == date(2016, 9, 30)
    assert (draft_row.status, draft_row.canonical_status) == ("Nearly there", "complete")
    page = words(client.get(f"/workspace/riverside/actions/{draft_row.pk}/edit/"))
    # The verbatim words are shown beside the derived values in the form.
    assert "Timescale, as written" in page and "Status, as written" in page


def test_the_edit_form_shows_the_verbatim_text_beside_the_derived_values(
    client, world, area_editor
):
    client.force_login(area_editor)
    page = client.get(f"/workspace/riverside/actions/{world.action('1.1').pk}/").content.decode()
    assert "May 2015" in page
    assert "Due 31 May 2015." in page
    assert "As written: Ongoing" in page
    assert "Organisations: Testland Health Board" in page


def test_lead_organisations_are_matched_by_name_or_short_name_and_unknown_names_refused(
    client, world, area_editor, other_organisation
):
    client.force_login(area_editor)
    action = world.action("2.1")
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/edit/",
        edit_data(action, lead_organisations="THB\nTestland Police College\nNo Such Trust"),
    )
    assert response.status_code == 400
    page = words(response)
    assert page.startswith("Error:") or "There is a problem" in page
    assert (
        "No organisation in the registry is called “No Such Trust”. Check the spelling, or ask "
        "the Concordat office to add it." in page
    )
    assert not PlanVersion.objects.filter(state="draft").exists()

    client.post(
        f"/workspace/riverside/actions/{action.pk}/edit/",
        edit_data(action, lead_organisations="THB\nTestland Police College"),
    )
    draft_row = world.current("2.1")
    assert [o.name for o in draft_row.lead_organisations.order_by("action_leads__position")] == [
        "Testland Health Board",
        "Testland Police College",
    ]
    entry = AuditEntry.objects.get(identity=draft_row.identity, field="lead_organisations")
    assert (entry.before, entry.after) == ("", "Testland Health Board | Testland Police College")


def test_an_impossible_date_is_refused_with_a_clear_message_and_nothing_saved(
    client, world, area_editor
):
    client.force_login(area_editor)
    action = world.action("3.1")
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/edit/",
        edit_data(action, start="1/4/2016", due="31/2/2016"),
    )
    assert response.status_code == 400
    assert "The due date must be a real date, like 31/3/2016" in words(response)
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/edit/",
        edit_data(action, start="1/4/2016", due="1/3/2016"),
    )
    assert response.status_code == 400
    assert "The due date must be on or after the start date" in words(response)
    assert not PlanVersion.objects.filter(state="draft").exists()


def test_saving_without_changes_changes_nothing(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    response = client.post(f"/workspace/riverside/actions/{action.pk}/edit/", edit_data(action))
    assert response.status_code == 302
    assert not PlanVersion.objects.filter(state="draft").exists()
    assert not AuditEntry.objects.filter(verb="changed").exists()


def test_adding_an_action(client, world, area_editor):
    client.force_login(area_editor)
    response = client.post(
        "/workspace/riverside/actions/new/",
        {
            "ref": "5.1",
            "section": "5",
            "text": "Set up a peer support line",
            "timescale": "From April 2016",
            "lead": "Mind and THB",
            "lead_organisations": "THB",
            "outcomes": "People stay well\nFewer readmissions",
            "status": "Not started",
        },
    )
    added = world.current("5.1")
    assert response.status_code == 302
    assert (added.start, added.due, added.new) == (date(2016, 4, 1), None, True)
    assert added.canonical_status == "not_started"
    assert added.outcomes == ["People stay well", "Fewer readmissions"]
    assert [o.name for o in added.lead_organisations.all()] == ["Testland Health Board"]
    assert AuditEntry.objects.filter(
        identity=added.identity, verb="added action", after="Set up a peer support line"
    ).exists()
    assert not world.v1.actions.filter(ref="5.1").exists()


def test_adding_an_action_needs_its_words(client, world, area_editor):
    client.force_login(area_editor)
    response = client.post("/workspace/riverside/actions/new/", {"ref": "5.2"})
    assert response.status_code == 400
    assert "Enter the action" in words(response)
    assert not PlanVersion.objects.filter(state="draft").exists()


def test_a_duplicate_ref_is_refused(client, world, area_editor):
    client.force_login(area_editor)
    response = client.post(
        "/workspace/riverside/actions/new/", {"ref": "1.1", "text": "Another first action"}
    )
    assert response.status_code == 400
    assert "Another action in this plan already has the ref 1.1." in words(response)


def test_retiring_keeps_the_action_superseded_with_its_reason(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("2.1")
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/retire/",
        {"lock_version": action.lock_version, "reason": "Merged with action 3.1"},
    )
    assert response.status_code == 302
    retired = world.current("2.1")
    assert (retired.canonical_status, retired.retired_reason) == (
        "superseded",
        "Merged with action 3.1",
    )
    assert "Retired: Merged with action 3.1" in words(client.get(response["Location"]))
    entries = {
        (e.field, e.before, e.after) for e in AuditEntry.objects.filter(identity=action.identity)
    }
    assert ("canonical_status", "in_progress", "superseded") in entries
    assert ("retired_reason", "", "Merged with action 3.1") in entries
    action.refresh_from_db()
    assert action.canonical_status == "in_progress"


def test_retiring_needs_a_reason(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("2.1")
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/retire/",
        {"lock_version": action.lock_version, "reason": " "},
    )
    assert response.status_code == 400
    assert "Say why the action is being retired" in words(response)


def test_moving_actions_up_and_down_without_javascript(client, world, area_editor):
    client.force_login(area_editor)
    identity = world.action("2.1").identity_id
    response = client.post(
        "/workspace/riverside/order/move/", {"identity": identity, "direction": "up"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/riverside/order/#identity-{identity}"
    draft = PlanVersion.objects.get(state="draft")
    assert list(draft.actions.order_by("position").values_list("ref", flat=True)) == [
        "1.1",
        "2.1",
        "1.2",
        "3.1",
    ]
    client.post("/workspace/riverside/order/move/", {"identity": identity, "direction": "down"})
    client.post(
        "/workspace/riverside/order/move/",
        {"identity": world.action("3.1").identity_id, "direction": "down"},
    )
    assert list(draft.actions.order_by("position").values_list("ref", flat=True)) == [
        "1.1",
        "1.2",
        "2.1",
        "3.1",
    ]
    assert list(world.v1.actions.order_by("position").values_list("ref", flat=True)) == [
        "1.1",
        "1.2",
        "2.1",
        "3.1",
    ]
    assert AuditEntry.objects.filter(verb="reordered", version=draft).count() == 2
    page = words(client.get("/workspace/riverside/order/"))
    assert "Move up 2.1" in page and "Move down 2.1" in page


def test_a_submitted_plan_cannot_be_edited(client, world, area_editor, area_lead):
    from concordat.core.services import action_update
    from concordat.workspace.services import submission_submit_version

    action_update(action=world.action("3.1"), actor=area_editor, subtheme="Places of safety")
    submission_submit_version(version=world.current("3.1").version, actor=area_lead)
    client.force_login(area_editor)
    row = world.current("1.1")
    response = client.post(f"/workspace/riverside/actions/{row.pk}/edit/", edit_data(row, text="X"))
    assert response.status_code == 400
    assert (
        "Version 2 is waiting for review; it can be changed again once it is published or returned."
        in words(response)
    )
    assert Action.objects.get(pk=row.pk).text != "X"
    page = words(client.get(f"/workspace/riverside/actions/{row.pk}/"))
    assert "waiting for review, so this action cannot be changed" in page


def test_a_published_version_is_unchanged_by_later_edits_updates_and_retirements(
    client, world, area_editor
):
    """The plan as published never changes; only its actions' live status and RAG move, with
    the progress updates that state them (each a dated, append-only record)."""
    before = [
        (a.ref, a.text, a.timescale, a.due, a.position)
        for a in world.v1.actions.order_by("position")
    ]
    client.force_login(area_editor)
    one = world.action("1.1")
    client.post(f"/workspace/riverside/actions/{one.pk}/edit/", edit_data(one, text="Changed"))
    client.post(
        f"/workspace/riverside/actions/{world.action('2.1').pk}/retire/",
        {"lock_version": 0, "reason": "Dropped"},
    )
    client.post(
        f"/workspace/riverside/actions/{world.action('3.1').pk}/progress/",
        {"on": "1/1/2016", "note": "Started", "canonical_status": "in_progress", "rag": "green"},
    )
    client.post(
        "/workspace/riverside/order/move/",
        {"identity": world.action("3.1").identity_id, "direction": "up"},
    )
    draft = PlanVersion.objects.get(state="draft")
    plan_version_publish(version=draft, actor=None)
    after = [
        (a.ref, a.text, a.timescale, a.due, a.position)
        for a in world.v1.actions.order_by("position")
    ]
    assert after == before
    progress = world.v1.actions.get(ref="3.1")
    assert (progress.status, progress.canonical_status, progress.rag) == (
        "In progress",
        "in_progress",
        "green",
    )
    assert world.v1.actions.get(ref="2.1").canonical_status == "in_progress"  # retired in v2 only
    world.v1.refresh_from_db()
    assert world.v1.state == "published"
    # Later edits start another draft (Version 3) from the newly published Version 2.
    client.post(
        f"/workspace/riverside/actions/{world.current_or_published('1.1').pk}/edit/",
        edit_data(world.current_or_published("1.1"), text="Changed again"),
    )
    assert PlanVersion.objects.get(state="draft").number == 3
    assert draft.actions.get(ref="1.1").text == "Changed"
