"""Domain rules: overdue, stale, suggested and effective RAG, counts, review dates, stages."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordat.core.rules import (
    STAGE_ORDER,
    Stage,
    StageVerdict,
    add_months,
    area_stage,
    counts_by_rag,
    counts_by_status,
    coverage_by_section,
    effective_rag,
    is_overdue,
    is_stale,
    review_due_date,
    stale_cutoff,
    suggest_rag,
)

TODAY = date(2015, 12, 1)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2015, 1, 31), 1, date(2015, 2, 28)),
        (date(2016, 1, 31), 1, date(2016, 2, 29)),
        (date(2015, 3, 31), -1, date(2015, 2, 28)),
        (date(2015, 8, 31), 6, date(2016, 2, 29)),
        (date(2015, 5, 15), 6, date(2015, 11, 15)),
        (date(2015, 11, 30), 2, date(2016, 1, 30)),
        (date(2015, 12, 1), -6, date(2015, 6, 1)),
        (date(2015, 1, 10), -13, date(2013, 12, 10)),
        (date(2015, 6, 30), 0, date(2015, 6, 30)),
    ],
)
def test_add_months_clamps_the_day(start, months, expected):
    assert add_months(start, months) == expected


@settings(max_examples=300, deadline=None)
@given(d=st.dates(date(1950, 1, 1), date(2100, 12, 31)), months=st.integers(-600, 600))
def test_add_months_moves_whole_months(d, months):
    moved = add_months(d, months)
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == months
    assert moved.day <= d.day


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        (date(2015, 11, 30), "in_progress", True),
        (date(2015, 11, 30), "not_started", True),
        (date(2015, 11, 30), "", True),  # no status stated: still open
        (date(2015, 11, 30), "complete", False),
        (date(2015, 11, 30), "superseded", False),
        (TODAY, "in_progress", False),  # due today is not yet overdue
        (date(2016, 1, 1), "in_progress", False),
        (None, "in_progress", False),
    ],
)
def test_is_overdue(due, status, expected):
    assert is_overdue(due=due, canonical_status=status, on=TODAY) is expected


def test_stale_cutoff_defaults_to_the_setting(settings):
    settings.CONCORDAT_STALE_MONTHS = 6
    assert stale_cutoff(on=TODAY) == date(2015, 6, 1)
    settings.CONCORDAT_STALE_MONTHS = 3
    assert stale_cutoff(on=TODAY) == date(2015, 9, 1)
    assert stale_cutoff(on=date(2015, 8, 31), months=6) == date(2015, 2, 28)


@pytest.mark.parametrize(
    ("status", "last_activity", "expected"),
    [
        ("in_progress", date(2015, 5, 31), True),
        ("in_progress", date(2015, 6, 1), False),  # on the cutoff is not older than it
        ("in_progress", date(2015, 11, 1), False),
        ("in_progress", None, True),
        ("not_started", None, True),
        ("", date(2014, 1, 1), True),
        ("complete", None, False),
        ("complete", date(2014, 1, 1), False),
        ("superseded", date(2014, 1, 1), False),
    ],
)
def test_is_stale(status, last_activity, expected):
    result = is_stale(canonical_status=status, last_activity=last_activity, on=TODAY, months=6)
    assert result is expected


def test_is_stale_uses_the_setting_by_default(settings):
    settings.CONCORDAT_STALE_MONTHS = 1
    assert is_stale(canonical_status="in_progress", last_activity=date(2015, 10, 15), on=TODAY)
    settings.CONCORDAT_STALE_MONTHS = 12
    assert not is_stale(canonical_status="in_progress", last_activity=date(2015, 10, 15), on=TODAY)


@pytest.mark.parametrize(
    ("status", "due", "stale", "expected"),
    [
        ("complete", date(2014, 1, 1), True, "blue"),
        ("complete", None, False, "blue"),
        ("superseded", date(2014, 1, 1), False, ""),
        ("in_progress", date(2015, 11, 30), False, "red"),
        ("not_started", date(2015, 11, 30), False, "red"),
        ("", date(2015, 11, 30), False, "red"),
        ("in_progress", date(2015, 11, 30), True, "red"),  # overdue beats stale
        ("in_progress", None, True, "amber"),
        ("in_progress", date(2016, 6, 1), True, "amber"),
        ("in_progress", TODAY, False, "amber"),  # due today
        ("in_progress", date(2015, 12, 31), False, "amber"),  # 30 days away
        ("in_progress", date(2016, 1, 1), False, "green"),  # 31 days away
        ("in_progress", None, False, "green"),
        ("not_started", None, False, ""),
        ("not_started", date(2015, 12, 20), False, "amber"),
        ("not_started", date(2016, 6, 1), False, "green"),
        ("not_started", None, True, "amber"),
        ("", None, False, ""),
        ("", date(2016, 6, 1), False, ""),
    ],
)
def test_suggest_rag(status, due, stale, expected):
    assert suggest_rag(canonical_status=status, due=due, on=TODAY, stale=stale) == expected


def test_effective_rag_prefers_what_was_reported():
    assert effective_rag(
        reported="green", canonical_status="in_progress", due=date(2015, 1, 1), on=TODAY
    ) == ("green", "reported")


def test_effective_rag_falls_back_to_a_suggestion_and_says_so():
    assert effective_rag(
        reported="", canonical_status="in_progress", due=date(2015, 1, 1), on=TODAY
    ) == ("red", "suggested")
    assert effective_rag(
        reported="", canonical_status="in_progress", due=None, on=TODAY, stale=True
    ) == ("amber", "suggested")


def test_effective_rag_is_empty_without_a_suggestion():
    assert effective_rag(reported="", canonical_status="superseded", due=None, on=TODAY) == (
        "",
        "",
    )


def test_counts_by_status_keeps_order_and_zeros():
    counts = counts_by_status(["complete", "in_progress", "complete", "", "bogus"])
    assert list(counts.items()) == [
        ("not_started", 0),
        ("in_progress", 1),
        ("complete", 2),
        ("superseded", 0),
        ("", 2),
    ]
    assert counts_by_status([]) == {
        "not_started": 0,
        "in_progress": 0,
        "complete": 0,
        "superseded": 0,
        "": 0,
    }


def test_counts_by_rag_keeps_order_and_zeros():
    counts = counts_by_rag(["red", "red", "blue", ""])
    assert list(counts.items()) == [("red", 2), ("amber", 0), ("green", 0), ("blue", 1), ("", 1)]


def test_coverage_by_section():
    assert coverage_by_section([1, 1, 3, None, 5, 5, 5]) == {1: 2, 2: 0, 3: 1, 4: 0, 5: 3}
    assert coverage_by_section([]) == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    assert coverage_by_section([0, 6, None]) == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}


def test_review_due_date_six_months_after_publishing():
    assert review_due_date(published_on=date(2015, 5, 15), cycle_months=6) == date(2015, 11, 15)
    assert review_due_date(published_on=date(2015, 8, 31), cycle_months=6) == date(2016, 2, 29)


def test_stage_values_and_plain_labels():
    assert list(Stage.values) == [
        "no_declaration",
        "declaration_signed",
        "plan_published",
        "behind",
        "delivering",
    ]
    assert all(label[0].isupper() and "_" not in label for label in Stage.labels)


def stage(**overrides):
    values = {
        "declared": True,
        "published_on": date(2015, 5, 1),
        "review_due": date(2015, 11, 1),
        "total": 40,
        "complete": 0,
        "already_due": 0,
        "overdue": 0,
        "updated_recently": 0,
        "on": date(2015, 9, 1),
    }
    return area_stage(**(values | overrides))


def test_area_stage_before_a_plan_is_published():
    assert stage(published_on=None, review_due=None, complete=5).stage == "declaration_signed"
    assert stage(declared=False, published_on=None, review_due=None).stage == "no_declaration"
    assert stage(published_on=None).reasons == ()
    # A published plan counts even without a recorded declaration.
    assert stage(declared=False).stage == "plan_published"


def test_area_stage_published_and_delivering():
    assert stage() == StageVerdict("plan_published")
    assert stage(complete=1) == StageVerdict("delivering")
    assert stage(updated_recently=1) == StageVerdict("delivering")
    assert stage(review_due=None, complete=8) == StageVerdict("delivering")
    # Due today is not overdue yet.
    assert stage(on=date(2015, 11, 1), updated_recently=3).stage == "delivering"


def test_behind_when_a_quarter_of_the_actions_already_due_are_overdue():
    assert stage(already_due=8, overdue=1, complete=3).stage == "delivering"  # 1 in 8
    behind = stage(already_due=8, overdue=2, complete=3)  # exactly a quarter
    assert behind.stage == "behind"
    assert behind.label == "Behind"
    assert behind.reasons == ("2 of 40 actions overdue (2 of the 8 already due)",)
    assert behind.reason == "2 of 40 actions overdue (2 of the 8 already due)"
    assert stage(total=1, already_due=1, overdue=1).reason == (
        "1 of 1 action overdue (1 of the 1 already due)"
    )


def test_behind_when_the_review_is_overdue():
    behind = stage(on=date(2015, 11, 2), complete=40, updated_recently=40)
    assert behind == StageVerdict("behind", ("review overdue since 1 November 2015",))
    assert behind.reason == "Review overdue since 1 November 2015"


def test_behind_when_nothing_was_updated_for_six_months_after_publication():
    # Published 1 May 2015: six months later, with no update since 1 May, it is behind.
    assert stage(on=date(2015, 10, 31), review_due=None).stage == "plan_published"
    behind = stage(on=date(2015, 11, 1), review_due=None, complete=4)
    assert behind.reasons == ("no progress update for 6 months",)
    assert stage(on=date(2015, 11, 1), review_due=None, updated_recently=1).stage == "delivering"
    # An empty plan has nothing to update.
    assert stage(on=date(2016, 1, 1), review_due=None, total=0).stage == "plan_published"


def test_behind_gives_every_reason_that_holds():
    behind = stage(on=date(2016, 1, 1), already_due=10, overdue=9)
    assert behind.reasons == (
        "9 of 40 actions overdue (9 of the 10 already due)",
        "review overdue since 1 November 2015",
        "no progress update for 6 months",
    )
    assert behind.reason.startswith("9 of 40 actions overdue (9 of the 10 already due); review ")


def test_stage_order_puts_behind_between_published_and_delivering():
    assert sorted(Stage.values, key=STAGE_ORDER.get) == list(Stage.values)
    assert STAGE_ORDER["plan_published"] < STAGE_ORDER["behind"] < STAGE_ORDER["delivering"]
