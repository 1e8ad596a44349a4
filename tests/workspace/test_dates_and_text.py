"""What comes in through forms is cleaned and bounded: characters XML cannot hold are taken
out (a vertical tab becomes a line break), and dates must fall from 2000 to ten years ahead."""

from datetime import date

import pytest

from concordat.core import dates
from concordat.core.models import Action, ProgressUpdate

from .helpers import words
from .test_action_editing import edit_data

pytestmark = pytest.mark.django_db


def test_control_characters_typed_into_a_note_are_taken_out(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/progress/",
        {"on": "14/1/2016", "note": "First line\x0bsecond line\x1b[31m done\x00", "rag": ""},
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(identity=action.identity, source="web")
    assert update.note == "First line\nsecond line[31m done"


def test_control_characters_in_an_action_edit_are_taken_out(client, world, area_editor):
    client.force_login(area_editor)
    row = world.action("2.1")
    response = client.post(
        f"/workspace/riverside/actions/{row.pk}/edit/",
        edit_data(row, text="Open a crisis\x07 café\x0c with partners", lead="Mind\x1b"),
    )
    assert response.status_code == 302
    saved = world.current("2.1")
    assert (saved.text, saved.lead) == ("Open a crisis café\n with partners", "Mind")


@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/1999", "01/01/2999"])
def test_a_progress_date_outside_the_range_is_refused(client, world, area_editor, typed):
    client.force_login(area_editor)
    action = world.action("1.1")
    response = client.post(
        f"/workspace/riverside/actions/{action.pk}/progress/",
        {"on": typed, "note": "Agreed", "rag": ""},
    )
    assert response.status_code == 400
    assert f"The date must be {dates.range_text()}." in words(response)
    assert not ProgressUpdate.objects.filter(identity=action.identity, source="web").exists()


def test_an_action_due_date_outside_the_range_is_refused(client, world, area_editor):
    client.force_login(area_editor)
    row = world.action("3.1")
    response = client.post(
        f"/workspace/riverside/actions/{row.pk}/edit/", edit_data(row, due="01/01/0001")
    )
    assert response.status_code == 400
    assert f"The date must be {dates.range_text()}." in words(response)
    assert Action.objects.filter(identity=row.identity).exclude(due=row.due).count() == 0


def test_the_service_refuses_what_the_form_would(world, area_editor):
    from django.core.exceptions import ValidationError

    from concordat.core.services import action_update, progress_update_post

    with pytest.raises(ValidationError) as caught:
        action_update(action=world.action("3.1"), actor=area_editor, due=date(1, 1, 1))
    assert caught.value.messages == [f"The due date must be {dates.range_text()}."]
    with pytest.raises(ValidationError) as caught:
        progress_update_post(
            action=world.action("1.1"), actor=area_editor, note="x", on=date(1999, 1, 1)
        )
    assert caught.value.messages == [f"The date of the update must be {dates.range_text()}."]


def test_a_timescale_edited_to_a_far_year_keeps_its_text_and_sets_no_dates(world, area_editor):
    from concordat.core.services import action_update

    saved = action_update(action=world.action("3.1"), actor=area_editor, timescale="By 2099")
    assert (saved.timescale, saved.start, saved.due) == ("By 2099", None, None)
    assert saved.timescale_needs_review is True
