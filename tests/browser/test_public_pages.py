"""Every kind of public page in a real browser: it loads with one h1 and axe finds no WCAG 2.2
A or AA problem; the plan's filters and the version comparison work without JavaScript."""

import io

import pytest
from django.core.management import call_command

from concordat.reports.models import ProgressReport
from tests.public.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db):
    return build_world()


def public_paths(world):
    return [
        "/",
        "/areas/",
        "/areas/?region=south-west&stage=delivering",
        "/areas/northshire/",
        "/areas/westshire/",
        "/areas/northshire/plan/",
        "/areas/northshire/plan/?rag=red&overdue=on",
        "/areas/northshire/plan/actions/2.1/",
        "/areas/northshire/plan/versions/",
        "/areas/northshire/plan/versions/1/",
        "/areas/northshire/plan/compare/?from=1&to=2",
        "/areas/northshire/reports/",
        f"/areas/northshire/reports/{world.report.pk}/",
        "/organisations/",
        "/organisations/northshire-police/",
    ]


def test_every_public_page_type_passes_axe(page, axe_check, world):
    for path in public_paths(world):
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert page.title().endswith("Crisis Care Concordat action plans"), path
        axe_check(page)


def test_error_states_pass_axe(page, axe_check, world):
    for path in [
        "/areas/?region=atlantis",
        "/areas/northshire/plan/?rag=purple",
        "/areas/northshire/plan/compare/?from=1&to=1",
    ]:
        page.goto(path)
        assert page.title().startswith("Error: "), path
        assert page.locator(".govuk-error-summary").is_visible(), path
        axe_check(page)
    response = page.goto("/areas/northshire/plan/actions/9.9/")
    assert response.status == 404
    axe_check(page)


def test_seeded_plans_and_report_pass_axe(page, axe_check, transactional_db):
    call_command("load_seeds", stdout=io.StringIO())
    report = ProgressReport.objects.get(area__slug="hampshire-and-isle-of-wight")

    for path in [
        "/areas/england/plan/",
        "/areas/south-west-essex/",
        "/areas/south-west-essex/plan/",
        f"/areas/hampshire-and-isle-of-wight/reports/{report.pk}/",
        "/organisations/",
        "/organisations/local-government-association/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        axe_check(page)
    page.goto("/areas/england/plan/")
    assert page.locator(".govuk-summary-card").count() == 47


def test_plan_filters_work_without_javascript(no_js_page, world):
    no_js_page.goto("/areas/northshire/plan/")
    assert no_js_page.locator(".govuk-summary-card").count() == 3

    no_js_page.get_by_label("Status", exact=True).select_option("complete")
    no_js_page.get_by_role("button", name="Apply filters").click()

    assert "status=complete" in no_js_page.url
    assert no_js_page.get_by_role("status").inner_text() == "1 of 3 actions match the filters"
    assert no_js_page.locator(".govuk-summary-card__title").inner_text().startswith("Action 1.2")

    no_js_page.get_by_label("Overdue only").check()
    no_js_page.get_by_label("Status", exact=True).select_option("")
    no_js_page.get_by_role("button", name="Apply filters").click()
    assert no_js_page.get_by_role("status").inner_text() == "1 of 3 actions match the filters"

    no_js_page.get_by_role("link", name="Clear filters").click()
    assert no_js_page.locator(".govuk-summary-card").count() == 3


def test_compare_works_without_javascript(no_js_page, world):
    no_js_page.goto("/areas/northshire/plan/compare/")
    no_js_page.get_by_label("From version").select_option("2")
    no_js_page.get_by_label("To version").select_option("1")
    no_js_page.get_by_role("button", name="Compare").click()

    assert "from=2&to=1" in no_js_page.url
    assert no_js_page.get_by_role("heading", name="From Version 2 to Version 1").is_visible()


def test_plan_page_fits_a_phone(page, world):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/", "/areas/northshire/", "/areas/northshire/plan/", "/organisations/"]:
        page.goto(path)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a 320px screen"
