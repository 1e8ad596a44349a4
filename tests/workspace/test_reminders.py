"""send_reminders: who is emailed about what, each reminder once however often the command
runs (and when two copies run at once), each kind switchable off by its recipient."""

import io
import os
import subprocess
import sys
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from concordat.core.services import action_update, progress_update_post
from concordat.workspace import reminders
from concordat.workspace.models import Reminder, ReminderPreference
from concordat.workspace.services import submission_submit_version

from .helpers import words
from .reminder_world import build

pytestmark = pytest.mark.django_db


def run(on=None):
    args = ["send_reminders"]
    if on is not None:
        args += ["--date", on.isoformat()]
    call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())


def sent(kind=None):
    """(recipient, subject) of each email in the outbox, sorted."""
    return sorted(
        (message.to[0], message.subject)
        for message in mail.outbox
        if kind is None or kind in message.subject
    )


def review_due(world):
    world.v1.refresh_from_db()
    return world.v1.review_due


def test_overdue_actions_are_sent_once_to_the_areas_editors_and_the_leading_signatory(
    world, area_editor, area_lead, signatory_editor, other_area_editor, office_user
):
    run()
    overdue = [m for m in mail.outbox if "overdue" in m.subject]
    assert sorted(m.to[0] for m in overdue) == [
        "editor@riverside.test.example",
        "editor@thb.test.example",
        "lead@riverside.test.example",
    ]
    message = overdue[0]
    assert message.subject == "1 action in Riverside's plan overdue"
    assert "1.1 Agree a crisis plan for children and young people (due 31 May 2015)" in message.body
    assert f"/workspace/riverside/actions/{world.action('1.1').pk}/" in message.body
    assert message.from_email == settings.DEFAULT_FROM_EMAIL

    mail.outbox.clear()
    run()
    assert mail.outbox == []
    assert Reminder.objects.filter(kind="actions_overdue", state="sent").count() == 3


def test_a_new_due_date_is_a_new_reminder(world, area_editor):
    run()
    assert len(sent("overdue")) == 1
    mail.outbox.clear()
    draft_row = action_update(
        action=world.action("1.1"),
        actor=area_editor,
        due=timezone.localdate() - timedelta(days=1),
    )
    run()
    assert len(sent("overdue")) == 1
    assert draft_row.ref in mail.outbox[0].body
    mail.outbox.clear()
    run()
    assert mail.outbox == []


def test_the_review_is_due_then_overdue(world, area_lead, area_editor):
    due = review_due(world)
    run(on=due - timedelta(days=40))
    assert sent("review") == []
    run(on=due - timedelta(days=10))
    run(on=due - timedelta(days=9))
    assert sent("review") == [
        ("lead@riverside.test.example", "The review of Riverside's action plan is coming up")
    ]
    (review,) = [m for m in mail.outbox if "review" in m.subject]
    assert f"The review of Riverside's action plan is due on {due.day} {due:%B %Y}." in review.body
    assert "/workspace/riverside/" in review.body
    mail.outbox.clear()
    run(on=due + timedelta(days=1))
    run(on=due + timedelta(days=2))
    assert sent("review") == [
        ("lead@riverside.test.example", "The review of Riverside's action plan is overdue")
    ]


def test_no_review_reminder_while_a_refreshed_plan_waits_for_review(world, area_lead, area_editor):
    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    run(on=review_due(world) + timedelta(days=3))
    assert sent("review") == []


def test_stale_actions(world, area_editor):
    later = timezone.localdate() + timedelta(days=200)
    run(on=later)
    stale = [m for m in mail.outbox if "not updated" in m.subject]
    assert [m.subject for m in stale] == [
        "3 actions in Riverside's plan not updated in the last 6 months"
    ]
    body = stale[0].body
    assert "2.1 Open a crisis café with the voluntary sector (last update" in body
    assert "1.2 Train police officers" not in body  # complete
    # The others are not sent again; an update starts a new stale period for its action,
    # reminded once it has passed too.
    mail.outbox.clear()
    progress_update_post(action=world.action("2.1"), actor=area_editor, note="Open on Fridays")
    run(on=later + timedelta(days=1))
    stale = [m for m in mail.outbox if "not updated" in m.subject]
    assert [m.subject for m in stale] == [
        "1 action in Riverside's plan not updated in the last 6 months"
    ]
    assert "2.1 Open a crisis café" in stale[0].body
    assert "1.1 Agree" not in stale[0].body
    mail.outbox.clear()
    run(on=later + timedelta(days=2))
    assert [m for m in mail.outbox if "not updated" in m.subject] == []


def test_the_office_digest_lists_waiting_submissions_once_a_day(
    world, office_user, area_lead, area_editor
):
    run()
    assert sent("Concordat office") == []
    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    run()
    run()
    digests = [m for m in mail.outbox if m.subject.startswith("Concordat office")]
    assert [(m.to, m.subject) for m in digests] == [
        (["office@test.example"], "Concordat office: 1 waiting for review, 0 reviews overdue")
    ]
    assert "- Riverside: Version 2 of the action plan, sent" in digests[0].body
    assert "/workspace/review/" in digests[0].body
    mail.outbox.clear()
    run(on=timezone.localdate() + timedelta(days=1))
    assert len([m for m in mail.outbox if m.subject.startswith("Concordat office")]) == 1


def test_each_person_can_turn_each_kind_off(client, world, area_editor, area_lead):
    client.force_login(area_editor)
    page = words(client.get("/workspace/reminders/"))
    assert "Actions have fallen overdue" in page
    assert "Our plan's review is coming up" not in page  # editors get no review reminders
    response = client.post("/workspace/reminders/", {"actions_stale": "on"})
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=area_editor)
    assert (preference.actions_overdue, preference.actions_stale) == (False, True)
    assert "Your reminder choices have been saved." in words(client.get("/workspace/reminders/"))
    run()
    assert [m.to[0] for m in mail.outbox if "overdue" in m.subject] == [
        "lead@riverside.test.example"
    ]
    # Turned back on, the editor gets the reminder they missed.
    client.post("/workspace/reminders/", {"actions_overdue": "on", "actions_stale": "on"})
    mail.outbox.clear()
    run()
    assert [m.to[0] for m in mail.outbox] == ["editor@riverside.test.example"]


def test_a_failed_send_is_tried_again_next_time(world, area_lead, monkeypatch):
    from django.core.mail import EmailMessage

    def broken(self, *args, **kwargs):
        raise OSError("mail server unreachable")

    monkeypatch.setattr(EmailMessage, "send", broken)
    with pytest.raises(Exception, match="could not be sent"):
        run()
    reminder = Reminder.objects.get(kind="actions_overdue")
    assert (reminder.state, reminder.attempts, reminder.last_error) == (
        "pending",
        1,
        "mail server unreachable",
    )
    monkeypatch.undo()
    run()
    reminder.refresh_from_db()
    assert (reminder.state, reminder.attempts) == ("sent", 2)
    assert len(sent("overdue")) == 1


def test_two_workers_that_both_planned_the_same_reminders_send_them_once(
    world, area_lead, area_editor, office_user
):
    first = reminders.plan()
    second = reminders.plan()
    # Overdue and not updated in the last six months, to the lead and the editor.
    assert len(first) == len(second) == 4
    reminders.record(first)
    reminders.record(second)
    assert reminders.deliver(first, worker="worker-a") == (4, 0)
    assert reminders.deliver(second, worker="worker-b") == (0, 0)
    assert len(mail.outbox) == 4
    assert set(Reminder.objects.values_list("claimed_by", flat=True)) == {"worker-a"}


def test_a_dry_run_sends_nothing(world, area_lead):
    out = io.StringIO()
    call_command("send_reminders", "--dry-run", stdout=out, stderr=io.StringIO())
    assert "actions_overdue to lead@riverside.test.example: 1 item(s)" in out.getvalue()
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_inactive_users_get_nothing(world, area_lead):
    area_lead.is_active = False
    area_lead.save()
    run()
    assert mail.outbox == []


def _database_for_workers(tmp_path, env, call, python):
    """The database the worker processes share: on PostgreSQL the test database itself (this
    test commits its data), on SQLite a file of its own, migrated and filled here."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
            f"@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
        build()
        return
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'reminders.sqlite3'}"
    call(python, "manage.py", "migrate", "--noinput")
    call(
        python,
        "-c",
        "import django; django.setup(); from tests.workspace.reminder_world import build; build()",
    )


@pytest.mark.django_db(transaction=True)
def test_copies_running_at_once_send_each_email_once(tmp_path):
    """Three processes against one database: each email goes out once between them."""
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

    _database_for_workers(tmp_path, env, call, python)
    workers = [
        subprocess.Popen(
            [python, "manage.py", "send_reminders"],
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
    assert printed.count("Subject: 1 action in Lakeside's plan overdue") == 2
    assert printed.count("To: lead@lakeside.example") == 1
    assert printed.count("To: editor@lakeside.example") == 1
    summaries = sorted(err.strip().splitlines()[-1] for _out, err in outputs)
    sent_counts = sorted(int(line.split()[1]) for line in summaries)
    assert sum(sent_counts) == 2
