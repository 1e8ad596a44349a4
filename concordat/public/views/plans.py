from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from concordat.core.selectors import plans, published
from concordat.public.forms import PlanFilterForm
from concordat.public.plan_csv import plan_csv_response
from concordat.public.presenters import add_urls, rag_segments, status_segments

from .helpers import area_breadcrumbs, area_or_404, today

VIEWS = ("cards", "table")


def _with_view(request, view):
    """This page's address with the other filters kept and `view` set."""
    query = request.GET.copy()
    query.pop("view", None)
    if view != "cards":
        query["view"] = view
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


@require_safe
def plan(request, slug):
    area = area_or_404(slug)
    version = published.latest_version(area)
    all_sections = plans.sections()
    # Absolute addresses, so a printed plan shows where each link goes.
    base = request.build_absolute_uri("/").rstrip("/")
    items = add_urls(plans.version_actions(version, on=today()), base=base) if version else []
    form = PlanFilterForm(
        request.GET or None, sections=all_sections, leads=plans.lead_choices(items)
    )
    filters = form.filters() if form.is_bound else plans.ActionFilters()
    shown = plans.filter_actions(items, filters)
    view = request.GET.get("view") if request.GET.get("view") in VIEWS else "cards"
    summary = plans.summarise(items)
    return render(
        request,
        "public/plan.html",
        {
            "area": area,
            "version": version,
            "form": form,
            "filters": filters,
            "total": len(items),
            "shown": shown,
            "groups": plans.group_by_section(shown),
            "summary": summary,
            "status_segments": status_segments(summary["by_status"]),
            "rag_segments": rag_segments(summary["by_rag"], summary["by_rag_suggested"]),
            "view": view,
            "view_links": {name: _with_view(request, name) for name in VIEWS},
            "breadcrumbs": area_breadcrumbs(area, ("Action plan", None)),
        },
    )


@require_safe
def plan_csv(request, slug):
    area = area_or_404(slug)
    version = published.latest_version(area)
    if version is None:
        raise Http404("This area has not published a plan.")
    return plan_csv_response(area, version, plans.version_actions(version, on=today()))


@require_safe
def action_detail(request, slug, ref):
    area = area_or_404(slug)
    page = plans.action_page(area, ref, on=today())
    if page is None:
        raise Http404("No action with that reference in the published plan.")
    add_urls([page.item])
    return render(
        request,
        "public/action_detail.html",
        {
            "area": area,
            "page": page,
            "item": page.item,
            "action": page.item.action,
            "breadcrumbs": area_breadcrumbs(
                area,
                ("Action plan", reverse("public:plan", args=[area.slug])),
                (f"Action {page.item.action.ref}", None),
            ),
        },
    )
