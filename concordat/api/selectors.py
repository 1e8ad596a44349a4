"""Reads of published data for the API, CSV files, feeds and the downloads ZIP.

What an action's rows say about it today comes from concordat.core.verdict; the SQL
expressions here (stale, suggested RAG, updated since) are its twins for filtering in the
database, tested to agree with it (tests/api/test_api_actions.py).

Everything here starts from published rows only: a plan version whose state is published, a
progress update the public sees (`ProgressUpdate.objects.public()`), a progress report whose
state is published.
"""

from datetime import timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from concordat.core import rules, verdict
from concordat.core.models import (
    CLOSED_STATUSES,
    Action,
    ActionLead,
    Area,
    CanonicalStatus,
    Organisation,
    Rag,
)
from concordat.core.models.plans import published_version_q
from concordat.core.selectors.published import (
    latest_public_update,
    public_updates,
    published_versions,
)
from concordat.reports.models import Metric, MetricValue, ProgressReport


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


def _updated_since(day):
    """verdict.is_recent in SQL: a public update dated on or after `day` (an undated note
    never counts), probed per action through the (identity, date) index."""
    return Exists(public_updates().filter(identity=OuterRef("identity"), date__gte=day))


def _open():
    return ~Q(canonical_status__in=CLOSED_STATUSES)


def _stale_q(today):
    """The verdict's `stale` in SQL: open, and not updated in the last six months."""
    return _open() & ~_updated_since(verdict.recent_cutoff(today))


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
    latest = latest_public_update()
    # Version ids rather than a join on the version's state: the database can then start
    # from whichever filter is narrowest.
    queryset = (
        Action.objects.current()
        if current
        else Action.objects.filter(version_id__in=published_versions().values("pk"))
    )
    return (
        queryset.select_related("version__plan__area", "section", "identity")
        .defer("raw", "extra")
        .annotate(
            latest_update_note=Subquery(latest.values("note")[:1]),
            # verdict.update_day of the latest update: its own date, None when undated.
            latest_update_date=Subquery(latest.values("date")[:1]),
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
        queryset = queryset.filter(_updated_since(updated_since))
    return queryset


def _version_in_force():
    """The number of the version an update was published with: an imported note's own, else
    the plan's latest version published by then (a note written on the site belongs to no
    version, and is only ever written on an action of a published plan)."""
    in_force = (
        published_versions()
        .filter(plan_id=OuterRef("identity__plan_id"), published_at__lte=OuterRef("published_at"))
        .newest_first()
        .values("number")[:1]
    )
    return Coalesce("version__number", Subquery(in_force))


def updates(*, area=None, action=None, since=None):
    queryset = (
        public_updates()
        .select_related("identity__plan__area")
        .annotate(on=F("date"), version_number=_version_in_force())  # on: None when undated
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
    latest = published_versions().filter(plan__area=OuterRef("pk")).newest_first()
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
        ProgressReport.objects.published()
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
        Metric.objects.filter(
            Q(source_version__isnull=True) | published_version_q("source_version__")
        )
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
