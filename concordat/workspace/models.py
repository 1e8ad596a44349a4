"""Submissions for publication, the office's comments and the area's replies, and reminders.

A `Submission` is one round of review: an area lead sends a draft plan version or a progress
report, the Concordat office publishes it or returns it with comments, and the area may reply
(the right of reply). Sending it again after a return is a new round. Comments are
append-only, like progress updates.

`Reminder` is the ledger `send_reminders` claims each email in before sending it, so nothing
is sent twice however often or however many copies of the command run.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Submission(models.Model):
    class Kind(models.TextChoices):
        PLAN = "plan", "Action plan"
        REPORT = "report", "Progress report"

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for review"
        RETURNED = "returned", "Returned with comments"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn by the area"

    kind = models.CharField("kind", max_length=10, choices=Kind.choices)
    area = models.ForeignKey(
        "core.Area", verbose_name="area", on_delete=models.CASCADE, related_name="submissions"
    )
    # A returned draft may later be discarded; its submissions, comments and replies stay,
    # named by `title`.
    version = models.ForeignKey(
        "core.PlanVersion",
        verbose_name="plan version",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    report = models.ForeignKey(
        "reports.ProgressReport",
        verbose_name="progress report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    title = models.CharField(
        "what was sent",
        max_length=400,
        blank=True,
        help_text='What was sent: "Version 3 of the action plan".',
    )
    state = models.CharField("state", max_length=10, choices=State.choices, default=State.WAITING)
    submitted_at = models.DateTimeField("submitted at")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="submitted by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_by_name = models.CharField("submitter's name", max_length=200, blank=True)
    decided_at = models.DateTimeField("decided at", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="decided by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by_name = models.CharField("decider's name", max_length=200, blank=True)
    # The minimum-expectations checklist as the reviewer saw and confirmed it:
    # [{"key", "title", "passed", "summary", "confirmed"}].
    checklist = models.JSONField("checks", default=list, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="plan", report__isnull=True) | Q(kind="report", version__isnull=True)
                ),
                name="submission_target_matches_kind_v2",
            ),
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(state="waiting"),
                name="submission_one_waiting_per_version",
            ),
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(state="waiting"),
                name="submission_one_waiting_per_report",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "submitted_at"]),
            models.Index(fields=["area", "submitted_at"]),
        ]

    def __str__(self):
        return f"{self.area}: {self.describe()} ({self.get_state_display()})"

    def describe(self):
        """What was sent, in words: "Version 3 of the action plan" or the report's title."""
        return self.title or self.describe_target()

    def describe_target(self):
        if self.kind == self.Kind.PLAN:
            if self.version_id is None:
                return "A discarded draft of the action plan"
            return f"{self.version.display_label()} of the action plan"
        if self.report_id is None:
            return "A discarded progress report"
        return f"Progress report: {self.report.title}"

    @property
    def target(self):
        return self.version if self.kind == self.Kind.PLAN else self.report

    @property
    def is_waiting(self):
        return self.state == self.State.WAITING


class SubmissionComment(models.Model):
    """A note on a submission: the lead's covering note, the office's comments, the area's
    reply. Never edited or deleted."""

    class Kind(models.TextChoices):
        NOTE = "note", "Note from the area"
        RETURNED = "returned", "Returned by the Concordat office"
        PUBLISHED = "published", "Published by the Concordat office"
        NOT_MET = "not_met", "Published with checks not met: the office's reason"
        REPLY = "reply", "Reply from the area"

    submission = models.ForeignKey(
        Submission, verbose_name="submission", on_delete=models.CASCADE, related_name="comments"
    )
    kind = models.CharField("kind", max_length=10, choices=Kind.choices)
    body = models.TextField("comment")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="author",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField("author's name", max_length=200, blank=True)
    created_at = models.DateTimeField("written at", auto_now_add=True)

    class Meta:
        ordering = ["submission", "created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.body[:60]}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Comments on a submission cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Comments on a submission cannot be deleted.")

    @property
    def from_office(self):
        return self.kind in (self.Kind.RETURNED, self.Kind.PUBLISHED, self.Kind.NOT_MET)


class ReminderKind(models.TextChoices):
    REVIEW_DUE = "review_due", "Our plan's review is coming up"
    REVIEW_OVERDUE = "review_overdue", "Our plan's review is overdue"
    ACTIONS_OVERDUE = "actions_overdue", "Actions have fallen overdue"
    ACTIONS_STALE = "actions_stale", "Actions have had no progress update for six months"
    OFFICE_DIGEST = "office_digest", "Daily digest for the Concordat office"
    QUESTIONS_UNANSWERED = (
        "questions_unanswered",
        "Questions from the public unanswered for 20 working days",
    )


class ReminderPreference(models.Model):
    """Which reminders a user wants; a user without a row gets all of them. Each field is
    named after its `ReminderKind`."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="person",
        on_delete=models.CASCADE,
        related_name="reminder_preference",
    )
    review_due = models.BooleanField(ReminderKind.REVIEW_DUE.label, default=True)
    review_overdue = models.BooleanField(ReminderKind.REVIEW_OVERDUE.label, default=True)
    actions_overdue = models.BooleanField(ReminderKind.ACTIONS_OVERDUE.label, default=True)
    actions_stale = models.BooleanField(ReminderKind.ACTIONS_STALE.label, default=True)
    office_digest = models.BooleanField(ReminderKind.OFFICE_DIGEST.label, default=True)
    questions_unanswered = models.BooleanField(
        ReminderKind.QUESTIONS_UNANSWERED.label, default=True
    )
    updated_at = models.DateTimeField("updated at", auto_now=True)

    def __str__(self):
        return f"Reminders for {self.user}"

    def wants(self, kind):
        return bool(getattr(self, str(kind)))


class Reminder(models.Model):
    """One reminder to one person about one thing for one period, claimed before sending.

    The unique key (kind, recipient, subject, period) makes it exist once; the state moves
    pending → sending by an `UPDATE … WHERE state = 'pending'` that only one worker can win,
    then → sent. A failed send goes back to pending for the next run.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"

    kind = models.CharField("kind", max_length=20, choices=ReminderKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="recipient",
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    subject_key = models.CharField(
        "about", max_length=80, help_text='What it is about: "version:12", "identity:40", "office".'
    )
    period = models.CharField(
        "period", max_length=40, help_text="The due period: a due date, a month or a day, ISO 8601."
    )
    state = models.CharField("state", max_length=10, choices=State.choices, default=State.PENDING)
    claimed_by = models.CharField("claimed by", max_length=64, blank=True)
    claimed_at = models.DateTimeField("claimed at", null=True, blank=True)
    sent_at = models.DateTimeField("sent at", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("attempts", default=0)
    last_error = models.TextField("last error", blank=True)
    created_at = models.DateTimeField("created at", auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "subject_key", "period"], name="reminder_once"
            ),
        ]
        indexes = [models.Index(fields=["state", "claimed_at"])]

    def __str__(self):
        return f"{self.kind} to {self.recipient_id} about {self.subject_key} ({self.period})"
