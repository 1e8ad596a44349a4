"""Reminders by email, for `python manage.py send_reminders`.

Three steps, each safe to repeat and to run in several processes at once:

1. `plan(on=…)` works out which emails are due today: one `Email` per recipient, kind and
   area, made of `Item`s, each item one reminder with its unique key (kind, recipient,
   subject, due period).
2. `record(emails)` inserts a pending `Reminder` row for every key not seen before (a
   conflicting insert is ignored, so a key exists once).
3. `deliver(emails, worker=…)` claims each email's pending rows with one
   `UPDATE … SET state = 'sending', claimed_by = worker WHERE state = 'pending'`, reads back
   the rows this worker won, and sends an email about those only; then marks them sent, or
   pending again if sending failed. Two workers can both plan and record the same keys; only
   one wins each row, so nothing is sent twice.

Who gets what:

- area leads, when the review of the latest published plan is coming up (within
  CONCORDAT_REVIEW_NOTICE_DAYS of `PlanVersion.review_due`), once per review date, and when it
  is overdue, once a month; not while a refreshed plan is waiting for review. The national
  plan's reminders go to the Concordat office, which submits it.
- each area's editors and lead, and the signatory editors of the organisations that lead an
  action there (national plan, or an area that lists them as partners), when actions of the
  plan being worked on fall overdue (once per action and due date) or stale (once per action
  and the day of its last activity);
- the Concordat office, a daily digest of the submissions waiting for review and the areas
  whose review is overdue;
- area leads, the public's questions about their area still unanswered (waiting for
  moderation or for the reply) after 20 working days, once per question.

Each user can turn each kind off (`ReminderPreference`).
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from concordat.accounts.models import AreaMembership, Profile, SignatoryEditor
from concordat.core import verdict
from concordat.core.models import (
    CLOSED_STATUSES,
    Action,
    ActionLead,
    Area,
    PlanVersion,
    ProgressUpdate,
)
from concordat.core.selectors.published import latest_versions
from concordat.core.services.plans import WORKING_STATES

from .models import Reminder, ReminderKind, ReminderPreference, Submission


@dataclass(frozen=True)
class Item:
    subject_key: str
    period: str
    line: str
    link: str = ""


@dataclass
class Email:
    kind: str
    recipient: object
    area: Area | None
    items: list = field(default_factory=list)
    context: dict = field(default_factory=dict)

    def claim_keys(self):
        return [
            (self.kind, self.recipient.pk, item.subject_key, item.period) for item in self.items
        ]


def notice_days():
    return getattr(settings, "CONCORDAT_REVIEW_NOTICE_DAYS", 28)


def link(path):
    return settings.SITE_URL.rstrip("/") + path


def _long(day):
    return f"{day.day} {day:%B %Y}"


# --- 1. what is due -----------------------------------------------------------------------


def _active_users(ids):
    User = get_user_model()
    return User.objects.filter(pk__in=ids, is_active=True).in_bulk()


def _office_users():
    ids = Profile.objects.filter(is_office=True).values_list("user_id", flat=True)
    return list(_active_users(list(ids)).values())


def _review_emails(on, latest, areas, leads, office):
    emails = []
    waiting = set(
        PlanVersion.objects.filter(state=PlanVersion.State.SUBMITTED).values_list(
            "plan__area_id", flat=True
        )
    )
    for version in latest:
        due = version.review_due
        area = areas.get(version.area_id)
        if due is None or area is None or version.area_id in waiting:
            continue
        if on > due:
            kind, period = ReminderKind.REVIEW_OVERDUE, f"{on:%Y-%m}"
            line = f"The review of {area.name}'s action plan was due on {_long(due)}."
        elif on >= due - timedelta(days=notice_days()):
            kind, period = ReminderKind.REVIEW_DUE, due.isoformat()
            line = f"The review of {area.name}'s action plan is due on {_long(due)}."
        else:
            continue
        recipients = office if area.is_national else leads.get(area.pk, [])
        item = Item(
            subject_key=f"version:{version.pk}",
            period=period,
            line=line,
            link=link(reverse("workspace:area", args=[area.slug])),
        )
        for user in recipients:
            emails.append(Email(kind=kind, recipient=user, area=area, items=[item]))
    return emails


def _current_versions(latest):
    """{plan id: version id} of the version each plan is worked on in (working, else the
    latest published), and {version id: area id}."""
    current = {v.plan_id: v.pk for v in latest}
    area_of = {v.pk: v.area_id for v in latest}
    for pk, plan_id, area_id in PlanVersion.objects.filter(state__in=WORKING_STATES).values_list(
        "pk", "plan_id", "plan__area_id"
    ):
        current[plan_id] = pk
        area_of[pk] = area_id
    return current, area_of


def _last_update_days(identity_ids):
    """{identity id: the day of its latest dated progress update} (verdict.update_day: an
    undated note has no day), in one grouped query."""
    rows = (
        ProgressUpdate.objects.public()
        .filter(identity_id__in=identity_ids, date__isnull=False)
        .values("identity_id")
        .annotate(last=Max("date"))
        .values_list("identity_id", "last")
        .order_by()
    )
    return dict(rows)


def _action_emails(on, latest, areas):
    current, area_of = _current_versions(latest)
    actions = list(
        Action.objects.filter(version_id__in=list(current.values()))
        .exclude(canonical_status__in=CLOSED_STATUSES)
        .values("pk", "identity_id", "version_id", "ref", "text", "due", "canonical_status")
    )
    activity = _last_update_days([a["identity_id"] for a in actions])
    leads = defaultdict(set)
    for action_id, organisation_id in ActionLead.objects.filter(
        action_id__in=[a["pk"] for a in actions]
    ).values_list("action_id", "organisation_id"):
        leads[action_id].add(organisation_id)

    members = defaultdict(list)
    for area_id, user_id in AreaMembership.objects.values_list("area_id", "user_id"):
        members[area_id].append(user_id)
    signatories = defaultdict(list)
    for organisation_id, user_id in SignatoryEditor.objects.values_list(
        "organisation_id", "user_id"
    ):
        signatories[organisation_id].append(user_id)
    partners = defaultdict(set)
    for area_id, organisation_id in Area.partners.through.objects.values_list(
        "area_id", "organisation_id"
    ):
        partners[area_id].add(organisation_id)

    found = defaultdict(list)  # (kind, user id, area id) -> [Item]
    for action in actions:
        area = areas.get(area_of[action["version_id"]])
        if area is None:
            continue
        ref = action["ref"] or "(no ref)"
        text = " ".join(action["text"].split())
        if len(text) > 120:
            text = text[:117].rstrip() + "…"
        path = reverse("workspace:action", args=[area.slug, action["pk"]])
        recipients = set(members[area.pk])
        allowed = leads[action["pk"]]
        if not area.is_national:
            allowed = allowed & partners[area.pk]
        for organisation_id in allowed:
            recipients.update(signatories[organisation_id])
        due = action["due"]
        last = activity.get(action["identity_id"])
        judged = verdict.judge(
            canonical_status=action["canonical_status"],
            due=due,
            reported_rag="",
            last_update_on=last,
            on=on,
        )
        if judged.overdue:
            item = Item(
                subject_key=f"identity:{action['identity_id']}",
                period=due.isoformat(),
                line=f"{ref} {text} (due {_long(due)})",
                link=link(path),
            )
            for user_id in recipients:
                found[(ReminderKind.ACTIONS_OVERDUE, user_id, area.pk)].append(item)
        if judged.stale:
            item = Item(
                subject_key=f"identity:{action['identity_id']}",
                period=f"since:{last.isoformat() if last else 'never'}",
                line=f"{ref} {text} (last update {_long(last) if last else 'never'})",
                link=link(path),
            )
            for user_id in recipients:
                found[(ReminderKind.ACTIONS_STALE, user_id, area.pk)].append(item)

    users = _active_users({user_id for _kind, user_id, _area in found})
    return [
        Email(kind=kind, recipient=users[user_id], area=areas[area_id], items=items)
        for (kind, user_id, area_id), items in found.items()
        if user_id in users
    ]


def _digest_emails(on, latest, areas, office):
    waiting = list(
        Submission.objects.filter(state=Submission.State.WAITING)
        .select_related("area", "version", "report")
        .order_by("submitted_at")
    )
    overdue = sorted(
        (
            (areas[v.area_id], v.review_due)
            for v in latest
            if v.review_due and v.review_due < on and v.area_id in areas
        ),
        key=lambda pair: (pair[1], pair[0].name),
    )
    if not waiting and not overdue:
        return []
    item = Item(
        subject_key="office",
        period=on.isoformat(),
        line="",
        link=link(reverse("workspace:review_queue")),
    )
    context = {
        "waiting": [
            (s.area.name, s.describe(), timezone.localdate(s.submitted_at)) for s in waiting
        ],
        "overdue": [(area.name, due) for area, due in overdue],
    }
    return [
        Email(
            kind=ReminderKind.OFFICE_DIGEST,
            recipient=user,
            area=None,
            items=[item],
            context=context,
        )
        for user in office
    ]


def _question_emails(on, areas, leads):
    from concordat.voice.selectors import unanswered

    by_area = defaultdict(list)
    for item in unanswered(on=on):
        question = item.question
        area = areas.get(question.area_id)
        if area is None:
            continue
        by_area[area.pk].append(
            Item(
                subject_key=f"question:{question.pk}",
                period="unanswered",
                line=f"About {question.about}, asked on {_long(item.asked_on)} "
                f"({item.working_days} working days ago)",
                link=link(reverse("voice:question", args=[area.slug, question.pk])),
            )
        )
    return [
        Email(
            kind=ReminderKind.QUESTIONS_UNANSWERED, recipient=user, area=areas[area_id], items=items
        )
        for area_id, items in by_area.items()
        for user in leads.get(area_id, [])
    ]


def _wanted(emails):
    preferences = ReminderPreference.objects.filter(
        user_id__in={email.recipient.pk for email in emails}
    ).in_bulk(field_name="user_id")

    def wants(email):
        preference = preferences.get(email.recipient.pk)
        return preference is None or preference.wants(email.kind)

    return [email for email in emails if email.recipient.email and wants(email)]


def plan(*, on=None):
    """Every email due on the day `on` (today by default), before any is claimed."""
    on = on or timezone.localdate()
    areas = Area.objects.in_bulk()
    leads = defaultdict(list)
    lead_ids = AreaMembership.objects.filter(role="lead").values_list("area_id", "user_id")
    users = _active_users({user_id for _area, user_id in lead_ids})
    for area_id, user_id in lead_ids:
        if user_id in users:
            leads[area_id].append(users[user_id])
    office = _office_users()
    latest = latest_versions()
    emails = (
        _review_emails(on, latest, areas, leads, office)
        + _action_emails(on, latest, areas)
        + _digest_emails(on, latest, areas, office)
        + _question_emails(on, areas, leads)
    )
    return _wanted(emails)


# --- 2. one row per key -------------------------------------------------------------------


def record(emails):
    """Insert a pending row for every key not seen before; existing keys are left alone."""
    Reminder.objects.bulk_create(
        [
            Reminder(kind=kind, recipient_id=user_id, subject_key=subject, period=period)
            for email in emails
            for kind, user_id, subject, period in email.claim_keys()
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


# --- 3. claim, then send ------------------------------------------------------------------


def _claim(email, worker):
    """The items of `email` this worker won: pending rows it moved to sending."""
    keys = {(item.subject_key, item.period): item for item in email.items}
    rows = Reminder.objects.filter(
        kind=email.kind,
        recipient_id=email.recipient.pk,
        subject_key__in={subject for subject, _period in keys},
    )
    candidates = [
        pk
        for pk, subject, period in rows.values_list("pk", "subject_key", "period")
        if (subject, period) in keys
    ]
    if not candidates:
        return [], []
    Reminder.objects.filter(pk__in=candidates, state=Reminder.State.PENDING).update(
        state=Reminder.State.SENDING,
        claimed_by=worker,
        claimed_at=timezone.now(),
        attempts=F("attempts") + 1,
    )
    won = list(
        Reminder.objects.filter(
            pk__in=candidates, state=Reminder.State.SENDING, claimed_by=worker
        ).values_list("pk", "subject_key", "period")
    )
    return [pk for pk, _s, _p in won], [keys[(subject, period)] for _pk, subject, period in won]


SUBJECTS = {
    ReminderKind.REVIEW_DUE: "The review of {area}'s action plan is coming up",
    ReminderKind.REVIEW_OVERDUE: "The review of {area}'s action plan is overdue",
    ReminderKind.ACTIONS_OVERDUE: "{count} action{s} in {area}'s plan overdue",
    ReminderKind.ACTIONS_STALE: "{count} action{s} in {area}'s plan not updated in the last "
    "{months} months",
    ReminderKind.OFFICE_DIGEST: "Concordat office: {waiting} waiting for review, {overdue} "
    "reviews overdue",
    ReminderKind.QUESTIONS_UNANSWERED: "{count} question{s} from the public about {area} "
    "unanswered for 20 working days",
}


def compose(email, items):
    count = len(items)
    subject = SUBJECTS[email.kind].format(
        area=email.area.name if email.area else "",
        count=count,
        s="s" if count != 1 else "",
        months=settings.CONCORDAT_STALE_MONTHS,
        waiting=len(email.context.get("waiting", [])),
        overdue=len(email.context.get("overdue", [])),
    )
    body = render_to_string(
        f"workspace/emails/{email.kind}.txt",
        {
            "service_name": settings.CONCORDAT_SERVICE_NAME,
            "recipient": email.recipient,
            "area": email.area,
            "items": items,
            "stale_months": settings.CONCORDAT_STALE_MONTHS,
            "workspace_link": link(reverse("workspace:area", args=[email.area.slug]))
            if email.area
            else link(reverse("workspace:home")),
            "preferences_link": link(reverse("workspace:reminders")),
            **email.context,
        },
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email.recipient.email])


def deliver(emails, *, worker=None, connection=None):
    """Claim and send; returns (sent emails, failed emails)."""
    worker = worker or uuid.uuid4().hex
    sent = failed = 0
    for email in emails:
        pks, items = _claim(email, worker)
        if not items:
            continue
        message = compose(email, items)
        if connection is not None:
            message.connection = connection
        try:
            message.send()
        except Exception as error:  # any failure leaves the reminder for the next run
            Reminder.objects.filter(pk__in=pks, claimed_by=worker).update(
                state=Reminder.State.PENDING, last_error=str(error)[:2000]
            )
            failed += 1
            continue
        Reminder.objects.filter(pk__in=pks, claimed_by=worker).update(
            state=Reminder.State.SENT, sent_at=timezone.now(), last_error=""
        )
        sent += 1
    return sent, failed


def send_reminders(*, on=None, worker=None):
    """Plan, record and deliver: what the management command runs."""
    emails = plan(on=on)
    record(emails)
    return deliver(emails, worker=worker)
