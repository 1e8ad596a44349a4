from itertools import groupby

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from concordat.core.paging import page_number
from concordat.core.selectors.organisations import (
    organisation_by_slug,
    organisations_without_role,
    roles_with_organisations,
)
from concordat.core.selectors.plans import organisation_actions, organisation_led_areas
from concordat.public.presenters import add_urls

from .helpers import today

AREAS_PER_PAGE = 10


def _plural(word):
    word = word.lower()
    return f"{word[:-1]}ies" if word.endswith("y") else f"{word}s"


@require_safe
def organisation_list(request):
    roles = roles_with_organisations()
    for role in roles:
        role.members = list(role.organisations.all())
        role.plural = _plural(role.name)
    return render(
        request,
        "public/organisation_list.html",
        {
            "roles": roles,
            "others": organisations_without_role(),
            "breadcrumbs": [{"text": "Home", "href": "/"}, {"text": "Organisations"}],
        },
    )


@require_safe
def organisation_detail(request, slug):
    organisation = organisation_by_slug(slug)
    if organisation is None:
        raise Http404("No organisation with that address.")
    # A national body leads actions in most of England's areas: a page of areas at a time,
    # and only that page's actions are read.
    led_areas = organisation_led_areas(organisation)
    page = Paginator(led_areas, AREAS_PER_PAGE).get_page(page_number(request.GET.get("page")))
    items = add_urls(organisation_actions(organisation, page.object_list, on=today()))
    by_area = [(area, list(group)) for area, group in groupby(items, key=lambda item: item.area)]
    return render(
        request,
        "public/organisation_detail.html",
        {
            "organisation": organisation,
            "by_area": by_area,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number),
            "area_count": len(led_areas),
            "total": sum(item.actions for item in led_areas),
            "breadcrumbs": [
                {"text": "Home", "href": "/"},
                {"text": "Organisations", "href": reverse("public:organisations")},
                {"text": organisation.name},
            ],
        },
    )
