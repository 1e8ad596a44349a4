"""Public pages of outcome measures, and the downloads of published plans and reports."""

import csv
import io

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from concordat.core.models import Area
from concordat.core.outbound import spreadsheet_safe
from concordat.core.selectors import published
from concordat.exports.data import plan_export
from concordat.exports.writers import PLAN_WRITERS, REPORT_WRITERS, download
from concordat.measures.comparisons import format_number
from concordat.measures.periods import Period
from concordat.reports import selectors
from concordat.reports.metrics import area_panels, metric_for_public, national_view, own_measures
from concordat.reports.published import published_report

CACHE_SECONDS = 60 * 60


def _area(slug):
    return get_object_or_404(Area, slug=slug)


@require_safe
def plan_download(request, slug, ext):
    """The latest published plan as .xlsx, .docx, .pdf or .odt."""
    area = _area(slug)
    version = published.latest_version(area)
    if version is None:
        raise Http404("This area has not published a plan.")
    today = timezone.localdate()
    key = f"plan-export:{ext}:{version.pk}:{version.lock_version}:{today.isoformat()}"
    data = cache.get(key)
    if data is None:
        export = plan_export(area, version=version, on=today)
        data = PLAN_WRITERS[ext](export)
        cache.set(key, data, CACHE_SECONDS)
    return download(
        data, filename=f"{area.slug}-action-plan-version-{version.number}.{ext}", ext=ext
    )


@require_safe
def report_download(request, slug, pk, ext):
    """A published progress report as .docx or .pdf."""
    area = _area(slug)
    report = published_report(area, pk)
    if report is None:
        raise Http404("No such published progress report.")
    key = f"report-export:{ext}:{report.pk}:{report.lock_version}"
    data = cache.get(key)
    if data is None:
        data = REPORT_WRITERS[ext](report)
        cache.set(key, data, CACHE_SECONDS)
    return download(data, filename=f"{area.slug}-progress-report-{report.pk}.{ext}", ext=ext)


@require_safe
def area_metrics(request, slug):
    area = _area(slug)
    panels, waiting = area_panels(area)
    return render(
        request,
        "reports/area_metrics.html",
        {
            "area": area,
            "panels": panels,
            "waiting": waiting,
            "breadcrumbs": [
                {"text": "Home", "href": "/"},
                {"text": "Areas", "href": "/areas/"},
                {"text": area.name, "href": area.get_absolute_url()},
                {"text": "Outcome measures"},
            ],
        },
    )


@require_safe
def area_metrics_csv(request, slug):
    """The area's values in the shape the upload takes: metric,period,value,note."""
    area = _area(slug)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["metric", "period", "value", "note"])
    for row in selectors.area_value_rows(area):
        period = Period(row.period_start, row.period_end, row.metric.period)
        value = format_number(row.value).replace(",", "")
        cells = [row.metric.slug, period.short_label, value, row.note]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{area.slug}-outcome-measures.csv"'
    return response


@require_safe
def metric_index(request):
    return render(
        request,
        "reports/metric_index.html",
        {
            "catalogue": selectors.catalogue_with_counts(),
            "own": own_measures(),
            "breadcrumbs": [{"text": "Home", "href": "/"}, {"text": "Outcome measures"}],
        },
    )


@require_safe
def metric_detail(request, slug):
    metric = metric_for_public(slug)
    if metric is None:
        raise Http404("No such measure.")
    if metric.maps_to_id:
        return redirect(metric.maps_to.get_absolute_url())
    view = national_view(metric)
    return render(
        request,
        "reports/metric_detail.html",
        {
            "metric": metric,
            "view": view,
            "breadcrumbs": [
                {"text": "Home", "href": "/"},
                {"text": "Outcome measures", "href": "/metrics/"},
                {"text": metric.name},
            ],
        },
    )
