"""The public's voice beside the area's own account.

- `Question`: a question from the public about a published action or progress report. It is
  asked with an email address confirmed by link (or a signed-in account), moderated by the
  Concordat office or the area, answered by the area, and only then published, question and
  reply together. A rejected question is never published; its asker is told why.
- `ReviewPanel`: an independent reviewer an area names (a lived-experience panel,
  Healthwatch, a carers' forum), never one of its delivery partners. Its members hold the
  "Independent reviewer" role (`concordat.accounts.models.ReviewerMembership`).
- `Verdict`: a panel's own RAG and short note on one action, shown beside the area's RAG.
  Append-only: a new verdict replaces the last one on the public pages, and both are kept.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from concordat.core.models import Rag


def hash_token(token):
    """Confirmation tokens are stored as their SHA-256 only."""
    return hashlib.sha256(token.encode()).hexdigest()


class QuestionQuerySet(models.QuerySet):
    def public(self):
        """The one definition of the questions the public sees: moderated, answered and
        published, question and reply together."""
        return self.filter(state=Question.State.PUBLISHED)

    def awaiting_moderation(self):
        return self.filter(state=Question.State.WAITING)

    def awaiting_reply(self):
        return self.filter(state=Question.State.ACCEPTED)


class Question(models.Model):
    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Waiting for the asker to confirm their email address"
        WAITING = "waiting", "Waiting for moderation"
        ACCEPTED = "accepted", "Accepted, waiting for the area's reply"
        PUBLISHED = "published", "Answered and published"
        REJECTED = "rejected", "Rejected"

    class Reason(models.TextChoices):
        PERSONAL_DETAILS = (
            "personal_details",
            "It gives personal details of a patient or a member of staff",
        )
        ABUSE = "abuse", "It is abusive"
        OFF_TOPIC = "off_topic", "It is not about this action or report"

    area = models.ForeignKey(
        "core.Area", verbose_name="area", on_delete=models.CASCADE, related_name="questions"
    )
    identity = models.ForeignKey(
        "core.ActionIdentity",
        verbose_name="action",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
        help_text="The action asked about.",
    )
    action_ref = models.CharField("action ref", max_length=40, blank=True)
    report = models.ForeignKey(
        "reports.ProgressReport",
        verbose_name="progress report",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
        help_text="The progress report asked about.",
    )
    body = models.TextField("question", help_text="The question, as plain text (HTML removed).")
    # Personal data: never shown to the public, in the API or in downloads.
    email = models.EmailField("email address", blank=True)
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="asker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    state = models.CharField(
        "state", max_length=20, choices=State.choices, default=State.UNCONFIRMED
    )
    created_at = models.DateTimeField("created at", auto_now_add=True)
    asked_at = models.DateTimeField(
        "asked at", null=True, blank=True, help_text="When the question reached moderation."
    )
    moderated_at = models.DateTimeField("moderated at", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="moderated by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_by_name = models.CharField("moderator's name", max_length=200, blank=True)
    rejection_reason = models.CharField(
        "reason for rejecting", max_length=30, choices=Reason.choices, blank=True
    )
    reply = models.TextField("reply", blank=True)
    replied_at = models.DateTimeField("replied at", null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="replied by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replied_by_name = models.CharField("replier's name", max_length=200, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(identity__isnull=False, report__isnull=True)
                | Q(identity__isnull=True, report__isnull=False),
                name="question_about_action_or_report",
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(rejection_reason=""),
                name="question_rejected_with_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["area", "state", "asked_at"]),
            models.Index(fields=["identity", "state"]),
            models.Index(fields=["state", "replied_at"]),
        ]

    def __str__(self):
        return f"Question {self.pk} ({self.get_state_display()})"  # never the asker

    @property
    def about(self):
        """What it is about, in words: "action 1.2" or the report's title."""
        if self.identity_id:
            return f"action {self.action_ref}" if self.action_ref else "an action"
        return f"the progress report “{self.report.title}”"

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED


class ReviewPanel(models.Model):
    class Kind(models.TextChoices):
        LIVED_EXPERIENCE = "lived_experience", "Lived-experience panel"
        HEALTHWATCH = "healthwatch", "Healthwatch"
        CARERS = "carers_forum", "Carers' forum"
        OTHER = "other", "Other independent group"

    area = models.ForeignKey(
        "core.Area", verbose_name="area", on_delete=models.CASCADE, related_name="review_panels"
    )
    name = models.CharField("name", max_length=200, help_text="As the public will see it.")
    kind = models.CharField("kind of group", max_length=20, choices=Kind.choices)
    description = models.TextField("about the group", blank=True)
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="named by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("named at", auto_now_add=True)

    class Meta:
        ordering = ["area", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="review_panel_name_once"),
        ]

    def __str__(self):
        return f"{self.name} ({self.area})"


class Verdict(models.Model):
    """One panel's RAG and note on one action at one time. Never changed or deleted."""

    NOTE_MAX_LENGTH = 300

    panel = models.ForeignKey(
        ReviewPanel, verbose_name="review panel", on_delete=models.CASCADE, related_name="verdicts"
    )
    identity = models.ForeignKey(
        "core.ActionIdentity",
        verbose_name="action",
        on_delete=models.CASCADE,
        related_name="verdicts",
    )
    rag = models.CharField("RAG", max_length=10, choices=Rag.choices)
    note = models.CharField("note", max_length=NOTE_MAX_LENGTH)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="recorded by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by_name = models.CharField("recorder's name", max_length=200, blank=True)
    created_at = models.DateTimeField("recorded at", auto_now_add=True)

    class Meta:
        ordering = ["panel", "identity", "-created_at", "-pk"]
        indexes = [models.Index(fields=["identity", "panel", "created_at"])]

    def __str__(self):
        return f"{self.panel.name}: {self.get_rag_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("A verdict cannot be changed; record a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("A verdict cannot be deleted; record a new one.")
