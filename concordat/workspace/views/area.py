"""An area's details (declaration, governance, people, review cycle), its history and what
its draft changes against the published plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from concordat.accounts.permissions import area_view, can_edit_area_details, is_office
from concordat.core.paging import page_number
from concordat.core.services import area_set_place, area_update_details

from .. import selectors
from ..forms import AreaDetailsForm, AreaPlaceForm
from .helpers import crumbs, error_messages, require

HISTORY_PAGE_SIZE = 50


@require_http_methods(["GET", "POST"])
@area_view()
def details(request, area):
    require(can_edit_area_details(request.user, area))
    if request.method == "POST":
        form = AreaDetailsForm(request.POST)
        if form.is_valid():
            try:
                area_update_details(
                    area=area,
                    actor=request.user,
                    declaration_signatories=form.cleaned_data["declaration_signatories"],
                    partners=list(form.cleaned_data["partners"]),
                    **form.changes(),
                )
            except ValidationError as error:
                for message in error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, f"The details of {area.name} have been saved.")
                return redirect("workspace:area", slug=area.slug)
    else:
        form = AreaDetailsForm(initial=AreaDetailsForm.initial_for(area))
    return render(
        request,
        "workspace/details.html",
        {"area": area, "form": form, "breadcrumbs": crumbs(area, ("Area details", None))},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@area_view()
def place(request, area):
    """The office sets where an area is on the map (ONS codes) and its population."""
    require(is_office(request.user))
    if request.method == "POST":
        form = AreaPlaceForm(request.POST)
        if form.is_valid():
            try:
                area_set_place(area=area, actor=request.user, **form.changes())
            except ValidationError as error:
                for message in error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, f"Where {area.name} is has been saved.")
                return redirect("workspace:area", slug=area.slug)
    else:
        form = AreaPlaceForm(initial=AreaPlaceForm.initial_for(area))
    return render(
        request,
        "workspace/place.html",
        {"area": area, "form": form, "breadcrumbs": crumbs(area, ("Map and population", None))},
        status=400 if form.errors else 200,
    )


@require_safe
@area_view()
def history(request, area):
    page = Paginator(selectors.area_history(area), HISTORY_PAGE_SIZE).get_page(
        page_number(request.GET.get("page"))
    )
    return render(
        request,
        "workspace/history.html",
        {
            "area": area,
            "page": page,
            "entries": selectors.describe_entries(page.object_list),
            "page_range": page.paginator.get_elided_page_range(page.number),
            "breadcrumbs": crumbs(area, ("History", None)),
        },
    )


@require_safe
@area_view()
def changes(request, area):
    state = selectors.plan_state(area)
    return render(
        request,
        "workspace/changes.html",
        {
            "area": area,
            "state": state,
            "comparison": selectors.changes_since_publication(state),
            "breadcrumbs": crumbs(area, ("Changes since publication", None)),
        },
    )
