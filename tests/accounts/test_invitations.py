"""Invitations: who may send them, the email, the single-use expiring link, accepting."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from concordat.accounts import permissions, services
from concordat.accounts.models import AreaMembership, Invitation, SignatoryEditor, hash_token
from concordat.core.models import AuditEntry

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "riverside crisis plan 2015"  # noqa: S105


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


def _token(message):
    match = re.search(r"http://testserver/accounts/invitations/([\w-]+)/", message.body)
    assert match, message.body
    return match.group(1)


def _invite_editor(area_lead, area, email="new.editor@riverside.test.example", **kwargs):
    return services.invitation_create(
        invited_by=area_lead, email=email, role="editor", area=area, **kwargs
    )


def test_lead_invites_an_editor_by_email(area_lead, area):
    invitation = _invite_editor(area_lead, area, name="Nina New")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.editor@riverside.test.example"]
    assert message.subject == (
        "You are invited to Crisis Care Concordat action plans as Area editor of Riverside"
    )
    assert message.body.startswith("Dear Nina New,")
    assert "Lee Lead has invited you" in message.body
    assert "and choose a password" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    token = _token(message)
    assert f'href="http://testserver/accounts/invitations/{token}/"' in html
    # Only the token's hash is stored.
    invitation.refresh_from_db()
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash
    lifetime = invitation.expires_at - invitation.created_at
    assert abs(lifetime - timedelta(days=7)) < timedelta(seconds=5)
    assert AuditEntry.objects.filter(verb="invited", area=area).get().after == (
        "new.editor@riverside.test.example: Area editor of Riverside"
    )


def test_office_invites_a_lead_and_a_signatory_editor(office_user, area, organisation):
    services.invitation_create(invited_by=office_user, email="l@x.example", role="lead", area=area)
    services.invitation_create(
        invited_by=office_user,
        email="s@x.example",
        role="signatory_editor",
        organisation=organisation,
    )
    assert [m.subject.split(" as ")[1] for m in mail.outbox] == [
        "Area lead of Riverside",
        "National signatory editor for Testland Health Board",
    ]


@pytest.mark.parametrize(
    ("inviter", "role", "target"),
    [
        ("area_lead", "lead", "area"),
        ("area_lead", "editor", "other_area"),
        ("area_editor", "editor", "area"),
        ("signatory_editor", "editor", "area"),
        ("outsider", "editor", "area"),
        ("area_lead", "signatory_editor", "organisation"),
        ("office_user", "office", None),
    ],
)
def test_invitations_refused_to_those_who_may_not_send_them(request, inviter, role, target):
    kwargs = {}
    if target in ("area", "other_area"):
        kwargs["area"] = request.getfixturevalue(target)
    elif target == "organisation":
        kwargs["organisation"] = request.getfixturevalue(target)
    # The views ask this before they call `invitation_create` (which trusts its caller).
    assert not permissions.can_invite(request.getfixturevalue(inviter), kwargs.get("area"), role)


def test_inviting_someone_who_already_has_the_role_is_refused(area_lead, area, area_editor):
    with pytest.raises(ValidationError, match="editor@riverside.test.example already has this"):
        _invite_editor(area_lead, area, email="Editor@Riverside.test.example")


def test_a_new_invitation_withdraws_the_earlier_one(area_lead, area):
    first = _invite_editor(area_lead, area)
    second = _invite_editor(area_lead, area)
    first.refresh_from_db()
    assert first.state() == "withdrawn"
    assert second.state() == "pending"


def test_nothing_is_saved_when_the_email_cannot_be_sent(client, area_lead, area, monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    client.force_login(area_lead)

    response = client.post(
        "/accounts/areas/riverside/people/", {"email": "new@x.example", "role": "editor"}
    )

    assert response.status_code == 400
    assert "The invitation email could not be sent, so nobody was invited." in (
        response.content.decode()
    )
    assert Invitation.objects.count() == 0
    assert AuditEntry.objects.filter(verb="invited").count() == 0


# Accepting.


def test_accept_an_invitation_by_choosing_a_password(client, area_lead, area):
    _invite_editor(area_lead, area, name="Nina New")
    token = _token(mail.outbox[0])

    opened = client.get(f"/accounts/invitations/{token}/")
    # The token leaves the address bar for the session.
    assert opened.status_code == 302
    assert opened["Location"] == "/accounts/invitations/accept/"
    page = client.get("/accounts/invitations/accept/")
    html = page.content.decode()
    assert "Accept your invitation" in html
    assert "<strong>Area editor of Riverside</strong>" in html
    assert 'value="Nina New"' in html

    response = client.post(
        "/accounts/invitations/accept/",
        {"name": "Nina New", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/"
    user = User.objects.get(username="new.editor@riverside.test.example")
    assert user.email == "new.editor@riverside.test.example"
    assert user.check_password(PASSWORD)
    assert user.concordat_profile.name == "Nina New"
    assert client.session[SESSION_KEY] == str(user.pk)
    membership = AreaMembership.objects.get(user=user)
    assert (membership.area, membership.role, membership.added_by) == (area, "editor", area_lead)
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == user
    assert invitation.state() == "accepted"
    assert "You are now Area editor of Riverside." in client.get("/accounts/").content.decode()


def test_the_link_works_only_once(client, area_lead, area):
    _invite_editor(area_lead, area)
    token = _token(mail.outbox[0])
    client.get(f"/accounts/invitations/{token}/")
    client.post(
        "/accounts/invitations/accept/",
        {"name": "Nina", "password1": PASSWORD, "password2": PASSWORD},
    )
    client.post("/accounts/logout/")

    client.get(f"/accounts/invitations/{token}/")
    response = client.get("/accounts/invitations/accept/")

    assert response.status_code == 410
    assert "This invitation has already been used." in response.content.decode()


def test_single_use_is_enforced_by_the_database(area_lead, area, monkeypatch):
    """Two requests that both passed the early checks: only one UPDATE claims the link."""
    _invite_editor(area_lead, area)
    token = _token(mail.outbox[0])
    services.invitation_accept(token=token, name="First", password=PASSWORD)
    monkeypatch.setattr(services, "invitation_refusal", lambda invitation, now=None: "")
    monkeypatch.setattr(services, "user_for_email", lambda email: None)

    with pytest.raises(ValidationError, match="This invitation has already been used."):
        services.invitation_accept(token=token, name="Second", password=PASSWORD)

    assert User.objects.filter(username="new.editor@riverside.test.example").count() == 1


def test_an_expired_invitation_cannot_be_used(client, area_lead, area):
    invitation = _invite_editor(area_lead, area)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    token = _token(mail.outbox[0])

    client.get(f"/accounts/invitations/{token}/")
    response = client.post(
        "/accounts/invitations/accept/",
        {"name": "Late", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 410
    assert "This invitation has expired. Ask the person who invited you to send a new one." in (
        response.content.decode()
    )
    assert not User.objects.filter(username=invitation.email).exists()


def test_an_unknown_link_is_refused(client):
    client.get("/accounts/invitations/not-a-real-token/")
    response = client.get("/accounts/invitations/accept/")
    assert response.status_code == 404
    assert "This invitation link is not right" in response.content.decode()


def test_accepting_refuses_different_passwords_and_common_ones(client, area_lead, area):
    _invite_editor(area_lead, area)
    client.get(f"/accounts/invitations/{_token(mail.outbox[0])}/")

    different = client.post(
        "/accounts/invitations/accept/",
        {"name": "N", "password1": PASSWORD, "password2": PASSWORD + "!"},
    )
    assert different.status_code == 400
    assert "The two passwords are different. Enter the same one twice." in (
        different.content.decode()
    )
    common = client.post(
        "/accounts/invitations/accept/",
        {"name": "N", "password1": "password123", "password2": "password123"},
    )
    assert "This password is too common." in common.content.decode()
    assert Invitation.objects.get().state() == "pending"
    assert not User.objects.filter(username="new.editor@riverside.test.example").exists()


def test_someone_with_an_account_signs_in_to_accept(client, office_user, other_area_editor, area):
    services.invitation_create(
        invited_by=office_user, email=other_area_editor.email, role="lead", area=area
    )
    message = mail.outbox[0]
    assert "and sign in with your existing account" in message.body
    client.get(f"/accounts/invitations/{_token(message)}/")

    page = client.get("/accounts/invitations/accept/").content.decode()
    assert "Sign in to accept" in page
    assert 'href="/accounts/login/?next=/accounts/invitations/accept/"' in page
    # Posting without signing in changes nothing.
    client.post("/accounts/invitations/accept/")
    assert not AreaMembership.objects.filter(user=other_area_editor, area=area).exists()

    client.force_login(other_area_editor)
    assert "Accept the invitation" in client.get("/accounts/invitations/accept/").content.decode()
    response = client.post("/accounts/invitations/accept/")

    assert response["Location"] == "/accounts/"
    roles = dict(
        AreaMembership.objects.filter(user=other_area_editor).values_list("area__slug", "role")
    )
    assert roles == {"hillside": "editor", "riverside": "lead"}


def test_signed_in_as_someone_else_cannot_accept(client, area_lead, area, outsider):
    _invite_editor(area_lead, area, email=outsider.email)
    token = _token(mail.outbox[0])
    with pytest.raises(ValidationError, match="but you are signed in as lead@riverside"):
        services.invitation_accept(token=token, user=area_lead)
    client.force_login(area_lead)
    client.get(f"/accounts/invitations/{token}/")
    page = client.get("/accounts/invitations/accept/").content.decode()
    assert "You are signed in as lead@riverside.test.example: sign out first" in page


def test_an_editor_invited_as_lead_becomes_lead_and_a_lead_is_never_stepped_down(
    office_user, area, area_editor, area_lead
):
    services.invitation_create(
        invited_by=office_user, email=area_editor.email, role="lead", area=area
    )
    services.invitation_accept(token=_token(mail.outbox[0]), user=area_editor)
    assert AreaMembership.objects.get(user=area_editor).role == "lead"
    assert AuditEntry.objects.filter(object_type="membership", verb="changed").get().after == (
        "editor@riverside.test.example: Area lead"
    )
    services.membership_grant(user=area_lead, area=area, role="editor")
    assert AreaMembership.objects.get(user=area_lead).role == "lead"


def test_signatory_editor_invitation_gives_the_organisation(office_user, organisation, client):
    services.invitation_create(
        invited_by=office_user,
        email="sig@x.example",
        role="signatory_editor",
        organisation=organisation,
    )
    user = services.invitation_accept(token=_token(mail.outbox[0]), name="S", password=PASSWORD)
    assert list(SignatoryEditor.objects.filter(user=user).values_list("organisation__name")) == [
        ("Testland Health Board",)
    ]


def test_administrator_invites_to_the_office(administrator):
    services.invitation_create(invited_by=administrator, email="o@x.example", role="office")
    user = services.invitation_accept(token=_token(mail.outbox[0]), name="O", password=PASSWORD)
    assert user.concordat_profile.is_office


def test_an_account_without_a_password_gets_one_by_accepting(area_lead, area):
    user = services.user_create(email="made.by.admin@x.example")
    assert not user.has_usable_password()
    _invite_editor(area_lead, area, email=user.email)

    accepted = services.invitation_accept(token=_token(mail.outbox[0]), password=PASSWORD)

    assert accepted == user
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_withdrawn_invitation_cannot_be_used(client, area_lead, area):
    invitation = _invite_editor(area_lead, area)
    client.force_login(area_lead)

    response = client.post(f"/accounts/invitations/{invitation.pk}/withdraw/")

    assert response["Location"] == "/accounts/areas/riverside/people/"
    with pytest.raises(ValidationError, match="This invitation was withdrawn."):
        services.invitation_accept(token=_token(mail.outbox[0]), name="N", password=PASSWORD)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("other_area_editor", 404),
        ("outsider", 404),
        ("area_editor", 403),
        ("signatory_editor", 403),
    ],
)
def test_withdrawing_is_refused_to_others(request, client, area_lead, area, role, status):
    invitation = _invite_editor(area_lead, area)
    client.force_login(request.getfixturevalue(role))

    assert client.post(f"/accounts/invitations/{invitation.pk}/withdraw/").status_code == status
    invitation.refresh_from_db()
    assert invitation.state() == "pending"


def test_names_are_plain_in_the_text_and_escaped_in_the_html(office_user):
    from concordat.core.models import Area

    area = Area.objects.create(name="Bath & North <East> Somerset", slug="banes")
    services.invitation_create(invited_by=office_user, email="l@x.example", role="lead", area=area)

    message = mail.outbox[0]
    assert message.subject.endswith("as Area lead of Bath & North <East> Somerset")
    assert "keep Bath & North <East> Somerset's Crisis Care Concordat action plan" in message.body
    html = message.alternatives[0][0]
    assert "Bath &amp; North &lt;East&gt; Somerset" in html
    assert "<East>" not in html
