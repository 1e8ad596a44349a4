"""The one read layer for published data: what the public sees, and nothing else.

The rules themselves are the models' querysets, each defined once:

- a published version: `PlanVersion.objects.published()`;
- a plan's latest published version: the latest publication, then the highest number
  (`NEWEST_PUBLISHED_FIRST`; in SQL `PlanVersion.objects.latest_published()`);
- actions of published versions, and of the latest ones: `Action.objects.published()`,
  `Action.objects.current()`;
- a public progress update: `ProgressUpdate.objects.public()` (`public_update_q` from a
  related row), and an action's latest one: `latest_public_update`;
- a published progress report: `ProgressReport.objects.published()` (reports' model; its
  reads are in `concordat.reports.selectors`).

The public pages, the API, search, good practice, alerts, voice and reports read published
versions and updates through the functions here.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from concordat.core import verdict
from concordat.core.models import PlanVersion, ProgressUpdate, UpdateEvidence
from concordat.core.models.plans import public_update_q


def published_versions():
    return PlanVersion.objects.published()


def public_updates():
    """The progress updates the public can see: published by the area, or with its imported
    version, and not withdrawn (`ProgressUpdate.objects.public()`)."""
    return ProgressUpdate.objects.public()


@dataclass(frozen=True)
class VersionRef:
    """The few facts about a published version that lists of many plans need."""

    pk: int
    plan_id: int
    area_id: int
    number: int
    label: str
    published_at: object
    review_due: object

    def display_label(self):
        return self.label or f"Version {self.number}"


def latest_versions():
    """Every plan's latest published version, as VersionRefs, in one query.

    Picked in Python from all published versions by the same rule as
    `PlanVersion.objects.latest_published()` (latest publication, then highest number): a
    correlated subquery per version costs more than reading a few hundred small rows.
    """
    latest = {}
    rows = published_versions().values_list(
        "pk", "plan_id", "plan__area_id", "number", "label", "published_at", "review_due"
    )
    for row in rows.order_by():
        version = VersionRef(*row)
        current = latest.get(version.plan_id)
        if current is None or (version.published_at, version.number) > (
            current.published_at,
            current.number,
        ):
            latest[version.plan_id] = version
    return list(latest.values())


def latest_version_ids():
    """Each plan's latest published version, as a subquery of ids the database answers once."""
    return PlanVersion.objects.latest_published().values("pk")


def latest_version(area):
    """The area's latest published version, with its plan and area, or None."""
    return PlanVersion.objects.select_related("plan__area").latest_published_of(area=area)


def latest_version_of_plan(plan):
    """The plan's latest published version, or None (for services that hold the plan)."""
    return PlanVersion.objects.latest_published_of(plan=plan)


def area_versions(area):
    """The area's published versions, newest first, each with its number of actions."""
    return (
        published_versions().filter(plan__area=area).annotate(action_count=Count("actions"))
    ).newest_first()


def versions_in_order(area):
    """The area's published versions, oldest publication first (to tell which was in force
    on a day)."""
    return list(published_versions().filter(plan__area=area).order_by("published_at", "number"))


def version_by_number(area, number):
    """The area's published version with that number, or None (drafts are never returned)."""
    return (
        published_versions().select_related("plan__area").filter(plan__area=area, number=number)
    ).first()


def published_on(version):
    return timezone.localdate(version.published_at) if version.published_at else None


def latest_public_update():
    """An action's latest public update (verdict.LATEST_FIRST), for a subquery on the
    action's `identity`: `.values("pk")[:1]`, `.values("note")[:1]`…"""
    return public_updates().filter(identity=OuterRef("identity")).order_by(*verdict.LATEST_FIRST)


def has_public_evidence():
    """For a queryset of actions: evidence (a link or a file) on a public update of the
    action."""
    return Exists(
        UpdateEvidence.objects.filter(update__identity=OuterRef("identity")).filter(
            public_update_q("update__")
        )
    )
