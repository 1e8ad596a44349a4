"""Signals other apps listen to, so that services need not know about search or downloads."""

from django.dispatch import Signal

# Sent after a plan version is published, with `version`.
plan_version_published = Signal()
# Sent after a progress report is published, with `report`.
progress_report_published = Signal()
# Sent after a progress update becomes public (saved, or approved by the area's lead), with
# `update`.
progress_update_published = Signal()
# Sent after the Concordat office withdraws a public progress update, with `update`.
progress_update_withdrawn = Signal()
# Sent after evidence (a link or a file) is added to a progress update, with `evidence`.
update_evidence_added = Signal()
