"""Who works on what: profiles, area memberships, signatory editors and invitations.

The user is Django's own `User`, with the email address (lower-cased) stored in both
`username` and `email`. Roles live beside it:

- area editor / area lead: an `AreaMembership` (a user may belong to several areas);
- national signatory editor: a `SignatoryEditor` (user, organisation);
- Concordat office: `Profile.is_office`;
- administrator: an active Django superuser;
- independent reviewer: a `ReviewerMembership` (user, review panel), where the panel is an
  independent group an area names (`concordat.voice.models.ReviewPanel`).

What each role may do is decided in `concordat.accounts.permissions`, nowhere else.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from concordat.core.people import display_name


class Role(models.TextChoices):
    """The roles an invitation can give (and the two roles of an area membership)."""

    EDITOR = "editor", "Area editor"
    LEAD = "lead", "Area lead"
    SIGNATORY_EDITOR = "signatory_editor", "National signatory editor"
    OFFICE = "office", "Concordat office"
    REVIEWER = "reviewer", "Independent reviewer"


AREA_ROLES = (Role.EDITOR, Role.LEAD)


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="concordat_profile"
    )
    name = models.CharField("full name", max_length=200, blank=True)
    is_office = models.BooleanField(
        "Concordat office",
        default=False,
        help_text="Reviews and publishes plans, sees every draft, invites area leads.",
    )

    def __str__(self):
        return display_name(self.user)


class AreaMembership(models.Model):
    """A user's role in one area: editor, or lead (everything an editor does, plus submit)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="person",
        on_delete=models.CASCADE,
        related_name="area_memberships",
    )
    area = models.ForeignKey(
        "core.Area", verbose_name="area", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        "role", max_length=20, choices=[(r.value, r.label) for r in AREA_ROLES], default=Role.EDITOR
    )
    created_at = models.DateTimeField("added at", auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="added by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["area", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "area"], name="area_membership_once"),
            models.CheckConstraint(
                condition=Q(role__in=["editor", "lead"]), name="area_membership_role_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user.email}: {self.get_role_display()} of {self.area}"


class ReviewerMembership(models.Model):
    """A user who records an independent review panel's verdicts on its area's actions.

    Independence is kept by the services: no member (editor or lead) of the area can join
    one of its panels, and no reviewer can become a member of the area while on its panel.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="person",
        on_delete=models.CASCADE,
        related_name="reviewer_memberships",
    )
    panel = models.ForeignKey(
        "voice.ReviewPanel",
        verbose_name="review panel",
        on_delete=models.CASCADE,
        related_name="members",
    )
    created_at = models.DateTimeField("added at", auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="added by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["panel", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "panel"], name="reviewer_membership_once"),
        ]

    def __str__(self):
        return f"{self.user.email}: independent reviewer, {self.panel.name}"


class SignatoryEditor(models.Model):
    """A user who keeps one national signatory organisation's actions current."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="person",
        on_delete=models.CASCADE,
        related_name="signatory_editorships",
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name="organisation",
        on_delete=models.CASCADE,
        related_name="signatory_editors",
    )
    created_at = models.DateTimeField("added at", auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="added by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["organisation", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="signatory_editor_once"),
        ]

    def __str__(self):
        return f"{self.user.email}: signatory editor for {self.organisation}"


def hash_token(token):
    """Invitation tokens are stored only as their SHA-256, so a copy of the database cannot
    be used to accept an invitation."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self, *, now=None):
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """An emailed invitation to take a role. Its link works once, until it expires."""

    email = models.EmailField("email address", max_length=150)
    name = models.CharField("name", max_length=200, blank=True)
    role = models.CharField("role", max_length=20, choices=Role.choices)
    area = models.ForeignKey(
        "core.Area",
        verbose_name="area",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name="organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    panel = models.ForeignKey(
        "voice.ReviewPanel",
        verbose_name="review panel",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text="The review panel an independent reviewer is invited to.",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="invited by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("sent at", auto_now_add=True)
    expires_at = models.DateTimeField("expires at")
    accepted_at = models.DateTimeField("accepted at", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="accepted by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField("withdrawn at", null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        role__in=["editor", "lead"],
                        area__isnull=False,
                        organisation__isnull=True,
                        panel__isnull=True,
                    )
                    | Q(
                        role="signatory_editor",
                        area__isnull=True,
                        organisation__isnull=False,
                        panel__isnull=True,
                    )
                    | Q(
                        role="office",
                        area__isnull=True,
                        organisation__isnull=True,
                        panel__isnull=True,
                    )
                    | Q(
                        role="reviewer",
                        area__isnull=False,
                        organisation__isnull=True,
                        panel__isnull=False,
                    )
                ),
                name="invitation_target_matches_role_v2",
            ),
        ]
        indexes = [models.Index(fields=["email", "accepted_at"])]

    def __str__(self):
        return f"{self.email}: {self.describe_role()}"

    def describe_role(self):
        """The role in words: "Area lead of South West Essex"."""
        if self.panel_id:
            return f"{self.get_role_display()}, {self.panel.name}, for {self.area}"
        if self.area_id:
            return f"{self.get_role_display()} of {self.area}"
        if self.organisation_id:
            return f"{self.get_role_display()} for {self.organisation}"
        return self.get_role_display()

    def state(self, *, now=None):
        """One of "accepted", "withdrawn", "expired" or "pending"."""
        if self.accepted_at:
            return "accepted"
        if self.withdrawn_at:
            return "withdrawn"
        if self.expires_at <= (now or timezone.now()):
            return "expired"
        return "pending"
