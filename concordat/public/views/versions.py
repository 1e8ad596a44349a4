from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from concordat.core.selectors import plans, published
from concordat.core.selectors.compare import compare_versions, updates_between
from concordat.public.forms import CompareForm
from concordat.public.presenters import add_urls

from .helpers import area_breadcrumbs, area_or_404, today


def _plan_crumb(area):
    return ("Action plan", reverse("public:plan", args=[area.slug]))


def _history_crumb(area):
    return ("Versions", reverse("public:plan_versions", args=[area.slug]))


@require_safe
def version_list(request, slug):
    area = area_or_404(slug)
    versions = list(published.area_versions(area))
    for newer, older in zip(versions, versions[1:], strict=False):
        newer.previous_number = older.number
    return render(
        request,
        "public/version_list.html",
        {
            "area": area,
            "versions": versions,
            "breadcrumbs": area_breadcrumbs(area, _plan_crumb(area), ("Versions", None)),
        },
    )


@require_safe
def version_detail(request, slug, number):
    area = area_or_404(slug)
    version = published.version_by_number(area, number)
    if version is None:
        raise Http404("No published version with that number.")
    items = add_urls(plans.version_actions(version, on=today()))
    latest = published.latest_version(area)
    return render(
        request,
        "public/version_detail.html",
        {
            "area": area,
            "version": version,
            "is_latest": latest is not None and latest.pk == version.pk,
            "latest": latest,
            "total": len(items),
            "groups": plans.group_by_section(items),
            "breadcrumbs": area_breadcrumbs(
                area, _plan_crumb(area), _history_crumb(area), (version.display_label(), None)
            ),
        },
    )


@require_safe
def compare(request, slug):
    area = area_or_404(slug)
    versions = list(published.area_versions(area))
    by_number = {version.number: version for version in versions}
    data = request.GET if "from" in request.GET or "to" in request.GET else None
    if data is None and len(versions) >= 2:
        # Newest first: compare the one before the latest with the latest.
        data = {"from": str(versions[1].number), "to": str(versions[0].number)}
    form = CompareForm(data, versions=sorted(versions, key=lambda v: v.number))
    comparison, added_updates = None, []
    if form.is_bound and form.is_valid():
        comparison = compare_versions(
            by_number[form.cleaned_data["from"]], by_number[form.cleaned_data["to"]]
        )
        added_updates = updates_between(comparison)
    return render(
        request,
        "public/compare.html",
        {
            "area": area,
            "versions": versions,
            "form": form,
            "comparison": comparison,
            "added_updates": added_updates,
            "breadcrumbs": area_breadcrumbs(
                area, _plan_crumb(area), _history_crumb(area), ("Compare versions", None)
            ),
        },
    )
