"""Signing in and out: email in any case, Argon2, lock-out, the rate limit, CSRF."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from concordat.accounts.security import client_ip, rate_limit_exceeded
from tests.factories import TEST_PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def test_sign_in_page_shows_the_form(client):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Sign in</h1>' in html
    assert 'autocomplete="username"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'href="/accounts/password/reset/"' in html


def test_sign_in_with_the_email_in_any_case(client, area_lead):
    response = client.post(
        "/accounts/login/",
        {"username": "  Lead@Riverside.Test.Example ", "password": TEST_PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/workspace/"
    assert signed_in_user_id(client) == str(area_lead.pk)


def test_sign_in_goes_back_to_the_page_asked_for_but_never_off_site(client, area_lead):
    response = client.post(
        "/accounts/login/?next=/accounts/password/change/",
        {"username": area_lead.email, "password": TEST_PASSWORD},
    )
    assert response["Location"] == "/accounts/password/change/"

    client.post("/accounts/logout/")
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {"username": area_lead.email, "password": TEST_PASSWORD},
    )
    assert response["Location"] == "/workspace/"


def test_passwords_are_hashed_with_argon2(area_lead):
    assert area_lead.password.startswith("argon2$argon2id$")


def test_wrong_password_says_so_in_plain_words(client, area_lead):
    response = sign_in(client, area_lead, password="not the password")

    assert response.status_code == 200
    html = response.content.decode()
    assert "The email address or password is not right. Check them and try again." in html
    assert "<title>Error: Sign in" in html
    assert signed_in_user_id(client) is None


def test_empty_form_names_each_missing_field(client):
    response = client.post("/accounts/login/", {"username": "", "password": ""})

    html = response.content.decode()
    assert "Enter your email address" in html
    assert "Enter your password" in html
    assert 'href="#id_username"' in html


def test_account_locks_after_five_failures_even_for_the_right_password(client, area_lead):
    for _ in range(4):
        assert sign_in(client, area_lead, password="wrong").status_code == 200

    fifth = sign_in(client, area_lead, password="wrong")
    assert fifth.status_code == 429
    assert "Your account is locked for now" in fifth.content.decode()
    assert "5 attempts in a row" in fifth.content.decode()
    assert "for 30 minutes" in fifth.content.decode()

    right = sign_in(client, area_lead)
    assert right.status_code == 429
    assert signed_in_user_id(client) is None


def test_lock_out_counts_the_email_in_any_case(client, area_lead):
    for email in ["LEAD@riverside.test.example", "lead@RIVERSIDE.test.example"] * 2:
        client.post("/accounts/login/", {"username": email, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": area_lead.email, "password": "wrong"})
    assert response.status_code == 429


def test_lock_out_is_for_that_account_from_that_address(client, area_lead, area_editor):
    for _ in range(5):
        sign_in(client, area_lead, password="wrong")

    # Another account from the same address signs in.
    assert sign_in(Client(), area_editor).status_code == 302
    # The locked account, from elsewhere, signs in too.
    elsewhere = Client(REMOTE_ADDR="192.0.2.50")
    assert sign_in(elsewhere, area_lead).status_code == 302


def test_a_successful_sign_in_resets_the_count(client, area_lead):
    for _ in range(4):
        sign_in(client, area_lead, password="wrong")
    assert sign_in(client, area_lead).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert sign_in(client, area_lead, password="wrong").status_code == 200


def test_sign_in_attempts_are_rate_limited_per_address(client, settings, outsider, area_lead):
    settings.CONCORDAT_SIGNIN_RATE = (3, 900)
    for _ in range(3):
        sign_in(client, outsider, password="wrong guess")

    response = sign_in(client, area_lead)

    assert response.status_code == 429
    assert "There have been too many attempts to sign in from your connection." in (
        response.content.decode()
    )
    assert signed_in_user_id(client) is None
    # Another address is not held back.
    assert sign_in(Client(REMOTE_ADDR="192.0.2.7"), area_lead).status_code == 302


def test_a_signed_in_user_is_sent_on_from_the_sign_in_page(client, area_lead):
    client.force_login(area_lead)
    response = client.get("/accounts/login/")
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"


def test_sign_out_is_a_post(client, area_lead):
    client.force_login(area_lead)

    assert client.get("/accounts/logout/").status_code == 405
    assert signed_in_user_id(client) == str(area_lead.pk)

    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_user_id(client) is None


def test_account_page_needs_sign_in_and_lists_roles(client, area_lead):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/"

    client.force_login(area_lead)
    html = client.get("/accounts/").content.decode()
    assert "Lee Lead" in html
    assert "Area lead of Riverside" in html
    assert 'href="/accounts/areas/riverside/people/"' in html
    assert 'href="/workspace/reminders/"' in html


def test_account_page_for_someone_with_no_role(client, outsider):
    client.force_login(outsider)
    html = client.get("/accounts/").content.decode()
    assert "You have no role yet." in html
    assert "/workspace/reminders/" not in html


# CSRF: every form refuses a POST without its token.


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/accounts/login/", {"username": "lead@riverside.test.example", "password": "x"}),
        ("/accounts/logout/", {}),
        ("/accounts/password/reset/", {"email": "lead@riverside.test.example"}),
        ("/accounts/password/change/", {"old_password": "x"}),
        ("/accounts/areas/riverside/people/", {"email": "new@test.example", "role": "editor"}),
    ],
)
def test_posts_without_a_csrf_token_are_refused(area_lead, path, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(area_lead)

    response = client.post(path, data)

    assert response.status_code == 403


def test_sign_in_with_its_csrf_token_works(area_lead):
    client = Client(enforce_csrf_checks=True)
    client.get("/accounts/login/")
    token = client.cookies["csrftoken"].value

    response = client.post(
        "/accounts/login/",
        {"username": area_lead.email, "password": TEST_PASSWORD, "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302


# The pieces.


class FakeRequest:
    def __init__(self, **meta):
        self.META = meta


def test_client_ip_trusts_only_the_configured_number_of_proxies(settings):
    request = FakeRequest(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.CONCORDAT_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.CONCORDAT_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"
    settings.CONCORDAT_TRUSTED_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.1"


def test_rate_limit_counts_within_its_window():
    results = [rate_limit_exceeded("test", "key", rate=(2, 60)) for _ in range(4)]
    assert results == [False, False, True, True]
    assert rate_limit_exceeded("test", "other key", rate=(2, 60)) is False


def test_header_offers_sign_in_or_sign_out(client, area_editor):
    anonymous = client.get("/accounts/password/reset/").content.decode()
    assert 'href="/accounts/login/">Sign in</a>' in anonymous
    assert "Sign out" not in anonymous

    client.force_login(area_editor)
    signed_in = client.get("/accounts/").content.decode()
    assert '<form method="post" action="/accounts/logout/"' in signed_in
    assert ">Sign out</button>" in signed_in
    assert 'href="/accounts/"' in signed_in
    assert ">Sign in</a>" not in signed_in


@pytest.fixture
def staff(administrator):
    administrator.is_staff = True
    administrator.save(update_fields=["is_staff"])
    return administrator


def admin_sign_in(client, user, password=TEST_PASSWORD):
    return client.post("/admin/login/?next=/admin/", {"username": user.email, "password": password})


def test_the_admin_sign_in_is_rate_limited_with_the_sites_own(client, settings, outsider, staff):
    settings.CONCORDAT_SIGNIN_RATE = (3, 900)
    # Attempts on the site's sign-in page and the admin's count together.
    sign_in(client, outsider, password="wrong guess")
    admin_sign_in(client, outsider, password="wrong guess")
    assert admin_sign_in(client, outsider, password="wrong guess").status_code == 200

    response = admin_sign_in(client, staff)

    assert response.status_code == 429
    assert "There have been too many attempts to sign in from your connection." in (
        response.content.decode()
    )
    assert signed_in_user_id(client) is None
    assert sign_in(client, staff).status_code == 429
    # From another address the staff signs in to the admin.
    elsewhere = Client(REMOTE_ADDR="192.0.2.8")
    assert admin_sign_in(elsewhere, staff).status_code == 302
    assert elsewhere.get("/admin/").status_code == 200


def test_the_admin_sign_in_locks_an_account_after_five_failures(client, staff):
    for _ in range(4):
        assert admin_sign_in(client, staff, password="wrong").status_code == 200
    assert admin_sign_in(client, staff, password="wrong").status_code == 429
    assert admin_sign_in(client, staff).status_code == 429
    assert signed_in_user_id(client) is None
