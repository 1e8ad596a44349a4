"""The counts for every area come from one grouped query; they must agree, action for action,
with the rules applied to each published action (what the area's own pages show)."""

from datetime import timedelta

import pytest

from concordat.core import rules
from concordat.core.models import Action
from concordat.core.selectors.areas import area_dashboard, area_summaries, stage_counts
from concordat.core.selectors.plans import sections, summarise, version_actions
from concordat.core.selectors.published import latest_version
from concordat.core.services import plan_version_start_draft
from concordat.core.services.updates import progress_update_post
from tests.factories import make_area

from .world import import_and_publish, parsed_action, publish, varied_area


def refreshed_area():
    """Undated notes imported with version 1 (60 days ago), then version 2 (5 days ago)."""
    area = make_area("Recentshire")
    v1 = import_and_publish(
        area,
        [
            parsed_action(
                "1.1", "Street triage", 3, canonical_status="in_progress", progress="Began."
            ),
            parsed_action("1.2", "Crisis café", 2, canonical_status="not_started"),
        ],
        days_ago=60,
    )
    publish(plan_version_start_draft(area=area, actor=None), days_ago=5)
    return area, v1


@pytest.mark.parametrize("offset_days", [0, 200, -120, -58, 150])
def test_grouped_counts_match_the_rules_applied_to_each_action(world, offset_days):
    varied_area(world.today)
    refreshed_area()
    on = world.today + timedelta(days=offset_days)

    for summary in area_summaries(on=on):
        version = latest_version(summary.area)
        items = version_actions(version, on=on) if version else []
        expected = summarise(items)
        cutoff = rules.stale_cutoff(on=on)
        assert summary.total == expected["total"], summary.area
        assert summary.by_status == expected["by_status"], summary.area
        assert summary.by_rag == expected["by_rag"], summary.area
        assert summary.overdue == expected["overdue"], summary.area
        assert summary.stale == expected["stale"], summary.area
        assert summary.complete == expected["complete"], summary.area
        assert summary.updated_recently == sum(
            1 for item in items if item.latest_update_on and item.latest_update_on >= cutoff
        ), summary.area
        assert summary.updated_recently == expected["updated_recently"], summary.area
        assert summary.already_due == expected["already_due"], summary.area
        assert summary.by_rag_suggested == expected["by_rag_suggested"], summary.area
        dated = [item.latest_update_on for item in items if item.latest_update_on]
        assert summary.last_update == (max(dated) if dated else None), summary.area
        # The area's own page judges its stage from its actions one by one: the same stage.
        dashboard = area_dashboard(summary.area, on=on, sections=sections())
        assert dashboard.stage_verdict == summary.stage_verdict, summary.area


def test_old_plan_is_stale_and_its_review_overdue(world):
    varied_area(world.today)

    eastshire = next(s for s in area_summaries(on=world.today) if s.area.slug == "eastshire")

    # Published 300 days ago: every open action is stale; the review (6 months) is overdue;
    # 1 of the 3 actions already due is overdue. Behind, for all three reasons.
    review_due = eastshire.review_due
    assert eastshire.stage == "behind"
    assert eastshire.stage_verdict.reasons == (
        "1 of 10 actions overdue (1 of the 3 already due)",
        f"review overdue since {review_due.day} {review_due:%B %Y}",
        "no progress update for 6 months",
    )
    assert eastshire.stage_reason.startswith("1 of 10 actions overdue (1 of the 3 already due); ")
    assert eastshire.stale == 8
    assert eastshire.overdue == 1
    assert eastshire.already_due == 3
    # Stale open actions are suggested amber; the superseded one gets no RAG; only 2.3's
    # amber was reported.
    assert eastshire.by_rag == {"red": 1, "amber": 7, "green": 0, "blue": 1, "": 1}
    assert eastshire.by_rag_suggested == {"red": 1, "amber": 6, "green": 0, "blue": 1, "": 0}
    assert eastshire.last_update is None


def test_undated_notes_are_never_recent(world):
    refreshed_area()

    def recentshire(on):
        return next(s for s in area_summaries(on=on) if s.area.slug == "recentshire")

    # The note on 1.1 came from a document without a date: never recent, so both open
    # actions count as not updated for six months, and none as updated in the last six.
    today = recentshire(world.today)
    assert (today.updated_recently, today.stale, today.last_update) == (0, 2, None)
    # Version 2 was published 5 days ago with nothing due yet: not behind for want of
    # updates until six months have passed since publication.
    assert today.stage == "plan_published"
    later = recentshire(world.today + timedelta(days=215))
    assert (later.updated_recently, later.stale, later.stage) == (0, 2, "behind")
    assert later.stage_verdict.reasons[-1] == "no progress update for 6 months"


def test_a_dated_note_counts_until_six_months_after_its_own_date(world):
    area, _v1 = refreshed_area()
    action = Action.objects.get(version__plan__area=area, version__number=2, ref="1.2")
    draft = plan_version_start_draft(area=area, actor=None)
    progress_update_post(
        action=draft.actions.get(identity_id=action.identity_id),
        actor=None,
        note="Premises found.",
        on=world.today - timedelta(days=20),
    )
    publish(draft, days_ago=1)

    def recentshire(on):
        return next(s for s in area_summaries(on=on) if s.area.slug == "recentshire")

    now = recentshire(world.today)
    assert (now.updated_recently, now.stale, now.last_update) == (
        1,
        1,
        world.today - timedelta(days=20),
    )
    assert now.stage == "delivering"
    cutoff_day = rules.add_months(world.today - timedelta(days=20), 6)
    on_the_day = recentshire(cutoff_day)
    assert (on_the_day.updated_recently, on_the_day.stale) == (1, 1)
    day_after = recentshire(cutoff_day + timedelta(days=1))
    assert (day_after.updated_recently, day_after.stale) == (0, 2)


def test_summaries_filter_by_region_and_stage(world):
    assert [s.area.slug for s in area_summaries(on=world.today, region="south-west")] == [
        "southshire",
        "westshire",
    ]
    # Northshire's one action already due is overdue (a quarter or more): behind.
    assert [s.area.slug for s in area_summaries(on=world.today, stage="delivering")] == [
        "southshire",
    ]
    assert [s.area.slug for s in area_summaries(on=world.today, stage="behind")] == [
        "northshire",
    ]


def test_stage_counts_list_every_stage_in_order(world):
    counts = stage_counts(area_summaries(on=world.today))

    assert [(stage.value, count) for stage, count in counts] == [
        ("no_declaration", 0),
        ("declaration_signed", 1),
        ("plan_published", 0),
        ("behind", 1),
        ("delivering", 1),
    ]
