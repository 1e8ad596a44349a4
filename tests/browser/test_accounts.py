"""Accounts in a real browser: sign in and out, the people page and an invitation, under axe
and the Content Security Policy, with JavaScript and without."""

import re

import pytest
from django.core import mail

from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_errors(page):
    """Collects console errors: a script or style the CSP blocked shows up here. A form sent
    back with errors answers 400 on purpose, so that message is left out."""
    errors = []

    def on_console(message):
        if message.type == "error" and "status of 400" not in message.text:
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def sign_in(page, email, password=TEST_PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_sign_in_people_and_sign_out_pass_axe_with_no_blocked_scripts(
    page, axe_check, area_lead, area_editor
):
    errors = watch_errors(page)

    page.goto("/accounts/login/")
    assert page.locator("h1").inner_text() == "Sign in"
    axe_check(page)

    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: Sign in")
    assert page.get_by_role("link", name="Enter your email address").is_visible()
    axe_check(page)

    sign_in(page, "Lead@Riverside.test.example")
    assert page.locator("h1").inner_text() == "Your plans"
    axe_check(page)
    page.goto("/accounts/")
    assert page.locator("h1").inner_text() == "Your account"
    assert page.get_by_text("Area lead of Riverside").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Invite editors to Riverside").click()
    assert page.locator("h1").inner_text() == "People"
    axe_check(page)
    page.get_by_role("button", name="Send the invitation").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: People in Riverside")
    axe_check(page)

    page.get_by_label("Email address").fill("new.editor@test.example")
    page.get_by_role("button", name="Send the invitation").click()
    page.wait_for_load_state()
    assert page.get_by_text("Invitation sent to new.editor@test.example.").is_visible()
    axe_check(page)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Sign in").is_visible()
    assert errors == []


def test_an_invitee_makes_an_account_in_the_browser(
    page, axe_check, settings, live_server, area_lead
):
    settings.SITE_URL = live_server.url
    errors = watch_errors(page)
    sign_in(page, area_lead.email)
    page.goto("/accounts/areas/riverside/people/")
    page.get_by_label("Email address").fill("invitee@test.example")
    page.get_by_role("button", name="Send the invitation").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()

    link = re.search(r"http://\S+/accounts/invitations/[\w-]+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    assert page.locator("h1").inner_text() == "Accept your invitation"
    assert "/accounts/invitations/accept/" in page.url
    axe_check(page)
    page.get_by_label("Full name").fill("Ivy Invitee")
    page.get_by_label("Password", exact=True).fill("riverside crisis plan 2015")
    page.get_by_label("Password again").fill("riverside crisis plan 2015")
    page.get_by_role("button", name="Make my account").click()
    page.wait_for_load_state()

    assert page.locator("h1").inner_text() == "Your account"
    assert page.get_by_text("Area editor of Riverside").first.is_visible()
    axe_check(page)
    assert errors == []


def test_sign_in_works_without_javascript(no_js_page, area_editor):
    sign_in(no_js_page, area_editor.email)
    assert no_js_page.locator("h1").inner_text() == "Your plans"
    no_js_page.get_by_role("button", name="Sign out").click()
    no_js_page.wait_for_load_state()
    assert no_js_page.get_by_role("link", name="Sign in").is_visible()


@pytest.mark.parametrize("path", ["/accounts/password/reset/", "/accounts/password/reset/sent/"])
def test_password_reset_pages_pass_axe(page, axe_check, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    axe_check(page)
