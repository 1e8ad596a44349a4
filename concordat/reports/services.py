"""Writes to progress reports and metrics."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from concordat.core.services import audit_record
from concordat.core.signals import progress_report_published

from .models import Milestone, ProgressReport, ReportSection


@transaction.atomic
def progress_report_create(*, area, actor, title, sections=(), milestones=(), **fields):
    """Create a draft report with its sections [(key, title, body)] and milestone dicts."""
    report = ProgressReport.objects.create(
        area=area,
        title=title,
        created_by=actor if getattr(actor, "pk", None) else None,
        **fields,
    )
    ReportSection.objects.bulk_create(
        ReportSection(report=report, key=key, title=section_title, body=body, position=position)
        for position, (key, section_title, body) in enumerate(sections, start=1)
    )
    Milestone.objects.bulk_create(
        Milestone(report=report, position=position, **milestone)
        for position, milestone in enumerate(milestones, start=1)
    )
    audit_record(
        actor=actor,
        verb="created",
        object_type="progressreport",
        object_id=report.pk,
        area=area,
        note=title,
    )
    return report


@transaction.atomic
def progress_report_publish(*, report, actor, now=None):
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if locked.is_published:
        raise ValidationError("This progress report is already published.")
    locked.state = ProgressReport.State.PUBLISHED
    locked.published_at = now or timezone.now()
    locked.published_by = actor if getattr(actor, "pk", None) else None
    locked.lock_version += 1
    locked.save()
    audit_record(
        actor=actor,
        verb="published",
        object_type="progressreport",
        object_id=locked.pk,
        area=locked.area,
        note=locked.title,
    )
    transaction.on_commit(
        lambda: progress_report_published.send(sender=ProgressReport, report=locked)
    )
    return locked
