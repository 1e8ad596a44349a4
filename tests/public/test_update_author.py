"""The public action page never shows an author's email address in place of a name."""

import pytest
from django.contrib.auth import get_user_model

from concordat.core.models import Action
from concordat.core.services.updates import progress_update_post
from tests.factories import make_area

from .world import import_and_publish, parsed_action

pytestmark = pytest.mark.django_db


def test_an_author_without_a_name_is_not_shown_by_email(client):
    area = make_area("Eastshire")
    version = import_and_publish(area, [parsed_action("1.1", "Crisis line", 2)], days_ago=3)
    nameless = get_user_model().objects.create_user(
        username="lead@eastshire.example", email="lead@eastshire.example", password="x" * 16
    )
    named = get_user_model().objects.create_user(
        username="ann",
        email="ann@eastshire.example",
        password="x" * 16,
        first_name="Ann",
        last_name="Shaw",
    )
    action = Action.objects.get(version=version, ref="1.1")
    progress_update_post(action=action, actor=nameless, note="Line open at night.")
    progress_update_post(action=action, actor=named, note="Line open at weekends.")

    html = client.get("/areas/eastshire/plan/actions/1.1/").content.decode()

    assert "Line open at night." in html and "Line open at weekends." in html
    assert "eastshire.example" not in html
    assert "Posted by the area, by Ann Shaw" in html
    assert html.count("Posted by the area") == 2
