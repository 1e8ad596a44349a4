"""The site's frame in a real browser: pages load, pass axe, work without JavaScript, fit a
phone and print without their navigation."""

import pytest
from django.conf import settings

from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/cookies/", "/accessibility-statement/", "/privacy/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_a_heading_and_passes_axe(page, axe_check, path):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    response = page.goto(path)
    page.wait_for_load_state("networkidle")

    # No script, style or image refused by the Content Security Policy, no script error.
    assert errors == []
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip()
    assert page.title().endswith("Crisis Care Concordat action plans")
    axe_check(page)


def test_not_found_page_passes_axe(page, axe_check):
    response = page.goto("/no-such-page/")

    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    axe_check(page)


def test_govuk_frontend_javascript_starts(page):
    page.goto("/cookies/")

    body_classes = page.locator("body").get_attribute("class").split()
    assert "govuk-frontend-supported" in body_classes
    navigation = page.locator(".govuk-service-navigation")
    navigation.and_(page.locator("[data-govuk-service-navigation-init]")).wait_for()


def test_site_works_without_javascript(no_js_page):
    response = no_js_page.goto("/cookies/")

    assert response.status == 200
    assert no_js_page.locator("h1").inner_text() == "Cookies"
    assert no_js_page.get_by_role("heading", name="csrftoken").is_visible()
    assert "govuk-frontend-supported" not in (no_js_page.locator("body").get_attribute("class"))
    # Without JavaScript there is no menu button: the navigation links show as they are.
    assert no_js_page.get_by_role("link", name="Areas").is_visible()
    assert no_js_page.get_by_role("button", name="Menu").is_hidden()


def test_pages_fit_a_phone_screen(page):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/cookies/", "/accessibility-statement/"]:
        page.goto(path)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a 320px screen"
    # On a phone the navigation folds behind a button that opens it.
    menu = page.get_by_role("button", name="Menu")
    assert page.get_by_role("link", name="Organisations").is_hidden()
    menu.click()
    assert page.get_by_role("link", name="Organisations").is_visible()


def test_printing_drops_navigation_and_shows_the_address(page, live_server):
    page.goto("/privacy/")
    printed_from = page.get_by_text("Printed from")
    assert printed_from.is_hidden()

    page.emulate_media(media="print")

    assert page.locator(".govuk-service-navigation").is_hidden()
    assert page.locator(".govuk-footer").is_hidden()
    assert page.locator(".govuk-phase-banner").is_hidden()
    assert printed_from.inner_text() == f"Printed from {live_server.url}/privacy/"
    assert page.locator("h1").is_visible()
    # A link in the text prints where it goes.
    cookies_link = page.locator("main a.govuk-link", has_text="cookies page")
    after = cookies_link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == '" (/cookies/)"'


def test_signed_in_navigation_passes_axe_and_signs_out(
    page, axe_check, client, django_user_model, live_server
):
    user = make_user("editor@example.org")
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )

    page.goto("/privacy/")
    sign_out = page.get_by_role("button", name="Sign out")
    assert sign_out.is_visible()
    assert page.get_by_role("link", name="Your account").is_visible()
    axe_check(page)

    sign_out.click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("link", name="Sign in").is_visible()
