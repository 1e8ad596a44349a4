from datetime import date
from decimal import Decimal

import pytest

from concordat.measures.comparisons import (
    compare,
    compare_to_baseline,
    compare_year_earlier,
    format_number,
    format_percent,
    never_events,
    progress_to_target,
)
from concordat.measures.periods import month
from concordat.reports.models import Metric
from concordat.reports.selectors import area_values
from concordat.reports.services import metric_value_record
from tests.factories import make_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def hampshire(db):
    return make_area("Hampshire")


def enter(metric, area, year, values):
    for number, value in values.items():
        metric_value_record(
            metric=metric, area=area, period=month(year, number), value=value, actor=None
        )


def test_the_83_per_cent_case_entered_by_hand(hampshire):
    """Seed 003: 83% reduction in police cells as a place of safety, April–September 2015
    against April–September 2014. 30 uses then, 5 now: (30 - 5) / 30 = 83.3%."""
    cells = Metric.objects.get(slug="police-cells-place-of-safety-adults")
    enter(cells, hampshire, 2014, {4: 6, 5: 5, 6: 4, 7: 6, 8: 5, 9: 4})
    enter(cells, hampshire, 2015, {4: 1, 5: 1, 6: 0, 7: 2, 8: 1, 9: 0})
    values = area_values(hampshire)[cells.pk]
    comparison = compare_year_earlier(cells, values, start=date(2015, 4, 1), end=date(2015, 9, 30))
    assert comparison.previous == 30
    assert comparison.current == 5
    assert comparison.percent_change.quantize(Decimal("0.1")) == Decimal("-83.3")
    assert comparison.improved is True
    assert comparison.sentence == (
        "83% fewer uses of police cells as a place of safety in April–September 2015 than in "
        "April–September 2014."
    )


def test_no_comparison_without_every_period_on_both_sides(hampshire):
    cells = Metric.objects.get(slug="police-cells-place-of-safety-adults")
    enter(cells, hampshire, 2014, {4: 6, 5: 5})
    enter(cells, hampshire, 2015, {4: 1, 5: 1, 6: 0})
    values = area_values(hampshire)[cells.pk]
    assert (
        compare_year_earlier(cells, values, start=date(2015, 4, 1), end=date(2015, 6, 30)) is None
    )


def test_counts_in_words():
    detentions = Metric.objects.get(slug="section-136-detentions")
    rose = compare(detentions, current=12, previous=8, current_label="A", previous_label="B")
    assert rose.sentence == "50% more section 136 detentions in A than in B."
    assert rose.improved is False
    assert compare(
        detentions, current=0, previous=0, current_label="A", previous_label="B"
    ).sentence == ("No section 136 detentions in A or in B.")
    assert compare(
        detentions, current=3, previous=0, current_label="A", previous_label="B"
    ).sentence == ("Section 136 detentions rose from none in B to 3 in A.")
    assert compare(
        detentions, current=7, previous=7, current_label="A", previous_label="B"
    ).sentence == ("The same number of section 136 detentions (7) in A as in B.")
    small = compare(detentions, current=199, previous=200, current_label="A", previous_label="B")
    assert small.sentence == "0.5% fewer section 136 detentions in A than in B."


def test_rates_in_percentage_points():
    ambulance = Metric.objects.get(slug="ambulance-section-136-within-30-minutes")
    found = compare(
        ambulance,
        current=Decimal("72.5"),
        previous=Decimal("61"),
        current_label="April–June 2015",
        previous_label="April–June 2014",
    )
    assert found.sentence == (
        "72.5% of section 136 conveyances reached by an ambulance within 30 minutes in "
        "April–June 2015, up 11.5 percentage points from 61% in April–June 2014."
    )
    assert found.improved is True
    assert found.percent_change is None


def test_rates_are_averaged_over_the_period(hampshire):
    ambulance = Metric.objects.get(slug="ambulance-section-136-within-30-minutes")
    enter(ambulance, hampshire, 2014, {4: 60, 5: 70})
    enter(ambulance, hampshire, 2015, {4: 80, 5: 90})
    values = area_values(hampshire)[ambulance.pk]
    found = compare_year_earlier(ambulance, values, start=date(2015, 4, 1), end=date(2015, 5, 31))
    assert (found.current, found.previous) == (85, 65)


def test_never_event_flags_any_value_above_zero(hampshire):
    under_18 = Metric.objects.get(slug="police-cells-place-of-safety-under-18")
    enter(under_18, hampshire, 2015, {4: 0, 5: 2, 6: 0, 7: 1})
    flags = never_events(under_18, area_values(hampshire)[under_18.pk])
    assert [flag.sentence for flag in flags] == [
        "Never event: 2 under-18s held in police cells as a place of safety in May 2015.",
        "Never event: 1 under-18s held in police cells as a place of safety in July 2015.",
    ]
    detentions = Metric.objects.get(slug="section-136-detentions")
    assert never_events(detentions, {(date(2015, 4, 1), date(2015, 4, 30)): Decimal(9)}) == []


def test_progress_to_target_and_against_the_baseline(hampshire):
    cells = Metric.objects.get(slug="police-cells-place-of-safety-adults")
    cells.target, cells.baseline, cells.baseline_text = 0, 30, "the 2014/15 monthly baseline"
    values = {(date(2015, 9, 1), date(2015, 9, 30)): Decimal(5)}
    target = progress_to_target(cells, values)
    assert target.met is False
    assert target.share_of_way.quantize(Decimal("0.1")) == Decimal("83.3")
    assert target.sentence == (
        "Target not yet met in September 2015: 5 against a target of 0, 83% of the way from "
        "the baseline."
    )
    assert compare_to_baseline(cells, values).sentence == (
        "83% fewer uses of police cells as a place of safety in September 2015 than in the "
        "2014/15 monthly baseline."
    )
    met = progress_to_target(cells, {(date(2015, 9, 1), date(2015, 9, 30)): Decimal(0)})
    assert met.met and met.sentence == "Target met in September 2015: 0 against a target of 0."


def test_number_formats():
    assert format_number(Decimal("5.0000")) == "5"
    assert format_number(Decimal("72.5000")) == "72.5"
    assert format_number(Decimal("1234")) == "1,234"
    assert format_percent(Decimal("83.333")) == "83%"
    assert format_percent(Decimal("-4.56")) == "4.6%"
    assert format_percent(Decimal("2.0")) == "2%"
