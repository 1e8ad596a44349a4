import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from concordat.core.choices import CLOSED_STATUSES, CanonicalStatus, Rag

from .areas import Area
from .organisations import Organisation, Section


class PublishedVersionError(ValidationError):
    """Raised when something tries to change a published plan version."""


class ActionPlan(models.Model):
    """An area's action plan: the thread its versions belong to."""

    area = models.OneToOneField(Area, on_delete=models.PROTECT, related_name="plan")
    title = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.title or f"{self.area} action plan"


# The order in which a plan's published versions are newest first: the latest publication,
# then the highest number. "The latest published version" of a plan is the first in it
# (`Action.objects.newest_version_first` orders by the same keys through the version).
NEWEST_PUBLISHED_FIRST = ("-published_at", "-number")


def published_version_q(prefix=""):
    """The condition for a published version, on `prefix` ("version__" from its actions):
    the public sees published versions, never a draft or a submission."""
    return Q(**{f"{prefix}state": PlanVersion.State.PUBLISHED})


class PlanVersionQuerySet(models.QuerySet):
    """The one definition of a published version and of each plan's latest published one."""

    def published(self):
        """Versions the public sees (`published_version_q`)."""
        return self.filter(published_version_q())

    def newest_first(self):
        return self.order_by(*NEWEST_PUBLISHED_FIRST)

    def latest_published(self):
        """Each plan's latest published version (NEWEST_PUBLISHED_FIRST's first), in one
        query: a published version with no newer published version of its plan."""
        newer = PlanVersion.objects.published().filter(
            Q(published_at__gt=OuterRef("published_at"))
            | Q(published_at=OuterRef("published_at"), number__gt=OuterRef("number")),
            plan=OuterRef("plan"),
        )
        return self.published().filter(~Exists(newer))

    def latest_published_of(self, *, plan=None, area=None):
        """The latest published version of `plan` (or of `area`'s plan), or None."""
        versions = self.published()
        if plan is not None:
            versions = versions.filter(plan=plan)
        if area is not None:
            versions = versions.filter(plan__area=area)
        return versions.newest_first().first()


class PlanVersion(models.Model):
    """One version of a plan. A draft until published; a published version never changes."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for publication"
        PUBLISHED = "published", "Published"

    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(
        "version number", help_text="1 for the first version, then 2, 3…"
    )
    label = models.CharField(
        "label",
        max_length=200,
        blank=True,
        help_text='How the plan names this version ("Version 3").',
    )
    title = models.CharField("title", max_length=300, blank=True)
    state = models.CharField("state", max_length=20, choices=State.choices, default=State.DRAFT)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The published version this draft started from.",
    )
    financial_year = models.PositiveSmallIntegerField(
        "financial year",
        null=True,
        blank=True,
        help_text="First calendar year of the financial year the plan covers (2015 for "
        "2015/16); bare quarters such as Q3 are read in it.",
    )
    # What the source document said about itself, verbatim.
    preamble = models.TextField(blank=True)
    trailing = models.TextField(
        blank=True, help_text="The imported document's text after its last action, verbatim."
    )
    not_imported = models.JSONField(
        default=list,
        blank=True,
        help_text="Text of the imported document that went into no action, preamble or "
        'trailing text: a list of {"where": …, "text": …}.',
    )

    stated_date = models.CharField("date as stated", max_length=200, blank=True)
    stated_version = models.CharField("version as stated", max_length=200, blank=True)
    source_filename = models.CharField("source file", max_length=300, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField("submitted at", null=True, blank=True)
    published_at = models.DateTimeField("published at", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_due = models.DateField("review due", null=True, blank=True)
    lock_version = models.PositiveIntegerField(default=0)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(state__in=["draft", "submitted"]),
                name="plan_one_working_version",
            ),
        ]
        indexes = [models.Index(fields=["state", "published_at"])]

    def __str__(self):
        return f"{self.plan} v{self.number} ({self.get_state_display()})"

    def save(self, *args, **kwargs):
        if getattr(self, "_state_when_loaded", None) == self.State.PUBLISHED:
            raise PublishedVersionError("A published version cannot be changed.")
        super().save(*args, **kwargs)
        self._state_when_loaded = self.state

    def get_absolute_url(self):
        return reverse("public:plan_version", args=[self.plan.area.slug, self.number])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._state_when_loaded = getattr(instance, "state", None)
        return instance

    def delete(self, *args, **kwargs):
        if self.is_published:
            raise PublishedVersionError("A published version cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    @property
    def is_editable(self):
        return self.state == self.State.DRAFT

    def display_label(self):
        return self.label or f"Version {self.number}"


class ActionIdentity(models.Model):
    """What stays the same about an action across the versions of its plan.

    Progress updates and good-practice marks hang on the identity, so an action's history
    follows it through refreshes even when its ref or wording changes.
    """

    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="identities")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "action identities"

    def __str__(self):
        return str(self.uid)


class ActionQuerySet(models.QuerySet):
    """Actions as the public sees them: only those of published versions."""

    def published(self):
        """Actions of published versions."""
        return self.filter(published_version_q("version__"))

    def current(self):
        """Actions of each plan's latest published version (by version ids rather than a
        join on the version's state: the database can then start from whichever filter is
        narrowest)."""
        return self.filter(version_id__in=PlanVersion.objects.latest_published().values("pk"))

    def newest_version_first(self):
        """By their version, newest publication first (an identity's history, or its
        latest published wording as the first)."""
        return self.order_by("-version__published_at", "-version__number")


class Action(models.Model):
    """An action as written in one plan version: verbatim text beside what was derived."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="actions")
    identity = models.ForeignKey(ActionIdentity, on_delete=models.PROTECT, related_name="actions")
    position = models.PositiveIntegerField(default=0)
    ref = models.CharField("ref", max_length=40, blank=True, help_text="Cleaned ref (1.10).")
    ref_raw = models.CharField(
        "ref as written", max_length=80, blank=True, help_text="The ref as written."
    )
    new = models.BooleanField("new", default=False, help_text="New in this version.")
    section = models.ForeignKey(
        Section,
        verbose_name="Concordat section",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    section_raw = models.CharField("section as written", max_length=300, blank=True)
    subtheme = models.CharField("sub-theme heading", max_length=300, blank=True)
    text = models.TextField("action", blank=True)
    # Timescale: the words as written, and the dates derived from them.
    timescale = models.TextField("timescale", blank=True)
    start_text = models.TextField(
        "start date", blank=True, help_text="A separate start column, verbatim."
    )
    finish_text = models.TextField(
        "finish date", blank=True, help_text="A separate finish column, verbatim."
    )
    start = models.DateField("start", null=True, blank=True)
    due = models.DateField("due", null=True, blank=True)
    ongoing = models.BooleanField("ongoing", default=False)
    timescale_needs_review = models.BooleanField(
        default=False, help_text="No dates could be derived: a person should read it."
    )
    # Lead: as written, and the organisations it names.
    lead = models.TextField("lead", blank=True)
    lead_organisations = models.ManyToManyField(
        Organisation,
        verbose_name="lead organisations",
        through="ActionLead",
        blank=True,
        related_name="led_actions",
    )
    outcomes = models.JSONField("outcomes", default=list, blank=True)
    performance_indicator = models.TextField("performance indicator", blank=True)
    status = models.TextField("status", blank=True, help_text="The status as written.")
    canonical_status = models.CharField(
        "canonical status", max_length=20, choices=CanonicalStatus.choices, blank=True
    )
    rag_raw = models.CharField(
        "RAG as written", max_length=200, blank=True, help_text="The RAG as written."
    )
    rag = models.CharField(
        "RAG", max_length=10, choices=Rag.choices, blank=True, help_text="The RAG reported."
    )
    retired_reason = models.TextField("reason for retiring", blank=True)
    # Progress updates are published by the area, not through a version: while this is the
    # latest published version, an update's status and RAG become `status`,
    # `canonical_status` and `rag` here at once (`progress_update_post`, the only writer).
    # The values the version was published with are kept below the first time that happens
    # (empty, None, while they are unchanged), so what was in force on any day can be told.
    published_status = models.TextField(
        null=True, blank=True, help_text="The status as published, once an update changed it."
    )
    published_canonical_status = models.CharField(
        max_length=20,
        choices=CanonicalStatus.choices,
        null=True,
        blank=True,
        help_text="The canonical status as published, once an update changed it.",
    )
    published_rag = models.CharField(
        max_length=10,
        choices=Rag.choices,
        null=True,
        blank=True,
        help_text="The RAG as published, once an update changed it.",
    )
    extra = models.JSONField(
        default=dict, blank=True, help_text="Columns that map to no field, verbatim."
    )
    raw = models.JSONField(default=dict, blank=True, help_text="Every source cell, verbatim.")
    lock_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "identity"], name="action_once_per_version"),
        ]
        indexes = [
            models.Index(fields=["version", "position"]),
            models.Index(fields=["version", "ref"]),
            models.Index(fields=["canonical_status", "due"]),
            # Covers the counts by area, status, RAG and due date on the public pages.
            models.Index(
                fields=["version", "canonical_status", "rag", "due", "identity"],
                name="action_summary_idx",
            ),
        ]

    def __str__(self):
        return f"{self.ref or '(no ref)'} {self.text[:60]}"

    def save(self, *args, **kwargs):
        if PlanVersion.objects.filter(
            pk=self.version_id, state=PlanVersion.State.PUBLISHED
        ).exists():
            raise PublishedVersionError("Actions of a published version cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("public:action", args=[self.version.plan.area.slug, self.ref])

    def delete(self, *args, **kwargs):
        if PlanVersion.objects.filter(
            pk=self.version_id, state=PlanVersion.State.PUBLISHED
        ).exists():
            raise PublishedVersionError("Actions of a published version cannot be deleted.")
        return super().delete(*args, **kwargs)

    # The fields progress updates keep current on the latest published version.
    PROGRESS_FIELDS = ("status", "canonical_status", "rag")

    def as_published(self, field):
        """`status`, `canonical_status` or `rag` as the version was published, before any
        progress update changed it."""
        if field not in self.PROGRESS_FIELDS:
            raise ValueError(f"{field} does not follow progress updates.")
        kept = getattr(self, f"published_{field}")
        return getattr(self, field) if kept is None else kept

    @property
    def is_open(self):
        return self.canonical_status not in CLOSED_STATUSES


class ActionLead(models.Model):
    """An organisation an action's lead text names, with how sure the match is."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="leads")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="action_leads"
    )
    matched_text = models.CharField(max_length=300, blank=True)
    score = models.FloatField(default=100.0, help_text="Match score, 0–100.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["action", "organisation"], name="action_lead_once"),
        ]

    def __str__(self):
        return f"{self.organisation} ← {self.matched_text}"


def public_update_q(prefix=""):
    """The condition for a public progress update, on `prefix` ("update__" from its
    evidence): published (a note written on the site as soon as it is saved, or when the
    area's lead approves it; an imported note with the version it came in) and not withdrawn
    by the Concordat office."""
    return Q(
        **{f"{prefix}state": ProgressUpdate.State.PUBLISHED, f"{prefix}withdrawn_at__isnull": True}
    )


class ProgressUpdateQuerySet(models.QuerySet):
    """The one definition of which progress updates the public sees."""

    def public(self):
        """Updates the public can see (`public_update_q`). Every public page, feed, search,
        the API, downloads, exports and alerts read updates through this."""
        return self.filter(public_update_q())

    def listed(self):
        """Public updates and the withdrawn ones: an action's page lists both, showing a
        withdrawn update as "withdrawn by the Concordat office on DATE: reason"."""
        return self.filter(state=ProgressUpdate.State.PUBLISHED)

    def awaiting_approval(self):
        return self.filter(state=ProgressUpdate.State.AWAITING_APPROVAL)


class ProgressUpdate(models.Model):
    """A dated note on one action, with the status and RAG at that time. Append-only: the note
    is never edited or deleted; corrections are new entries.

    A note written on the site is the area's own account: it is public as soon as an area
    member saves it, or when the area's lead approves it where the area asks for that
    (`Area.approve_updates_first`). It belongs to no plan version. A note imported from a
    document belongs to the version it came in with and is public when that version is.
    The Concordat office can withdraw a public update with a reason; the note stays (in the
    audit and here), and the public sees the withdrawal in its place.
    """

    class Source(models.TextChoices):
        IMPORT = "import", "Imported from a document"
        WEB = "web", "Written on the site"

    class Kind(models.TextChoices):
        NOTE = "note", "Progress note"
        NO_CHANGE = "no_change", "Reviewed, no change"

    class State(models.TextChoices):
        PUBLISHED = "published", "Public"
        AWAITING_APPROVAL = "awaiting_approval", "Waiting for the area lead's approval"
        DECLINED = "declined", "Not approved by the area lead"
        IN_DRAFT = "in_draft", "Imported with a version not yet published"

    # Fields that record what happened to an update after it was written; everything else
    # is the note itself and never changes.
    MODERATION_FIELDS = frozenset(
        {
            "state",
            "published_at",
            "decided_by",
            "decided_by_name",
            "declined_reason",
            "withdrawn_at",
            "withdrawn_by",
            "withdrawn_by_name",
            "withdrawn_reason",
        }
    )

    identity = models.ForeignKey(ActionIdentity, on_delete=models.PROTECT, related_name="updates")
    version = models.ForeignKey(
        PlanVersion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="updates",
        help_text="The version an imported note came in with; empty for notes written on "
        "the site, which belong to no version.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NOTE)
    date = models.DateField(
        null=True,
        blank=True,
        help_text="The day the note speaks for: the date it states, or the day it was written "
        "on the site; for a note loaded from a document, the document's date, or empty when "
        "the document gives none (an undated note is never counted as recent).",
    )
    note = models.TextField(blank=True)
    status = models.TextField(blank=True)
    canonical_status = models.CharField(max_length=20, choices=CanonicalStatus.choices, blank=True)
    rag = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WEB)
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PUBLISHED)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the update became public."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by_name = models.CharField(
        max_length=200, blank=True, help_text="The area lead who approved or declined it."
    )
    declined_reason = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_by_name = models.CharField(max_length=200, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["identity", "-date", "-created_at"]
        indexes = [
            models.Index(fields=["identity", "date", "created_at"]),
            models.Index(fields=["version", "date"]),
            # Covers "any public update since …" per action on the public pages.
            models.Index(fields=["identity", "date", "state"], name="update_recent_idx"),
            # The office's national list and the alert digests: newest published first.
            models.Index(fields=["state", "published_at"], name="update_published_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(source="web") | Q(date__isnull=False),
                name="update_written_on_site_is_dated",
            ),
        ]

    def __str__(self):
        return f"{self.date or 'undated'}: {self.summary[:60]}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= self.MODERATION_FIELDS:
                raise ValidationError("Progress updates cannot be edited; post a correction.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Progress updates cannot be deleted; post a correction.")

    @property
    def summary(self):
        """The note, or "Reviewed, no change" for such an entry without one."""
        if self.kind == self.Kind.NO_CHANGE:
            return f"Reviewed, no change. {self.note}" if self.note else "Reviewed, no change"
        return self.note

    @property
    def is_public(self):
        return self.state == self.State.PUBLISHED and self.withdrawn_at is None

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def is_no_change(self):
        return self.kind == self.Kind.NO_CHANGE
