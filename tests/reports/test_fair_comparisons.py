"""Fair comparisons of outcome measures: counts per 100,000 residents, England's median beside an
area's own figures, quartiles called quartiles, charts legible on a phone."""

import re
from decimal import Decimal

import pytest

from concordat.measures.comparisons import PER_RESIDENTS, per_residents
from concordat.reports.metrics import QUARTILE_NAMES, area_panels, england_medians, national_view
from concordat.reports.models import Metric
from tests.factories import make_area

from .test_views import enter_months

pytestmark = pytest.mark.django_db

CELLS = "police-cells-place-of-safety-adults"


@pytest.fixture
def three_areas(area, other_area):
    """A county (1,000,000 residents, 20 uses), a borough (100,000, 4) and one without a
    population (9), all in June 2015."""
    area.population, area.population_year = 1_000_000, 2015
    area.save()
    other_area.population = 100_000
    other_area.save()
    third = make_area("Seaside")
    enter_months(area, CELLS, {6: 20})
    enter_months(other_area, CELLS, {6: 4})
    enter_months(third, CELLS, {6: 9})
    return area, other_area, third


def test_per_residents():
    assert PER_RESIDENTS == 100_000
    assert per_residents(20, 1_000_000) == Decimal(2)
    assert per_residents(4, 100_000) == Decimal(4)
    assert per_residents(4, None) is None
    assert per_residents(None, 100_000) is None


def test_counts_are_compared_per_100000_residents(three_areas):
    county, borough, _third = three_areas
    view = national_view(Metric.objects.get(slug=CELLS))

    assert view.per_residents is True
    # The county's 20 are 2 per 100,000; the borough's 4 are 4: the county does better.
    assert [(p.area.name, p.count, p.value, p.rank) for p in view.positions] == [
        (county.name, Decimal(20), Decimal(2), 1),
        (borough.name, Decimal(4), Decimal(4), 2),
    ]
    assert view.without_population == ["Seaside"]
    assert (view.latest.median, view.latest.areas) == (Decimal(3), 2)
    assert [p.quartile_name for p in view.positions] == [
        "First quartile (best)",
        "Third quartile",
    ]
    assert set(QUARTILE_NAMES.values()) == {
        "First quartile (best)",
        "Second quartile",
        "Third quartile",
        "Fourth quartile (worst)",
    }


def test_percentages_are_compared_as_they_are(area, other_area):
    metric = Metric.objects.filter(unit="%").first()
    enter_months(area, metric.slug, {6: 80})
    enter_months(other_area, metric.slug, {6: 60})
    view = national_view(metric)
    assert view.per_residents is False
    assert sorted(p.value for p in view.positions) == [Decimal(60), Decimal(80)]
    assert view.without_population == []


def test_the_measure_page_states_the_method_and_names_quartiles(client, three_areas):
    html = " ".join(client.get(f"/metrics/{CELLS}/").content.decode().split())
    assert "areas are compared per 100,000 residents: each area's count divided by its " in html
    assert "Left out, as their population is not recorded: Seaside." in html
    assert '<th scope="col" class="govuk-table__header">Quartile</th>' in html
    assert "First quartile (best)" in html
    assert "quarter" not in html.lower().replace("headquarters", "")
    assert "per 100,000 residents: England median and quartiles" in html


def test_an_areas_chart_shows_englands_median_beside_it(client, three_areas):
    county, _borough, _third = three_areas
    enter_months(county, CELLS, {5: 10})
    (panel,) = [p for p in area_panels(county)[0] if p.metric.slug == CELLS]

    assert panel.per_residents is True
    assert [(p.label, p.value, p.raw) for p in panel.points] == [
        ("May 2015", Decimal(1), Decimal(10)),
        ("June 2015", Decimal(2), Decimal(20)),
    ]
    # May: only the county; June: the county (2) and the borough (4).
    assert [row[1] for row in panel.rows] == [Decimal(3), Decimal(1)]
    chart = str(panel.chart)
    assert "England median" in chart and 'stroke-dasharray="6 4"' in chart
    assert "England&#x27;s median in June 2015: 3." in chart  # in the chart's description

    html = " ".join(client.get(f"/areas/{county.slug}/metrics/").content.decode().split())
    assert "Drawn per 100,000 residents (1,000,000 residents in 2015)" in html
    numeric = "govuk-table__header govuk-table__header--numeric"
    assert f'<th scope="col" class="{numeric}">England median</th>' in html


def test_an_area_without_a_population_says_why_there_is_no_median(client, three_areas):
    _county, _borough, third = three_areas
    (panel,) = [p for p in area_panels(third)[0] if p.metric.slug == CELLS]
    assert panel.per_residents is False and panel.median == {}
    assert "this area's population is not recorded" in panel.no_comparison
    assert "England median" not in str(panel.chart)


def test_medians_follow_a_changed_value(three_areas):
    county, borough, _third = three_areas
    metric = Metric.objects.get(slug=CELLS)
    june = next(iter(england_medians([metric])[metric.pk]))
    assert england_medians([metric])[metric.pk][june] == Decimal(3)
    enter_months(borough, CELLS, {6: 8})  # now 8 per 100,000
    assert england_medians([metric])[metric.pk][june] == Decimal(5)
    county.population = 500_000  # the county's 20 are now 4 per 100,000
    county.save()
    assert england_medians([metric])[metric.pk][june] == Decimal(6)


def test_charts_use_the_page_font_at_a_size_legible_on_a_phone(three_areas):
    county, _borough, _third = three_areas
    (panel,) = [p for p in area_panels(county)[0] if p.metric.slug == CELLS]
    chart = str(panel.chart)
    width = int(re.search(r'viewBox="0 0 (\d+) ', chart).group(1))
    sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', chart)}
    # Drawn 358 px wide (a 390 px screen less the page's margins), text is 11 px or more.
    assert min(sizes) * 358 / width >= 11
    assert "font-family" not in chart  # the stylesheet gives it the page's font
