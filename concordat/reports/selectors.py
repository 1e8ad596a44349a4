"""Reads for progress reports, metrics and exports. Public callers get published data only."""

import datetime
from collections import defaultdict

from django.db.models import Count, F, Max, Prefetch, Q
from django.utils import timezone

from concordat.core.models import Action, ActionLead
from concordat.core.selectors import published

from .models import Metric, MetricValue


def end_of_day(day):
    """The last moment of a local date, as an aware datetime."""
    moment = datetime.datetime.combine(day, datetime.time.max)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def version_in_force(versions, on):
    """The last of `versions` (oldest first) published on or before the date `on`."""
    limit = end_of_day(on)
    current = None
    for version in versions:
        if version.published_at and version.published_at <= limit:
            current = version
    return current


def version_actions(version):
    """A version's actions in plan order, with section and lead organisations."""
    if version is None:
        return []
    return list(
        Action.objects.filter(version=version)
        .select_related("section")
        .prefetch_related(
            Prefetch("leads", queryset=ActionLead.objects.select_related("organisation"))
        )
        .order_by("position", "pk")
    )


def public_updates(identity_ids, *, until=None):
    """Public progress updates (core's one definition) on these identities; with `until`,
    only those readable on that day: dated on or before it, or undated and published by
    then (an undated note is readable, but never counts as recent)."""
    updates = (
        published.public_updates()
        .filter(identity_id__in=list(identity_ids))
        .select_related("version")
    )
    if until is not None:
        updates = updates.filter(
            Q(date__lte=until) | Q(date__isnull=True, published_at__lte=end_of_day(until))
        )
    return list(updates.order_by("identity_id", "pk"))


def updates_by_identity(updates):
    grouped = defaultdict(list)
    for update in updates:
        grouped[update.identity_id].append(update)
    return grouped


# Metrics -------------------------------------------------------------------------------


def catalogue():
    return list(Metric.objects.filter(area__isnull=True).order_by("position", "name"))


def catalogue_with_counts():
    return list(
        Metric.objects.filter(area__isnull=True)
        .annotate(area_count=Count("values__area", distinct=True), latest=Max("values__period_end"))
        .order_by("position", "name")
    )


def area_definitions(area):
    """The area's own KPIs (those mapped to the catalogue included), in the plan's order."""
    return list(Metric.objects.filter(area=area).select_related("maps_to").order_by("position"))


def area_values(area, *, metrics=None):
    """{metric_id: {(period_start, period_end): value}} for the area."""
    values = MetricValue.objects.filter(area=area)
    if metrics is not None:
        values = values.filter(metric__in=metrics)
    grouped = defaultdict(dict)
    for metric_id, start, end, value in values.values_list(
        "metric_id", "period_start", "period_end", "value"
    ):
        grouped[metric_id][(start, end)] = value
    return grouped


def area_value_rows(area):
    return list(
        MetricValue.objects.filter(area=area)
        .select_related("metric")
        .order_by("metric__position", "metric__name", "period_start")
    )


def metrics_with_values(area):
    """Definitions the area has values for, catalogue entries first."""
    ids = MetricValue.objects.filter(area=area).values("metric_id").distinct()
    return list(
        Metric.objects.filter(pk__in=ids).order_by(
            F("area_id").asc(nulls_first=True), "position", "name"
        )
    )
