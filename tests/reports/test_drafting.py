from datetime import date
from decimal import Decimal

import pytest

from concordat.core import rules
from concordat.core.models import Action, Area
from concordat.core.services import progress_update_post
from concordat.measures.periods import month
from concordat.reports.drafting import draft_report
from concordat.reports.models import Metric
from concordat.reports.services import (
    metric_value_record,
    progress_report_draft,
    progress_report_publish,
)

pytestmark = pytest.mark.django_db


def refs(actions):
    return [action.ref for action in actions]


def test_draft_compares_the_versions_in_force_at_each_end_of_the_period(history):
    area, v1, v2 = history
    draft = draft_report(area, period_start=date(2015, 6, 1), period_end=date(2015, 12, 31))
    assert draft.start_version == v1
    assert draft.end_version == v2
    assert refs(draft.completed) == ["1.1"]
    assert refs(draft.added) == ["5.1"]
    dropped = {action.ref: reason for action, reason in draft.dropped}
    assert dropped == {
        "3.1": "removed from Version 2",
        "4.1": "Merged with the county's triage.",
    }
    assert refs(draft.overdue) == ["1.2", "5.1"]
    assert refs(draft.due_in_period) == ["4.1", "1.2", "5.1"]
    assert refs(draft.due_next) == ["2.1"]
    assert [(a.ref, u.date) for a, u in draft.updates] == [
        ("1.1", date(2015, 7, 14)),
        ("1.2", date(2015, 9, 2)),
    ]


def test_updates_after_the_period_do_not_change_it(history):
    """Progress updates change the status without a new version; a report drafted later
    reads each end of its period as it was on that day."""
    area, _v1, v2 = history
    row = {action.ref: action for action in Action.objects.filter(version=v2)}
    progress_update_post(
        action=row["2.1"],
        actor=None,
        note="The crisis cafe opened.",
        on=date(2016, 2, 10),
        status="Complete",
        canonical_status="complete",
    )
    progress_update_post(
        action=row["1.2"],
        actor=None,
        note="Every officer trained.",
        on=date(2016, 9, 1),
        status="Complete",
        canonical_status="complete",
        rag="blue",
    )
    # The published plan shows both at once, and keeps what it was published with.
    live = Action.objects.get(pk=row["1.2"].pk)
    assert (live.canonical_status, live.rag) == ("complete", "blue")
    assert (live.as_published("canonical_status"), live.as_published("rag")) == (
        "in_progress",
        "amber",
    )
    assert live.as_published("status") == "Ongoing"
    draft = draft_report(area, period_start=date(2016, 1, 1), period_end=date(2016, 6, 30))
    assert draft.start_version == draft.end_version == v2
    assert refs(draft.completed) == ["2.1"]
    assert draft.status_counts == {
        "not_started": 0,
        "in_progress": 1,
        "complete": 2,
        "superseded": 1,
        "": 1,
    }
    assert draft.previous_counts["in_progress"] == 2
    assert refs(draft.overdue) == ["1.2", "5.1"]
    later = draft_report(area, period_start=date(2016, 7, 1), period_end=date(2016, 12, 31))
    assert refs(later.completed) == ["1.2"]
    assert later.status_counts["complete"] == 3


def test_counts_match_the_published_plan(history):
    area, _v1, v2 = history
    draft = draft_report(area, period_start=date(2015, 6, 1), period_end=date(2015, 12, 31))
    statuses = list(Action.objects.filter(version=v2).values_list("canonical_status", flat=True))
    assert draft.status_counts == rules.counts_by_status(statuses)
    assert draft.status_counts == {
        "not_started": 0,
        "in_progress": 2,
        "complete": 1,
        "superseded": 1,
        "": 1,
    }
    # 1.2's amber was reported; 5.1 (overdue) red, 2.1 amber (no progress note in the six
    # months to 31 December 2015: publishing version 2 is not an update) and 1.1 blue are
    # suggested as the public plan page would; 4.1 is superseded and has none.
    assert draft.rag_counts == {"red": 1, "amber": 2, "green": 0, "blue": 1, "": 1}
    assert refs(draft.stale) == ["2.1", "5.1"]
    assert draft.suggested_rags == 3
    assert draft.snapshot["overdue"] == 2
    assert draft.snapshot["status"] == draft.status_counts
    assert draft.snapshot["version"] == 2


def test_sections_say_only_what_the_data_supports(history):
    area, _v1, _v2 = history
    draft = draft_report(area, period_start=date(2015, 6, 1), period_end=date(2015, 12, 31))
    sections = draft.sections()
    assert sections["actions_changed"] == (
        "New actions:\n"
        "• 5.1 Publish a crisis services map\n"
        "Completed:\n"
        "• 1.1 Agree a crisis plan\n"
        "No longer being taken forward:\n"
        "• 3.1 Review places of safety (removed from Version 2)\n"
        "• 4.1 Set up street triage (Merged with the county's triage.)"
    )
    assert sections["progress"] == (
        "Actions completed in June–December 2015:\n"
        "• 1.1 Agree a crisis plan\n"
        "Progress notes dated in June–December 2015:\n"
        "• 1.1 (14 July 2015): The crisis plan was agreed by all partners.\n"
        "• 1.2 (2 September 2015): Forty officers trained so far."
    )
    assert sections["challenges"] == (
        "Overdue on 31 December 2015:\n"
        "• 1.2 Train police officers (due 30 September 2015)\n"
        "• 5.1 Publish a crisis services map (due 30 November 2015)\n"
        "Open actions with no progress note for 6 months:\n"
        "• 2.1 Open a crisis cafe\n"
        "• 5.1 Publish a crisis services map"
    )
    assert sections["priorities"] == (
        "Open actions due by 30 June 2016:\n• 2.1 Open a crisis cafe (due 31 March 2016)"
    )
    assert sections["partnership"] == (
        "Link to the System Resilience Group: The group reports to the Testshire System "
        "Resilience Group every quarter."
    )
    assert (
        "1 complete, 2 in progress, 0 not started, 1 superseded, 1 with no status"
        in (sections["measuring"])
    )
    assert "Change since the start of the period (1 June 2015)" in sections["measuring"]
    # Nothing is known about these, so nothing is written.
    assert sections["outcome_data"] == ""
    assert sections["aim"] == ""


def test_a_plan_first_published_in_the_period_is_said_so(history):
    area, _v1, _v2 = history
    draft = draft_report(area, period_start=date(2015, 1, 1), period_end=date(2015, 3, 31))
    assert draft.first_publication
    assert draft.sections()["actions_changed"] == (
        "The plan was first published in this period (1 March 2015) with 5 actions."
    )
    assert draft.added == [] and draft.completed == []


def test_stale_actions_after_six_months_without_a_note(history):
    area, _v1, _v2 = history
    draft = draft_report(area, period_start=date(2016, 5, 1), period_end=date(2016, 6, 30))
    # Open actions whose last note or publication is before 30 December 2015.
    assert refs(draft.stale) == ["1.2", "2.1", "5.1"]
    assert "Open actions with no progress note for 6 months:" in draft.sections()["challenges"]


def test_change_since_the_last_report_uses_its_snapshot(history, office_user):
    area, _v1, _v2 = history
    first = progress_report_draft(
        area=area, actor=office_user, period_start=date(2015, 3, 1), period_end=date(2015, 5, 31)
    )
    assert first.data_snapshot["status"]["in_progress"] == 3
    progress_report_publish(report=first, actor=office_user)
    draft = draft_report(area, period_start=date(2015, 6, 1), period_end=date(2015, 12, 31))
    assert draft.previous_label == "the last report (to 31 May 2015)"
    assert (
        "Change since the last report (to 31 May 2015): complete 0 → 1; in progress 3 → 2; "
        "not started 2 → 0; superseded 0 → 1; with no status 0 → 1."
    ) in draft.sections()["measuring"]


def test_metric_changes_are_compared_with_a_year_earlier(history):
    area, _v1, _v2 = history
    cells = Metric.objects.get(slug="police-cells-place-of-safety-adults")
    for number in range(4, 10):
        metric_value_record(
            metric=cells, area=area, period=month(2014, number), value=5, actor=None
        )
        metric_value_record(
            metric=cells,
            area=area,
            period=month(2015, number),
            value=Decimal(1) if number < 9 else 0,
            actor=None,
        )
    draft = draft_report(area, period_start=date(2015, 4, 1), period_end=date(2015, 9, 30))
    expected = (
        "• 83% fewer uses of police cells as a place of safety in April–September 2015 than "
        "in April–September 2014."
    )
    assert draft.sections()["outcome_data"] == expected
    assert draft.sections()["s136"] == expected


def test_seed_plan_draft_counts_match_the_plan(seeds):
    area = Area.objects.get(slug="south-west-essex")
    version = area.plan.versions.get()
    today = version.published_at.date()
    draft = draft_report(area, period_start=today.replace(day=1), period_end=today)
    assert len(draft.actions) == 64
    assert draft.status_counts == rules.counts_by_status(
        version.actions.values_list("canonical_status", flat=True)
    )
    overdue = [
        a.ref
        for a in version.actions.order_by("due", "position")
        if rules.is_overdue(due=a.due, canonical_status=a.canonical_status, on=today)
    ]
    assert refs(draft.overdue) == overdue
    assert draft.first_publication
