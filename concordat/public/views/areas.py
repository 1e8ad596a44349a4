from django.shortcuts import render
from django.views.decorators.http import require_safe

from concordat.core.selectors.areas import area_dashboard, area_summaries
from concordat.core.selectors.metrics import area_metrics
from concordat.core.selectors.plans import sections
from concordat.core.selectors.progress_reports import latest_report
from concordat.public.forms import AreaFilterForm
from concordat.public.presenters import add_area_urls, add_urls, rag_segments, status_segments

from .helpers import area_breadcrumbs, area_or_404, today


@require_safe
def area_list(request):
    form = AreaFilterForm(request.GET or None)
    region = stage = ""
    if form.is_bound and form.is_valid():
        region, stage = form.cleaned_data["region"], form.cleaned_data["stage"]
    summaries = add_area_urls(area_summaries(on=today(), region=region, stage=stage))
    return render(
        request,
        "public/area_list.html",
        {
            "form": form,
            "summaries": summaries,
            "filtered": bool(region or stage),
            "caption": f"{len(summaries)} area{'' if len(summaries) == 1 else 's'}",
            "breadcrumbs": [{"text": "Home", "href": "/"}, {"text": "Areas"}],
        },
    )


@require_safe
def area_detail(request, slug):
    area = area_or_404(slug)
    dashboard = area_dashboard(area, on=today(), sections=sections())
    add_urls(dashboard.overdue + dashboard.stale + dashboard.recently_completed)
    metrics = area_metrics(area)
    return render(
        request,
        "public/area_detail.html",
        {
            "area": area,
            "dashboard": dashboard,
            "status_segments": status_segments(dashboard.summary["by_status"]),
            "rag_segments": rag_segments(dashboard.summary["by_rag"]),
            "section_rows": [
                {
                    "section": row.section,
                    "counts": row.counts,
                    "status_segments": status_segments(row.counts["by_status"]),
                    "rag_segments": rag_segments(row.counts["by_rag"]),
                }
                for row in dashboard.sections
            ],
            "report": latest_report(area),
            "own_metrics": [m for m in metrics if not m.is_catalogue],
            "national_metrics": [m for m in metrics if m.is_catalogue],
            "breadcrumbs": area_breadcrumbs(area),
        },
    )
