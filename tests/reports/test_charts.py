from datetime import date
from decimal import Decimal

import pytest

from concordat.measures.charts import Point, SpreadPoint, nice_ceiling, spread_chart, trend_chart
from concordat.reports.models import Metric

pytestmark = pytest.mark.django_db


def test_trend_chart_is_an_accessible_svg_with_its_target():
    metric = Metric(name="Cells <used>", unit="detentions", better="lower", target=Decimal(2))
    points = [
        Point(date(2015, 4, 1), date(2015, 4, 30), Decimal(6)),
        Point(date(2015, 5, 1), date(2015, 5, 31), Decimal(1)),
    ]
    svg = str(trend_chart(metric, points, chart_id="chart-cells"))
    assert svg.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" class="concordat-chart" role="img"'
    )
    assert 'aria-labelledby="chart-cells-title chart-cells-desc"' in svg
    assert '<title id="chart-cells-title">Cells &lt;used&gt;: trend</title>' in svg
    assert (
        '<desc id="chart-cells-desc">2 values from April 2015 to May 2015. Latest 1 in May 2015; '
        "lowest 1 in May 2015; highest 6 in April 2015. Target 2.</desc>"
    ) in svg
    assert 'stroke-dasharray="6 4"' in svg and ">Target 2</text>" in svg
    assert svg.count("<circle") == 2
    assert "<script" not in svg and "style=" not in svg


def test_spread_chart_describes_the_latest_quartiles():
    metric = Metric(name="Detentions", unit="detentions", better="lower")
    spread = [
        SpreadPoint(date(2015, 4, 1), date(2015, 4, 30), Decimal(2), Decimal(4), Decimal(9), 3)
    ]
    svg = str(spread_chart(metric, spread, chart_id="chart-d"))
    assert (
        "In April 2015 the median of 3 areas was 4, and the middle half of areas (between the "
        "lower and upper quartiles) lay between 2 and 9." in svg
    )
    assert "<polygon" in svg
    per_100k = str(spread_chart(metric, spread, chart_id="chart-d", per_residents=True))
    assert "Detentions per 100,000 residents: England median and quartiles</title>" in per_100k
    assert "the median of 3 areas was 4 per 100,000 residents, and" in per_100k


def test_axis_tops_are_round_numbers():
    assert [nice_ceiling(v) for v in (0, 3, 7, 12, 130, 2400)] == [1, 5, 10, 20, 200, 2500]
