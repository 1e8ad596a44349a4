"""/workspace/: the areas each person works on, and the organisation a signatory editor keeps."""

import pytest

from concordat.core.services import action_update
from concordat.workspace.services import submission_submit_version

from .helpers import words

pytestmark = pytest.mark.django_db


def test_an_area_lead_sees_their_area_and_where_its_plan_stands(client, world, area_lead):
    client.force_login(area_lead)
    page = words(client.get("/workspace/"))
    assert "Riverside Area lead No draft Version 1" in page
    assert "Hillside" not in page
    assert "England" not in page
    action_update(action=world.action("1.1"), actor=area_lead, subtheme="Children")
    assert "Riverside Area lead Version 2, draft Version 1" in words(client.get("/workspace/"))


def test_a_signatory_editor_sees_their_organisation_and_the_areas_it_works_in(
    client, world, signatory_editor
):
    client.force_login(signatory_editor)
    page = words(client.get("/workspace/"))
    assert "Your organisation" in page
    assert "Testland Health Board" in page
    assert "England Signatory editor" in page
    assert "Riverside Signatory editor" in page


def test_the_office_sees_every_area_and_what_waits_for_review(
    client, world, office_user, area_lead, other_area
):
    action_update(action=world.action("1.1"), actor=area_lead, subtheme="Children")
    submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    client.force_login(office_user)
    page = words(client.get("/workspace/"))
    assert "1 submission waiting for review." in page
    assert "Riverside Concordat office Version 2, waiting for review 1 waiting Version 1" in page
    assert "Hillside Concordat office No draft Not yet Not set" in page
    assert "England Concordat office" in page


def test_someone_with_no_role_is_told_how_to_get_one(client, world, outsider):
    client.force_login(outsider)
    page = words(client.get("/workspace/"))
    assert "You do not work on any area yet." in page
