"""Every write to the domain goes through these functions (forms, importer, API, commands)."""

from concordat.core.audit import audit_field_changes, audit_record

from .actions import (
    EDITABLE_FIELDS,
    ConcurrentEditError,
    action_create,
    action_move,
    action_reorder,
    action_retire,
    action_update,
    draft_action_for,
)
from .areas import (
    AREA_DETAIL_FIELDS,
    area_populations_load,
    area_set_place,
    area_update_details,
)
from .evidence import evidence_add_file, evidence_add_link
from .organisations import organisation_upsert
from .plans import (
    plan_get_or_create,
    plan_version_discard,
    plan_version_import,
    plan_version_publish,
    plan_version_start_draft,
    working_version,
)
from .updates import (
    RoundResult,
    RoundRow,
    area_set_update_approval,
    progress_update_approve,
    progress_update_decline,
    progress_update_post,
    progress_update_round_post,
    progress_update_withdraw,
    published_action_for,
)

__all__ = [
    "AREA_DETAIL_FIELDS",
    "EDITABLE_FIELDS",
    "RoundResult",
    "RoundRow",
    "ConcurrentEditError",
    "action_create",
    "action_move",
    "action_reorder",
    "action_retire",
    "action_update",
    "area_populations_load",
    "area_set_place",
    "area_update_details",
    "draft_action_for",
    "evidence_add_file",
    "evidence_add_link",
    "area_set_update_approval",
    "progress_update_approve",
    "progress_update_decline",
    "progress_update_post",
    "progress_update_round_post",
    "progress_update_withdraw",
    "published_action_for",
    "audit_field_changes",
    "audit_record",
    "organisation_upsert",
    "plan_get_or_create",
    "plan_version_discard",
    "plan_version_import",
    "plan_version_publish",
    "plan_version_start_draft",
    "working_version",
]
