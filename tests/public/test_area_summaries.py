"""The counts for every area come from one grouped query; they must agree, action for action,
with the rules applied to each published action (what the area's own pages show)."""

from datetime import timedelta

import pytest

from concordat.core import rules
from concordat.core.models import Area
from concordat.core.selectors.areas import area_summaries, stage_counts
from concordat.core.selectors.plans import latest_version, summarise, version_actions
from concordat.core.services import plan_version_start_draft

from .world import import_and_publish, parsed_action, publish, varied_area


def refreshed_area():
    """Undated notes imported with version 1 (60 days ago), then version 2 (5 days ago)."""
    area = Area.objects.create(name="Recentshire", slug="recentshire")
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


def test_old_plan_is_stale_and_its_review_overdue(world):
    varied_area(world.today)

    eastshire = next(s for s in area_summaries(on=world.today) if s.area.slug == "eastshire")

    # Published 300 days ago: every open action is stale; the review (6 months) is overdue.
    assert eastshire.stage == "review_overdue"
    assert eastshire.stale == 8
    assert eastshire.overdue == 1
    # Stale open actions are suggested amber; the superseded one gets no RAG.
    assert eastshire.by_rag == {"red": 1, "amber": 7, "green": 0, "blue": 1, "": 1}


def test_undated_notes_count_from_the_day_their_version_was_published(world):
    refreshed_area()

    def recentshire(on):
        return next(s for s in area_summaries(on=on) if s.area.slug == "recentshire")

    # The note on 1.1 was published with version 1, 60 days ago: recent, not stale.
    assert recentshire(world.today).updated_recently == 1
    # Seven months on, nothing new has been published: both open actions are stale.
    later = recentshire(world.today + timedelta(days=215))
    assert (later.updated_recently, later.stale) == (0, 2)


def test_summaries_filter_by_region_and_stage(world):
    assert [s.area.slug for s in area_summaries(on=world.today, region="south-west")] == [
        "southshire",
        "westshire",
    ]
    assert [s.area.slug for s in area_summaries(on=world.today, stage="delivering")] == [
        "northshire",
        "southshire",
    ]


def test_stage_counts_list_every_stage_in_order(world):
    counts = stage_counts(area_summaries(on=world.today))

    assert [(stage.value, count) for stage, count in counts] == [
        ("no_declaration", 0),
        ("declaration_signed", 1),
        ("plan_published", 0),
        ("delivering", 2),
        ("review_overdue", 0),
    ]
