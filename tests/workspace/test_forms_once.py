"""A form is acted on once: the same page's form posted twice, or four times at once, saves one
progress update; a refused post leaves its token free; every saving form carries a token."""

import re
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from concordat.core.forms_once import ALREADY_SAVED
from concordat.core.models import ProgressUpdate, SubmittedForm

from .helpers import words

TOKEN = re.compile(r'name="form_token" value="([A-Za-z0-9_-]{32})"')
TEMPLATES = Path(__file__).resolve().parents[2] / "concordat" / "templates"


def progress_url(action):
    return f"/workspace/riverside/actions/{action.pk}/progress/"


def token_from(client, url):
    page = client.get(url)
    assert page.status_code == 200
    found = TOKEN.findall(page.content.decode())
    assert len(found) == 1
    return found[0]


def update_form(token, note="The board agreed the plan"):
    return {"on": "14/1/2016", "note": note, "canonical_status": "", "rag": "", "form_token": token}


@pytest.mark.django_db
def test_the_same_form_posted_twice_saves_one_update(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    token = token_from(client, progress_url(action))

    first = client.post(progress_url(action), update_form(token))
    second = client.post(progress_url(action), update_form(token))

    assert first.status_code == 302
    assert second.status_code == 303
    assert second["Location"] == first["Location"]
    assert ProgressUpdate.objects.filter(identity=action.identity, source="web").count() == 1
    assert SubmittedForm.objects.get(token=token).location == first["Location"]
    page = words(client.get(second["Location"]))
    assert ALREADY_SAVED in page


@pytest.mark.django_db
def test_a_fresh_page_gets_a_fresh_token_and_saves_again(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    first = token_from(client, progress_url(action))
    client.post(progress_url(action), update_form(first, "First note"))
    second = token_from(client, progress_url(action))
    assert second != first
    assert client.post(progress_url(action), update_form(second, "Second note")).status_code == 302
    notes = ProgressUpdate.objects.filter(identity=action.identity, source="web")
    assert sorted(notes.values_list("note", flat=True)) == ["First note", "Second note"]


@pytest.mark.django_db
def test_a_refused_post_leaves_its_token_free(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    token = token_from(client, progress_url(action))
    refused = client.post(progress_url(action), update_form(token, note=""))
    assert refused.status_code == 400
    assert not SubmittedForm.objects.filter(token=token).exists()
    saved = client.post(progress_url(action), update_form(token))
    assert saved.status_code == 302
    assert ProgressUpdate.objects.filter(identity=action.identity, source="web").count() == 1


@pytest.mark.django_db
def test_a_post_without_a_token_is_handled_as_before(client, world, area_editor):
    client.force_login(area_editor)
    action = world.action("1.1")
    form = update_form("")
    del form["form_token"]
    assert client.post(progress_url(action), form).status_code == 302
    assert client.post(progress_url(action), form).status_code == 302
    assert ProgressUpdate.objects.filter(identity=action.identity, source="web").count() == 2
    assert SubmittedForm.objects.count() == 0


@pytest.mark.django_db
def test_the_repeat_of_a_post_that_did_not_redirect_says_so(client, world, area_editor):
    """Without a first answer to follow, the repeat explains itself (409) and saves nothing."""
    client.force_login(area_editor)
    token = "x" * 32
    SubmittedForm.objects.create(token=token, path="/workspace/riverside/")
    action = world.action("1.1")
    repeat = client.post(progress_url(action), update_form(token))
    assert repeat.status_code == 409
    assert "It was saved the first time, so it was not saved again." in words(repeat)
    assert not ProgressUpdate.objects.filter(identity=action.identity, source="web").exists()


def _post_waiting_for_the_lock(client, action, token):
    """The test database on SQLite is shared memory, where a writer finding the database
    locked is told so at once instead of waiting as it does on a file (or on PostgreSQL, where
    the second insert of the token waits for the first transaction): wait here instead."""
    for _attempt in range(200):
        try:
            return client.post(progress_url(action), update_form(token)).status_code
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(0.05)
    raise AssertionError("The database stayed locked")


@pytest.mark.django_db(transaction=True)
def test_four_posts_of_one_form_at_once_save_one_update(world, area_editor):
    action = world.action("1.1")
    opener = Client()
    opener.force_login(area_editor)
    token = token_from(opener, progress_url(action))
    statuses, start = [], threading.Barrier(4)
    clients = []
    for _ in range(4):  # four tabs signed in, each with the page open
        clients.append(Client())
        clients[-1].force_login(area_editor)

    def post(client):
        start.wait()
        try:
            statuses.append(_post_waiting_for_the_lock(client, action, token))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # One post saved (302); the others were sent where it went (303). (On SQLite a post whose
    # answer met the lock after saving is sent again above, so its own answer is a 303.)
    assert len(statuses) == 4
    assert set(statuses) <= {302, 303}
    assert statuses.count(302) <= 1
    assert ProgressUpdate.objects.filter(identity=action.identity, source="web").count() == 1


@pytest.mark.django_db
def test_purge_form_tokens_forgets_tokens_older_than_a_week(capsys):
    now = timezone.now()
    SubmittedForm.objects.create(token="a" * 32, path="/", submitted_at=now - timedelta(days=8))
    SubmittedForm.objects.create(token="b" * 32, path="/", submitted_at=now - timedelta(days=6))
    call_command("purge_form_tokens")
    assert list(SubmittedForm.objects.values_list("token", flat=True)) == ["b" * 32]
    assert capsys.readouterr().out.strip() == "Forgot 1 form token older than 7 days."


# Forms that do not carry a token, and why: signing in and out must run each time (a repeat
# must set its own session), and a reset request is counted by the rate limit.
WITHOUT_TOKEN = {"base.html", "registration/login.html", "registration/password_reset_form.html"}


def test_every_template_with_a_posted_form_carries_a_form_token():
    missing = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        text = path.read_text()
        posts = len(re.findall(r"<form[^>]*method=\"post\"", text, re.I))
        tokens = text.count("{% form_token %}")
        if name not in WITHOUT_TOKEN and posts != tokens:
            missing.append(f"{name}: {posts} forms, {tokens} tokens")
    assert missing == []
    assert {
        name for name in WITHOUT_TOKEN if "{% form_token %}" not in (TEMPLATES / name).read_text()
    } == WITHOUT_TOKEN
