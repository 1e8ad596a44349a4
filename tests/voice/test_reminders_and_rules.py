"""Working days, question text, and the lead's reminder of questions unanswered for 20
working days."""

from datetime import date, timedelta

from django.core import mail
from django.utils import timezone

from concordat.voice import rules
from concordat.voice.selectors import unanswered
from concordat.workspace.reminders import send_reminders

from .conftest import make_question


def test_working_days_skip_weekends_and_english_bank_holidays():
    # Thursday 24 December 2026 to Tuesday 29 December: Christmas Day (Friday) and Boxing
    # Day's substitute (Monday 28th) are bank holidays; the 29th is a working day.
    assert rules.working_days_between(date(2026, 12, 24), date(2026, 12, 29)) == 1
    assert rules.working_days_between(date(2026, 3, 2), date(2026, 3, 9)) == 5
    assert rules.working_days_between(date(2026, 3, 9), date(2026, 3, 2)) == 0
    on = date(2026, 12, 3)
    cutoff = rules.unanswered_cutoff(on)
    assert rules.working_days_between(cutoff, on) == 21
    assert rules.working_days_between(cutoff + timedelta(days=1), on) <= 20


def test_plain_text_removes_markup():
    assert rules.plain_text("<style>p{}</style><i>a</i>\r\n\r\n\r\n\r\nb &amp; c\x07") == (
        "a\n\nb & c"
    )


def test_unanswered_lists_only_old_open_questions(world):
    old_waiting = make_question(world, body="a", state="waiting", days_ago=40)
    old_accepted = make_question(world, body="b", state="accepted", days_ago=40)
    make_question(world, body="c", state="accepted", days_ago=3)
    make_question(world, body="d", state="published", reply="r", days_ago=40)
    make_question(world, body="e", state="rejected", days_ago=40)
    found = unanswered(world.area, on=timezone.localdate())
    assert [item.question.pk for item in found] == [old_waiting.pk, old_accepted.pk]
    assert all(item.working_days > 20 for item in found)


def test_lead_is_reminded_once(world, area_lead, area_editor):
    question = make_question(world, body="a", state="accepted", days_ago=40)
    make_question(world, body="b", state="accepted", days_ago=2)
    send_reminders()
    reminders = [m for m in mail.outbox if "unanswered for 20 working days" in m.subject]
    assert len(reminders) == 1
    assert reminders[0].to == [area_lead.email]
    assert reminders[0].subject == (
        "1 question from the public about Riverside unanswered for 20 working days"
    )
    assert f"/workspace/riverside/questions/{question.pk}/" in reminders[0].body
    mail.outbox.clear()
    send_reminders()
    assert not [m for m in mail.outbox if "unanswered" in m.subject]


def test_lead_can_turn_the_reminder_off(client, world, area_lead):
    make_question(world, body="a", state="accepted", days_ago=40)
    client.force_login(area_lead)
    page = client.get("/workspace/reminders/").content.decode()
    assert "Questions from the public unanswered for 20 working days" in page
    from concordat.workspace.models import ReminderPreference

    ReminderPreference.objects.create(user=area_lead, questions_unanswered=False)
    send_reminders()
    assert not [m for m in mail.outbox if "unanswered" in m.subject]
