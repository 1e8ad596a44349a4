from django.shortcuts import render
from django.utils.html import format_html_join
from django.views.decorators.http import require_GET

from concordat.core.models import Area, CanonicalStatus, Organisation, Section
from concordat.core.paging import page_number

from .backends import Filters
from .models import SearchDocument
from .selectors import search


def _options(choices, chosen):
    """<option> elements for (value, label) pairs, built in one go: at England scale the
    lists run to hundreds of entries, too many to loop over in a template."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if value == chosen else "", label) for value, label in choices),
    )


@require_GET
def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    areas = list(Area.objects.order_by("name").values_list("pk", "slug", "name"))
    sections = list(Section.objects.order_by("number"))
    # Organisations named by something published (the search index holds published text
    # only): one that leads actions in drafts alone is not listed.
    organisations = list(
        Organisation.objects.filter(
            pk__in=SearchDocument.organisations.through.objects.values("organisation_id")
        )
        .order_by("name")
        .values_list("pk", "slug", "name")
    )
    chosen = {
        "area": request.GET.get("area", ""),
        "section": request.GET.get("section", ""),
        "organisation": request.GET.get("organisation", ""),
        "status": request.GET.get("status", ""),
    }
    filters = Filters(
        area_id=next((pk for pk, slug, _ in areas if slug == chosen["area"]), None),
        section_id=next((s.pk for s in sections if str(s.number) == chosen["section"]), None),
        organisation_id=next(
            (pk for pk, slug, _ in organisations if slug == chosen["organisation"]), None
        ),
        canonical_status=chosen["status"] if chosen["status"] in CanonicalStatus.values else "",
    )
    page, total = (None, 0)
    if query:
        page, total = search(query, filters=filters, page=page_number(request.GET.get("page")))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number) if page else None,
            "total": total,
            "area_options": _options([(slug, name) for _, slug, name in areas], chosen["area"]),
            "sections": sections,
            "organisation_options": _options(
                [(slug, name) for _, slug, name in organisations], chosen["organisation"]
            ),
            "statuses": CanonicalStatus.choices,
            "chosen": chosen,
        },
    )
