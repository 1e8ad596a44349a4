"""The people pages: every role against every page and POST → status."""

import pytest
from django.core import mail

from concordat.accounts.models import AreaMembership, Invitation, SignatoryEditor
from concordat.core.models import AuditEntry

pytestmark = pytest.mark.django_db

AREA_PAGE = "/accounts/areas/riverside/people/"
ORGANISATION_PAGE = "/accounts/organisations/testland-health-board/people/"

# role: GET area page, POST invitation there, POST remove the editor, GET organisation page,
# GET the office's people index. 302 for a done POST (or sign-in for anonymous visitors).
PAGE_MATRIX = """
role                    area  invite remove organisation index
anonymous               302   302    302    302          302
outsider                404   404    404    403          403
area_editor             200   403    403    403          403
other_area_editor       404   404    404    403          403
area_lead               200   302    302    403          403
signatory_editor        200   403    403    403          403
other_signatory_editor  404   404    404    403          403
office_user             200   302    302    200          200
administrator           200   302    302    200          200
"""


def _rows(matrix):
    lines = [line.split() for line in matrix.strip().splitlines()]
    header = lines[0][1:]
    return [
        (row[0], column, int(cell))
        for row in lines[1:]
        for column, cell in zip(header, row[1:], strict=True)
    ]


CASES = _rows(PAGE_MATRIX)


@pytest.fixture
def everyone(
    area,
    other_area,
    organisation,
    area_editor,
    area_lead,
    other_area_editor,
    outsider,
    signatory_editor,
    other_signatory_editor,
    office_user,
    administrator,
):
    """Every fixture user exists, so each case runs against the same data."""


def _request(client, request, role, column, area_editor):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    if column == "area":
        return client.get(AREA_PAGE)
    if column == "invite":
        return client.post(AREA_PAGE, {"email": "invitee@test.example", "role": "editor"})
    if column == "remove":
        membership = AreaMembership.objects.get(user=area_editor)
        return client.post(f"{AREA_PAGE}{membership.pk}/remove/")
    if column == "organisation":
        return client.get(ORGANISATION_PAGE)
    return client.get("/accounts/people/")


@pytest.mark.parametrize(("role", "column", "status"), CASES, ids=[f"{r}-{c}" for r, c, _ in CASES])
def test_people_page_matrix(request, client, everyone, area_editor, role, column, status):
    response = _request(client, request, role, column, area_editor)

    assert response.status_code == status
    if status == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    done = status == 302 and role != "anonymous"
    if column == "invite":
        assert Invitation.objects.exists() is done
        assert len(mail.outbox) == (1 if done else 0)
    if column == "remove":
        assert AreaMembership.objects.filter(user=area_editor).exists() is not done


def test_area_page_lists_members_and_invitations(client, area_lead, area_editor):
    client.force_login(area_lead)
    client.post(AREA_PAGE, {"email": "Invitee@Test.example", "name": "Ivy", "role": "editor"})

    html = client.get(AREA_PAGE).content.decode()

    assert "Invitation sent to invitee@test.example. The link works for 7 days." in html
    assert "Lee Lead" in html
    assert "editor@riverside.test.example" in html
    assert "invitee@test.example" in html
    # A lead may invite editors only.
    assert 'value="editor"' in html
    assert 'value="lead"' not in html
    # A lead is not offered a button to remove themselves.
    assert 'Remove<span class="govuk-visually-hidden"> lead@riverside' not in html
    assert 'Remove<span class="govuk-visually-hidden"> editor@riverside' in html


def test_office_may_invite_a_lead(client, office_user, area):
    client.force_login(office_user)
    html = client.get(AREA_PAGE).content.decode()
    assert 'value="lead"' in html

    client.post(AREA_PAGE, {"email": "new.lead@test.example", "role": "lead"})

    assert Invitation.objects.get().describe_role() == "Area lead of Riverside"


def test_an_editor_sees_the_list_without_forms(client, area_editor, area_lead):
    client.force_login(area_editor)
    html = client.get(AREA_PAGE).content.decode()
    assert "lead@riverside.test.example" in html
    assert "Send the invitation" not in html
    assert "Remove<span" not in html


def test_invitation_form_errors_in_plain_words(client, area_lead, area_editor):
    client.force_login(area_lead)

    empty = client.post(AREA_PAGE, {"email": "", "role": ""})
    assert empty.status_code == 400
    html = empty.content.decode()
    assert "<title>Error: People in Riverside" in html
    assert "Enter the email address of the person to invite" in html
    assert "Choose a role" in html

    bad = client.post(AREA_PAGE, {"email": "not an email", "role": "editor"})
    assert "Enter an email address in the right format, like name@example.org" in (
        bad.content.decode()
    )

    existing = client.post(AREA_PAGE, {"email": area_editor.email, "role": "editor"})
    assert "editor@riverside.test.example already has this role." in existing.content.decode()

    lead = client.post(AREA_PAGE, {"email": "x@test.example", "role": "lead"})
    assert "Select a valid choice. lead is not one of the available choices." in (
        lead.content.decode()
    )
    assert Invitation.objects.count() == 0


def test_the_only_lead_cannot_be_removed(client, office_user, area_lead):
    client.force_login(office_user)
    membership = AreaMembership.objects.get(user=area_lead)

    response = client.post(f"{AREA_PAGE}{membership.pk}/remove/", follow=True)

    assert "lead@riverside.test.example is the only lead of Riverside." in (
        response.content.decode()
    )
    assert AreaMembership.objects.filter(pk=membership.pk).exists()


def test_a_lead_cannot_remove_another_lead(client, area, area_lead, outsider):
    other_lead = AreaMembership.objects.create(user=outsider, area=area, role="lead")
    client.force_login(area_lead)

    assert client.post(f"{AREA_PAGE}{other_lead.pk}/remove/").status_code == 403


def test_removing_a_member_is_audited(client, area_lead, area_editor, area):
    client.force_login(area_lead)
    membership = AreaMembership.objects.get(user=area_editor)

    client.post(f"{AREA_PAGE}{membership.pk}/remove/")

    entry = AuditEntry.objects.get(verb="removed", object_type="membership")
    assert (entry.area, entry.actor, entry.before) == (
        area,
        area_lead,
        "editor@riverside.test.example: Area editor",
    )


def test_office_invites_and_removes_signatory_editors(client, office_user, signatory_editor):
    client.force_login(office_user)
    html = client.get(ORGANISATION_PAGE).content.decode()
    assert "editor@thb.test.example" in html

    client.post(ORGANISATION_PAGE, {"email": "sig2@test.example", "role": "signatory_editor"})
    assert Invitation.objects.get().describe_role() == (
        "National signatory editor for Testland Health Board"
    )

    editorship = SignatoryEditor.objects.get(user=signatory_editor)
    client.post(f"{ORGANISATION_PAGE}{editorship.pk}/remove/")
    assert not SignatoryEditor.objects.filter(pk=editorship.pk).exists()


def test_office_people_index_lists_areas_and_signatory_organisations(
    client, office_user, area, other_area, organisation, area_lead, area_editor
):
    client.force_login(office_user)
    html = client.get("/accounts/people/").content.decode()
    assert 'href="/accounts/areas/riverside/people/">Riverside</a>' in html
    assert 'href="/accounts/areas/hillside/people/">Hillside</a>' in html
    assert 'href="/accounts/organisations/testland-health-board/people/"' in html
