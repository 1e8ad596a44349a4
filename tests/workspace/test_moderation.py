"""The area lead's approval of updates and the office's national list with withdrawal: each
page works, refuses outsiders (404 or 403) and refuses read-only users (403)."""

import pytest
from django.test import Client

from concordat.core.models import ProgressUpdate
from concordat.core.services import progress_update_post

from .helpers import words

pytestmark = pytest.mark.django_db


def test_the_lead_turns_approval_on_and_approves_or_declines(client, world, area_lead, area_editor):
    client.force_login(area_lead)
    assert client.get("/workspace/riverside/updates/approval/").status_code == 200
    client.post("/workspace/riverside/updates/approval/setting/", {"approve_first": "on"})
    world.area.refresh_from_db()
    assert world.area.approve_updates_first
    client.force_login(area_editor)
    identity = world.action("3.1").identity_id
    client.post("/workspace/riverside/updates/", {"on": "2/2/2016", f"note_{identity}": "Booked"})
    update = ProgressUpdate.objects.get()
    assert update.state == "awaiting_approval"
    assert "Booked" not in words(client.get("/areas/riverside/plan/actions/3.1/"))
    client.force_login(area_lead)
    page = words(client.get("/workspace/riverside/updates/approval/"))
    assert "Action 3.1" in page and "Booked" in page
    response = client.post(
        f"/workspace/riverside/updates/approval/{update.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 302
    assert "Booked" in words(client.get("/areas/riverside/plan/actions/3.1/"))
    other = progress_update_post(
        action=world.action("2.1"), actor=area_editor, note="Wrong", needs_approval=True
    )
    refused = client.post(f"/workspace/riverside/updates/approval/{other.pk}/", {"reason": ""})
    assert refused.status_code == 400
    assert "Say why the update is not approved" in words(refused)
    client.post(f"/workspace/riverside/updates/approval/{other.pk}/", {"reason": "Not agreed"})
    other.refresh_from_db()
    assert other.state == "declined"


def test_approval_pages_refuse_outsiders_and_editors(
    client, world, area_editor, other_area_editor, outsider
):
    update = progress_update_post(
        action=world.action("2.1"), actor=area_editor, note="Note", needs_approval=True
    )
    urls = [
        ("get", "/workspace/riverside/updates/approval/"),
        ("post", "/workspace/riverside/updates/approval/setting/"),
        ("post", f"/workspace/riverside/updates/approval/{update.pk}/"),
    ]
    for user, status in ((other_area_editor, 404), (outsider, 404), (area_editor, 403)):
        client.force_login(user)
        for method, url in urls:
            response = getattr(client, method)(url, {"decision": "approve"})
            assert response.status_code == status, (user, url)
    update.refresh_from_db()
    assert update.state == "awaiting_approval"


def test_the_office_sees_every_update_and_withdraws_one(client, world, area_editor, office_user):
    update = progress_update_post(action=world.action("2.1"), actor=area_editor, note="Named X")
    client.force_login(office_user)
    page = words(client.get("/workspace/updates/"))
    assert "Riverside, action 2.1" in page and "Named X" in page
    url = f"/workspace/updates/{update.pk}/withdraw/"
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "Say why the update is being withdrawn" in words(refused)
    assert client.post(url, {"reason": "Names a patient"}).status_code == 302
    public = words(client.get("/areas/riverside/plan/actions/2.1/"))
    assert "Withdrawn by the Concordat office on" in public and "Names a patient" in public
    assert "Named X" not in public
    assert "Named X" not in client.get("/api/updates").content.decode()


def test_the_office_pages_refuse_everyone_else(client, world, area_editor, area_lead, outsider):
    update = progress_update_post(action=world.action("2.1"), actor=area_editor, note="Kept")
    for user in (area_lead, area_editor, outsider):
        client.force_login(user)
        assert client.get("/workspace/updates/").status_code == 403
        url = f"/workspace/updates/{update.pk}/withdraw/"
        assert client.post(url, {"reason": "No"}).status_code == 403
    assert ProgressUpdate.objects.public().count() == 1


def test_the_forms_need_their_csrf_token(world, area_lead, office_user, area_editor):
    update = progress_update_post(action=world.action("2.1"), actor=area_editor, note="Kept")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(office_user)
    assert (
        strict.post(f"/workspace/updates/{update.pk}/withdraw/", {"reason": "x"}).status_code == 403
    )
    strict.force_login(area_lead)
    assert strict.post("/workspace/riverside/updates/", {"on": "2/2/2016"}).status_code == 403
    assert ProgressUpdate.objects.public().count() == 1


def test_a_refresh_returned_and_resubmitted_while_updates_continue_loses_no_update(
    client, world, area_lead, area_editor, office_user
):
    from concordat.core.services import action_update
    from concordat.workspace.services import (
        submission_publish,
        submission_return,
        submission_submit_version,
    )

    def post(ref, note, **progress):
        return progress_update_post(
            action=world.action(ref), actor=area_editor, note=note, **progress
        )

    action_update(
        action=world.action("1.1"), actor=area_editor, text="Agree a crisis plan, all ages"
    )
    post("2.1", "During the draft")
    first = submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    post("3.1", "While submitted")
    submission_return(submission=first, actor=office_user, comments="Add the children's lead")
    post("2.1", "While returned", status="Complete", rag="blue")
    client.force_login(area_lead)
    banner = words(client.get("/workspace/riverside/"))
    assert "Returned by the Concordat office" in banner and "Add the children's lead" in banner
    second = submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    post("1.1", "While resubmitted")
    submission_publish(submission=second, actor=office_user, not_met_reason="Agreed")
    notes = set(ProgressUpdate.objects.public().values_list("note", flat=True))
    assert notes == {"During the draft", "While submitted", "While returned", "While resubmitted"}
    page = words(client.get("/areas/riverside/plan/actions/2.1/"))
    assert "During the draft" in page and "While returned" in page
    assert "While resubmitted" in words(client.get("/areas/riverside/plan/actions/1.1/"))
    # The status an update set while the refresh was returned is the published plan's now.
    published = world.current_or_published("2.1")
    assert published.version == second.version and published.version.state == "published"
    assert (published.canonical_status, published.rag) == ("complete", "blue")
    assert ProgressUpdate.objects.filter(version__isnull=False).count() == 0
