"""Reads of areas for the public pages: every area's stage and counts, and one area's dashboard.

The counts for all areas come from one grouped query in the database: the actions of each
plan's latest published version, grouped by the few things the rules look at (canonical
status, reported RAG, where the due date falls, recent progress). The rules then run once per
group, not once per action.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone

from concordat.core import rules
from concordat.core.models import (
    Action,
    Area,
    CanonicalStatus,
    PlanVersion,
    ProgressUpdate,
    UpdateEvidence,
)

from .plans import (
    area_versions,
    latest_version,
    latest_versions,
    public_updates,
    published_on,
    summarise,
    version_actions,
)

# Where an action's due date falls, relative to the day the page is drawn.
NO_DUE, PAST, SOON, LATER = 0, 1, 2, 3


def _bucket_dates(on):
    """A due date standing for each bucket, so the rules can judge a whole group at once."""
    return {
        NO_DUE: None,
        PAST: on - timedelta(days=1),
        SOON: on,
        LATER: on + timedelta(days=rules.DUE_SOON_DAYS + 1),
    }


def _due_bucket(on):
    return Case(
        When(due__isnull=True, then=Value(NO_DUE)),
        When(due__lt=on, then=Value(PAST)),
        When(due__lte=on + timedelta(days=rules.DUE_SOON_DAYS), then=Value(SOON)),
        default=Value(LATER),
        output_field=IntegerField(),
    )


def start_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def _updated_since(cutoff):
    """A public progress update on the action dated on or after `cutoff`; an undated update
    counts from the day its version was published.

    Written so each part can use an index at England scale: dated updates are probed per
    action (identity and date); undated ones are gathered once, from the versions published
    since the cutoff (probing them per action would scan every such version each time).
    """
    dated = Exists(public_updates().filter(identity=OuterRef("identity"), date__gte=cutoff))
    undated = (
        public_updates()
        .filter(published_at__gte=start_of_day(cutoff), date__isnull=True)
        .values("identity_id")
    )
    return Q(dated) | Q(identity_id__in=undated)


def _has_public_evidence():
    """Evidence (a link or a file) on a public progress update of the action."""
    return Exists(
        UpdateEvidence.objects.filter(
            update__identity=OuterRef("identity"),
            update__state=ProgressUpdate.State.PUBLISHED,
            update__withdrawn_at__isnull=True,
        )
    )


@dataclass
class AreaSummary:
    area: Area
    version: PlanVersion | None = None
    total: int = 0
    complete: int = 0
    # Marked complete with no evidence on any of the action's public updates.
    complete_without_evidence: int = 0
    updated_recently: int = 0
    overdue: int = 0
    stale: int = 0
    by_status: dict = field(default_factory=lambda: rules.counts_by_status([]))
    by_rag: dict = field(default_factory=lambda: rules.counts_by_rag([]))
    stage: str = ""
    published_on: object = None  # the day the version was published, local time

    @property
    def review_due(self):
        return self.version.review_due if self.version else None

    @property
    def share_complete(self):
        return self.complete / self.total if self.total else 0.0

    @property
    def share_updated_recently(self):
        return self.updated_recently / self.total if self.total else 0.0

    @property
    def percent_complete(self):
        return round(100 * self.share_complete)

    @property
    def percent_updated_recently(self):
        return round(100 * self.share_updated_recently)

    @property
    def stage_label(self):
        return rules.Stage(self.stage).label if self.stage else ""


class _Judge:
    """The rules' verdict on a group of alike actions: (stale, rag, overdue).

    Groups repeat across areas (a few statuses, RAGs and due buckets), so each distinct
    question goes to the rules once.
    """

    def __init__(self, on):
        self.on = on
        self.cutoff = rules.stale_cutoff(on=on)
        self.bucket_dates = _bucket_dates(on)
        self.verdicts = {}

    def __call__(self, *, status, reported, bucket, active):
        """`active`: progress published since the cutoff, or the plan published since."""
        key = (status, reported, bucket, active)
        if key not in self.verdicts:
            on, due = self.on, self.bucket_dates[bucket]
            # Without activity since the cutoff, any day before it stands for the last one.
            last_activity = on if active else self.cutoff - timedelta(days=1)
            stale = rules.is_stale(canonical_status=status, last_activity=last_activity, on=on)
            rag, _source = rules.effective_rag(
                reported=reported, canonical_status=status, due=due, on=on, stale=stale
            )
            overdue = rules.is_overdue(due=due, canonical_status=status, on=on)
            self.verdicts[key] = (stale, rag, overdue)
        return self.verdicts[key]


def _add_group(summary, *, status, count, recent, verdict):
    """Add `count` actions that look alike to the rules to an area's summary."""
    stale, rag, overdue = verdict
    summary.total += count
    summary.by_status[status if status in summary.by_status else ""] += count
    summary.by_rag[rag if rag in summary.by_rag else ""] += count
    summary.complete += count if status == CanonicalStatus.COMPLETE else 0
    summary.updated_recently += count if recent else 0
    summary.overdue += count if overdue else 0
    summary.stale += count if stale else 0


def area_summaries(*, on, region="", stage=""):
    """Every area (or those of a region, or at a stage) with its stage and counts: 3 queries."""
    areas = Area.objects.select_related("parent").order_by("name")
    if region:
        areas = areas.filter(region=region)
    summaries = {area.pk: AreaSummary(area=area) for area in areas}
    by_version = {}
    for version in latest_versions():
        if version.area_id in summaries:
            summaries[version.area_id].version = version
            summaries[version.area_id].published_on = published_on(version)
            by_version[version.pk] = summaries[version.area_id]

    judge = _Judge(on)
    groups = (
        Action.objects.filter(version_id__in=list(by_version))
        .annotate(bucket=_due_bucket(on))
        .values("version_id", "canonical_status", "rag", "bucket")
        .annotate(
            n=Count("pk"),
            recent=Count("pk", filter=_updated_since(judge.cutoff)),
            bare=Count("pk", filter=~Q(_has_public_evidence())),
        )
        .order_by()
    )
    for row in groups:
        summary = by_version.get(row["version_id"])
        if summary is None:
            continue
        # Publishing the plan counts as activity, as on the plan page.
        fresh = summary.published_on is not None and summary.published_on >= judge.cutoff
        status = row["canonical_status"]
        if status == CanonicalStatus.COMPLETE:
            summary.complete_without_evidence += row["bare"]
        for recent, count in ((True, row["recent"]), (False, row["n"] - row["recent"])):
            if count:
                verdict = judge(
                    status=status, reported=row["rag"], bucket=row["bucket"], active=recent or fresh
                )
                _add_group(summary, status=status, count=count, recent=recent, verdict=verdict)

    result = []
    for summary in summaries.values():
        summary.stage = rules.area_stage(
            declaration_date=summary.area.declaration_date,
            published_on=summary.published_on,
            review_due=summary.review_due,
            share_complete=summary.share_complete,
            share_updated_recently=summary.share_updated_recently,
            on=on,
        )
        if not stage or summary.stage == stage:
            result.append(summary)
    return result


def totals(summaries):
    """The counts of many areas added up."""
    total = AreaSummary(area=None)
    for summary in summaries:
        total.total += summary.total
        total.complete += summary.complete
        total.complete_without_evidence += summary.complete_without_evidence
        total.updated_recently += summary.updated_recently
        total.overdue += summary.overdue
        total.stale += summary.stale
        for key, count in summary.by_status.items():
            total.by_status[key] += count
        for key, count in summary.by_rag.items():
            total.by_rag[key] += count
    return total


def stage_counts(summaries):
    counts = defaultdict(int)
    for summary in summaries:
        counts[summary.stage] += 1
    return [(stage, counts[stage.value]) for stage in rules.Stage]


# --- one area's dashboard ---------------------------------------------------------------

LIST_LIMIT = 10


@dataclass
class SectionSummary:
    section: object
    counts: dict


@dataclass
class Dashboard:
    area: Area
    signatories: list
    children: list
    version: PlanVersion | None
    versions: list
    summary: dict
    stage: str
    sections: list
    overdue: list
    stale: list
    recently_completed: list

    @property
    def stage_label(self):
        return rules.Stage(self.stage).label


def area_dashboard(area, *, on, sections):
    """Everything an area's dashboard shows about the area and its plan."""
    version = latest_version(area)
    items = version_actions(version, on=on) if version else []
    summary = summarise(items)
    cutoff = rules.stale_cutoff(on=on)
    recently_updated = sum(
        1 for item in items if item.latest_update_on and item.latest_update_on >= cutoff
    )
    total = summary["total"]
    stage = rules.area_stage(
        declaration_date=area.declaration_date,
        published_on=published_on(version) if version else None,
        review_due=version.review_due if version else None,
        share_complete=summary["complete"] / total if total else 0.0,
        share_updated_recently=recently_updated / total if total else 0.0,
        on=on,
    )
    by_section = [
        SectionSummary(
            section=section,
            counts=summarise([item for item in items if item.section_number == section.number]),
        )
        for section in sections
    ]
    overdue = sorted(
        (i for i in items if i.overdue), key=lambda i: (i.action.due, i.action.position)
    )
    stale = sorted(
        (i for i in items if i.stale),
        key=lambda i: (i.last_activity or on, i.action.position),
    )
    completed = sorted(
        (
            i
            for i in items
            if i.action.canonical_status == CanonicalStatus.COMPLETE
            and i.last_activity
            and i.last_activity >= cutoff
        ),
        key=lambda i: (i.last_activity, -i.action.position),
        reverse=True,
    )
    return Dashboard(
        area=area,
        signatories=list(area.declaration_signatories.order_by("name")),
        children=list(area.children.order_by("name")),
        version=version,
        versions=list(area_versions(area)),
        summary=summary,
        stage=stage,
        sections=by_section,
        overdue=overdue[:LIST_LIMIT],
        stale=stale[:LIST_LIMIT],
        recently_completed=completed[:LIST_LIMIT],
    )
