"""An area's outcome measures with their latest published figure."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from concordat.core.models.plans import published_version_q
from concordat.reports.models import Metric, MetricValue


def area_metrics(area):
    """The area's own measures (from published plans) and the national measures it has
    figures for, each with `latest` (a MetricValue or None): two queries.

    An own measure mapped to a national one reads its figures from the national one, which is
    then not listed twice.
    """
    values_here = MetricValue.objects.filter(area=area)
    own = Q(area=area) & (Q(source_version__isnull=True) | published_version_q("source_version__"))
    national = Q(area__isnull=True) & Exists(values_here.filter(metric=OuterRef("pk")))
    metrics = list(
        Metric.objects.filter(own | national)
        .annotate(recorded_id=Coalesce("maps_to_id", "pk"))
        .annotate(
            latest_id=Subquery(
                values_here.filter(metric_id=OuterRef("recorded_id"))
                .order_by("-period_end", "-period_start")
                .values("pk")[:1]
            )
        )
        .order_by("area_id", "position", "name")
    )
    mapped = {m.maps_to_id for m in metrics if m.maps_to_id}
    metrics = [m for m in metrics if m.pk not in mapped]
    wanted = [m.latest_id for m in metrics if m.latest_id]
    latest = {v.pk: v for v in MetricValue.objects.filter(pk__in=wanted)} if wanted else {}
    for metric in metrics:
        metric.latest = latest.get(metric.latest_id)
    return metrics
