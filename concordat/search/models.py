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

    kind = models.CharField(max_length=10, choices=Kind.choices)
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    canonical_status = models.CharField(max_length=20, blank=True)
    identity = models.ForeignKey(
        ActionIdentity, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    update_id = models.BigIntegerField(null=True, blank=True)
    report = models.ForeignKey(
        ProgressReport, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    anchor = models.CharField(max_length=80, blank=True, help_text="Where on the page it sits.")
    ref = models.CharField(max_length=40, blank=True)
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="+")
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["area", "kind"]),
            models.Index(fields=["kind", "section"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.area_id} {self.title[:60]}"
