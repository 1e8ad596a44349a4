"""Every write to the domain goes through these functions (forms, importer, API, commands)."""

from .actions import (
    EDITABLE_FIELDS,
    ConcurrentEditError,
    action_create,
    action_reorder,
    action_retire,
    action_update,
    draft_action_for,
    progress_update_post,
)
from .areas import (
    AREA_DETAIL_FIELDS,
    area_populations_load,
    area_set_place,
    area_update_details,
)
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
    "AREA_DETAIL_FIELDS",
    "EDITABLE_FIELDS",
    "ConcurrentEditError",
    "action_create",
    "action_reorder",
    "action_retire",
    "action_update",
    "area_populations_load",
    "area_set_place",
    "area_update_details",
    "draft_action_for",
    "progress_update_post",
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
