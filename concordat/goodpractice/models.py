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

    kind = models.CharField(max_length=20, choices=Kind.choices)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="good_practice")
    identity = models.ForeignKey(
        ActionIdentity,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="good_practice",
        help_text="The action marked, or the action the marked update is about.",
    )
    version = models.ForeignKey(
        PlanVersion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The published version the action was marked in.",
    )
    update = models.ForeignKey(
        ProgressUpdate, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    report_section = models.ForeignKey(
        ReportSection, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    section = models.ForeignKey(
        Section,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The Concordat section it is listed under.",
    )
    theme = models.CharField(max_length=120, blank=True)
    reason = models.TextField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)
    featured = models.BooleanField(default=False)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    featured_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

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
