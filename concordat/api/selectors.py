"""Reads of published data for the API, CSV files, feeds and the downloads ZIP.

Everything here starts from published rows only: a plan version whose state is published, a
progress update whose version is published, a progress report whose state is published.
"""

from datetime import UTC, datetime, time, timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce

from concordat.core import rules
from concordat.core.models import (
    CLOSED_STATUSES,
    Action,
    ActionLead,
    Area,
    CanonicalStatus,
    Organisation,
    PlanVersion,
    ProgressUpdate,
    Rag,
)
from concordat.reports.models import Metric, MetricValue, ProgressReport

PUBLISHED = PlanVersion.State.PUBLISHED


def published_versions():
    return PlanVersion.objects.filter(state=PUBLISHED)


def latest_version_ids():
    """Each plan's latest published version (core.selectors.plans.latest_versions' rule:
    latest publication, then highest number), as a subquery the database answers once."""
    newer = PlanVersion.objects.filter(plan=OuterRef("plan"), state=PUBLISHED).filter(
        Q(published_at__gt=OuterRef("published_at"))
        | Q(published_at=OuterRef("published_at"), number__gt=OuterRef("number"))
    )
    return published_versions().filter(~Exists(newer)).values("pk")


def lead_organisations(action_ids):
    """{action id: [{"slug", "name"}, …]} in lead order, in one query."""
    leads = {}
    rows = (
        ActionLead.objects.filter(action_id__in=list(action_ids))
        .order_by("action_id", "position", "pk")
        .values_list("action_id", "organisation__slug", "organisation__name")
    )
    for action_id, slug, name in rows:
        leads.setdefault(action_id, []).append({"slug": slug, "name": name})
    return leads


def public_updates():
    return ProgressUpdate.objects.public()


def _update_date():
    """An update's date, or the day its version was published when the source gave none.

    As in core.selectors.plans, the publication day is read in UTC: cheap in the database.
    """
    return Coalesce("date", Cast("published_at", DateField()), output_field=DateField())


def stale_cutoff(today):
    return rules.stale_cutoff(on=today)


def _open():
    return ~Q(canonical_status__in=CLOSED_STATUSES)


def _day_start(day):
    """Midnight UTC of the day: versions' publication days are read in UTC (_update_date)."""
    return datetime.combine(day, time.min, tzinfo=UTC)


def _activity_since(day):
    """last_activity >= day, written so that indexes answer it (no per-row latest update)."""
    recent_update = (
        public_updates()
        .filter(identity=OuterRef("identity"))
        .filter(Q(date__gte=day) | Q(date__isnull=True, published_at__gte=_day_start(day)))
    )
    return Q(version__published_at__gte=_day_start(day)) | Q(Exists(recent_update))


def _stale_q(today):
    """rules.is_stale in SQL: open, and no activity since the cutoff."""
    return _open() & ~_activity_since(stale_cutoff(today))


def suggested_rag_expression(today):
    """rules.suggest_rag in SQL, so lists can be filtered by it."""
    return Case(
        When(canonical_status=CanonicalStatus.COMPLETE, then=Value(Rag.BLUE)),
        When(canonical_status=CanonicalStatus.SUPERSEDED, then=Value("")),
        When(_open() & Q(due__lt=today), then=Value(Rag.RED)),
        When(
            _stale_q(today) | Q(due__lte=today + timedelta(days=rules.DUE_SOON_DAYS)),
            then=Value(Rag.AMBER),
        ),
        When(canonical_status=CanonicalStatus.IN_PROGRESS, then=Value(Rag.GREEN)),
        When(
            canonical_status=CanonicalStatus.NOT_STARTED, due__isnull=False, then=Value(Rag.GREEN)
        ),
        default=Value(""),
        output_field=CharField(),
    )


def actions(*, today, current=True):
    """Published actions with their area, section, leads and latest public update.

    `current` keeps to the latest published version of each plan; otherwise every published
    version's actions are returned (an action's uid with its version number is its id).
    """
    latest = (
        public_updates()
        .filter(identity=OuterRef("identity"))
        .annotate(on=_update_date())
        .order_by("-on", "-created_at", "-pk")
    )
    # Version ids rather than a join on the version's state: the database can then start
    # from whichever filter is narrowest.
    versions = latest_version_ids() if current else published_versions().values("pk")
    queryset = Action.objects.filter(version_id__in=versions)
    return (
        queryset.select_related("version__plan__area", "section", "identity")
        .defer("raw", "extra")
        .annotate(
            latest_update_note=Subquery(latest.values("note")[:1]),
            latest_update_date=Subquery(latest.values("on")[:1]),
            version_day=Cast("version__published_at", DateField()),
        )
        .annotate(
            # Publishing a version counts as activity (core.selectors.plans.describe).
            last_activity=Case(
                When(latest_update_date__gt=F("version_day"), then=F("latest_update_date")),
                default=F("version_day"),
                output_field=DateField(),
            )
        )
        .annotate(suggested_rag=suggested_rag_expression(today))
        .annotate(
            effective_rag=Case(
                When(~Q(rag=""), then=F("rag")),
                default=F("suggested_rag"),
                output_field=CharField(),
            ),
        )
        .order_by("version_id", "position", "pk")
    )


def filter_actions(
    queryset,
    *,
    today,
    area=None,
    section=None,
    status=None,
    rag=None,
    overdue=None,
    stale=None,
    lead_organisation=None,
    updated_since=None,
    version=None,
):
    if area:
        queryset = queryset.filter(identity__plan__area__slug=area)
    if version is not None:
        queryset = queryset.filter(version__number=version)
    if section is not None:
        queryset = queryset.filter(section__number=section)
    if status:
        queryset = queryset.filter(canonical_status=status)
    if rag:
        queryset = queryset.filter(effective_rag=rag)
    if overdue is not None:
        late = Q(due__lt=today) & _open()
        queryset = queryset.filter(late if overdue else ~late)
    if stale is not None:
        stale_q = _stale_q(today)
        queryset = queryset.filter(stale_q if stale else ~stale_q)
    if lead_organisation:
        led = ActionLead.objects.filter(action=OuterRef("pk"), organisation__slug=lead_organisation)
        queryset = queryset.filter(Exists(led))
    if updated_since:
        queryset = queryset.filter(_activity_since(updated_since))
    return queryset


def _version_in_force():
    """The number of the version an update was published with: an imported note's own, else
    the plan's latest version published by then (a note written on the site belongs to no
    version, and is only ever written on an action of a published plan)."""
    in_force = (
        published_versions()
        .filter(plan_id=OuterRef("identity__plan_id"), published_at__lte=OuterRef("published_at"))
        .order_by("-published_at", "-number")
        .values("number")[:1]
    )
    return Coalesce("version__number", Subquery(in_force))


def updates(*, area=None, action=None, since=None):
    queryset = (
        public_updates()
        .select_related("identity__plan__area")
        .annotate(on=_update_date(), version_number=_version_in_force())
        .order_by("pk")
    )
    if area:
        queryset = queryset.filter(identity__plan__area__slug=area)
    if action:
        queryset = queryset.filter(identity__uid=action)
    if since:
        queryset = queryset.filter(on__gte=since)
    return queryset


def areas(*, region=None, kind=None):
    latest = (
        published_versions().filter(plan__area=OuterRef("pk")).order_by("-published_at", "-number")
    )
    queryset = (
        Area.objects.select_related("parent")
        .prefetch_related(
            Prefetch("declaration_signatories", queryset=Organisation.objects.only("slug"))
        )
        .annotate(
            latest_version=Subquery(latest.values("number")[:1]),
            latest_published_at=Subquery(latest.values("published_at")[:1]),
        )
        .order_by("name")
    )
    if region:
        queryset = queryset.filter(region=region)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def organisations(*, role=None, sector=None):
    queryset = Organisation.objects.select_related("national_role").order_by("name")
    if role:
        queryset = queryset.filter(national_role__key=role)
    if sector:
        queryset = queryset.filter(sector=sector)
    return queryset


def versions(*, area=None, published_since=None):
    queryset = (
        published_versions()
        .select_related("plan__area")
        .annotate(action_count=Count("actions"))
        .order_by("plan__area__name", "number")
    )
    if area:
        queryset = queryset.filter(plan__area__slug=area)
    if published_since:
        queryset = queryset.filter(published_at__date__gte=published_since)
    return queryset


def reports(*, area=None, published_since=None):
    queryset = (
        ProgressReport.objects.filter(state=ProgressReport.State.PUBLISHED)
        .select_related("area")
        .prefetch_related("sections", "milestones")
        .order_by("area__name", "published_at", "pk")
    )
    if area:
        queryset = queryset.filter(area__slug=area)
    if published_since:
        queryset = queryset.filter(published_at__date__gte=published_since)
    return queryset


def metrics(*, area=None):
    """Metric definitions: the national catalogue and the areas' own, from published plans."""
    queryset = (
        Metric.objects.filter(Q(source_version__isnull=True) | Q(source_version__state=PUBLISHED))
        .select_related("area")
        .order_by("position", "name", "pk")
    )
    if area:
        queryset = queryset.filter(Q(area__slug=area) | Q(area__isnull=True))
    return queryset


def metric_values(*, metric=None, area=None, period_from=None, period_to=None):
    queryset = (
        MetricValue.objects.filter(metric__in=metrics())
        .select_related("metric", "area")
        .order_by("area_id", "metric_id", "period_start", "pk")
    )
    if metric:
        queryset = queryset.filter(metric__slug=metric)
    if area:
        queryset = queryset.filter(area__slug=area)
    if period_from:
        queryset = queryset.filter(period_end__gte=period_from)
    if period_to:
        queryset = queryset.filter(period_start__lte=period_to)
    return queryset
