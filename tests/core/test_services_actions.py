from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from concordat.core.models import (
    Action,
    Area,
    AuditEntry,
    PlanVersion,
    ProgressUpdate,
    Section,
)
from concordat.core.services import (
    ConcurrentEditError,
    action_create,
    action_move,
    action_reorder,
    action_retire,
    action_update,
    area_set_update_approval,
    area_update_details,
    plan_version_import,
    plan_version_publish,
    progress_update_approve,
    progress_update_decline,
    progress_update_post,
    progress_update_withdraw,
)
from tests.factories import make_area, make_organisation, make_user, parsed_action, parsed_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return make_user("ann@example.org", name="Ann"), make_user("bob@example.org")


@pytest.fixture
def published():
    area = make_area("Testshire")
    version = plan_version_import(
        area=area,
        parsed=parsed_plan(
            parsed_action(
                "1.1", "Agree a crisis plan", timescale="May 2015", due=date(2015, 5, 31)
            ),
            parsed_action("1.2", "Train police officers", status="Ongoing"),
        ),
        actor=None,
    )
    return plan_version_publish(version=version, actor=None)


def test_editing_a_published_action_starts_a_draft_and_leaves_the_published_one(published, people):
    ann, _ = people
    original = published.actions.get(ref="1.1")
    edited = action_update(action=original, actor=ann, timescale="By March 2016")
    assert edited.version.state == PlanVersion.State.DRAFT
    assert edited.identity_id == original.identity_id
    assert (edited.due, edited.timescale_needs_review) == (date(2016, 3, 31), False)
    original.refresh_from_db()
    assert original.timescale == "May 2015"
    entries = AuditEntry.objects.filter(identity=original.identity, verb="changed")
    changed = {(e.field, e.before, e.after) for e in entries}
    assert ("timescale", "May 2015", "By March 2016") in changed
    assert ("due", "2015-05-31", "2016-03-31") in changed
    assert all(e.actor == ann for e in entries)


def test_derived_values_can_be_set_by_hand_beside_the_words(published, people):
    ann, _ = people
    action = action_update(
        action=published.actions.get(ref="1.2"),
        actor=ann,
        status="Nearly there",
        canonical_status="in_progress",
    )
    assert (action.status, action.canonical_status) == ("Nearly there", "in_progress")
    action = action_update(
        action=action, actor=ann, lock_version=action.lock_version, status="Achieved"
    )
    assert action.canonical_status == "complete"


def test_a_second_editor_on_a_stale_copy_is_refused_with_the_first_editors_changes(
    published, people
):
    ann, bob = people
    draft_row = action_update(action=published.actions.get(ref="1.1"), actor=ann, subtheme="Data")
    loaded = draft_row.lock_version
    action_update(action=draft_row, actor=ann, lock_version=loaded, text="Agree and publish")
    with pytest.raises(ConcurrentEditError) as refused:
        action_update(action=draft_row, actor=bob, lock_version=loaded, text="Bob's words")
    assert "ann@example.org changed this action while you were editing it" in str(
        refused.value.messages[0]
    )
    assert [(c.field, c.after) for c in refused.value.changes] == [("text", "Agree and publish")]
    assert Action.objects.get(pk=draft_row.pk).text == "Agree and publish"


def test_impossible_values_are_refused_and_nothing_changes(published, people):
    ann, _ = people
    action = published.actions.get(ref="1.1")
    with pytest.raises(ValidationError, match="start date must be on or before"):
        action_update(action=action, actor=ann, start=date(2016, 1, 1), due=date(2015, 1, 1))
    assert not AuditEntry.objects.filter(verb="changed").exists()


def test_lead_organisations_are_edited_and_audited(published, people):
    ann, _ = people
    police = make_organisation("Test Police")
    action = action_update(
        action=published.actions.get(ref="1.2"), actor=ann, lead_organisations=[police]
    )
    assert list(action.lead_organisations.all()) == [police]
    entry = AuditEntry.objects.get(field="lead_organisations")
    assert (entry.before, entry.after) == ("", "Test Police")


def test_retiring_keeps_the_action_as_superseded_with_its_reason(published, people):
    ann, _ = people
    with pytest.raises(ValidationError, match="Say why"):
        action_retire(action=published.actions.get(ref="1.2"), actor=ann, reason=" ")
    retired = action_retire(
        action=published.actions.get(ref="1.2"), actor=ann, reason="Merged into 1.1"
    )
    assert (retired.canonical_status, retired.retired_reason) == ("superseded", "Merged into 1.1")
    assert retired.version.actions.count() == 2


def test_adding_and_reordering_actions_in_the_draft(published, people):
    ann, _ = people
    section = Section.objects.get(number=2)
    added = action_create(
        area=published.plan.area,
        actor=ann,
        text="Open a crisis café",
        section=section,
        ref="2.1",
        timescale="Q3 2015/16",
    )
    assert (added.new, added.due, added.position) == (True, date(2015, 12, 31), 3)
    with pytest.raises(ValidationError, match="already has the ref 2.1"):
        action_create(area=published.plan.area, actor=ann, text="Another", ref="2.1")
    draft = added.version
    ids = list(draft.actions.order_by("position").values_list("pk", flat=True))
    action_reorder(version=draft, actor=ann, action_ids=list(reversed(ids)))
    assert list(draft.actions.order_by("position").values_list("ref", flat=True)) == [
        "2.1",
        "1.2",
        "1.1",
    ]
    with pytest.raises(ValidationError, match="changed while you were reordering"):
        action_reorder(version=draft, actor=ann, action_ids=ids[:2])


def test_a_progress_update_is_public_at_once_and_sets_the_status(published, people):
    ann, _ = people
    action = published.actions.get(ref="1.2")
    update = progress_update_post(
        action=action,
        actor=ann,
        note="All response officers trained.",
        on=date(2015, 9, 1),
        status="Complete",
        rag="blue",
    )
    assert update.version is None
    assert update.author_name == "Ann"
    assert list(ProgressUpdate.objects.public()) == [update]
    action.refresh_from_db()
    assert (action.canonical_status, action.rag) == ("complete", "blue")
    assert not PlanVersion.objects.filter(state="draft").exists()


def test_an_update_waiting_for_approval_is_public_only_once_approved(published, people):
    ann, bob = people
    action = published.actions.get(ref="1.2")
    update = progress_update_post(
        action=action, actor=bob, note="Trained.", status="Complete", needs_approval=True
    )
    assert not ProgressUpdate.objects.public().exists()
    action.refresh_from_db()
    assert action.canonical_status != "complete"
    progress_update_approve(update=update, actor=ann)
    assert list(ProgressUpdate.objects.public()) == [update]
    action.refresh_from_db()
    assert action.canonical_status == "complete"
    with pytest.raises(ValidationError, match="not waiting for approval"):
        progress_update_approve(update=update, actor=ann)


def test_the_areas_choice_decides_which_updates_wait_for_its_lead(published, people):
    from concordat.accounts.models import AreaMembership
    from concordat.accounts.permissions import update_needs_approval

    ann, bob = people
    area = published.plan.area
    AreaMembership.objects.create(user=ann, area=area, role="lead")
    AreaMembership.objects.create(user=bob, area=area, role="editor")
    action = published.actions.get(ref="1.2")

    def post(actor, note):
        # As the view does: it asks the permissions module, the service trusts the answer.
        area.refresh_from_db()
        needs_approval = update_needs_approval(actor, area)
        return progress_update_post(
            action=action, actor=actor, note=note, needs_approval=needs_approval
        )

    before = post(bob, "Before the choice")
    area_set_update_approval(area=area, actor=ann, approve_first=True)
    waiting = post(bob, "An editor's")
    own = post(ann, "The lead's own")
    assert [before.state, waiting.state, own.state] == [
        "published",
        "awaiting_approval",
        "published",
    ]
    assert AuditEntry.objects.filter(verb="posted update for approval").count() == 1


def test_approving_a_no_change_entry_keeps_a_later_status(published, people):
    ann, bob = people
    action = published.actions.get(ref="1.2")
    reviewed = progress_update_post(action=action, actor=bob, no_change=True, needs_approval=True)
    assert (reviewed.kind, reviewed.status) == ("no_change", "Ongoing")
    progress_update_post(action=action, actor=ann, note="Done.", status="Complete", rag="blue")
    progress_update_approve(update=reviewed, actor=ann)
    action.refresh_from_db()
    assert (action.status, action.canonical_status, action.rag) == ("Complete", "complete", "blue")
    assert reviewed.summary == "Reviewed, no change"
    assert ProgressUpdate.objects.public().count() == 2


def test_a_declined_update_is_never_public_and_is_kept(published, people):
    ann, bob = people
    update = progress_update_post(
        action=published.actions.get(ref="1.1"), actor=bob, note="Wrong", needs_approval=True
    )
    with pytest.raises(ValidationError, match="Say why"):
        progress_update_decline(update=update, actor=ann, reason=" ")
    progress_update_decline(update=update, actor=ann, reason="Not agreed by the group")
    update.refresh_from_db()
    assert (update.state, update.declined_reason) == ("declined", "Not agreed by the group")
    assert not ProgressUpdate.objects.public().exists()


def test_the_office_withdraws_a_public_update_and_the_note_stays(published, people):
    ann, _ = people
    update = progress_update_post(action=published.actions.get(ref="1.1"), actor=ann, note="X")
    with pytest.raises(ValidationError, match="Say why"):
        progress_update_withdraw(update=update, actor=ann, reason="")
    progress_update_withdraw(update=update, actor=ann, reason="Names a patient")
    update.refresh_from_db()
    assert update.note == "X" and update.withdrawn_reason == "Names a patient"
    assert not ProgressUpdate.objects.public().exists()
    assert list(ProgressUpdate.objects.listed()) == [update]
    with pytest.raises(ValidationError, match="already been withdrawn"):
        progress_update_withdraw(update=update, actor=ann, reason="Again")
    # The note itself can never change.
    update.note = "Y"
    with pytest.raises(ValidationError, match="cannot be edited"):
        update.save()


def test_an_update_on_an_action_not_yet_published_is_refused(published, people):
    ann, _ = people
    new = action_create(area=published.plan.area, actor=ann, text="New in the refresh")
    with pytest.raises(
        ValidationError, match="not in the published plan, so progress cannot be posted"
    ):
        progress_update_post(action=new, actor=ann, note="Started")
    assert not ProgressUpdate.objects.exists()


def test_a_progress_update_dated_in_the_future_is_refused(published, people):
    ann, _ = people
    with pytest.raises(ValidationError, match="cannot be in the future"):
        progress_update_post(
            action=published.actions.get(ref="1.1"),
            actor=ann,
            note="Planned",
            on=timezone.localdate() + timedelta(days=1),
        )
    assert not ProgressUpdate.objects.exists()
    assert not PlanVersion.objects.filter(state="draft").exists()


def test_area_details_are_audited_field_by_field(published, people):
    ann, _ = people
    area = published.plan.area
    mind = make_organisation("Mind")
    area_update_details(
        area=area,
        actor=ann,
        chair="Ros Example",
        declaration_date=date(2014, 12, 1),
        declaration_signatories=[mind],
    )
    fields = dict(
        AuditEntry.objects.filter(area=area, verb="changed").values_list("field", "after")
    )
    assert fields == {
        "chair": "Ros Example",
        "declaration_date": "2014-12-01",
        "declaration_signatories": "Mind",
    }
    with pytest.raises(ValidationError, match="between 1 and 36 months"):
        area_update_details(area=area, actor=ann, review_cycle_months=0)


def test_an_area_cannot_take_the_address_of_a_workspace_page():
    area = Area(name="Review", slug="review")
    with pytest.raises(ValidationError, match="used by a page of the site"):
        area.full_clean()


def test_an_action_is_added_with_its_lead_organisations_in_one_write(published, people):
    ann, _ = people
    police = make_organisation("Test Police", slug="test-police")
    added = action_create(
        area=published.plan.area,
        actor=ann,
        text="Open a crisis café",
        ref="2.1",
        lead_organisations=[police],
    )
    assert list(added.lead_organisations.all()) == [police]
    assert AuditEntry.objects.filter(verb="added action", note="2.1").count() == 1
    entry = AuditEntry.objects.get(field="lead_organisations")
    assert (entry.before, entry.after, entry.identity_id) == ("", "Test Police", added.identity_id)


def test_an_action_refused_is_not_saved_and_gets_no_lead_organisations(published, people):
    ann, _ = people
    police = make_organisation("Test Police", slug="test-police")
    before = Action.objects.count()
    with pytest.raises(ValidationError, match="already has the ref 1.1"):
        action_create(
            area=published.plan.area,
            actor=ann,
            text="Another",
            ref="1.1",
            lead_organisations=[police],
        )
    assert Action.objects.count() == before
    assert not police.action_leads.exists()
    assert PlanVersion.objects.filter(state=PlanVersion.State.DRAFT).count() == 0


def _refs(version):
    return list(version.actions.order_by("position", "pk").values_list("ref", flat=True))


def test_an_action_moves_one_place_in_the_draft(published, people):
    ann, _ = people
    second = published.actions.get(ref="1.2")
    draft = action_move(
        area=published.plan.area, actor=ann, identity_id=second.identity_id, direction="up"
    )
    assert draft.state == PlanVersion.State.DRAFT
    assert _refs(draft) == ["1.2", "1.1"]
    assert _refs(published) == ["1.1", "1.2"]
    assert AuditEntry.objects.filter(verb="reordered", note="2 actions moved").count() == 1
    action_move(area=published.plan.area, actor=ann, identity_id=second.identity_id, direction="up")
    assert _refs(draft) == ["1.2", "1.1"]
    assert AuditEntry.objects.filter(verb="reordered").count() == 1
    action_move(
        area=published.plan.area, actor=ann, identity_id=second.identity_id, direction="down"
    )
    assert _refs(draft) == ["1.1", "1.2"]


def test_a_move_of_an_action_not_in_the_plan_is_refused_and_starts_no_draft(published, people):
    ann, _ = people
    area = published.plan.area
    with pytest.raises(ValidationError, match="That action is not in the draft of the plan."):
        action_move(area=area, actor=ann, identity_id=0, direction="up")
    with pytest.raises(ValidationError, match="Choose an action and a direction to move it."):
        action_move(
            area=area,
            actor=ann,
            identity_id=published.actions.first().identity_id,
            direction="sideways",
        )
    assert list(PlanVersion.objects.values_list("state", flat=True)) == ["published"]
    assert not AuditEntry.objects.filter(verb__in=["started draft", "reordered"]).exists()
