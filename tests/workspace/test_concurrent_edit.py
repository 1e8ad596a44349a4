"""Two people editing the same action: the second save is refused, says what the first person
changed, shows the action as it is now and keeps the second person's input; nothing is
silently overwritten."""

import pytest
from django.test import Client

from concordat.core.models import Action, AuditEntry
from concordat.core.services import action_update

from .helpers import words
from .test_action_editing import edit_data

pytestmark = pytest.mark.django_db


def two_editors(area_editor, area_lead):
    first, second = Client(), Client()
    first.force_login(area_editor)
    second.force_login(area_lead)
    return first, second


def test_the_second_save_on_a_stale_draft_copy_is_refused_with_the_first_editors_changes(
    world, area_editor, area_lead
):
    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    row = world.current("1.1")
    first, second = two_editors(area_editor, area_lead)
    # Both open the edit form on the same copy.
    loaded = edit_data(row)
    assert first.get(f"/workspace/riverside/actions/{row.pk}/edit/").status_code == 200
    assert second.get(f"/workspace/riverside/actions/{row.pk}/edit/").status_code == 200

    saved = first.post(
        f"/workspace/riverside/actions/{row.pk}/edit/",
        {**loaded, "text": "Agree a crisis plan with schools"},
    )
    assert saved.status_code == 302

    refused = second.post(
        f"/workspace/riverside/actions/{row.pk}/edit/",
        {**loaded, "due": "30/6/2016", "text": "Agree a crisis plan with GPs"},
    )
    assert refused.status_code == 409
    page = words(refused)
    assert (
        "editor@riverside.test.example changed this action while you were editing it, so your "
        "changes were not saved. Their changes are shown below; make yours again on the "
        "current version." in page
    )
    # What the other person changed, before → after.
    assert "What the other person changed" in page
    assert "changed action in Version 2" in page
    assert "Agree a crisis plan for children and young people" in page
    assert "Agree a crisis plan with schools" in page
    # The second person's input is kept in the form.
    html = refused.content.decode()
    assert "Agree a crisis plan with GPs</textarea>" in html
    assert 'value="30/6/2016"' in html
    # The form now carries the current lock version, so saving again is a deliberate choice.
    current = Action.objects.get(pk=row.pk)
    assert f'name="lock_version" value="{current.lock_version}"' in html
    assert current.text == "Agree a crisis plan with schools"
    assert current.due.isoformat() == "2015-05-31"

    again = second.post(
        f"/workspace/riverside/actions/{row.pk}/edit/",
        {
            **loaded,
            "lock_version": current.lock_version,
            "text": "Agree a crisis plan with GPs",
        },
    )
    assert again.status_code == 302
    assert Action.objects.get(pk=row.pk).text == "Agree a crisis plan with GPs"


def test_two_people_editing_from_the_published_page_cannot_overwrite_each_other(
    world, area_editor, area_lead
):
    published = world.action("1.1")
    first, second = two_editors(area_editor, area_lead)
    loaded = edit_data(published)
    url = f"/workspace/riverside/actions/{published.pk}/edit/"

    assert first.post(url, {**loaded, "text": "First words"}).status_code == 302
    refused = second.post(url, {**loaded, "text": "Second words"})
    assert refused.status_code == 409
    assert "First words" in words(refused)
    assert world.current("1.1").text == "First words"
    # The form is now aimed at the draft's copy.
    copy = world.current("1.1")
    assert f'action="/workspace/riverside/actions/{copy.pk}/edit/"' in refused.content.decode()


def test_retiring_from_a_stale_page_is_refused_too(world, area_editor, area_lead):
    action_update(action=world.action("2.1"), actor=area_editor, subtheme="Cafés")
    row = world.current("2.1")
    first, second = two_editors(area_editor, area_lead)
    stale = row.lock_version
    first.post(f"/workspace/riverside/actions/{row.pk}/edit/", edit_data(row, rag="green"))
    refused = second.post(
        f"/workspace/riverside/actions/{row.pk}/retire/",
        {"lock_version": stale, "reason": "No longer needed"},
    )
    assert refused.status_code == 409
    page = words(refused)
    assert "changed this action while you were editing it" in page
    assert "changed rag in Version 2" in page
    assert "No longer needed</textarea>" in refused.content.decode()
    assert Action.objects.get(pk=row.pk).retired_reason == ""
    assert not AuditEntry.objects.filter(field="retired_reason").exists()
