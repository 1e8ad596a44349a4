from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from concordat.core.models import Area, CanonicalStatus, PlanVersion


class Metric(models.Model):
    """An outcome measure or KPI definition; values are recorded per area per period."""

    class Better(models.TextChoices):
        LOWER = "lower", "Lower is better"
        HIGHER = "higher", "Higher is better"
        NEITHER = "neither", "Neither"

    class Period(models.TextChoices):
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        YEAR = "year", "Year"

    class Kind(models.TextChoices):
        HARD = "hard", "Hard measure"
        SOFT = "soft", "Soft measure"

    class Aggregation(models.TextChoices):
        SUM = "sum", "Add the periods up (counts)"
        MEAN = "mean", "Average the periods (rates and percentages)"

    slug = models.SlugField("slug", max_length=120, unique=True)
    name = models.CharField("name", max_length=300)
    description = models.TextField("description", blank=True)
    unit = models.CharField(
        "unit", max_length=40, blank=True, help_text='"detentions", "%", "minutes"'
    )
    measure_phrase = models.CharField(
        "what is counted",
        max_length=200,
        blank=True,
        help_text='What is counted, in the plural, for sentences: "uses of police cells as a '
        'place of safety".',
    )
    aggregation = models.CharField(
        "how periods combine", max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    better = models.CharField(
        "which way is better", max_length=10, choices=Better.choices, default=Better.NEITHER
    )
    period = models.CharField("period", max_length=10, choices=Period.choices, default=Period.MONTH)
    kind = models.CharField("kind", max_length=10, choices=Kind.choices, default=Kind.HARD)
    is_never_event = models.BooleanField(
        "never event",
        default=False,
        help_text="Any value above zero is flagged (under-18s in police cells).",
    )
    target = models.DecimalField("target", max_digits=14, decimal_places=4, null=True, blank=True)
    target_text = models.CharField("target as written", max_length=300, blank=True)
    baseline = models.DecimalField(
        "baseline", max_digits=14, decimal_places=4, null=True, blank=True
    )
    baseline_text = models.CharField("baseline as written", max_length=300, blank=True)
    # Where the definition came from: the national catalogue, or an area's own KPI set.
    area = models.ForeignKey(
        Area,
        verbose_name="area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="own_metrics",
    )
    source_version = models.ForeignKey(
        PlanVersion,
        verbose_name="plan version it came from",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="metrics",
    )
    source_text = models.TextField(
        "definition as written", blank=True, help_text="The definition as written, verbatim."
    )
    # An area's own KPI that is the same measure as a catalogue entry; its values are
    # recorded against the catalogue entry so areas can be compared.
    maps_to = models.ForeignKey(
        "self",
        verbose_name="same measure as",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_definitions",
        limit_choices_to={"area__isnull": True},
    )
    position = models.PositiveIntegerField("position", default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reports:metric", args=[self.slug])

    @property
    def is_catalogue(self):
        return self.area_id is None

    @property
    def is_percentage(self):
        return self.unit.strip() == "%"

    @property
    def recorded_as(self):
        """The definition values are recorded against: the catalogue entry if mapped."""
        return self.maps_to if self.maps_to_id else self


class MetricValue(models.Model):
    metric = models.ForeignKey(
        Metric, verbose_name="metric", on_delete=models.PROTECT, related_name="values"
    )
    area = models.ForeignKey(
        Area, verbose_name="area", on_delete=models.PROTECT, related_name="metric_values"
    )
    period_start = models.DateField("period start")
    period_end = models.DateField("period end")
    value = models.DecimalField("value", max_digits=14, decimal_places=4)
    note = models.TextField("note", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="entered by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["metric", "area", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "area", "period_start", "period_end"],
                name="metric_value_once_per_period",
            ),
        ]
        indexes = [
            models.Index(fields=["area", "metric", "period_start"]),
            models.Index(fields=["metric", "period_start"]),
        ]

    def __str__(self):
        return f"{self.metric} {self.area} {self.period_start}–{self.period_end}: {self.value}"


# The order in which an area's published reports are newest first: the latest period, then
# the latest publication, then the last made.
NEWEST_REPORT_FIRST = ("-period_end", "-published_at", "-pk")


def published_report_q(prefix=""):
    """The condition for a published progress report, on `prefix` ("report__" from its
    sections): the public sees published reports, never a draft or a submission."""
    return models.Q(**{f"{prefix}state": ProgressReport.State.PUBLISHED})


class ProgressReportQuerySet(models.QuerySet):
    """The one definition of a published progress report."""

    def published(self):
        """Reports the public sees (`published_report_q`)."""
        return self.filter(published_report_q())

    def newest_first(self):
        return self.order_by(*NEWEST_REPORT_FIRST)


class ProgressReport(models.Model):
    """An area's progress report for a period (seed 003's shape, seed 000's prompts)."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for publication"
        PUBLISHED = "published", "Published"

    class OverallStatus(models.TextChoices):
        ON_SCHEDULE = "on_schedule", "On schedule"
        WORK_PROGRESSING = "work_progressing", "Work progressing"
        BEHIND_SCHEDULE = "behind_schedule", "Behind schedule"

    area = models.ForeignKey(
        Area, verbose_name="area", on_delete=models.PROTECT, related_name="progress_reports"
    )
    title = models.CharField("title", max_length=300)
    period_start = models.DateField("first day of the period", null=True, blank=True)
    period_end = models.DateField("last day of the period", null=True, blank=True)
    period_label = models.CharField(
        "period", max_length=120, blank=True, help_text='"June–December 2015"'
    )
    project_manager = models.CharField("project manager", max_length=200, blank=True)
    authors = models.CharField("report authors", max_length=300, blank=True)
    date_of_update = models.DateField("date of update", null=True, blank=True)
    date_of_update_text = models.CharField("date of update as written", max_length=120, blank=True)
    overall_status = models.CharField(
        "overall status", max_length=20, choices=OverallStatus.choices, blank=True
    )
    overall_status_text = models.CharField("overall status as written", max_length=200, blank=True)
    state = models.CharField("state", max_length=20, choices=State.choices, default=State.DRAFT)
    source_filename = models.CharField("source file", max_length=300, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField("submitted at", null=True, blank=True)
    published_at = models.DateTimeField("published at", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="published by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lock_version = models.PositiveIntegerField(default=0)
    # What the system knew when the report was drafted: the plan version it was drawn from
    # and the figures (counts by status and RAG) the next report compares against.
    drafted_from = models.ForeignKey(
        PlanVersion,
        verbose_name="drafted from plan version",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data_snapshot = models.JSONField(default=dict, blank=True)

    objects = ProgressReportQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-period_end", "-created_at"]
        indexes = [models.Index(fields=["area", "state", "published_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if getattr(self, "_state_when_loaded", None) == self.State.PUBLISHED:
            raise ValidationError("A published progress report cannot be changed.")
        super().save(*args, **kwargs)
        self._state_when_loaded = self.state

    def get_absolute_url(self):
        return reverse("public:report", args=[self.area.slug, self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._state_when_loaded = getattr(instance, "state", None)
        return instance

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED


class ReportSection(models.Model):
    """One titled part of a progress report; `key` names the prompt it answers."""

    report = models.ForeignKey(
        ProgressReport,
        verbose_name="progress report",
        on_delete=models.CASCADE,
        related_name="sections",
    )
    key = models.SlugField("prompt", max_length=60)
    title = models.CharField("title", max_length=300)
    body = models.TextField("text", blank=True)
    position = models.PositiveSmallIntegerField("position", default=0)

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="report_section_key_once"),
        ]

    def __str__(self):
        return self.title


class Milestone(models.Model):
    """A row of a progress report's milestones table, tied to action refs."""

    report = models.ForeignKey(
        ProgressReport,
        verbose_name="progress report",
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    position = models.PositiveSmallIntegerField("position", default=0)
    item_text = models.CharField(
        "item no.", max_length=80, blank=True, help_text='As written: "3.5,6,7".'
    )
    refs = models.JSONField(
        "action refs", default=list, blank=True, help_text='["3.5", "3.6", "3.7"]'
    )
    text = models.TextField("milestone")
    due_text = models.CharField("due date", max_length=120, blank=True)
    due = models.DateField("due", null=True, blank=True)
    status_text = models.CharField("status", max_length=200, blank=True)
    canonical_status = models.CharField(
        "canonical status", max_length=20, choices=CanonicalStatus.choices, blank=True
    )

    class Meta:
        ordering = ["report", "position"]

    def __str__(self):
        return self.text[:80]
