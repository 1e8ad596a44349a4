import csv
import io
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from concordat.core import geography
from concordat.core.selectors.areas import SORTS, area_dashboard, area_summaries, sort_summaries
from concordat.core.selectors.plans import sections
from concordat.public.forms import AreaFilterForm
from concordat.public.hexmap import hex_map
from concordat.public.presenters import add_area_urls, add_urls, rag_segments, status_segments
from concordat.reports.area_measures import area_metrics
from concordat.reports.published import latest_report

from .helpers import area_breadcrumbs, area_or_404, today


def national_table(request, *, on):
    """The areas the request asks for (filters and order from AreaFilterForm), with `url`s,
    and the form, for /areas/, /areas.csv and /areas/map/."""
    form = AreaFilterForm(request.GET or None)
    region, stage, covers, sort, descending = form.choices()
    summaries = area_summaries(on=on, region=region, stage=stage)
    if covers:
        summaries = [s for s in summaries if covers in s.area.ons_codes]
    summaries = add_area_urls(sort_summaries(summaries, key=sort, descending=descending))
    return form, summaries, {"region": region, "stage": stage, "covers": covers}, sort, descending


def sort_headers(path, filters, sort, descending):
    """The national table's column headers: each a plain link that sorts by it (the current
    column's link turns the order round), keeping the filters."""
    kept = {name: value for name, value in filters.items() if value}
    headers = {}
    for key, (label, _value, natural) in SORTS.items():
        current = key == sort
        order = ("asc" if descending else "desc") if current else natural
        headers[key] = {
            "label": label,
            "href": f"{path}?{urlencode({**kept, 'sort': key, 'order': order})}",
            "aria_sort": ("descending" if descending else "ascending") if current else "",
            "next": "descending" if order == "desc" else "ascending",
        }
    return headers


@require_safe
def area_list(request):
    form, summaries, filters, sort, descending = national_table(request, on=today())
    covers = filters["covers"]
    kept = {name: value for name, value in filters.items() if value}
    return render(
        request,
        "public/area_list.html",
        {
            "form": form,
            "summaries": summaries,
            "filtered": bool(kept),
            "covers_name": geography.name_of(covers) if covers else "",
            "headers": sort_headers(reverse("public:areas"), filters, sort, descending),
            "csv_url": f"{reverse('public:areas_csv')}?"
            + urlencode({**kept, "sort": sort, "order": "desc" if descending else "asc"}),
            "caption": f"{len(summaries)} area{'' if len(summaries) == 1 else 's'}",
            "breadcrumbs": [{"text": "Home", "href": "/"}, {"text": "Areas"}],
        },
    )


AREAS_CSV_COLUMNS = [
    "area",
    "name",
    "region",
    "stage",
    "actions",
    "complete",
    "overdue",
    "updated_last_6_months",
    "last_update",
    "review_due",
    "last_published",
]


def _iso(day):
    return day.isoformat() if day else ""


@require_safe
def area_list_csv(request):
    """The national table as CSV: the same filters and order as /areas/."""
    _form, summaries, _filters, _sort, _descending = national_table(request, on=today())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AREAS_CSV_COLUMNS)
    for summary in summaries:
        writer.writerow(
            [
                summary.area.slug,
                summary.area.name,
                summary.area.region,
                summary.stage,
                summary.total,
                summary.complete,
                summary.overdue,
                summary.updated_recently,
                _iso(summary.last_update),
                _iso(summary.review_due),
                _iso(summary.published_on),
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="areas.csv"'
    return response


@require_safe
def area_map(request):
    form, summaries, filters, sort, descending = national_table(request, on=today())
    return render(
        request,
        "public/area_map.html",
        {
            "summaries": summaries,
            "map": hex_map(summaries),
            "headers": sort_headers(reverse("public:area_map"), filters, sort, descending),
            "breadcrumbs": [
                {"text": "Home", "href": "/"},
                {"text": "Areas", "href": reverse("public:areas")},
                {"text": "Map"},
            ],
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
            "rag_segments": rag_segments(
                dashboard.summary["by_rag"], dashboard.summary["by_rag_suggested"]
            ),
            "section_rows": [
                {
                    "section": row.section,
                    "counts": row.counts,
                    "status_segments": status_segments(row.counts["by_status"]),
                    "rag_segments": rag_segments(
                        row.counts["by_rag"], row.counts["by_rag_suggested"]
                    ),
                }
                for row in dashboard.sections
            ],
            "report": latest_report(area),
            "own_metrics": [m for m in metrics if not m.is_catalogue],
            "national_metrics": [m for m in metrics if m.is_catalogue],
            "breadcrumbs": area_breadcrumbs(area),
        },
    )
