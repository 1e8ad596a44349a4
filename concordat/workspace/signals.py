"""Keeps the review queue whole whichever page a progress report was submitted from.

The reports pages submit through `progress_report_submit`, which records a "submitted"
audit entry; when one is written, the report gets its waiting `Submission` in the same
transaction.
"""

from django.db.models.signals import post_save

from concordat.core.models import AuditEntry


def on_audit_entry(sender, instance, created, **kwargs):
    if not created or instance.object_type != "progressreport" or instance.verb != "submitted":
        return
    from concordat.reports.models import ProgressReport

    from .services import report_submission_open

    report = ProgressReport.objects.filter(pk=instance.object_id).select_related("area").first()
    if report is not None and report.state == ProgressReport.State.SUBMITTED:
        report_submission_open(report=report, actor=instance.actor, name=instance.actor_name)


def connect():
    post_save.connect(on_audit_entry, sender=AuditEntry, dispatch_uid="workspace-report-submitted")
