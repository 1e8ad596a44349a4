"""Independent reviewers: naming a panel, inviting its members (the role), their verdicts,
and what the public sees beside the area's RAG."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from concordat.accounts.models import AreaMembership, Invitation, ReviewerMembership
from concordat.accounts.services import invitation_accept, membership_grant
from concordat.core.models import AuditEntry
from concordat.voice import services
from concordat.voice.models import ReviewPanel, Verdict
from tests.factories import make_user

PANELS = "/workspace/riverside/reviewers/"


def verdicts_path(world):
    return f"/workspace/riverside/reviewers/{world.panel.pk}/verdicts/"


def verdict_path(world, ref):
    return f"{verdicts_path(world)}{world.action(ref).pk}/"


# Naming panels ------------------------------------------------------------------------------


def test_lead_names_a_panel(client, world, area_lead):
    client.force_login(area_lead)
    assert client.get(PANELS).status_code == 200
    response = client.post(
        PANELS, {"name": "Riverside Healthwatch", "kind": "healthwatch", "description": ""}
    )
    assert response.status_code == 302
    panel = ReviewPanel.objects.get(name="Riverside Healthwatch")
    assert panel.area == world.area
    assert panel.named_by == area_lead
    assert AuditEntry.objects.filter(verb="named review panel", object_id=str(panel.pk)).exists()
    assert "Riverside Healthwatch" in client.get(PANELS).content.decode()


def test_panel_pages_refuse_outsiders(client, world, outsider, other_area_editor):
    for user in (outsider, other_area_editor):
        client.force_login(user)
        assert client.get(PANELS).status_code == 404
        assert client.post(PANELS, {"name": "X", "kind": "other"}).status_code == 404
    assert not ReviewPanel.objects.filter(name="X").exists()


def test_panel_pages_refuse_read_only_users(client, world, area_editor):
    """An editor works on the plan but names no reviewers: that is the lead's."""
    client.force_login(area_editor)
    assert client.get(PANELS).status_code == 403
    assert client.post(PANELS, {"name": "X", "kind": "other"}).status_code == 403
    invite = f"{PANELS}{world.panel.pk}/invite/"
    assert client.post(invite, {f"panel{world.panel.pk}-email": "x@example.org"}).status_code == 403
    assert not ReviewPanel.objects.filter(name="X").exists()
    assert not Invitation.objects.exists()


def test_a_delivery_partner_cannot_be_an_independent_reviewer(client, world, area_lead):
    client.force_login(area_lead)
    response = client.post(PANELS, {"name": "Testland Health Board", "kind": "other"})
    assert response.status_code == 400
    assert "is one of Riverside&#x27;s delivery partners" in response.content.decode()
    response = client.post(PANELS, {"name": "THB", "kind": "other"})
    assert response.status_code == 400
    assert ReviewPanel.objects.count() == 1


def test_panel_names_are_unique_in_an_area(world, area_lead):
    with pytest.raises(ValidationError, match="already has a panel"):
        services.panel_create(
            area=world.area,
            actor=area_lead,
            name="riverside lived-experience panel",
            kind="lived_experience",
        )


# The role ---------------------------------------------------------------------------------


def test_invited_reviewer_joins_the_panel(client, world, area_lead):
    client.force_login(area_lead)
    prefix = f"panel{world.panel.pk}"
    response = client.post(
        f"{PANELS}{world.panel.pk}/invite/",
        {f"{prefix}-email": "Carer@Forum.example", f"{prefix}-name": "Cara"},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.role == "reviewer"
    assert invitation.panel == world.panel
    assert invitation.area == world.area
    assert "Independent reviewer, Riverside lived-experience panel" in mail.outbox[0].body
    token = re.search(r"/accounts/invitations/([^/\s]+)/", mail.outbox[0].body).group(1)
    user = invitation_accept(token=token, name="Cara", password="a long and unusual passphrase")
    assert ReviewerMembership.objects.filter(user=user, panel=world.panel).exists()
    # The reviewer has no membership of the area: no workspace, no drafts.
    assert not AreaMembership.objects.filter(user=user).exists()
    client.force_login(user)
    assert client.get("/workspace/riverside/").status_code == 404
    home = client.get("/workspace/").content.decode()
    assert verdicts_path(world) in home


def test_area_members_cannot_review_their_own_area(world, area_lead, area_editor, reviewer):
    from concordat.accounts.services import invitation_create

    with pytest.raises(ValidationError, match="works on Riverside's plan"):
        invitation_create(
            invited_by=area_lead, email=area_editor.email, role="reviewer", panel=world.panel
        )
    with pytest.raises(ValidationError, match="is an independent reviewer of Riverside"):
        membership_grant(user=reviewer, area=world.area, role="editor")


# Verdicts -----------------------------------------------------------------------------------


def test_reviewer_records_a_verdict(client, world, reviewer):
    client.force_login(reviewer)
    listing = client.get(verdicts_path(world))
    assert listing.status_code == 200
    assert verdict_path(world, "1.1") in listing.content.decode()
    assert client.get(verdict_path(world, "1.1")).status_code == 200
    response = client.post(
        verdict_path(world, "1.1"),
        {"rag": "red", "note": "The crisis line still closes at 10 pm"},
    )
    assert response.status_code == 302
    verdict = Verdict.objects.get()
    assert (verdict.panel, verdict.rag, verdict.note) == (
        world.panel,
        "red",
        "The crisis line still closes at 10 pm",
    )
    assert verdict.recorded_by == reviewer
    assert AuditEntry.objects.filter(verb="recorded verdict").count() == 1


def test_verdict_pages_refuse_outsiders(client, world, outsider, other_area_editor):
    for user in (outsider, other_area_editor):
        client.force_login(user)
        assert client.get(verdicts_path(world)).status_code == 404
        assert (
            client.post(verdict_path(world, "1.1"), {"rag": "red", "note": "n"}).status_code == 404
        )
    assert not Verdict.objects.exists()


def test_verdict_pages_refuse_read_only_users(client, world, area_lead, office_user):
    """The area's own people and the office see the workspace but are not the panel."""
    for user in (area_lead, office_user):
        client.force_login(user)
        assert client.get(verdicts_path(world)).status_code == 403
        assert (
            client.post(verdict_path(world, "1.1"), {"rag": "red", "note": "n"}).status_code == 403
        )
    assert not Verdict.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rag": "purple", "note": "n"}, "Select a valid choice"),
        ({"rag": "red", "note": ""}, "Enter your note"),
        ({"rag": "red", "note": "x" * 301}, "Keep the note to 300 characters or fewer"),
    ],
)
def test_bad_verdicts_are_refused(client, world, reviewer, data, message):
    client.force_login(reviewer)
    response = client.post(verdict_path(world, "1.1"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Verdict.objects.exists()


def test_public_sees_both_verdicts_and_where_they_disagree(client, world, reviewer):
    action = world.action("1.2")
    services.verdict_record(
        panel=world.panel, action=action, actor=reviewer, rag="amber", note="Open two days a week"
    )
    page = client.get("/areas/riverside/plan/actions/1.2/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Area: Green · Riverside lived-experience panel: Amber — Open two days a week" in text
    assert "Verdicts disagree" in page
    area_page = client.get("/areas/riverside/").content.decode()
    assert "Where independent reviewers disagree" in area_page
    assert "/areas/riverside/plan/actions/1.2/#independent-review" in area_page
    # A newer verdict that agrees replaces it on the public pages.
    services.verdict_record(
        panel=world.panel, action=action, actor=reviewer, rag="green", note="Now open daily"
    )
    page = client.get("/areas/riverside/plan/actions/1.2/").content.decode()
    assert "Now open daily" in page
    assert "Open two days a week" not in page
    assert "Verdicts disagree" not in page
    assert (
        "Where independent reviewers disagree"
        not in client.get("/areas/riverside/").content.decode()
    )


def test_national_list_puts_the_most_disagreement_first(
    client, world, reviewer, other_area, office_user
):
    from concordat.accounts.services import reviewer_grant

    services.verdict_record(
        panel=world.panel, action=world.action("1.1"), actor=reviewer, rag="red", note="Closed"
    )
    services.verdict_record(
        panel=world.panel, action=world.action("1.2"), actor=reviewer, rag="green", note="Open"
    )
    hill_panel = ReviewPanel.objects.create(
        area=other_area, name="Hillside Healthwatch", kind="healthwatch"
    )
    hill_reviewer = make_user("hw@hill.example")
    reviewer_grant(user=hill_reviewer, panel=hill_panel, by=office_user)
    from concordat.core.models import Action

    hill_action = Action.objects.select_related("version__plan").get(
        version__plan__area=other_area, ref="1.1"
    )
    services.verdict_record(
        panel=hill_panel, action=hill_action, actor=hill_reviewer, rag="green", note="Fine"
    )
    response = client.get("/areas/disagreement/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Riverside") < page.index("Hillside")
    csv_text = b"".join(client.get("/areas/disagreement.csv").streaming_content).decode()
    lines = csv_text.strip().splitlines()
    assert lines[0] == (
        "area,name,actions,panels,reviewed,disagreements,complete,complete_no_evidence"
    )
    assert lines[1] == "riverside,Riverside,3,Riverside lived-experience panel,2,1,1,1"
    # Hillside reported no RAG, so there is nothing to disagree with.
    assert lines[2] == "hillside,Hillside,1,Hillside Healthwatch,1,0,0,0"
    assert "/areas/disagreement/" in client.get("/areas/").content.decode()
