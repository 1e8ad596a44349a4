"""What the metric pages show: an area's measures with their trends and comparisons, and one
measure across every area (England's median and quartiles, each area's position)."""

import hashlib
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Max

from concordat.core.models import Area
from concordat.measures.charts import Point, SpreadPoint, points_from, spread_chart, trend_chart
from concordat.measures.comparisons import (
    PER_RESIDENTS,
    compare_to_baseline,
    compare_year_earlier,
    latest_span,
    never_events,
    per_residents,
    progress_to_target,
)

from .models import Metric, MetricValue
from .selectors import area_definitions, area_values, metrics_with_values

QUARTILE_NAMES = {
    1: "First quartile (best)",
    2: "Second quartile",
    3: "Third quartile",
    4: "Fourth quartile (worst)",
}


def compared_per_residents(metric):
    """Counts are compared across areas per 100,000 residents; percentages as they are."""
    return not metric.is_percentage


def compared_value(metric, value, population):
    """The figure areas are compared on: per 100,000 residents for a count (None without a
    population), the value itself for a percentage."""
    if compared_per_residents(metric):
        return per_residents(value, population)
    return Decimal(value)


@dataclass
class MetricPanel:
    metric: Metric
    points: list
    chart: str
    year_on_year: object = None
    baseline: object = None
    target: object = None
    never_events: list = field(default_factory=list)
    defined_as: list = field(default_factory=list)  # the area's own KPI wording, if mapped
    # England's median for the same periods, on the figure areas are compared on.
    median: dict = field(default_factory=dict)  # {(start, end): Decimal}
    per_residents: bool = False  # the chart shows the area per 100,000 residents
    population: int | None = None
    population_year: int | None = None
    no_comparison: str = ""  # why the median is not shown

    @property
    def rows(self):
        return [
            (point, self.median.get((point.start, point.end)), point.raw)
            for point in reversed(self.points)
        ]


def panel(metric, values, *, chart_id, defined_as=(), median=None, population=None, year=None):
    """One measure of an area: its trend, comparisons and, given `median` ({period: England's
    median}), England's median beside it. A count is drawn per 100,000 residents when the
    area's population is known, so it can stand beside England's median."""
    median = median or {}
    raw = points_from(values)
    per_100k = compared_per_residents(metric) and bool(population)
    if per_100k:
        points = [
            Point(p.start, p.end, per_residents(p.value, population), raw=p.value) for p in raw
        ]
    else:
        points = [Point(p.start, p.end, p.value, raw=p.value) for p in raw]
    no_comparison = ""
    if compared_per_residents(metric) and not population:
        median, no_comparison = (
            {},
            (
                "England's median is not shown: this area's population is not recorded, so its "
                "counts cannot be compared per 100,000 residents."
            ),
        )
    elif not median:
        no_comparison = "No other area has recorded this measure, so there is no England median."
    comparator = [
        Point(p.start, p.end, median[(p.start, p.end)])
        for p in points
        if (p.start, p.end) in median
    ]
    span = latest_span(metric, values)
    year_on_year = (
        compare_year_earlier(metric, values, start=span[0], end=span[1]) if span else None
    )
    chart = ""
    if points:
        chart = trend_chart(
            metric,
            points,
            chart_id=chart_id,
            median=comparator,
            per_residents=per_100k,
        )
    return MetricPanel(
        metric=metric,
        points=points,
        chart=chart,
        year_on_year=year_on_year,
        baseline=compare_to_baseline(metric, values),
        target=progress_to_target(metric, values),
        never_events=never_events(metric, values),
        defined_as=list(defined_as),
        median=median,
        per_residents=per_100k,
        population=population,
        population_year=year,
        no_comparison=no_comparison,
    )


def area_panels(area):
    """(panels for measures with values, the area's own KPIs that have none yet)."""
    measured = metrics_with_values(area)
    values = area_values(area, metrics=measured)
    own = area_definitions(area)
    wording = defaultdict(list)
    for definition in own:
        wording[definition.recorded_as.pk].append(definition)
    medians = england_medians(measured)
    panels = [
        panel(
            metric,
            values.get(metric.pk, {}),
            chart_id=f"chart-{metric.slug}",
            defined_as=[d for d in wording.get(metric.pk, []) if d.pk != metric.pk],
            median=medians.get(metric.pk, {}),
            population=area.population,
            year=area.population_year,
        )
        for metric in measured
    ]
    measured_ids = {metric.pk for metric in measured}
    waiting = [d for d in own if d.recorded_as.pk not in measured_ids]
    return panels, waiting


def _median(values):
    ordered = sorted(values)
    return statistics.median(ordered) if ordered else None


def _value_rows(metrics):
    """(metric id, area id, start, end, value, population) of every value of these measures."""
    return MetricValue.objects.filter(metric__in=metrics).values_list(
        "metric_id", "area_id", "period_start", "period_end", "value", "area__population"
    )


def england_medians(metrics):
    """{metric id: {(start, end): England's median}}: of the figure areas are compared on
    (per 100,000 residents for counts, from areas with a population; percentages as they
    are). Worked out from every area's values; kept in the cache until a value or a
    population changes."""
    metrics = list(metrics)
    if not metrics:
        return {}
    ids = sorted(metric.pk for metric in metrics)
    stamp = MetricValue.objects.filter(metric_id__in=ids).aggregate(
        n=Count("pk"), last=Max("updated_at")
    )
    populations = Area.objects.filter(population__isnull=False).aggregate(
        n=Count("pk"), last=Max("updated_at")
    )
    parts = (
        ",".join(map(str, ids)),
        stamp["n"],
        stamp["last"],
        populations["n"],
        populations["last"],
    )
    # Hashed: the stamps' spaces and a long id list are not valid keys for every cache backend.
    key = "england-medians:" + hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()
    found = cache.get(key)
    if found is not None:
        return found
    by_id = {metric.pk: metric for metric in metrics}
    grouped = defaultdict(lambda: defaultdict(list))
    for metric_id, _area, start, end, value, population in _value_rows(ids).iterator(2000):
        compared = compared_value(by_id[metric_id], value, population)
        if compared is not None:
            grouped[metric_id][(start, end)].append(compared)
    medians = {
        metric_id: {period: _median(values) for period, values in periods.items()}
        for metric_id, periods in grouped.items()
    }
    cache.set(key, medians, MEDIAN_CACHE_SECONDS)
    return medians


MEDIAN_CACHE_SECONDS = 60 * 60


@dataclass
class AreaPosition:
    area: object
    value: Decimal  # the figure compared: per 100,000 residents for a count
    rank: int | None
    quartile: int | None
    count: Decimal | None = None  # the count itself, for a count compared per residents

    @property
    def quartile_name(self):
        return QUARTILE_NAMES.get(self.quartile, "")


@dataclass
class NationalView:
    metric: Metric
    spread: list
    chart: str
    latest: SpreadPoint | None
    positions: list
    local_definitions: list
    per_residents: bool = False
    without_population: list = field(default_factory=list)  # areas left out, by name
    per: int = PER_RESIDENTS


def _quartiles(values):
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0], ordered[0], ordered[0]
    lower, median, upper = statistics.quantiles(ordered, n=4, method="inclusive")
    return lower, median, upper


def national_view(metric):
    """Every area's values of one measure: spread over time and the latest positions, on the
    figure areas are compared on (counts per 100,000 residents, from areas with a
    population)."""
    rows = MetricValue.objects.filter(metric=metric).values_list(
        "area_id",
        "area__name",
        "area__slug",
        "period_start",
        "period_end",
        "value",
        "area__population",
    )
    by_period = defaultdict(list)
    names, left_out = {}, {}
    for area_id, name, slug, start, end, value, population in rows:
        compared = compared_value(metric, value, population)
        if compared is None:
            left_out[area_id] = name
            continue
        by_period[(start, end)].append((area_id, compared, Decimal(value)))
        names[area_id] = (name, slug)
    spread = []
    for (start, end), entries in sorted(by_period.items()):
        lower, median, upper = _quartiles([value for _area, value, _raw in entries])
        spread.append(SpreadPoint(start, end, lower, median, upper, len(entries)))
    latest = spread[-1] if spread else None
    positions = []
    if latest is not None:
        entries = by_period[(latest.start, latest.end)]
        positions = _positions(metric, entries, names)
    per_100k = compared_per_residents(metric)
    return NationalView(
        metric=metric,
        spread=spread,
        chart=spread_chart(metric, spread, chart_id=f"chart-{metric.slug}", per_residents=per_100k)
        if spread
        else "",
        latest=latest,
        positions=positions,
        local_definitions=list(
            metric.local_definitions.select_related("area").order_by("area__name")
        ),
        per_residents=per_100k,
        without_population=sorted(set(left_out.values()) - {n for n, _slug in names.values()}),
    )


class _AreaRef:
    def __init__(self, name, slug):
        self.name, self.slug = name, slug

    def __str__(self):
        return self.name


def _positions(metric, entries, names):
    per_100k = compared_per_residents(metric)

    def position(area_id, value, raw, rank, quartile):
        return AreaPosition(
            _AreaRef(*names[area_id]), value, rank, quartile, count=raw if per_100k else None
        )

    if metric.better == "neither":
        ordered = sorted(entries, key=lambda e: names[e[0]][0])
        return [position(a, v, raw, None, None) for a, v, raw in ordered]
    reverse = metric.better == "higher"
    ordered = sorted(entries, key=lambda e: (-e[1] if reverse else e[1], names[e[0]][0]))
    count, positions, rank, previous = len(ordered), [], 0, None
    for index, (area_id, value, raw) in enumerate(ordered):
        if value != previous:
            rank, previous = index + 1, value
        quartile = min(4, (rank - 1) * 4 // count + 1)
        positions.append(position(area_id, value, raw, rank, quartile))
    return positions


def metric_for_public(slug):
    """A catalogue entry, or an area's own measure, by slug; None if there is none."""
    return Metric.objects.filter(slug=slug).select_related("area", "maps_to").first()


def own_measures():
    """Areas' own measures that are not the same as a catalogue entry."""
    return list(
        Metric.objects.filter(area__isnull=False, maps_to__isnull=True)
        .select_related("area")
        .order_by("area__name", "position", "name")
    )


__all__ = ["AreaPosition", "MetricPanel", "NationalView", "Point", "area_panels", "panel"]
