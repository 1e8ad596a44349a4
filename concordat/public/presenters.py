"""Shapes the public templates need from selector results: bar segments and percentages."""

from concordat.core.models import CanonicalStatus, Rag

STATUS_SEGMENTS = [
    (str(CanonicalStatus.NOT_STARTED), "not-started", "Not started"),
    (str(CanonicalStatus.IN_PROGRESS), "in-progress", "In progress"),
    (str(CanonicalStatus.COMPLETE), "complete", "Complete"),
    (str(CanonicalStatus.SUPERSEDED), "superseded", "Superseded"),
    ("", "none", "Status not stated"),
]
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
