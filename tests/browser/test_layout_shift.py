"""Pages do not move once drawn: on a phone the navigation is folded from the first frame, so
GOV.UK Frontend's script folding it after load shifts nothing (it shifted every page by 180px,
a layout shift of 0.18)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 412, "height": 823}


def main_top(page):
    return page.evaluate("document.querySelector('main').getBoundingClientRect().top")


def test_on_a_phone_the_page_is_drawn_where_the_script_leaves_it(page):
    page.set_viewport_size(PHONE)
    # As drawn before GOV.UK Frontend's script has run: keep the script from loading.
    page.route("**/init.mjs", lambda route: route.abort())
    page.goto("/cookies/")
    before = main_top(page)
    menu = page.locator(".govuk-service-navigation__toggle")
    assert menu.evaluate("button => getComputedStyle(button).visibility") == "hidden"
    assert menu.get_attribute("aria-hidden") == "true"
    assert page.get_by_role("link", name="Organisations").is_hidden()

    page.unroute("**/init.mjs")
    page.goto("/cookies/")
    page.locator("[data-govuk-service-navigation-init]").wait_for()

    assert main_top(page) == before
    assert page.get_by_role("button", name="Menu").is_visible()
    assert page.get_by_role("link", name="Organisations").is_hidden()


def test_no_layout_shift_is_recorded_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto("/privacy/")
    page.locator("[data-govuk-service-navigation-init]").wait_for()

    shift = page.evaluate(
        """() => new Promise(resolve => {
            new PerformanceObserver(list => {
                resolve(list.getEntries().reduce((sum, entry) => sum + entry.value, 0));
            }).observe({type: "layout-shift", buffered: true});
            setTimeout(() => resolve(0), 500);
        })"""
    )
    assert shift == 0


def test_on_a_wide_screen_the_navigation_shows_before_the_script_runs(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.route("**/init.mjs", lambda route: route.abort())
    page.goto("/cookies/")

    assert page.get_by_role("link", name="Organisations").is_visible()
    assert page.locator(".govuk-service-navigation__toggle").is_hidden()
