import pytest
from django.core.exceptions import ValidationError

from concordat.accounts.permissions import can_feature_good_practice, can_mark_good_practice
from concordat.core.models import Action, AuditEntry, ProgressUpdate
from concordat.goodpractice.models import GoodPractice
from concordat.goodpractice.services import (
    good_practice_feature,
    good_practice_mark,
    good_practice_withdraw,
)
from concordat.reports.models import ReportSection

pytestmark = pytest.mark.django_db

REASON = "Police and nurses answer calls together, and s136 use fell."


def test_area_member_marks_an_action_with_an_audit_entry(world, users):
    action = world.action("1.1")
    mark = good_practice_mark(actor=users["lead"], target=action, reason=f"  {REASON}  ")
    assert (mark.kind, mark.area, mark.identity, mark.version) == (
        "action",
        world.north,
        action.identity,
        world.v2,
    )
    assert mark.reason == REASON
    assert mark.section.number == 3
    entry = AuditEntry.objects.get(object_type="goodpractice", object_id=str(mark.pk))
    assert (entry.verb, entry.actor, entry.area) == (
        "marked good practice",
        users["lead"],
        world.north,
    )
    assert entry.after == REASON


def test_office_marks_updates_and_report_sections(world, users):
    update = ProgressUpdate.objects.get(note="Two training days held for control room staff.")
    mark = good_practice_mark(actor=users["office"], target=update, reason=REASON, theme="Training")
    assert (mark.kind, mark.theme, mark.section.number) == ("update", "Training", 4)
    section = ReportSection.objects.get(report=world.report)
    mark = good_practice_mark(actor=users["office"], target=section, reason=REASON)
    assert (mark.kind, mark.theme, mark.section) == ("report_section", "Narrative", None)


@pytest.mark.parametrize("who", ["other", "outsider"])
def test_others_may_not_mark(world, users, who):
    area = world.action("1.1").version.plan.area
    assert not can_mark_good_practice(users[who], area)
    assert can_mark_good_practice(users["lead"], area)
    assert can_mark_good_practice(users["office"], area)


def test_unpublished_things_cannot_be_marked(world, users):
    draft_action = Action.objects.get(version=world.draft, ref="1.1")
    with pytest.raises(ValidationError, match="Only an action of a published plan"):
        good_practice_mark(actor=users["office"], target=draft_action, reason=REASON)
    draft_update = ProgressUpdate.objects.get(version=world.draft)
    with pytest.raises(ValidationError, match="Only a published progress update"):
        good_practice_mark(actor=users["office"], target=draft_update, reason=REASON)
    section = ReportSection.objects.get(report=world.draft_report)
    with pytest.raises(ValidationError, match="Only a section of a published progress report"):
        good_practice_mark(actor=users["office"], target=section, reason=REASON)


def test_reason_is_required_and_short(world, users):
    with pytest.raises(ValidationError, match="at least 10 characters"):
        good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason="good")
    with pytest.raises(ValidationError, match="500 characters or fewer"):
        good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason="x" * 501)


def test_an_action_is_marked_once(world, users):
    good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason=REASON)
    with pytest.raises(ValidationError, match="already marked"):
        good_practice_mark(actor=users["office"], target=world.action("1.1"), reason=REASON)
    assert GoodPractice.objects.count() == 1


def test_only_the_office_features(world, users):
    mark = good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason=REASON)
    assert not can_feature_good_practice(users["lead"])
    assert can_feature_good_practice(users["office"])
    mark = good_practice_feature(actor=users["office"], mark=mark)
    assert mark.featured and mark.featured_by == users["office"]
    assert AuditEntry.objects.filter(verb="featured good practice").count() == 1
    mark = good_practice_feature(actor=users["office"], mark=mark, featured=False)
    assert not mark.featured and mark.featured_at is None


def test_withdrawing_frees_the_action_to_be_marked_again(world, users):
    mark = good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason=REASON)
    assert not can_mark_good_practice(users["outsider"], mark.area)
    good_practice_withdraw(actor=users["lead"], mark=mark)
    with pytest.raises(ValidationError, match="already been withdrawn"):
        good_practice_withdraw(actor=users["lead"], mark=mark)
    again = good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason=REASON)
    assert again.pk != mark.pk
