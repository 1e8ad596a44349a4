"""Reads of published progress reports for the public pages."""

from concordat.core.selectors.plans import latest_version
from concordat.reports.models import ProgressReport


def published_reports(area):
    return list(
        ProgressReport.objects.filter(area=area, state=ProgressReport.State.PUBLISHED).order_by(
            "-period_end", "-published_at", "-pk"
        )
    )


def latest_report(area):
    return (
        ProgressReport.objects.filter(area=area, state=ProgressReport.State.PUBLISHED)
        .order_by("-period_end", "-published_at", "-pk")
        .first()
    )


def published_report(area, pk):
    """The area's published report with this id, with its sections and milestones, or None."""
    return (
        ProgressReport.objects.filter(area=area, pk=pk, state=ProgressReport.State.PUBLISHED)
        .prefetch_related("sections", "milestones")
        .first()
    )


def linkable_refs(area):
    """Refs of the actions in the area's latest published plan: the ones a page can link to."""
    version = latest_version(area)
    if version is None:
        return set()
    return set(version.actions.exclude(ref="").values_list("ref", flat=True))
