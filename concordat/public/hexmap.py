"""The map of England drawn on the server as SVG: one hex per Health and Wellbeing Board area,
coloured by the stage of the area (local Concordat group) that covers it.

Works without JavaScript and under a strict Content Security Policy: colours come from the
stylesheet by class (components/_map.scss), the hatching of "behind" from an SVG pattern.
Each covered hex is a link named for screen readers ("Thurrock: South West Essex, Behind");
a hex several areas cover links to the list of those areas. Hexes no area covers are hidden
from screen readers, and the national table beside the map is its text alternative.
"""

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from concordat.core import geography
from concordat.core.rules import Stage

SIZE = 20  # a hex's radius, in SVG units
GAP = 1.2  # drawn this much smaller, so neighbours stay apart
PAD = 4
HEX_WIDTH = math.sqrt(3) * SIZE
ROW_STEP = 1.5 * SIZE
# Where several areas cover one board area, the hex shows the stage most in need of notice:
# behind first, then the earliest stage.
MAP_PRIORITY = [
    str(Stage.BEHIND),
    str(Stage.NO_DECLARATION),
    str(Stage.DECLARATION_SIGNED),
    str(Stage.PLAN_PUBLISHED),
    str(Stage.DELIVERING),
]


def css_name(stage):
    return stage.replace("_", "-")


@dataclass(frozen=True)
class _Hex:
    code: str
    name: str
    cx: float
    cy: float
    points: str


@cache
def _layout():
    """Every board area's hex (centre and corners) and the drawing's size, computed once."""
    areas = geography.board_areas().values()
    top = max(area.r for area in areas)
    columns = max(area.q for area in areas) + 1
    hexes = []
    for area in areas:
        cx = PAD + HEX_WIDTH / 2 + area.q * HEX_WIDTH + (HEX_WIDTH / 2 if area.r % 2 else 0)
        cy = PAD + SIZE + (top - area.r) * ROW_STEP
        radius = SIZE - GAP
        corners = [
            (cx + radius * math.cos(math.radians(a)), cy + radius * math.sin(math.radians(a)))
            for a in (-90, -30, 30, 90, 150, 210)
        ]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
        hexes.append(_Hex(area.code, area.name, cx, cy, points))
    width = 2 * PAD + columns * HEX_WIDTH + HEX_WIDTH / 2
    height = 2 * PAD + 2 * SIZE + top * ROW_STEP
    return hexes, width, height


@dataclass
class LegendRow:
    stage: str  # a Stage value, or "not-covered"
    label: str
    areas: int  # areas at this stage (with board areas on the map)
    css: str = ""


@dataclass
class HexMap:
    svg: str
    legend: list = field(default_factory=list)
    several: int = 0  # board areas covered by more than one area
    covered: int = 0
    attribution: str = geography.ATTRIBUTION
    attribution_url: str = geography.ATTRIBUTION_URL


def covers_url(code):
    return f"{reverse('public:areas')}?{urlencode({'covers': code})}"


def _label(board, covers):
    if len(covers) == 1:
        cover = covers[0]
        text = f"{board.name}: {cover.name}, {cover.stage_label}"
        return f"{text} ({cover.stage_reason})" if cover.stage_reason else text
    names = ", ".join(cover.name for cover in covers)
    return f"{board.name}: {len(covers)} areas ({names})"


@dataclass(frozen=True)
class _Cover:
    """What the map needs of an area covering a board area (hashable, for the cache)."""

    name: str
    url: str
    stage: str
    stage_label: str
    stage_reason: str


def hex_map(summaries, *, map_id="england-map", title="Map of England's areas by stage"):
    """The SVG map and its legend for these AreaSummaries (each with `url` and a stage)."""
    by_code = {}
    for summary in summaries:
        cover = _Cover(
            summary.area.name,
            summary.url,
            summary.stage,
            summary.stage_label,
            summary.stage_reason,
        )
        for code in summary.area.ons_codes:
            by_code.setdefault(code, []).append(cover)
    coverage = tuple(sorted((code, tuple(covers)) for code, covers in by_code.items()))
    svg, several = _svg(coverage, map_id, title)
    counts = dict.fromkeys(Stage.values, 0)
    for summary in summaries:
        if summary.area.ons_codes:
            counts[summary.stage] += 1
    legend = [
        LegendRow(stage=stage.value, label=stage.label, areas=counts[stage.value])
        for stage in Stage
    ]
    legend.append(LegendRow(stage="not_covered", label="No area recorded", areas=0))
    for row in legend:
        row.css = css_name(row.stage)
    return HexMap(svg=svg, legend=legend, several=several, covered=len(by_code))


@lru_cache(maxsize=32)
def _svg(coverage, map_id, title):
    """The drawing for one coverage (board area → the areas covering it), kept while the
    data behind it is the same: (svg, how many hexes several areas cover)."""
    by_code = dict(coverage)
    hexes, width, height = _layout()
    parts = [
        format_html(
            '<defs><pattern id="{}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
            'patternTransform="rotate(45)"><rect width="2.5" height="6" fill="#ffffff" '
            'fill-opacity="0.7"/></pattern></defs>',
            map_id,
        )
    ]
    uncovered = []
    several = 0
    for cell in hexes:
        covering = sorted(by_code.get(cell.code, ()), key=lambda cover: cover.name)
        if not covering:
            uncovered.append(
                format_html(
                    '<polygon class="concordat-map__hex concordat-map__hex--not-covered" '
                    'points="{}"><title>{}: no area recorded</title></polygon>',
                    cell.points,
                    cell.name,
                )
            )
            continue
        stage = min((s.stage for s in covering), key=MAP_PRIORITY.index)
        label = _label(cell, covering)
        href = covers_url(cell.code) if len(covering) > 1 else covering[0].url
        shapes = [
            format_html(
                '<polygon class="concordat-map__hex concordat-map__hex--{}" points="{}"/>',
                css_name(stage),
                cell.points,
            )
        ]
        if stage == Stage.BEHIND:
            shapes.append(
                format_html(
                    '<polygon class="concordat-map__hatch" points="{}" fill="url(#{}-hatch)"/>',
                    cell.points,
                    map_id,
                )
            )
        if len(covering) > 1:
            several += 1
            shapes.append(
                format_html(
                    '<circle class="concordat-map__several" cx="{}" cy="{}" r="4.5"/>',
                    f"{cell.cx:.1f}",
                    f"{cell.cy:.1f}",
                )
            )
        parts.append(
            format_html(
                '<a class="concordat-map__link" href="{}" aria-label="{}"><title>{}</title>{}</a>',
                href,
                label,
                label,
                mark_safe("".join(shapes)),  # noqa: S308 - each shape escaped by format_html
            )
        )
    parts.append(
        format_html(
            '<g aria-hidden="true">{}</g>',
            mark_safe("".join(uncovered)),  # noqa: S308 - escaped by format_html
        )
    )
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="concordat-map" id="{}" '
        'viewBox="0 0 {} {}" aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        map_id,
        f"{width:.0f}",
        f"{height:.0f}",
        map_id,
        map_id,
        map_id,
        title,
        map_id,
        "One hexagon for each of England's 151 Health and Wellbeing Board areas, coloured by "
        "the stage of the local Concordat group that covers it. The table of areas on this "
        "page gives the same information in text.",
        mark_safe("".join(str(part) for part in parts)),  # noqa: S308 - escaped parts
    )
    return svg, several
