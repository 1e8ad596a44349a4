"""Reads of areas for the public pages: every area's stage and counts, and one area's dashboard.

The counts for all areas come from one grouped query in the database: the actions of each
plan's latest published version, grouped by the few things the rules look at (canonical
status, reported RAG, where the due date falls, recent progress). The rules then run once per
group, not once per action.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import (
    Case,
    DateField,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)

from concordat.core import rules, verdict
from concordat.core.models import (
    Action,
    Area,
    CanonicalStatus,
    PlanVersion,
)

from .plans import summarise, version_actions
from .published import (
    area_versions,
    has_public_evidence,
    latest_version,
    latest_versions,
    public_updates,
    published_on,
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


def _last_update_day():
    """The day of the action's latest public update (None when it has none, or only
    undated ones): probed per action through the (identity, date) index."""
    newest = (
        public_updates()
        .filter(identity=OuterRef("identity"), date__isnull=False)
        .order_by("-date")
        .values("date")[:1]
    )
    return Subquery(newest, output_field=DateField())


@dataclass
class AreaSummary:
    area: Area
    version: PlanVersion | None = None
    total: int = 0
    complete: int = 0
    # Marked complete with no evidence on any of the action's public updates.
    complete_without_evidence: int = 0
    updated_recently: int = 0
    already_due: int = 0
    overdue: int = 0
    stale: int = 0
    by_status: dict = field(default_factory=lambda: rules.counts_by_status([]))
    by_rag: dict = field(default_factory=lambda: rules.counts_by_rag([]))
    by_rag_suggested: dict = field(default_factory=lambda: rules.counts_by_rag([]))
    last_update: object = None  # the day of the latest public update on any of its actions
    stage_verdict: rules.StageVerdict | None = None
    published_on: object = None  # the day the version was published, local time

    @property
    def stage(self):
        return self.stage_verdict.stage if self.stage_verdict else ""

    @property
    def stage_reason(self):
        return self.stage_verdict.reason if self.stage_verdict else ""

    @property
    def stage_label(self):
        return rules.Stage(self.stage).label if self.stage else ""

    @property
    def review_due(self):
        return self.version.review_due if self.version else None

    @property
    def not_updated(self):
        """Actions not updated in the last six months, whatever their status: with
        `updated_recently` it makes up the whole; `stale` is its open part."""
        return self.total - self.updated_recently

    @property
    def share_complete(self):
        return self.complete / self.total if self.total else 0.0

    @property
    def share_overdue(self):
        return self.overdue / self.total if self.total else 0.0

    @property
    def share_updated_recently(self):
        return self.updated_recently / self.total if self.total else 0.0

    @property
    def percent_complete(self):
        return round(100 * self.share_complete)

    @property
    def percent_overdue(self):
        return round(100 * self.share_overdue)

    @property
    def percent_updated_recently(self):
        return round(100 * self.share_updated_recently)

    @property
    def suggested_rags(self):
        return sum(self.by_rag_suggested.values())


class _Judge:
    """The verdict on a group of alike actions: the same `verdict.judge` every page uses,
    asked once per distinct (status, reported RAG, due bucket, updated recently)."""

    def __init__(self, on):
        self.on = on
        self.bucket_dates = _bucket_dates(on)
        self.verdicts = {}

    def __call__(self, *, status, reported, bucket, recent):
        key = (status, reported, bucket, recent)
        if key not in self.verdicts:
            # Any day in the last six months stands for a recent update; none for the rest.
            self.verdicts[key] = verdict.judge(
                canonical_status=status,
                due=self.bucket_dates[bucket],
                reported_rag=reported,
                last_update_on=self.on if recent else None,
                on=self.on,
            )
        return self.verdicts[key]


def _add_group(summary, *, status, bucket, count, judged):
    """Add `count` actions that look alike to the rules to an area's summary."""
    summary.total += count
    summary.by_status[status if status in summary.by_status else ""] += count
    rag = judged.rag if judged.rag in summary.by_rag else ""
    summary.by_rag[rag] += count
    if judged.rag_suggested:
        summary.by_rag_suggested[rag] += count
    summary.complete += count if status == CanonicalStatus.COMPLETE else 0
    summary.updated_recently += count if judged.updated_recently else 0
    summary.already_due += count if bucket == PAST else 0
    summary.overdue += count if judged.overdue else 0
    summary.stale += count if judged.stale else 0


def _day(value):
    """A date from the database: SQLite gives an aggregate of dates back as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _groups(version_ids, *, on):
    """The actions of these versions grouped as the rules see them: (version, status,
    reported RAG, due bucket) with how many, how many updated recently, and the latest
    update's day. One query: each action's last update is worked out once, in a derived
    table, then grouped (grouped directly, the database would work it out once for the
    count and again for the maximum)."""
    if not version_ids:
        return []
    rows = (
        Action.objects.filter(version_id__in=version_ids)
        .annotate(bucket=_due_bucket(on), last=_last_update_day(), evidenced=has_public_evidence())
        .values_list("version_id", "canonical_status", "rag", "bucket", "last", "evidenced")
        .order_by()
    )
    inner, params = rows.query.sql_with_params()
    names = [connection.ops.quote_name(name) for name in ("version_id", "canonical_status",
                                                          "rag", "bucket", "last",
                                                          "evidenced")]  # fmt: skip
    version, status, rag, bucket, last, evidenced = names
    # Only quoted names and the ORM's own SQL go into the text; values are parameters.
    sql = (
        f"SELECT {version}, {status}, {rag}, {bucket}, COUNT(*), "  # noqa: S608
        f"SUM(CASE WHEN {last} >= %s THEN 1 ELSE 0 END), MAX({last}), "
        f"SUM(CASE WHEN {evidenced} THEN 0 ELSE 1 END) "
        f"FROM ({inner}) AS actions GROUP BY {version}, {status}, {rag}, {bucket}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [verdict.recent_cutoff(on), *params])
        return [
            {
                "version_id": version_id,
                "canonical_status": canonical_status,
                "rag": reported,
                "bucket": due_bucket,
                "n": count,
                "recent": recent or 0,
                "last": _day(latest),
                "bare": bare or 0,
            }
            for version_id, canonical_status, reported, due_bucket, count, recent, latest, bare in (
                cursor.fetchall()
            )
        ]


def judge_stage(summary, *, on):
    """The summary's stage (rules.area_stage) from its counts."""
    return rules.area_stage(
        declared=summary.area.declared,
        published_on=summary.published_on,
        review_due=summary.review_due,
        total=summary.total,
        complete=summary.complete,
        already_due=summary.already_due,
        overdue=summary.overdue,
        updated_recently=summary.updated_recently,
        on=on,
    )


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
    for row in _groups(list(by_version), on=on):
        summary = by_version.get(row["version_id"])
        if summary is None:
            continue
        status = row["canonical_status"]
        if row["last"] and (summary.last_update is None or row["last"] > summary.last_update):
            summary.last_update = row["last"]
        if status == CanonicalStatus.COMPLETE:
            summary.complete_without_evidence += row["bare"]
        for recent, count in ((True, row["recent"]), (False, row["n"] - row["recent"])):
            if count:
                judged = judge(
                    status=status, reported=row["rag"], bucket=row["bucket"], recent=recent
                )
                _add_group(summary, status=status, bucket=row["bucket"], count=count, judged=judged)

    result = []
    for summary in summaries.values():
        summary.stage_verdict = judge_stage(summary, on=on)
        if not stage or summary.stage == stage:
            result.append(summary)
    return result


def totals(summaries):
    """The counts of many areas added up."""
    total = AreaSummary(area=None)
    for summary in summaries:
        for name in (
            "total",
            "complete",
            "complete_without_evidence",
            "updated_recently",
            "already_due",
            "overdue",
            "stale",
        ):
            setattr(total, name, getattr(total, name) + getattr(summary, name))
        for key, count in summary.by_status.items():
            total.by_status[key] += count
        for key, count in summary.by_rag.items():
            total.by_rag[key] += count
        for key, count in summary.by_rag_suggested.items():
            total.by_rag_suggested[key] += count
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
    stage_verdict: rules.StageVerdict
    sections: list
    overdue: list
    stale: list
    recently_completed: list
    review_overdue: bool = False

    @property
    def stage(self):
        return self.stage_verdict.stage

    @property
    def stage_label(self):
        return self.stage_verdict.label

    @property
    def stage_reason(self):
        return self.stage_verdict.reason


def area_dashboard(area, *, on, sections):
    """Everything an area's dashboard shows about the area and its plan."""
    version = latest_version(area)
    items = version_actions(version, on=on) if version else []
    summary = summarise(items)
    stage = rules.area_stage(
        declared=area.declared,
        published_on=published_on(version) if version else None,
        review_due=version.review_due if version else None,
        total=summary["total"],
        complete=summary["complete"],
        already_due=summary["already_due"],
        overdue=summary["overdue"],
        updated_recently=summary["updated_recently"],
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
        key=lambda i: (i.last_update_on or date.min, i.action.position),
    )
    completed = sorted(
        (
            i
            for i in items
            if i.action.canonical_status == CanonicalStatus.COMPLETE and i.updated_recently
        ),
        key=lambda i: (i.last_update_on, -i.action.position),
        reverse=True,
    )
    return Dashboard(
        area=area,
        signatories=list(area.declaration_signatories.order_by("name")),
        children=list(area.children.order_by("name")),
        version=version,
        versions=list(area_versions(area)),
        summary=summary,
        stage_verdict=stage,
        sections=by_section,
        overdue=overdue[:LIST_LIMIT],
        stale=stale[:LIST_LIMIT],
        recently_completed=completed[:LIST_LIMIT],
        review_overdue=bool(version and version.review_due and version.review_due < on),
    )


# --- the national table's order ------------------------------------------------------------

# Sort keys of /areas/ and /areas.csv: (label, the value to sort by, the natural direction).
SORTS = {
    "name": ("Area", lambda s: s.area.name.lower(), "asc"),
    "stage": ("Stage", lambda s: rules.STAGE_ORDER.get(s.stage, -1), "asc"),
    "complete": ("Share complete", lambda s: s.share_complete if s.total else None, "desc"),
    "overdue": ("Share overdue", lambda s: s.share_overdue if s.total else None, "desc"),
    "updated": (
        "Share updated in the last six months",
        lambda s: s.share_updated_recently if s.total else None,
        "desc",
    ),
    "last_update": ("Last update", lambda s: s.last_update, "asc"),
    "review_due": ("Review due", lambda s: s.review_due, "asc"),
    "last_published": ("Last published", lambda s: s.published_on, "desc"),
}


def sort_summaries(summaries, *, key="name", descending=False):
    """The summaries in the order asked for; areas with no value for the key (no plan, never
    updated) come last either way, and ties go by name."""
    value = SORTS[key][1]
    known = [s for s in summaries if value(s) is not None]
    missing = [s for s in summaries if value(s) is None]
    by_name = sorted(known, key=lambda s: (s.area.name.lower(), s.area.pk))
    ordered = sorted(by_name, key=value, reverse=descending)
    return ordered + sorted(missing, key=lambda s: (s.area.name.lower(), s.area.pk))
