"""What the metric pages show: an area's measures with their trends and comparisons, and one
measure across every area (England's median and quartiles, each area's position)."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .charts import Point, SpreadPoint, points_from, spread_chart, trend_chart
from .comparisons import (
    compare_to_baseline,
    compare_year_earlier,
    latest_span,
    never_events,
    progress_to_target,
)
from .models import Metric, MetricValue
from .selectors import area_definitions, area_values, metrics_with_values

QUARTER_NAMES = {1: "best quarter", 2: "second quarter", 3: "third quarter", 4: "worst quarter"}


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

    @property
    def rows(self):
        return list(reversed(self.points))


def panel(metric, values, *, chart_id, defined_as=()):
    points = points_from(values)
    span = latest_span(metric, values)
    year_on_year = (
        compare_year_earlier(metric, values, start=span[0], end=span[1]) if span else None
    )
    return MetricPanel(
        metric=metric,
        points=points,
        chart=trend_chart(metric, points, chart_id=chart_id) if points else "",
        year_on_year=year_on_year,
        baseline=compare_to_baseline(metric, values),
        target=progress_to_target(metric, values),
        never_events=never_events(metric, values),
        defined_as=list(defined_as),
    )


def area_panels(area):
    """(panels for measures with values, the area's own KPIs that have none yet)."""
    measured = metrics_with_values(area)
    values = area_values(area, metrics=measured)
    own = area_definitions(area)
    wording = defaultdict(list)
    for definition in own:
        wording[definition.recorded_as.pk].append(definition)
    panels = [
        panel(
            metric,
            values.get(metric.pk, {}),
            chart_id=f"chart-{metric.slug}",
            defined_as=[d for d in wording.get(metric.pk, []) if d.pk != metric.pk],
        )
        for metric in measured
    ]
    measured_ids = {metric.pk for metric in measured}
    waiting = [d for d in own if d.recorded_as.pk not in measured_ids]
    return panels, waiting


@dataclass
class AreaPosition:
    area: object
    value: Decimal
    rank: int | None
    quartile: int | None

    @property
    def quartile_name(self):
        return QUARTER_NAMES.get(self.quartile, "")


@dataclass
class NationalView:
    metric: Metric
    spread: list
    chart: str
    latest: SpreadPoint | None
    positions: list
    local_definitions: list


def _quartiles(values):
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0], ordered[0], ordered[0]
    lower, median, upper = statistics.quantiles(ordered, n=4, method="inclusive")
    return lower, median, upper


def national_view(metric):
    """Every area's values of one measure: spread over time and the latest positions."""
    rows = MetricValue.objects.filter(metric=metric).values_list(
        "area_id", "area__name", "area__slug", "period_start", "period_end", "value"
    )
    by_period = defaultdict(list)
    names = {}
    for area_id, name, slug, start, end, value in rows:
        by_period[(start, end)].append((area_id, Decimal(value)))
        names[area_id] = (name, slug)
    spread = []
    for (start, end), entries in sorted(by_period.items()):
        lower, median, upper = _quartiles([value for _area, value in entries])
        spread.append(SpreadPoint(start, end, lower, median, upper, len(entries)))
    latest = spread[-1] if spread else None
    positions = []
    if latest is not None:
        entries = by_period[(latest.start, latest.end)]
        positions = _positions(metric, entries, names)
    return NationalView(
        metric=metric,
        spread=spread,
        chart=spread_chart(metric, spread, chart_id=f"chart-{metric.slug}") if spread else "",
        latest=latest,
        positions=positions,
        local_definitions=list(
            metric.local_definitions.select_related("area").order_by("area__name")
        ),
    )


class _AreaRef:
    def __init__(self, name, slug):
        self.name, self.slug = name, slug

    def __str__(self):
        return self.name


def _positions(metric, entries, names):
    if metric.better == "neither":
        ordered = sorted(entries, key=lambda e: names[e[0]][0])
        return [AreaPosition(_AreaRef(*names[a]), v, None, None) for a, v in ordered]
    reverse = metric.better == "higher"
    ordered = sorted(entries, key=lambda e: (-e[1] if reverse else e[1], names[e[0]][0]))
    count, positions, rank, previous = len(ordered), [], 0, None
    for index, (area_id, value) in enumerate(ordered):
        if value != previous:
            rank, previous = index + 1, value
        quartile = min(4, (rank - 1) * 4 // count + 1)
        positions.append(AreaPosition(_AreaRef(*names[area_id]), value, rank, quartile))
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
