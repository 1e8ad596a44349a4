"""Changing a password, and resetting a forgotten one by email."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail

from tests.factories import TEST_PASSWORD, sign_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new password 2015"  # noqa: S105


def test_change_password_needs_the_current_one(client, area_editor):
    client.force_login(area_editor)

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": "not it",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "Your current password is not right. Enter it again." in response.content.decode()
    area_editor.refresh_from_db()
    assert area_editor.check_password(TEST_PASSWORD)


def test_change_password_refuses_two_different_new_ones(client, area_editor):
    client.force_login(area_editor)

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD + "x",
        },
    )

    assert "The two new passwords are different. Enter the same one twice." in (
        response.content.decode()
    )


def test_change_password_refuses_a_common_password(client, area_editor):
    client.force_login(area_editor)

    response = client.post(
        "/accounts/password/change/",
        {"old_password": TEST_PASSWORD, "new_password1": "password1", "new_password2": "password1"},
    )

    assert "This password is too common." in response.content.decode()


def test_change_password(client, area_editor):
    client.force_login(area_editor)
    page = client.get("/accounts/password/change/").content.decode()
    assert "Change your password" in page
    assert 'autocomplete="new-password"' in page

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/change/done/"
    area_editor.refresh_from_db()
    assert area_editor.check_password(NEW_PASSWORD)
    assert area_editor.password.startswith("argon2$")
    # Still signed in here.
    assert client.session.get(SESSION_KEY) == str(area_editor.pk)
    assert "Password changed" in client.get(response["Location"]).content.decode()


def test_change_password_needs_sign_in(client):
    response = client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def _reset_link(message):
    match = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_by_email(client, settings, area_editor):
    settings.SITE_URL = "http://testserver"

    response = client.post("/accounts/password/reset/", {"email": "Editor@Riverside.test.example"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["editor@riverside.test.example"]
    assert message.subject == "Reset your password for Crisis Care Concordat action plans"
    assert "It works once, for 24 hours" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    link = _reset_link(message)
    assert f'href="http://testserver{link}"' in html

    # The link moves its token into the session, then shows the form.
    opened = client.get(link)
    assert opened.status_code == 302
    form_url = opened["Location"]
    assert form_url.endswith("/set-password/")
    assert "Choose a new password" in client.get(form_url).content.decode()

    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/accounts/password/reset/done/"
    area_editor.refresh_from_db()
    assert area_editor.check_password(NEW_PASSWORD)

    # The link works once.
    again = client.get(link)
    assert again.status_code == 200
    assert "This link does not work" in again.content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@test.example"})

    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []
    page = client.get(response["Location"]).content.decode()
    assert "If the address you entered has an account, we have sent it a link" in page


def test_password_reset_link_uses_the_site_address_not_the_request_host(client, settings, outsider):
    settings.SITE_URL = "https://plans.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]

    client.post("/accounts/password/reset/", {"email": outsider.email}, HTTP_HOST="other.example")

    assert "https://plans.example.org/accounts/password/reset/" in mail.outbox[0].body
    assert "other.example" not in mail.outbox[0].body


def test_password_reset_requests_are_rate_limited(client, settings, outsider):
    settings.CONCORDAT_PASSWORD_RESET_RATE = (2, 3600)
    for _ in range(2):
        client.post("/accounts/password/reset/", {"email": outsider.email})

    response = client.post("/accounts/password/reset/", {"email": outsider.email})

    assert response.status_code == 429
    assert "There have been too many requests to reset a password." in response.content.decode()
    assert len(mail.outbox) == 2


def test_a_new_password_unlocks_a_locked_account(client, settings, area_lead):
    settings.SITE_URL = "http://testserver"
    for _ in range(5):
        sign_in(client, area_lead, password="wrong")
    assert sign_in(client, area_lead).status_code == 429

    client.post("/accounts/password/reset/", {"email": area_lead.email})
    form_url = client.get(_reset_link(mail.outbox[0]))["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert sign_in(client, area_lead, password=NEW_PASSWORD).status_code == 302
