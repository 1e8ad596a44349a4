from itertools import groupby

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from concordat.core.selectors.organisations import (
    organisation_by_slug,
    organisations_without_role,
    roles_with_organisations,
)
from concordat.core.selectors.plans import organisation_actions
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
    items = organisation_actions(organisation, on=today())
    by_area = [(area, list(group)) for area, group in groupby(items, key=lambda item: item.area)]
    # A national body leads actions in most of England's areas: a page of areas at a time.
    page = Paginator(by_area, AREAS_PER_PAGE).get_page(request.GET.get("page"))
    for _area, area_items in page.object_list:
        add_urls(area_items)
    return render(
        request,
        "public/organisation_detail.html",
        {
            "organisation": organisation,
            "by_area": page.object_list,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number),
            "area_count": len(by_area),
            "total": len(items),
            "breadcrumbs": [
                {"text": "Home", "href": "/"},
                {"text": "Organisations", "href": reverse("public:organisations")},
                {"text": organisation.name},
            ],
        },
    )
