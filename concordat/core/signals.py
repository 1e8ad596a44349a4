"""Signals other apps listen to, so that services need not know about search or downloads."""

from django.dispatch import Signal

# Sent after a plan version is published, with `version`.
plan_version_published = Signal()
# Sent after a progress report is published, with `report`.
progress_report_published = Signal()
