"""Trend charts drawn on the server as SVG: no JavaScript, and accessible.

Each chart is an `<svg role="img">` named by its `<title>` and described in words by its
`<desc>`; the page shows the same figures in a table beside it. Colours are presentation
attributes (not style attributes), so the Content Security Policy needs no exception. Text
takes the page's font (the stylesheet's .concordat-chart) at a size that stays legible when
the chart is drawn 390 px wide; the chart keeps a legible minimum width and scrolls within
its region below that. An area's line is solid; England's median is dashed grey, and the
target dashed too, each named in a key above the chart.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .comparisons import format_number
from .periods import period_label

WIDTH, HEIGHT = 480, 290
LEFT, RIGHT, TOP, BOTTOM = 60, 12, 40, 40
FONT = 15
LINE = "#54319f"  # the area: purple (not a RAG colour)
MEDIAN = "#484949"  # England's median
TARGET = "#0b4144"
BAND = "#ddd6ec"
AXIS = "#484949"
GRID = "#cecece"


@dataclass
class Point:
    start: object
    end: object
    value: Decimal
    raw: Decimal | None = None  # the value as recorded, when `value` is per residents

    @property
    def label(self):
        return period_label(self.start, self.end)


def points_from(values):
    """Points in period order from {(start, end): value}."""
    return [Point(start, end, Decimal(value)) for (start, end), value in sorted(values.items())]


def nice_ceiling(value):
    """A round number at or above `value` for the top of the axis (0 → 1)."""
    value = Decimal(value)
    if value <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = Decimal(str(step)) * magnitude
        if top >= value:
            return top
    return magnitude * 10


def _fmt(number):
    return f"{float(number):.1f}"


class _Frame:
    def __init__(self, count, top):
        self.count, self.top = count, Decimal(top)
        self.plot_w = WIDTH - LEFT - RIGHT
        self.plot_h = HEIGHT - TOP - BOTTOM

    def x(self, index):
        if self.count <= 1:
            return LEFT + self.plot_w / 2
        return LEFT + self.plot_w * index / (self.count - 1)

    def y(self, value):
        return TOP + self.plot_h * (1 - float(Decimal(value) / self.top))


def _axes(frame, labels, unit):
    parts = []
    for step in range(5):
        value = frame.top * step / 4
        y = frame.y(value)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="15" fill="{}">{}</text>',
                LEFT,
                WIDTH - RIGHT,
                _fmt(y),
                _fmt(y),
                GRID,
                LEFT - 6,
                _fmt(y + 4),
                AXIS,
                format_number(value) + ("%" if unit == "%" else ""),
            )
        )
    shown = _label_indexes(len(labels))
    for index in shown:
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="15" fill="{}">{}</text>',
                _fmt(frame.x(index)),
                HEIGHT - BOTTOM + 18,
                AXIS,
                labels[index],
            )
        )
    parts.append(
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>',
            LEFT,
            WIDTH - RIGHT,
            _fmt(frame.y(0)),
            _fmt(frame.y(0)),
            AXIS,
        )
    )
    return parts


def _label_indexes(count):
    """At most five period labels, so they never run into each other."""
    if count <= 5:
        return list(range(count))
    step = max(1, round((count - 1) / 4))
    indexes = list(range(0, count, step))
    if indexes[-1] != count - 1:
        if count - 1 - indexes[-1] < step / 2:
            indexes[-1] = count - 1
        else:
            indexes.append(count - 1)
    return indexes


def _svg(chart_id, title, desc, parts):
    body = mark_safe("".join(str(part) for part in parts))  # noqa: S308 - escaped parts
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="concordat-chart" role="img" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMidYMid meet" '
        'aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        desc,
        body,
    )


def describe_trend(metric, points, *, per_residents=False):
    unit = "%" if metric.is_percentage else (" per 100,000 residents" if per_residents else "")
    if not points:
        return "No values have been entered."
    low = min(points, key=lambda p: (p.value, p.start))
    high = max(points, key=lambda p: (p.value, p.start))
    latest = points[-1]
    text = (
        f"{len(points)} values from {points[0].label} to {latest.label}. Latest "
        f"{format_number(latest.value)}{unit} in {latest.label}; lowest "
        f"{format_number(low.value)}{unit} in {low.label}; highest "
        f"{format_number(high.value)}{unit} in {high.label}."
    )
    if metric.target is not None and not per_residents:
        text += f" Target {format_number(metric.target)}{unit}."
    return text


def _key(items):
    """A key above the plot: (label, colour, dashed) per line drawn."""
    parts, x = [], LEFT
    for label, colour, dashed in items:
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="16" y2="16" stroke="{}" stroke-width="3"{}/>'
                '<text x="{}" y="21" font-size="15" fill="{}">{}</text>',
                x,
                x + 22,
                colour,
                mark_safe(' stroke-dasharray="6 4"') if dashed else "",
                x + 28,
                AXIS,
                label,
            )
        )
        x += 40 + 8 * len(label)
    return parts


def _line(frame, points, colour, *, dashed=False, dots=True):
    parts = []
    coords = " ".join(f"{_fmt(frame.x(i))},{_fmt(frame.y(p.value))}" for i, p in enumerate(points))
    parts.append(
        format_html(
            '<polyline points="{}" fill="none" stroke="{}" stroke-width="3"{}/>',
            coords,
            colour,
            mark_safe(' stroke-dasharray="6 4"') if dashed else "",
        )
    )
    if dots:
        for index, point in enumerate(points):
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="3.5" fill="{}"><title>{}: {}</title></circle>',
                    _fmt(frame.x(index)),
                    _fmt(frame.y(point.value)),
                    colour,
                    point.label,
                    format_number(point.value),
                )
            )
    return parts


def trend_chart(metric, points, *, chart_id, title=None, median=(), per_residents=False):
    """An SVG line of the values in period order; England's median for the same periods
    (`median`, Points) dashed grey beside it; the target as a dashed line. With
    `per_residents`, the values are per 100,000 residents (and so is the median)."""
    unit_words = " per 100,000 residents" if per_residents else ""
    title = title or f"{metric.name}{unit_words}: trend"
    median_at = {(p.start, p.end): p for p in median}
    aligned = [median_at.get((p.start, p.end)) for p in points]
    tops = [p.value for p in points] + [p.value for p in median]
    if metric.target is not None and not per_residents:
        tops.append(metric.target)
    frame = _Frame(len(points), nice_ceiling(max(tops, default=0)))
    parts = _axes(frame, [p.start.strftime("%b %Y") for p in points], metric.unit)
    key = [("This area", LINE, False)]
    if metric.target is not None and not per_residents:
        y = _fmt(frame.y(metric.target))
        key.append((f"Target {format_number(metric.target)}", TARGET, True))
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2" '
                'stroke-dasharray="2 4"/>',
                LEFT,
                WIDTH - RIGHT,
                y,
                y,
                TARGET,
            )
        )
    if any(aligned):
        key.append(("England median", MEDIAN, True))
        # The median where it exists, at the x of the area's own periods.
        runs = [(i, m) for i, m in enumerate(aligned) if m is not None]
        coords = " ".join(f"{_fmt(frame.x(i))},{_fmt(frame.y(m.value))}" for i, m in runs)
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" '
                'stroke-dasharray="6 4"/>',
                coords,
                MEDIAN,
            )
        )
    if points:
        parts.extend(_line(frame, points, LINE))
    parts = _key(key) + parts
    desc = describe_trend(metric, points, per_residents=per_residents)
    latest_median = next((m for m in reversed(aligned) if m is not None), None)
    if latest_median is not None:
        desc += (
            f" England's median in {latest_median.label}: {format_number(latest_median.value)}"
            f"{'%' if metric.is_percentage else ''}."
        )
    return _svg(chart_id, title, desc, parts)


@dataclass
class SpreadPoint:
    start: object
    end: object
    lower: Decimal
    median: Decimal
    upper: Decimal
    areas: int

    @property
    def label(self):
        return period_label(self.start, self.end)


def spread_chart(metric, spread, *, chart_id, per_residents=False):
    """England's median as a line with the middle half of areas (between the lower and upper
    quartiles) as a band; per 100,000 residents for a count."""
    unit_words = " per 100,000 residents" if per_residents else ""
    title = f"{metric.name}{unit_words}: England median and quartiles"
    top = nice_ceiling(max((p.upper for p in spread), default=0))
    frame = _Frame(len(spread), top)
    parts = _axes(frame, [p.start.strftime("%b %Y") for p in spread], metric.unit)
    if spread:
        upper = [f"{_fmt(frame.x(i))},{_fmt(frame.y(p.upper))}" for i, p in enumerate(spread)]
        lower = [f"{_fmt(frame.x(i))},{_fmt(frame.y(p.lower))}" for i, p in enumerate(spread)]
        parts.append(
            format_html(
                '<polygon points="{}" fill="{}" stroke="none"/>',
                " ".join(upper + lower[::-1]),
                BAND,
            )
        )
        median = " ".join(
            f"{_fmt(frame.x(i))},{_fmt(frame.y(p.median))}" for i, p in enumerate(spread)
        )
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="3"/>', median, LINE
            )
        )
        parts = (
            _key([("England median", LINE, False)])
            + [
                format_html(
                    '<rect x="{}" y="8" width="22" height="14" fill="{}"/>'
                    '<text x="{}" y="21" font-size="15" fill="{}">Middle half of areas</text>',
                    LEFT + 170,
                    BAND,
                    LEFT + 198,
                    AXIS,
                )
            ]
            + parts
        )
    if spread:
        latest = spread[-1]
        desc = (
            f"{len(spread)} periods from {spread[0].label} to {latest.label}. In "
            f"{latest.label} the median of {latest.areas} areas was "
            f"{format_number(latest.median)}{unit_words}, and the middle half of areas (between "
            f"the lower and upper quartiles) lay between {format_number(latest.lower)} and "
            f"{format_number(latest.upper)}."
        )
    else:
        desc = "No area has entered values."
    return _svg(chart_id, title, desc, parts)
