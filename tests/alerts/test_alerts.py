"""Email alerts for the public: sign-up with double opt-in, one-click unsubscribe, deleting an
address, and the digests (each email once, however often and in how many processes)."""

import io
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from concordat.alerts import digest
from concordat.alerts.models import Digest, Subscription
from concordat.core.models import ProgressUpdate
from concordat.core.services import progress_update_post, progress_update_withdraw

from .digest_world import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def lakeside():
    return build()


def test_following_an_area_sends_a_confirmation_and_nothing_else(client, lakeside):
    page = client.get("/alerts/areas/lakeside/")
    assert page.status_code == 200
    assert "Get email alerts for Lakeside&#x27;s action plan" in page.content.decode()
    response = client.post(
        "/alerts/areas/lakeside/", {"email": "New.Reader@Example.org", "frequency": "weekly"}
    )
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert "new.reader@example.org" not in response.content.decode().lower()
    subscription = Subscription.objects.get(email="new.reader@example.org")
    assert subscription.confirmed_at is None
    assert len(mail.outbox) == 1
    assert f"/alerts/confirm/{subscription.token}/" in mail.outbox[0].body
    # Opening the link confirms nothing; the button does.
    assert client.get(f"/alerts/confirm/{subscription.token}/").status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert client.post(f"/alerts/confirm/{subscription.token}/").status_code == 302
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_following_one_action_and_bad_input(client, lakeside):
    assert client.get("/alerts/areas/lakeside/actions/1.1/").status_code == 200
    assert client.get("/alerts/areas/lakeside/actions/9.9/").status_code == 404
    response = client.post("/alerts/areas/lakeside/actions/1.1/", {"email": "not an address"})
    assert response.status_code == 400
    assert "Enter an email address like name@example.org" in response.content.decode()
    assert not Subscription.objects.filter(identity__isnull=False, confirmed_at=None).exists()
    assert mail.outbox == []


def test_the_sign_up_needs_its_csrf_token(lakeside):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/alerts/areas/lakeside/", {"email": "a@example.org"})
    assert response.status_code == 403
    assert not Subscription.objects.filter(email="a@example.org").exists()


def test_the_sign_up_is_rate_limited(client, lakeside, settings):
    settings.CONCORDAT_ALERTS_RATE = (2, 3600)
    for number in range(2):
        data = {"email": f"r{number}@example.org", "frequency": "daily"}
        assert client.post("/alerts/areas/lakeside/", data).status_code == 200
    response = client.post("/alerts/areas/lakeside/", {"email": "r3@example.org"})
    assert response.status_code == 429
    assert not Subscription.objects.filter(email="r3@example.org").exists()


def test_a_digest_lists_what_was_published_with_one_click_unsubscribe(lakeside):
    assert digest.send_alert_digests() == (2, 0, 0)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"reader@example.org", "carer@example.org"}
    message = by_address["reader@example.org"]
    token = Subscription.objects.get(email="reader@example.org").token
    assert message.subject == "1 new publication: Lakeside's action plan"
    assert "The café opened on Friday nights" in message.body
    assert "http://127.0.0.1:8000/areas/lakeside/plan/actions/1.1/" in message.body
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<http://127.0.0.1:8000/alerts/unsubscribe/{token}/>"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<img" not in message.body and "href" not in message.body
    # Run again: nothing is sent twice, and nothing new means no email.
    mail.outbox.clear()
    assert digest.send_alert_digests() == (0, 0, 0)
    assert mail.outbox == []


def test_withdrawn_and_waiting_updates_are_never_in_a_digest(lakeside):
    update = ProgressUpdate.objects.get()
    progress_update_withdraw(update=update, actor=None, reason="Named a patient")
    action = update.identity.actions.first()
    progress_update_post(action=action, actor=None, note="Waiting note", needs_approval=True)
    assert digest.send_alert_digests() == (0, 2, 0)
    assert mail.outbox == []


def test_one_click_unsubscribe_and_deleting_an_address(lakeside):
    strict = Client(enforce_csrf_checks=True)
    reader = Subscription.objects.get(email="reader@example.org")
    # RFC 8058: the mail client posts without a form or cookie.
    response = strict.post(
        f"/alerts/unsubscribe/{reader.token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=reader.pk).exists()
    carer = Subscription.objects.get(email="carer@example.org")
    Subscription.objects.create(email="carer@example.org", area=carer.area, frequency="daily")
    page = Client().get(f"/alerts/manage/{carer.token}/")
    assert page.status_code == 200 and "carer@example.org" not in page.content.decode()
    assert Client().post(f"/alerts/manage/{carer.token}/").status_code == 200
    assert not Subscription.objects.filter(email="carer@example.org").exists()
    assert Client().get(f"/alerts/manage/{carer.token}/").status_code == 404


def test_two_workers_that_both_planned_the_same_digests_send_them_once(lakeside):
    first = digest.due(date(2026, 3, 2))
    second = digest.due(date(2026, 3, 2))
    digest.record(first)
    digest.record(second)
    assert digest.deliver(first, worker="a")[0] == 2
    assert digest.deliver(second, worker="b")[0] == 0
    assert len(mail.outbox) == 2
    assert set(Digest.objects.values_list("claimed_by", flat=True)) == {"a"}


@pytest.mark.django_db(transaction=True)
def test_threads_running_at_once_send_each_email_once():
    build()
    results = []

    def run(_number):
        try:
            return digest.send_alert_digests()
        finally:
            connection.close()

    if connection.vendor == "postgresql":
        with ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(run, range(3)))
    else:  # SQLite writes one at a time: run the copies one after another
        results = [run(number) for number in range(3)]
    assert sum(sent for sent, _empty, _failed in results) == 2
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_copies_running_at_once_in_processes_send_each_email_once(tmp_path):
    env = {
        **os.environ,
        "CONCORDAT_VAR_DIR": str(tmp_path),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "DJANGO_SETTINGS_MODULE": "concordat.settings",
    }
    root = settings.BASE_DIR
    python = sys.executable

    def call(*args):
        subprocess.run(args, cwd=root, env=env, check=True, capture_output=True, timeout=300)

    if connection.vendor == "postgresql":
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
            f"@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
        build()
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'alerts.sqlite3'}"
        call(python, "manage.py", "migrate", "--noinput")
        call(
            python,
            "-c",
            "import django; django.setup(); from tests.alerts.digest_world import build; build()",
        )
    workers = [
        subprocess.Popen(
            [python, "manage.py", "send_alert_digests"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [worker.communicate(timeout=300) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0], outputs
    printed = "".join(out for out, _err in outputs)
    assert printed.count("To: reader@example.org") == 1
    assert printed.count("To: carer@example.org") == 1
    assert "never@example.org" not in printed
    sent = sum(int(err.strip().splitlines()[-1].split()[1]) for _out, err in outputs)
    assert sent == 2


def test_the_command_reports_what_it_did(lakeside):
    err = io.StringIO()
    call_command("send_alert_digests", stderr=err, stdout=io.StringIO())
    assert "Sent 2 digest(s); 0 with nothing new; 0 failed." in err.getvalue()


def test_asking_twice_keeps_one_alert_and_a_confirmed_one_is_left_alone(client, lakeside):
    page = client.get("/alerts/areas/lakeside/").content.decode()
    assert 'type="radio" value="daily"' in page and 'value="weekly" checked' in page
    data = {"email": "twice@example.org", "frequency": "daily"}
    client.post("/alerts/areas/lakeside/", data)
    client.post("/alerts/areas/lakeside/", {**data, "frequency": "weekly"})
    subscription = Subscription.objects.get(email="twice@example.org")
    assert subscription.frequency == "weekly"
    assert len(mail.outbox) == 2
    assert mail.outbox[0].body.count(subscription.token) == 1
    # The reader already confirmed: asking again sends nothing and changes nothing.
    mail.outbox.clear()
    client.post("/alerts/areas/lakeside/", {"email": "reader@example.org", "frequency": "weekly"})
    assert mail.outbox == []
    assert Subscription.objects.get(email="reader@example.org").frequency == "daily"
    # The database holds one alert per address and thing followed.
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(email="reader@example.org", area=lakeside, frequency="daily")
    assert Subscription.objects.filter(email="reader@example.org").count() == 1


def test_addresses_never_confirmed_are_deleted_after_a_week(lakeside):
    now = timezone.now()
    stale = Subscription.objects.create(email="old@example.org", area=lakeside, frequency="daily")
    recent = Subscription.objects.create(email="new@example.org", area=lakeside, frequency="daily")
    Subscription.objects.filter(pk=stale.pk).update(created_at=now - timedelta(days=8))
    Subscription.objects.filter(pk=recent.pk).update(created_at=now - timedelta(days=6))
    digest.send_alert_digests(now=now)
    remaining = set(Subscription.objects.values_list("email", flat=True))
    assert remaining == {
        "reader@example.org",
        "carer@example.org",
        "never@example.org",
        "new@example.org",
    }


def test_the_manage_page_lists_each_alert_with_its_own_stop_link(lakeside):
    carer = Subscription.objects.get(email="carer@example.org")
    area_wide = Subscription.objects.create(
        email="carer@example.org", area=lakeside, frequency="daily"
    )
    page = Client().get(f"/alerts/manage/{carer.token}/").content.decode()
    assert f'href="/alerts/unsubscribe/{carer.token}/"' in page
    assert f'href="/alerts/unsubscribe/{area_wide.token}/"' in page
    assert 'Stop<span class="govuk-visually-hidden"> alerts about action 1.1 of Lakeside' in page
    assert page.count("not confirmed") == 1
    assert Client().get("/alerts/manage/not-a-token/").status_code == 404
