"""The reusable partials under concordat/templates/includes/ and the site frame in base.html."""

import re

from django import forms
from django.core.paginator import Paginator
from django.template.loader import render_to_string

from concordat.public.presenters import rag_segments, status_segments


def squash(html):
    return " ".join(html.split())


def test_breadcrumbs_link_all_but_the_current_page():
    html = squash(
        render_to_string(
            "includes/breadcrumbs.html",
            {"items": [{"text": "Areas", "href": "/areas/"}, {"text": "South West Essex"}]},
        )
    )

    assert '<a class="govuk-breadcrumbs__link" href="/areas/">Areas</a>' in html
    assert 'aria-current="page">South West Essex</li>' in html


def test_pagination_numbers_pages_and_keeps_filters(rf):
    page = Paginator(range(400), 10).page(20)
    request = rf.get("/areas/", {"region": "north", "page": "20"})

    html = squash(
        render_to_string(
            "includes/pagination.html",
            {"page": page, "page_range": page.paginator.get_elided_page_range(20, on_each_side=1)},
            request=request,
        )
    )

    assert 'href="?region=north&amp;page=19" rel="prev"' in html
    assert 'href="?region=north&amp;page=21" rel="next"' in html
    assert 'aria-label="Page 20" aria-current="page">20</a>' in html
    assert html.count("govuk-pagination__item--ellipsis") == 2
    assert 'href="?region=north&amp;page=40" aria-label="Page 40">40</a>' in html


def test_pagination_without_a_range_says_where_you_are(rf):
    page = Paginator(range(30), 10).page(1)

    html = squash(
        render_to_string("includes/pagination.html", {"page": page}, request=rf.get("/areas/"))
    )

    assert "Page 1 of 3" in html
    assert 'rel="prev"' not in html
    assert 'href="?page=2" rel="next"' in html


def test_pagination_hidden_for_a_single_page(rf):
    page = Paginator(range(3), 10).page(1)

    html = render_to_string("includes/pagination.html", {"page": page}, request=rf.get("/"))

    assert html.strip() == ""


def test_summary_row_keeps_line_breaks_and_says_when_empty():
    html = squash(
        render_to_string(
            "includes/summary_row.html", {"key": "Lead", "value": "• SEPT\n• <Police>"}
        )
    )
    empty = squash(render_to_string("includes/summary_row.html", {"key": "Outcome", "value": ""}))

    assert '<dt class="govuk-summary-list__key">Lead</dt>' in html
    assert "• SEPT<br>• &lt;Police&gt;" in html
    assert '<span class="concordat-muted">Not given</span>' in empty


def test_rag_tag_reported_and_suggested():
    reported = squash(render_to_string("includes/rag_tag.html", {"rag": "amber"}))
    suggested = squash(
        render_to_string(
            "includes/rag_tag.html", {"rag": "blue", "label": "Blue (complete)", "suggested": True}
        )
    )
    missing = squash(render_to_string("includes/rag_tag.html", {"rag": ""}))

    assert reported == '<strong class="govuk-tag concordat-rag concordat-rag--amber">Amber</strong>'
    assert "concordat-rag--blue concordat-rag--suggested" in suggested
    assert 'Blue (complete)<span class="concordat-rag__note"> (suggested)</span>' in suggested
    assert "No RAG given" in missing


def test_status_tag_colours_and_words():
    def tag(status):
        return squash(render_to_string("includes/status_tag.html", {"status": status}))

    def classes(key):
        return f"govuk-tag concordat-status concordat-status--{key}"

    # Statuses have their own palette: never a RAG colour (red, amber, green, blue).
    assert tag("not_started") == f'<strong class="{classes("not-started")}">Not started</strong>'
    assert tag("in_progress") == f'<strong class="{classes("in-progress")}">In progress</strong>'
    assert tag("complete") == f'<strong class="{classes("complete")}">Complete</strong>'
    assert tag("superseded") == f'<strong class="{classes("superseded")}">Superseded</strong>'
    assert tag("") == f'<strong class="{classes("unknown")}">Status not known</strong>'
    for status in ("not_started", "in_progress", "complete", "superseded", ""):
        assert not re.search(r"--(?:red|amber|orange|green|blue)\b", tag(status))


class DueForm(forms.Form):
    due = forms.DateField(label="Due date")

    def clean(self):
        raise forms.ValidationError("Someone else changed this action first.")


def test_error_summary_links_each_message_to_its_field():
    form = DueForm(data={"due": "31 February 2015"})
    form.is_valid()

    html = squash(render_to_string("includes/error_summary.html", {"form": form}))

    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert '<li><a href="#id_due">Enter a valid date.</a></li>' in html
    assert "<li>Someone else changed this action first.</li>" in html
    assert render_to_string("includes/error_summary.html", {"form": DueForm()}).strip() == ""


def test_status_bar_sizes_segments_by_class_and_lists_counts():
    segments = status_segments({"complete": 3, "in_progress": 1})

    html = squash(
        render_to_string(
            "includes/status_bar.html", {"segments": segments, "label": "Actions by status"}
        )
    )

    assert "concordat-bar__segment--complete concordat-bar__segment--w75" in html
    assert "concordat-bar__segment--w25" in html
    assert "concordat-bar__segment--not-started" not in html
    assert "style=" not in html
    assert 'aria-label="Actions by status"' in html
    assert "Not started: 0</li>" in html


def test_suggested_rag_is_hatched_and_counted_apart():
    segments = rag_segments({"red": 4, "green": 4}, {"red": 3})

    html = squash(render_to_string("includes/status_bar.html", {"segments": segments}))

    # Red: 1 reported (13%), 3 suggested (37%, hatched); green 4 reported (50%).
    assert (
        '<span class="concordat-bar__segment concordat-bar__segment--red '
        'concordat-bar__segment--w13"></span><span class="concordat-bar__segment '
        "concordat-bar__segment--red concordat-bar__segment--suggested "
        'concordat-bar__segment--w37"></span>'
    ) in html
    assert "concordat-bar__segment--green concordat-bar__segment--w50" in html
    assert (
        'Red: 4 <span class="concordat-bar-legend__suggested"><span class="concordat-bar-legend'
        '__swatch concordat-bar-legend__swatch--red concordat-bar-legend__swatch--suggested" '
        'aria-hidden="true"></span>3 suggested</span></li>'
    ) in html
    assert "Green: 4</li>" in html


def test_navigation_marks_the_current_section(rf):
    html = squash(render_to_string("base.html", request=rf.get("/areas/south-west-essex/")))

    assert (
        '<a class="govuk-service-navigation__link" href="/areas/" aria-current="true">'
        ' <strong class="govuk-service-navigation__active-fallback">Areas</strong>'
    ) in html
    assert '<a class="govuk-service-navigation__link" href="/">Home</a>' in html


def test_navigation_marks_the_current_page(rf):
    html = squash(render_to_string("base.html", request=rf.get("/")))

    assert 'href="/" aria-current="page"' in html
    assert '<a class="govuk-service-navigation__link" href="/areas/">Areas</a>' in html


class SignedIn:
    is_authenticated = True


def test_navigation_offers_sign_in_to_visitors(rf):
    request = rf.get("/")

    html = squash(render_to_string("base.html", request=request))

    assert '<a class="govuk-service-navigation__link" href="/accounts/login/">Sign in</a>' in html
    assert "Sign out" not in html


def test_navigation_offers_account_and_sign_out_when_signed_in(rf):
    request = rf.get("/accounts/")
    request.user = SignedIn()

    html = squash(render_to_string("base.html", {"user": request.user}, request=request))

    assert "Sign in" not in html
    assert 'href="/accounts/" aria-current="page"' in html
    # Signing out changes state, so it is a POST with the CSRF token, never a link.
    assert '<form method="post" action="/accounts/logout/" class="concordat-inline-form">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert ">Sign out</button>" in html
