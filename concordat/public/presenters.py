"""Shapes the public templates need from selector results: bar segments, percentages, links."""

from urllib.parse import quote

from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS

from concordat.core.models import CanonicalStatus, Rag

STATUS_SEGMENTS = [
    (str(CanonicalStatus.NOT_STARTED), "not-started", "Not started"),
    (str(CanonicalStatus.IN_PROGRESS), "in-progress", "In progress"),
    (str(CanonicalStatus.COMPLETE), "complete", "Complete"),
    (str(CanonicalStatus.SUPERSEDED), "superseded", "Superseded"),
    ("", "none", "Status not stated"),
]
# What reverse() leaves unquoted in a path argument.
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"

RAG_SEGMENTS = [
    (str(Rag.RED), "red", "Red"),
    (str(Rag.AMBER), "amber", "Amber"),
    (str(Rag.GREEN), "green", "Green"),
    (str(Rag.BLUE), "blue", "Blue (complete)"),
    ("", "none", "No RAG"),
]


def whole_percentages(counts):
    """Whole percentages of the counts that add up to exactly 100 (largest remainder)."""
    total = sum(counts)
    if not total:
        return [0 for _ in counts]
    exact = [100 * count / total for count in counts]
    floors = [int(value) for value in exact]
    short = 100 - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - floors[i], reverse=True)
    for index in by_remainder[:short]:
        floors[index] += 1
    return floors


def _segments(spec, counts, suggested=None):
    """Bar segments with their legend numbers. With `suggested` (RAG counts the system
    suggested, part of `counts`), each colour is drawn in two parts: reported solid, then
    suggested hatched, so a suggested RAG never passes for a reported one."""
    suggested = suggested or {}
    parts = []
    for key, _css, _label in spec:
        count = counts.get(key, 0)
        guessed = min(suggested.get(key, 0), count) if key else 0
        parts += [count - guessed, guessed]
    percents = whole_percentages(parts)
    segments = []
    for index, (_key, css, label) in enumerate(spec):
        reported, guessed = parts[2 * index], parts[2 * index + 1]
        segments.append(
            {
                "key": css,
                "label": label,
                "count": reported + guessed,
                "percent": percents[2 * index] + percents[2 * index + 1],
                "reported": reported,
                "reported_percent": percents[2 * index],
                "suggested": guessed,
                "suggested_percent": percents[2 * index + 1],
            }
        )
    return segments


def status_segments(by_status):
    return _segments(STATUS_SEGMENTS, by_status)


def rag_segments(by_rag, by_rag_suggested=None):
    """RAG segments; `by_rag_suggested` says how many of each colour the system suggested."""
    return _segments(RAG_SEGMENTS, by_rag, by_rag_suggested)


class _UrlMaker:
    """reverse() once per route, then fill in the arguments: a page with hundreds of links
    to actions and organisations would otherwise spend much of its time in reverse()."""

    def __init__(self, name, *placeholders):
        rest = reverse(name, args=placeholders)
        self.parts = []
        for placeholder in placeholders:
            before, rest = rest.split(placeholder, 1)
            self.parts.append(before)
        self.parts.append(rest)

    def __call__(self, *args):
        pieces = [self.parts[0]]
        for value, after in zip(args, self.parts[1:], strict=True):
            pieces.append(quote(str(value), safe=URL_SAFE))
            pieces.append(after)
        return "".join(pieces)


def add_urls(items, *, base=""):
    """Give each PublicAction `url` (its action page, or "" without a ref) and each lead
    organisation `url`; with `base` ("https://example.org"), absolute addresses."""
    action_url = _UrlMaker("public:action", "AREA", "REF")
    organisation_url = _UrlMaker("public:organisation", "ORGANISATION")
    for item in items:
        ref = item.action.ref
        # A ref with a slash cannot be part of an address (the route refuses it).
        item.url = base + action_url(item.area.slug, ref) if ref and "/" not in ref else ""
        for organisation in item.organisations:
            organisation.url = base + organisation_url(organisation.slug)
    return items


def short_date(day):
    """3 Dec 2026: written here, as the national table shows hundreds of dates."""
    return f"{day.day} {day:%b %Y}" if day else ""


def add_area_urls(summaries):
    """Give each AreaSummary `url` (its area's dashboard), the national table's dates as text
    and `covers` (the board areas it covers, by name)."""
    area_url = _UrlMaker("public:area", "AREA")
    for summary in summaries:
        summary.url = area_url(summary.area.slug)
        summary.last_update_text = short_date(summary.last_update)
        summary.review_due_text = short_date(summary.review_due)
        summary.published_on_text = short_date(summary.published_on)
        summary.covers = ", ".join(name for _code, name in summary.area.board_areas)
    return summaries
