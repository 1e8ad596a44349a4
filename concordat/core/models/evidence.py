"""Evidence behind a progress update: a link (a board paper, a published report, a service
page) or a small file (PDF or image) kept through Django's storage API.

Evidence is added to an update, never edited or removed: like the update itself, it is part
of the area's account. The public sees it with the update, as long as the update is public.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


def evidence_upload_to(instance, filename):
    """Stored under a random name: the name a person gave the file is never a path."""
    extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}.get(
        instance.content_type, "bin"
    )
    return f"evidence/{uuid.uuid4().hex}.{extension}"


class UpdateEvidence(models.Model):
    class Kind(models.TextChoices):
        LINK = "link", "Link"
        FILE = "file", "File"

    update = models.ForeignKey(
        "core.ProgressUpdate", on_delete=models.PROTECT, related_name="evidence"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200, help_text="What it is: “Board paper, March 2026”.")
    url = models.URLField(max_length=1000, blank=True)
    file = models.FileField(upload_to=evidence_upload_to, blank=True, max_length=200)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    original_name = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_by_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["update", "created_at", "pk"]
        verbose_name_plural = "update evidence"
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="link") & ~Q(url="") & Q(file=""))
                | (Q(kind="file") & Q(url="") & ~Q(file="")),
                name="evidence_link_or_file",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Evidence cannot be changed; add more evidence instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Evidence cannot be deleted.")

    @property
    def is_link(self):
        return self.kind == self.Kind.LINK

    @property
    def type_label(self):
        return {"application/pdf": "PDF", "image/png": "PNG image", "image/jpeg": "JPEG image"}.get(
            self.content_type, ""
        )

    @property
    def host(self):
        from urllib.parse import urlsplit

        return urlsplit(self.url).hostname or "" if self.url else ""
