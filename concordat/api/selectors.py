"""Reads of published data for the API, CSV files, feeds and the downloads ZIP.

Everything here starts from published rows only: a plan version whose state is published, a
progress update whose version is published, a progress report whose state is published.
"""

from datetime import timedelta

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
from django.db.models.functions import Coalesce, TruncDate

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


def latest_published_version_ids():
    """The id of each plan's latest published version, as a subquery."""
    latest = (
        PlanVersion.objects.filter(plan=OuterRef("plan"), state=PUBLISHED)
        .order_by("-published_at", "-number")
        .values("pk")[:1]
    )
    return PlanVersion.objects.filter(state=PUBLISHED, pk=Subquery(latest)).values("pk")


def public_updates():
    return ProgressUpdate.objects.filter(version__state=PUBLISHED)


def _update_date():
    """An update's date, or the day its version was published when the source gave none."""
    return Coalesce("date", TruncDate("version__published_at"), output_field=DateField())


def stale_cutoff(today):
    return rules.stale_cutoff(on=today)


def _open():
    return ~Q(canonical_status__in=CLOSED_STATUSES)


def _stale_q(today):
    """rules.is_stale in SQL; needs the last_activity annotation."""
    return _open() & (Q(last_activity__isnull=True) | Q(last_activity__lt=stale_cutoff(today)))


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
        .order_by(F("date").desc(nulls_last=True), "-created_at", "-pk")
    )
    queryset = Action.objects.filter(version__state=PUBLISHED)
    if current:
        queryset = queryset.filter(version_id__in=latest_published_version_ids())
    return (
        queryset.select_related("version__plan__area", "section", "identity")
        .prefetch_related(
            Prefetch("leads", queryset=ActionLead.objects.select_related("organisation"))
        )
        .annotate(
            latest_update_note=Subquery(latest.values("note")[:1]),
            latest_update_date=Subquery(latest.annotate(on=_update_date()).values("on")[:1]),
        )
        .annotate(last_activity=F("latest_update_date"))
        .annotate(suggested_rag=suggested_rag_expression(today))
        .annotate(
            effective_rag=Case(
                When(~Q(rag=""), then=F("rag")),
                default=F("suggested_rag"),
                output_field=CharField(),
            ),
        )
        .order_by("version__plan__area__name", "version__number", "position", "pk")
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
        queryset = queryset.filter(version__plan__area__slug=area)
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
        queryset = queryset.filter(
            Exists(
                ActionLead.objects.filter(
                    action=OuterRef("pk"), organisation__slug=lead_organisation
                )
            )
        )
    if updated_since:
        queryset = queryset.filter(
            Q(latest_update_date__gte=updated_since)
            | Q(version__published_at__date__gte=updated_since)
        )
    return queryset


def action_versions(uid):
    """Every published version of one action, newest first."""
    return (
        Action.objects.filter(identity__uid=uid, version__state=PUBLISHED)
        .select_related("version__plan__area", "section", "identity")
        .prefetch_related(
            Prefetch("leads", queryset=ActionLead.objects.select_related("organisation"))
        )
        .order_by("-version__published_at", "-version__number")
    )


def updates(*, area=None, action=None, since=None):
    queryset = (
        public_updates()
        .select_related("identity", "version__plan__area")
        .annotate(on=_update_date())
        .order_by("version__plan__area__name", "identity_id", F("date").asc(nulls_first=True), "pk")
    )
    if area:
        queryset = queryset.filter(version__plan__area__slug=area)
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
        .order_by("area__name", "metric__position", "metric__slug", "period_start", "pk")
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
