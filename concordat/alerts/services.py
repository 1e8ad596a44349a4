"""Writes for email alerts: ask to follow (sends the confirmation), confirm, unsubscribe,
delete an address. Each is one transaction; nothing here says whether an address is known."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Subscription


def link(path):
    return settings.SITE_URL.rstrip("/") + path


def describe(subscription):
    area = subscription.area
    if subscription.identity_id:
        ref = getattr(subscription, "action_ref", "") or ""
        return f"action {ref} of {area.name}'s plan".replace("action  ", "an action ")
    if area.is_national:
        return "the national action plan"
    return f"{area.name}'s action plan"


def unsubscribe_headers(subscription):
    """RFC 8058 one-click unsubscribe: mail clients POST to the address in List-Unsubscribe."""
    address = link(reverse("alerts:unsubscribe", args=[subscription.token]))
    return {
        "List-Unsubscribe": f"<{address}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@transaction.atomic
def subscription_request(*, email, area, identity=None, frequency, action_ref=""):
    """Ask to follow `area` (or one action of it): a confirmation link goes to the address.
    Asking again sends the link again; a confirmed subscription only has its frequency kept."""
    email = email.strip().lower()
    if frequency not in Subscription.Frequency.values:
        raise ValidationError("Choose daily or weekly.")
    # get_or_create reads again after losing a race to create the same row.
    subscription, _created = Subscription.objects.get_or_create(
        email=email, area=area, identity=identity, defaults={"frequency": frequency}
    )
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.confirmed_at is not None:
        return subscription
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    subscription.action_ref = action_ref
    what = describe(subscription)
    body = render_to_string(
        "alerts/emails/confirm.txt",
        {
            "what": what,
            "frequency": subscription.get_frequency_display().lower(),
            "confirm_link": link(reverse("alerts:confirm", args=[subscription.token])),
            "service_name": settings.CONCORDAT_SERVICE_NAME,
        },
    )
    message = EmailMessage(
        f"Confirm your email alerts for {what}", body, settings.DEFAULT_FROM_EMAIL, [email]
    )
    message.send()
    return subscription


@transaction.atomic
def subscription_confirm(*, token, now=None):
    """Confirm by the link's token; digests cover what is published from now on."""
    now = now or timezone.now()
    subscription = Subscription.objects.select_for_update().filter(token=token).first()
    if subscription is None:
        raise ValidationError("This link is not valid any more.")
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now
        subscription.covered_until = now
        subscription.save(update_fields=["confirmed_at", "covered_until"])
    return subscription


@transaction.atomic
def subscription_cancel(*, token):
    """Unsubscribe: the subscription (and its address, if it follows nothing else) is deleted.
    Returns whether there was one."""
    deleted, _ = Subscription.objects.filter(token=token).delete()
    return bool(deleted)


@transaction.atomic
def address_delete(*, token):
    """Delete the address behind this token and every alert it follows. Returns how many."""
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None:
        return 0
    subscriptions = Subscription.objects.filter(email=subscription.email)
    count = subscriptions.count()
    subscriptions.delete()
    return count


@transaction.atomic
def subscription_purge_unconfirmed(*, now=None):
    """Delete the addresses that asked for alerts and never confirmed within
    `CONCORDAT_ALERTS_UNCONFIRMED_DAYS`: they are kept for nothing else. Returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CONCORDAT_ALERTS_UNCONFIRMED_DAYS)
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted
