from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One recorded change: who, when, what, and the value before and after.

    Written only by the services, one entry a changed field, so an area's and an action's
    history can be read back in order.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    area = models.ForeignKey(
        "core.Area", null=True, blank=True, on_delete=models.CASCADE, related_name="audit_entries"
    )
    version = models.ForeignKey(
        "core.PlanVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    identity = models.ForeignKey(
        "core.ActionIdentity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit_entries",
    )
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=60, blank=True)
    verb = models.CharField(max_length=40)
    field = models.CharField(max_length=80, blank=True)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    note = models.TextField(blank=True)
    object_version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The object's lock version after this change."
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [
            models.Index(fields=["area", "at"]),
            models.Index(fields=["identity", "at"]),
        ]

    def __str__(self):
        who = self.actor_name or (self.actor and str(self.actor)) or "system"
        return f"{self.at:%Y-%m-%d %H:%M} {who} {self.verb} {self.object_type} {self.field}"
