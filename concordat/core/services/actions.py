"""Writes to actions. A published version's plan never changes: every edit lands in the
area's draft, which is started from the published version when there is none. Progress
updates have their own services (updates.py) and never go through a draft."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from concordat.core.audit import audit_field_changes, audit_record
from concordat.core.dates import check_plausible, is_plausible
from concordat.core.models import (
    Action,
    ActionIdentity,
    ActionLead,
    AuditEntry,
    CanonicalStatus,
    PlanVersion,
    Rag,
)
from concordat.core.statuses import canonical_status as read_canonical_status
from concordat.core.timescales import parse_timescale

from .plans import plan_get_or_create, plan_version_start_draft, working_version

# Fields a person may edit on an action, verbatim and derived alike.
EDITABLE_FIELDS = [
    "ref",
    "section",
    "subtheme",
    "text",
    "timescale",
    "start",
    "due",
    "ongoing",
    "lead",
    "outcomes",
    "performance_indicator",
    "status",
    "canonical_status",
    "rag",
    "new",
]
AUDITED_FIELDS = [*EDITABLE_FIELDS, "timescale_needs_review", "retired_reason", "position"]


class ConcurrentEditError(ValidationError):
    """The action changed since the editor loaded it. `changes` says what the other person did."""

    def __init__(self, message, *, changes):
        super().__init__(message)
        self.changes = changes


def draft_action_for(*, action, actor):
    """The row to edit for `action`: itself in a draft, or its copy in the area's draft."""
    version = action.version
    if version.state == PlanVersion.State.DRAFT:
        return action
    area = version.plan.area
    current = working_version(version.plan)
    if current is not None and current.state == PlanVersion.State.SUBMITTED:
        raise ValidationError(
            f"{current.display_label()} is waiting for review; it can be changed again once "
            "it is published or returned."
        )
    draft = current or plan_version_start_draft(area=area, actor=actor)
    try:
        return draft.actions.get(identity_id=action.identity_id)
    except Action.DoesNotExist:
        raise ValidationError("This action is not in the current draft of the plan.") from None


def _lock(action):
    return (
        Action.objects.select_for_update().select_related("version__plan__area").get(pk=action.pk)
    )


def _check_lock_version(action, expected):
    if expected is None or action.lock_version == expected:
        return
    changes = list(
        AuditEntry.objects.filter(
            identity_id=action.identity_id,
            version_id=action.version_id,
            object_version__gt=expected,
        ).order_by("at", "id")
    )
    people = sorted({entry.actor_name for entry in changes}) or ["someone else"]
    raise ConcurrentEditError(
        f"{' and '.join(people)} changed this action while you were editing it, so your "
        "changes were not saved. Their changes are shown below; make yours again on the "
        "current version.",
        changes=changes,
    )


def _check_edit_base(target, action, lock_version):
    """Refuse a save made from a stale copy. An edit made from a published row lands in the
    draft's copy of it, which starts at lock version 0: if someone changed the copy since
    (another edit made from the published page, say), that is a collision too."""
    if lock_version is None:
        return
    _check_lock_version(target, lock_version if target.pk == action.pk else 0)


def _derive(action, changes, financial_year):
    """Re-derive dates and canonical status from new verbatim text, unless given too."""
    changes = set(changes)
    if "timescale" in changes and not {"start", "due", "ongoing"} & changes:
        derived = parse_timescale(action.timescale, financial_year=financial_year)
        action.start, action.due, action.ongoing = derived.start, derived.due, derived.ongoing
        action.timescale_needs_review = not derived.understood
        if not (is_plausible(action.start) and is_plausible(action.due)):
            # "By 2099": the text is kept; the dates are left for a person to set.
            action.start, action.due, action.timescale_needs_review = None, None, True
    elif {"start", "due", "ongoing"} & changes:
        action.timescale_needs_review = not (action.start or action.due or action.ongoing)
    if "status" in changes and "canonical_status" not in changes:
        action.canonical_status = read_canonical_status(action.status)


def _check_dates(changes):
    for field, what in (("start", "The start date"), ("due", "The due date")):
        if field in changes:
            check_plausible(changes[field], what=what)


def _validate(action):
    if action.start and action.due and action.start > action.due:
        raise ValidationError("The start date must be on or before the due date.")
    if action.canonical_status and action.canonical_status not in CanonicalStatus.values:
        raise ValidationError("Choose a status from the list.")
    if action.rag and action.rag not in Rag.values:
        raise ValidationError("Choose red, amber, green or blue.")
    if not action.text.strip():
        raise ValidationError("Enter the action.")


def _set_lead_organisations(action, organisations):
    ActionLead.objects.filter(action=action).delete()
    ActionLead.objects.bulk_create(
        ActionLead(
            action=action,
            organisation=organisation,
            matched_text=organisation.name,
            position=position,
        )
        for position, organisation in enumerate(organisations)
    )


@transaction.atomic
def action_update(*, action, actor, lock_version=None, lead_organisations=None, **changes):
    """Change an action's fields (in the draft), recording each change in the audit log.

    `lock_version` is the version of the action the editor started from; if someone else saved
    since, ConcurrentEditError says what they changed and nothing is saved.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    target = _lock(draft_action_for(action=action, actor=actor))
    _check_edit_base(target, action, lock_version)
    before = {field: getattr(target, field) for field in AUDITED_FIELDS}
    before_leads = [
        org.name for org in target.lead_organisations.order_by("action_leads__position")
    ]
    for field, value in changes.items():
        setattr(target, field, value)
    _derive(target, changes, target.version.financial_year)
    _check_dates(changes)
    _validate(target)
    target.lock_version += 1
    target.save()
    after = {}
    if lead_organisations is not None:
        _set_lead_organisations(target, lead_organisations)
        before["lead_organisations"] = before_leads
        after["lead_organisations"] = [org.name for org in lead_organisations]
    audit_field_changes(
        actor=actor,
        instance=target,
        before=before,
        fields=[*AUDITED_FIELDS, *after],
        after=after,
        area=target.version.plan.area,
        version=target.version,
        identity=target.identity,
    )
    return target


@transaction.atomic
def action_retire(*, action, actor, reason, lock_version=None):
    """Retire an action: it stays in the plan, superseded, with the reason."""
    if not reason.strip():
        raise ValidationError("Say why the action is being retired.")
    target = _lock(draft_action_for(action=action, actor=actor))
    _check_edit_base(target, action, lock_version)
    before = {field: getattr(target, field) for field in AUDITED_FIELDS}
    target.canonical_status = CanonicalStatus.SUPERSEDED
    target.rag = ""
    target.retired_reason = reason.strip()
    target.lock_version += 1
    target.save()
    audit_field_changes(
        actor=actor,
        instance=target,
        before=before,
        fields=AUDITED_FIELDS,
        area=target.version.plan.area,
        version=target.version,
        identity=target.identity,
    )
    return target


@transaction.atomic
def action_create(*, area, actor, text, section=None, ref="", lead_organisations=None, **fields):
    """Add a new action to the area's draft (started from the published plan if needed),
    with its lead organisations when given (audited as a change to the new action)."""
    plan = plan_get_or_create(area=area)
    draft = working_version(plan)
    if draft is None:
        draft = plan_version_start_draft(area=area, actor=actor)
    elif draft.state != PlanVersion.State.DRAFT:
        raise ValidationError(f"{draft.display_label()} is waiting for review.")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    position = (draft.actions.aggregate(top=Max("position"))["top"] or 0) + 1
    action = Action(
        version=draft,
        identity=ActionIdentity.objects.create(plan=plan),
        position=position,
        ref=ref.strip(),
        ref_raw=ref.strip(),
        section=section,
        text=text,
        new=True,
        **fields,
    )
    _derive(action, set(fields), draft.financial_year)
    _check_dates(fields)
    _validate(action)
    if ref.strip() and draft.actions.filter(ref=ref.strip()).exists():
        raise ValidationError(f"Another action in this plan already has the ref {ref.strip()}.")
    action.save()
    audit_record(
        actor=actor,
        verb="added action",
        object_type="action",
        object_id=action.pk,
        area=area,
        version=draft,
        identity=action.identity,
        after=action.text[:500],
        note=action.ref,
        object_version=action.lock_version,
    )
    if lead_organisations:
        action = action_update(action=action, actor=actor, lead_organisations=lead_organisations)
    return action


@transaction.atomic
def action_move(*, area, actor, identity_id, direction):
    """Move one action (named by its identity, so the request still holds after the draft was
    started from the published version) one place "up" or "down" in the area's draft. At the
    top or the bottom already, nothing moves."""
    if direction not in ("up", "down"):
        raise ValidationError("Choose an action and a direction to move it.")
    draft = plan_version_start_draft(area=area, actor=actor)
    rows = list(draft.actions.order_by("position", "pk").values_list("pk", "identity_id"))
    ids = [pk for pk, _identity in rows]
    index = next((i for i, row in enumerate(rows) if row[1] == identity_id), None)
    if index is None:
        raise ValidationError("That action is not in the draft of the plan.")
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
        action_reorder(version=draft, actor=actor, action_ids=ids)
    return draft


@transaction.atomic
def action_reorder(*, version, actor, action_ids):
    """Put the draft's actions in the given order (ids of every action in the draft)."""
    if version.state != PlanVersion.State.DRAFT:
        raise ValidationError("Only a draft can be reordered.")
    actions = {a.pk: a for a in version.actions.select_for_update()}
    if sorted(action_ids) != sorted(actions):
        raise ValidationError("The plan changed while you were reordering it. Try again.")
    moved = []
    for position, pk in enumerate(action_ids, start=1):
        action = actions[pk]
        if action.position != position:
            action.position = position
            action.lock_version += 1
            moved.append(action)
    Action.objects.bulk_update(moved, ["position", "lock_version"])
    if moved:
        audit_record(
            actor=actor,
            verb="reordered",
            object_type="planversion",
            object_id=version.pk,
            area=version.plan.area,
            version=version,
            note=f"{len(moved)} actions moved",
        )
    return version
