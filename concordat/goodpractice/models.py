from django.conf import settings
from django.db import models
from django.db.models import Q

from concordat.core.models import ActionIdentity, Area, PlanVersion, ProgressUpdate, Section
from concordat.reports.models import ReportSection


class GoodPractice(models.Model):
    """An action, a progress update or a report section marked as an example for others."""

    class Kind(models.TextChoices):
        ACTION = "action", "Action"
        UPDATE = "update", "Progress update"
        REPORT_SECTION = "report_section", "Progress report section"

    kind = models.CharField("kind", max_length=20, choices=Kind.choices)
    area = models.ForeignKey(
        Area, verbose_name="area", on_delete=models.PROTECT, related_name="good_practice"
    )
    identity = models.ForeignKey(
        ActionIdentity,
        verbose_name="action",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="good_practice",
        help_text="The action marked, or the action the marked update is about.",
    )
    version = models.ForeignKey(
        PlanVersion,
        verbose_name="plan version",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The published version the action was marked in.",
    )
    update = models.ForeignKey(
        ProgressUpdate,
        verbose_name="progress update",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    report_section = models.ForeignKey(
        ReportSection,
        verbose_name="progress report section",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    section = models.ForeignKey(
        Section,
        verbose_name="Concordat section",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The Concordat section it is listed under.",
    )
    theme = models.CharField("theme", max_length=120, blank=True)
    reason = models.TextField("why it is good practice")
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="marked by",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField("marked at", auto_now_add=True)
    featured = models.BooleanField("featured", default=False)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="featured by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_at = models.DateTimeField("featured at", null=True, blank=True)
    withdrawn_at = models.DateTimeField("withdrawn at", null=True, blank=True)

    class Meta:
        verbose_name_plural = "good practice"
        ordering = ["-featured", "-marked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["identity"],
                condition=Q(kind="action", withdrawn_at__isnull=True),
                name="good_practice_action_once",
            ),
            models.UniqueConstraint(
                fields=["update"],
                condition=Q(kind="update", withdrawn_at__isnull=True),
                name="good_practice_update_once",
            ),
            models.UniqueConstraint(
                fields=["report_section"],
                condition=Q(kind="report_section", withdrawn_at__isnull=True),
                name="good_practice_report_section_once",
            ),
        ]
        indexes = [models.Index(fields=["withdrawn_at", "section", "theme"])]

    def __str__(self):
        return f"{self.get_kind_display()} in {self.area}: {self.reason[:60]}"
