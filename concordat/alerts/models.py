"""Email alerts for the public: follow an area, the national plan (England's area) or one
action, and get a daily or weekly digest of what was published.

`Subscription` holds one address following one thing. It is confirmed by a link sent to the
address (double opt-in); every email carries a one-click unsubscribe and a link to the page
that deletes the address. Addresses are used for the digests only and never shown; one never
confirmed is deleted after `CONCORDAT_ALERTS_UNCONFIRMED_DAYS`.

`Digest` is the ledger `send_alert_digests` claims each email in before sending it (one row
per subscription and period), as `send_reminders` does with `Reminder`, so nothing is sent
twice however often, or in how many processes at once, the command runs.
"""

import secrets

from django.db import models


def new_token():
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    email = models.EmailField("email address", db_index=True)
    area = models.ForeignKey(
        "core.Area", verbose_name="area", on_delete=models.CASCADE, related_name="+"
    )
    identity = models.ForeignKey(
        "core.ActionIdentity",
        verbose_name="action",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="One action followed; empty to follow the whole area's plan.",
    )
    frequency = models.CharField("how often", max_length=10, choices=Frequency.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("created at", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmed at", null=True, blank=True)
    covered_until = models.DateTimeField(
        "covered until",
        null=True,
        blank=True,
        help_text="Digests have told of everything published until then.",
    )

    class Meta:
        # One subscription per address and thing followed (an area's whole plan, or one
        # action): two constraints, as a unique key treats every empty `identity` as distinct.
        constraints = [
            models.UniqueConstraint(
                fields=["email", "area"],
                condition=models.Q(identity__isnull=True),
                name="alert_once_per_area",
            ),
            models.UniqueConstraint(
                fields=["email", "identity"],
                condition=models.Q(identity__isnull=False),
                name="alert_once_per_action",
            ),
        ]
        indexes = [
            models.Index(fields=["confirmed_at", "frequency"]),
            models.Index(fields=["confirmed_at", "created_at"]),
        ]

    def __str__(self):
        return f"Subscription {self.pk}"  # never the address


class Digest(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    subscription = models.ForeignKey(
        Subscription, verbose_name="subscription", on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(
        "period", max_length=20, help_text="2026-03-02, or 2026-W10 for weekly."
    )
    state = models.CharField("state", max_length=10, choices=State.choices, default=State.PENDING)
    claimed_by = models.CharField("claimed by", max_length=64, blank=True)
    claimed_at = models.DateTimeField("claimed at", null=True, blank=True)
    window_end = models.DateTimeField("end of the window", null=True, blank=True)
    items = models.PositiveIntegerField("items", default=0)
    sent_at = models.DateTimeField("sent at", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("attempts", default=0)
    last_error = models.TextField("last error", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "period"], name="alert_digest_once")
        ]

    def __str__(self):
        return f"Digest {self.period} for subscription {self.subscription_id} ({self.state})"
