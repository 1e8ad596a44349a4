"""The national picture: every area's stage, England's totals, the latest publications."""

from dataclasses import dataclass

from concordat.core.selectors.areas import area_summaries, stage_counts, totals
from concordat.core.selectors.published import published_versions
from concordat.reports.models import ProgressReport

LATEST_PUBLICATIONS = 8


@dataclass(frozen=True)
class Publication:
    kind: str  # "plan" or "report"
    area: object
    title: str
    published_at: object
    url: str


def latest_publications(limit=LATEST_PUBLICATIONS):
    """The newest published plan versions and progress reports together, newest first."""
    versions = published_versions().select_related("plan__area").order_by("-published_at")[:limit]
    reports = (
        ProgressReport.objects.published().select_related("area").order_by("-published_at")[:limit]
    )
    items = [
        Publication(
            kind="plan",
            area=version.plan.area,
            title=f"Action plan: {version.display_label()}",
            published_at=version.published_at,
            url=version.get_absolute_url(),
        )
        for version in versions
    ] + [
        Publication(
            kind="report",
            area=report.area,
            title=report.title,
            published_at=report.published_at,
            url=report.get_absolute_url(),
        )
        for report in reports
    ]
    items.sort(key=lambda item: item.published_at, reverse=True)
    return items[:limit]


@dataclass
class NationalPicture:
    areas: list
    totals: object
    stages: list
    publications: list

    @property
    def areas_with_plans(self):
        return sum(1 for summary in self.areas if summary.version is not None)


def national_picture(*, on):
    """Everything the home page shows, in a fixed number of queries (five)."""
    summaries = area_summaries(on=on)
    return NationalPicture(
        areas=summaries,
        totals=totals(summaries),
        stages=stage_counts(summaries),
        publications=latest_publications(),
    )
