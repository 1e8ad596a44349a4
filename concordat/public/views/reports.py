from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from concordat.reports.published import (
    linkable_refs,
    published_report,
    published_reports,
)

from .helpers import area_breadcrumbs, area_or_404


@require_safe
def report_list(request, slug):
    area = area_or_404(slug)
    return render(
        request,
        "public/report_list.html",
        {
            "area": area,
            "reports": published_reports(area),
            "breadcrumbs": area_breadcrumbs(area, ("Progress reports", None)),
        },
    )


@require_safe
def report_detail(request, slug, pk):
    area = area_or_404(slug)
    report = published_report(area, pk)
    if report is None:
        raise Http404("No published progress report with that number.")
    refs = linkable_refs(area)
    milestones = [
        {
            "milestone": milestone,
            "refs": [
                (ref, reverse("public:action", args=[area.slug, ref]) if ref in refs else None)
                for ref in milestone.refs
            ],
        }
        for milestone in report.milestones.all()
    ]
    return render(
        request,
        "public/report_detail.html",
        {
            "area": area,
            "report": report,
            "milestones": milestones,
            "breadcrumbs": area_breadcrumbs(
                area,
                ("Progress reports", reverse("public:reports", args=[area.slug])),
                (report.title, None),
            ),
        },
    )
