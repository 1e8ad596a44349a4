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


def _segments(spec, counts):
    values = [counts.get(key, 0) for key, _css, _label in spec]
    return [
        {"key": css, "label": label, "count": count, "percent": percent}
        for (_key, css, label), count, percent in zip(
            spec, values, whole_percentages(values), strict=True
        )
    ]


def status_segments(by_status):
    return _segments(STATUS_SEGMENTS, by_status)


def rag_segments(by_rag):
    return _segments(RAG_SEGMENTS, by_rag)


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


def add_urls(items):
    """Give each PublicAction `url` (its action page, or "" without a ref) and each lead
    organisation `url`."""
    action_url = _UrlMaker("public:action", "AREA", "REF")
    organisation_url = _UrlMaker("public:organisation", "ORGANISATION")
    for item in items:
        ref = item.action.ref
        # A ref with a slash cannot be part of an address (the route refuses it).
        item.url = action_url(item.area.slug, ref) if ref and "/" not in ref else ""
        for organisation in item.organisations:
            organisation.url = organisation_url(organisation.slug)
    return items


def add_area_urls(summaries):
    """Give each AreaSummary `url`, its area's dashboard."""
    area_url = _UrlMaker("public:area", "AREA")
    for summary in summaries:
        summary.url = area_url(summary.area.slug)
    return summaries
