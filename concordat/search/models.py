from django.db import models

from concordat.core.models import Action, ActionIdentity, Area, Organisation, Section
from concordat.reports.models import ProgressReport


class SearchDocument(models.Model):
    """One searchable piece of published text: an action, a progress update or report text.

    Derived data: rebuilt from published records whenever something is published. The
    full-text index over title and body lives beside this table (an FTS5 table on SQLite, a
    generated tsvector column with a GIN index on PostgreSQL; see the migrations).
    """

    class Kind(models.TextChoices):
        ACTION = "action", "Action"
        UPDATE = "update", "Progress update"
        REPORT = "report", "Progress report"

    kind = models.CharField("kind", max_length=10, choices=Kind.choices)
    area = models.ForeignKey(Area, verbose_name="area", on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(
        Section,
        verbose_name="Concordat section",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    canonical_status = models.CharField("status", max_length=20, blank=True)
    identity = models.ForeignKey(
        ActionIdentity,
        verbose_name="action",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    action = models.ForeignKey(
        Action,
        verbose_name="action version",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    update_id = models.BigIntegerField(null=True, blank=True)
    report = models.ForeignKey(
        ProgressReport,
        verbose_name="progress report",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    anchor = models.CharField(max_length=80, blank=True, help_text="Where on the page it sits.")
    ref = models.CharField("ref", max_length=40, blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name="lead organisations", blank=True, related_name="+"
    )
    title = models.TextField("title", blank=True)
    body = models.TextField("text", blank=True)
    date = models.DateField("date", null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["area", "kind"]),
            models.Index(fields=["kind", "section"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.area_id} {self.title[:60]}"
