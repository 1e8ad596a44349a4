"""Reads of published progress reports (`ProgressReport.objects.published()`, the one
definition), newest first by `NEWEST_REPORT_FIRST`: the public pages, voice, search, the API
and report drafting read them here."""

from concordat.core.selectors.published import latest_version
from concordat.reports.models import ProgressReport


def published_reports(area):
    return list(ProgressReport.objects.published().filter(area=area).newest_first())


def latest_report(area):
    return ProgressReport.objects.published().filter(area=area).newest_first().first()


def published_report(area, pk):
    """The area's published report with this id, with its sections and milestones, or None."""
    return (
        ProgressReport.objects.published()
        .filter(area=area, pk=pk)
        .prefetch_related("sections", "milestones")
        .first()
    )


def previous_published_report(area, *, before, exclude_pk=None):
    """The area's latest published report for a period ending before `before`, or None."""
    reports = ProgressReport.objects.published().filter(area=area, period_end__lt=before)
    if exclude_pk:
        reports = reports.exclude(pk=exclude_pk)
    return reports.newest_first().first()


def linkable_refs(area):
    """Refs of the actions in the area's latest published plan: the ones a page can link to."""
    version = latest_version(area)
    if version is None:
        return set()
    return set(version.actions.exclude(ref="").values_list("ref", flat=True))
