"""The digests, for `python manage.py send_alert_digests`. Safe to repeat and to run in
several processes at once, like `send_reminders`:

1. `due(on)`: the confirmed subscriptions whose digest falls due today (daily ones every day,
   weekly ones once per ISO week), each with its period key (2026-03-02, 2026-W10).
2. `record(...)`: a pending `Digest` row per (subscription, period) not seen before (a
   conflicting insert is ignored, so a key exists once).
3. `deliver(...)`: claims each row with one `UPDATE … SET state = 'sending', claimed_by =
   worker WHERE state = 'pending'`; only the worker that won it reads what was published
   between the subscription's `covered_until` and the window's end (fixed at the first
   claim, so a retry covers the same window), sends one email if there is anything, and marks
   the row sent and the subscription covered until the window's end. A failed send puts the
   row back to pending for the next run.

What a digest lists: progress updates that became public, plan versions published and
progress reports published, in the window, for the area followed (or the one action).
No tracking pixels, no redirecting links: plain text with the site's own addresses.
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from concordat.core.models import Action, PlanVersion
from concordat.core.selectors.updates import published_updates
from concordat.reports.models import ProgressReport

from .models import Digest, Subscription
from .services import describe, link, subscription_purge_unconfirmed, unsubscribe_headers


def period_of(subscription, on):
    if subscription.frequency == Subscription.Frequency.WEEKLY:
        year, week, _day = on.isocalendar()
        return f"{year}-W{week:02d}"
    return on.isoformat()


def due(on):
    """(subscription, period) for every confirmed subscription, with its period today."""
    subscriptions = Subscription.objects.filter(confirmed_at__isnull=False).select_related("area")
    return [(s, period_of(s, on)) for s in subscriptions.order_by("pk")]


def record(pairs):
    Digest.objects.bulk_create(
        [Digest(subscription=s, period=period) for s, period in pairs],
        ignore_conflicts=True,
        batch_size=500,
    )


def _claim(subscription, period, worker, now):
    """The digest row this worker won, or None."""
    Digest.objects.filter(
        subscription=subscription, period=period, state=Digest.State.PENDING
    ).update(
        state=Digest.State.SENDING,
        claimed_by=worker,
        claimed_at=now,
        attempts=F("attempts") + 1,
    )
    row = Digest.objects.filter(
        subscription=subscription, period=period, state=Digest.State.SENDING, claimed_by=worker
    ).first()
    if row is not None and row.window_end is None:
        row.window_end = now
        row.save(update_fields=["window_end"])
    return row


@dataclass
class Contents:
    updates: list = field(default_factory=list)
    versions: list = field(default_factory=list)
    reports: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.updates) + len(self.versions) + len(self.reports)


def contents(subscription, *, since, until):
    """What was published for this subscription in (since, until]."""
    area = subscription.area
    identity_ids = [subscription.identity_id] if subscription.identity_id else None
    updates = list(
        published_updates(area=area, identity_ids=identity_ids, since=since, until=until)
    )
    versions = PlanVersion.objects.published().filter(
        plan__area=area,
        published_at__gt=since,
        published_at__lte=until,
    )
    if subscription.identity_id:
        versions = versions.filter(actions__identity_id=subscription.identity_id)
    reports = (
        ProgressReport.objects.published().filter(
            area=area,
            published_at__gt=since,
            published_at__lte=until,
        )
        if not subscription.identity_id
        else ProgressReport.objects.none()
    )
    return Contents(
        updates=updates,
        versions=list(versions.order_by("published_at")),
        reports=list(reports.order_by("published_at")),
    )


def _action_link(area, ref):
    if not ref:
        return link(reverse("public:area", args=[area.slug]))
    return link(reverse("public:action", args=[area.slug, ref]))


def compose(subscription, found):
    if subscription.identity_id:
        subscription.action_ref = _ref_of(subscription)
    what = describe(subscription)
    area = subscription.area
    body = render_to_string(
        "alerts/emails/digest.txt",
        {
            "what": what,
            "service_name": settings.CONCORDAT_SERVICE_NAME,
            "updates": [
                (update, _action_link(area, update.action_ref)) for update in found.updates
            ],
            "versions": [
                (version, link(reverse("public:plan_version", args=[area.slug, version.number])))
                for version in found.versions
            ],
            "reports": [
                (report, link(reverse("public:report", args=[area.slug, report.pk])))
                for report in found.reports
            ],
            "frequency": subscription.get_frequency_display().lower(),
            "unsubscribe_link": link(reverse("alerts:unsubscribe", args=[subscription.token])),
            "manage_link": link(reverse("alerts:manage", args=[subscription.token])),
        },
    )
    count = found.count
    subject = f"{count} new publication{'s' if count != 1 else ''}: {what}"
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers=unsubscribe_headers(subscription),
    )


def _ref_of(subscription):
    row = (
        Action.objects.published()
        .filter(identity_id=subscription.identity_id)
        .newest_version_first()
        .values_list("ref", flat=True)
        .first()
    )
    return row or ""


def deliver(pairs, *, worker=None, now=None, connection=None):
    """Claim and send; returns (emails sent, digests with nothing new, failures)."""
    worker = worker or uuid.uuid4().hex
    now = now or timezone.now()
    sent = empty = failed = 0
    for subscription, period in pairs:
        row = _claim(subscription, period, worker, now)
        if row is None:
            continue
        since = subscription.covered_until or subscription.confirmed_at
        found = contents(subscription, since=since, until=row.window_end)
        if found.count:
            message = compose(subscription, found)
            if connection is not None:
                message.connection = connection
            try:
                message.send()
            except Exception as error:  # any failure leaves the digest for the next run
                Digest.objects.filter(pk=row.pk, claimed_by=worker).update(
                    state=Digest.State.PENDING, last_error=str(error)[:2000]
                )
                failed += 1
                continue
            sent += 1
        else:
            empty += 1
        Digest.objects.filter(pk=row.pk, claimed_by=worker).update(
            state=Digest.State.SENT, sent_at=timezone.now(), items=found.count, last_error=""
        )
        Subscription.objects.filter(pk=subscription.pk).update(covered_until=row.window_end)
    return sent, empty, failed


def send_alert_digests(*, on=None, worker=None, now=None):
    """Delete addresses never confirmed in time, then record and send the digests due."""
    now = now or timezone.now()
    on = on or timezone.localdate(now)
    subscription_purge_unconfirmed(now=now)
    pairs = due(on)
    record(pairs)
    return deliver(pairs, worker=worker, now=now)
