"""Cookies, accessibility statement, privacy, and the error pages' frame."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views.defaults import permission_denied

from concordat.public.static_pages import _duration, server_error

# Public pages are served through the page cache, which reads the publication counter.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/cookies/", "Cookies"),
        ("/accessibility-statement/", "Accessibility statement"),
        ("/privacy/", "Privacy"),
    ],
)
def test_static_page_renders_in_the_site_frame(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="govuk-heading-xl">{heading}</h1>' in html
    assert f"<title>{heading} – Crisis Care Concordat action plans</title>" in html
    assert '<html lang="en-GB"' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html
    # Reading the public pages sets no cookies, as the cookies page says.
    assert response.cookies == {}


def test_static_pages_refuse_post(client):
    assert client.post("/cookies/").status_code == 405


def test_cookies_page_names_the_cookies_and_expiries_from_settings(client, settings):
    settings.SESSION_COOKIE_NAME = "concordat_session"
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
    settings.CSRF_COOKIE_NAME = "concordat_csrf"

    html = client.get("/cookies/").content.decode()

    assert "<code>concordat_session</code>" in html
    assert "When you sign out, or after 2 weeks" in html
    assert "<code>concordat_csrf</code>" in html
    assert "After 52 weeks" in html


def test_cookies_page_says_when_the_session_ends_with_the_browser(client, settings):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True

    html = client.get("/cookies/").content.decode()

    assert "When you sign out, or when you close your browser" in html


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(86400, "1 day"), (3 * 86400, "3 days"), (7 * 86400, "1 week"), (31449600, "52 weeks")],
)
def test_duration_in_words(seconds, words):
    assert _duration(seconds) == words


@pytest.mark.django_db
def test_footer_links_only_to_pages_that_exist(client):
    html = client.get("/privacy/").content.decode()

    for href in [
        "/cookies/",
        "/accessibility-statement/",
        "/privacy/",
        "/downloads/",
        "/feeds/publications.atom",
    ]:
        assert f'class="govuk-footer__link" href="{href}"' in html
        assert client.get(href).status_code == 200


@pytest.mark.django_db
def test_service_navigation_reaches_search_and_good_practice(client):
    html = client.get("/search/").content.decode()

    for href in ["/", "/areas/", "/organisations/", "/good-practice/", "/search/"]:
        assert f'href="{href}"' in html
        assert client.get(href).status_code == 200
    assert 'href="/search/" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1


def test_unknown_address_gets_the_not_found_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Page not found</h1>' in html
    assert "Crisis Care Concordat action plans" in html


def test_permission_denied_page(rf):
    response = permission_denied(rf.get("/areas/x/edit/"), PermissionDenied())

    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_server_error_page_needs_no_database():
    # No django_db mark: any database access here would raise.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Crisis Care Concordat action plans</a>" in html


def test_server_error_handler_is_installed():
    from concordat import urls

    assert urls.handler500 == "concordat.public.static_pages.server_error"
