"""Every write to the domain goes through these functions (forms, importer, API, commands)."""

from .audit import audit_field_changes, audit_record
from .organisations import organisation_upsert
from .plans import (
    latest_published_version,
    plan_get_or_create,
    plan_version_discard,
    plan_version_import,
    plan_version_publish,
    plan_version_start_draft,
    working_version,
)

__all__ = [
    "audit_field_changes",
    "audit_record",
    "latest_published_version",
    "organisation_upsert",
    "plan_get_or_create",
    "plan_version_discard",
    "plan_version_import",
    "plan_version_publish",
    "plan_version_start_draft",
    "working_version",
]
