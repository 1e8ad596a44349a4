"""Writes to progress updates: post, approve or decline, withdraw.

Progress is published by the area. An update is written on an action of the area's published
plan and is public as soon as it is saved, or when the area's lead approves it where the area
asks for that. It belongs to no plan version and never waits for the office, which may
withdraw a public update with a reason. The note itself is never edited or deleted.

The status and RAG an update states become the action's at once: in the latest published
version (its live status; the values it was published with are kept on the row the first time
an update changes them, `Action.as_published`) and in the refresh being drafted, if any, so
publishing the refresh keeps them.

Whether an update waits for the area lead's approval is the caller's to say, from the area's
setting and the author's role (`concordat.accounts.permissions.update_needs_approval`): core
reads no roles.

An update round (`progress_update_round_post`) posts progress on many actions of one area at
once: each row is saved in its own savepoint, so a refused row leaves nothing behind and the
others are saved.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from concordat.core.audit import actor_label, audit_record
from concordat.core.dates import check_plausible
from concordat.core.models import (
    Action,
    ActionIdentity,
    Area,
    CanonicalStatus,
    PlanVersion,
    ProgressUpdate,
    Rag,
)
from concordat.core.people import display_name
from concordat.core.signals import progress_update_published, progress_update_withdrawn
from concordat.core.statuses import canonical_status as read_canonical_status
from concordat.core.statuses import status_words

from .plans import working_version


def published_action_for(action):
    """The row of `action` (any version's) in its plan's latest published version.

    Raises ValidationError when the plan has no published version or the action is not in it
    (an action added by a refresh not yet published has nothing public to report on).
    """
    return _published_action(action.version.plan, action.identity_id)


def _published_action(plan, identity_id):
    published = PlanVersion.objects.latest_published_of(plan=plan)
    row = (
        Action.objects.filter(version=published, identity_id=identity_id)
        .select_related("version__plan__area")
        .first()
        if published is not None
        else None
    )
    if row is None:
        raise ValidationError(
            "This action is not in the published plan, so progress cannot be posted on it. "
            "An action a refresh adds takes updates once the refresh is published."
        )
    return row


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def _apply_progress(update, actor):
    """Make the update's status and RAG the action's, in the published plan and in the
    working version (draft or submitted), recording each change in the audit log."""
    rows = [_published_action(_plan(update), update.identity_id)]
    working = working_version(rows[0].version.plan)
    if working is not None:
        copy = Action.objects.filter(version=working, identity_id=update.identity_id).first()
        if copy is not None:
            copy.version = working
            rows.append(copy)
    wanted = {
        "status": update.status,
        "canonical_status": update.canonical_status,
        "rag": update.rag,
    }
    for row in rows:
        changes = {
            field: value
            for field, value in wanted.items()
            if value and getattr(row, field) != value
        }
        if not changes:
            continue
        draft = not row.version.is_published
        if draft:
            kept = {"lock_version": F("lock_version") + 1}
        else:
            # The value the version was published with, kept the first time it changes.
            kept = {
                f"published_{field}": Coalesce(F(f"published_{field}"), F(field))
                for field in changes
            }
        Action.objects.filter(pk=row.pk).update(**changes, **kept)
        for field, value in changes.items():
            audit_record(
                actor=actor,
                verb="changed by a progress update",
                object_type="action",
                object_id=row.pk,
                area=row.version.plan.area,
                version=row.version,
                identity_id=update.identity_id,
                field=field,
                before=getattr(row, field),
                after=value,
                note=f"Progress update {update.pk}",
                object_version=row.lock_version + 1 if draft else None,
            )


def _plan(update):
    return ActionIdentity.objects.select_related("plan__area").get(pk=update.identity_id).plan


def _made_public(update, *, actor):
    """What follows an update becoming public: its status and RAG become the action's, and
    the search index, downloads and alerts hear of it once the transaction commits."""
    if not update.is_no_change:
        # "Reviewed, no change" carries the status and RAG of the day it was written; a
        # later update may have changed them since, and they must not go back.
        _apply_progress(update, actor)
    transaction.on_commit(
        lambda: progress_update_published.send(sender=ProgressUpdate, update=update)
    )


@transaction.atomic
def progress_update_post(
    *,
    action,
    actor,
    note="",
    on=None,
    status="",
    canonical_status=None,
    rag="",
    corrects=None,
    no_change=False,
    needs_approval=None,
    now=None,
):
    """Post a dated progress update on an action of the area's published plan (`action` may
    be its row in any version: the update is on the action, not on a version).

    Public at once, unless it needs approval; then it waits in the lead's list. The caller
    says whether it does (`update_needs_approval`); left unsaid, every update in an area that
    approves updates first waits. `no_change` records "reviewed, no change": a dated entry
    that counts as an update, with the action's status and RAG as they stand and an optional
    note.
    """
    now = now or timezone.now()
    on = on or timezone.localdate(now)
    if not isinstance(on, date) or on > timezone.localdate():
        raise ValidationError("The date of the update cannot be in the future.")
    check_plausible(on, what="The date of the update")
    if no_change and (status or canonical_status or rag):
        raise ValidationError(
            "“Reviewed, no change” keeps the status and RAG as they are; post a note to "
            "change them."
        )
    if not no_change and not note.strip():
        raise ValidationError("Enter the progress note.")
    if rag and rag not in Rag.values:
        raise ValidationError("Choose red, amber, green or blue.")
    if canonical_status is None:
        canonical_status = read_canonical_status(status) if status else ""
    if canonical_status and canonical_status not in CanonicalStatus.values:
        raise ValidationError("Choose a status from the list.")
    if corrects is not None and corrects.identity_id != action.identity_id:
        raise ValidationError("A correction must be on the same action.")
    target = published_action_for(action)
    area = target.version.plan.area
    if needs_approval is None:
        needs_approval = area.approve_updates_first
    if no_change:
        status, canonical_status, rag = target.status, target.canonical_status, target.rag
    update = ProgressUpdate(
        identity_id=target.identity_id,
        version=None,
        kind=ProgressUpdate.Kind.NO_CHANGE if no_change else ProgressUpdate.Kind.NOTE,
        date=on,
        note=note.strip(),
        status=status.strip(),
        canonical_status=canonical_status,
        rag=rag,
        author=_user(actor),
        author_name=display_name(actor),
        source=ProgressUpdate.Source.WEB,
        corrects=corrects,
        state=ProgressUpdate.State.AWAITING_APPROVAL,
    )
    if not needs_approval:
        update.state = ProgressUpdate.State.PUBLISHED
        update.published_at = now
    update.save()
    audit_record(
        actor=actor,
        verb="posted update" if not needs_approval else "posted update for approval",
        object_type="progressupdate",
        object_id=update.pk,
        area=area,
        identity_id=update.identity_id,
        after=update.summary[:500],
    )
    if not needs_approval:
        _made_public(update, actor=actor)
    return update


@dataclass(frozen=True)
class RoundRow:
    """One row of an update round: what is posted on one action (its row in any version).
    `canonical_status` is picked from the list; its label becomes the status as written."""

    action: Action
    note: str = ""
    canonical_status: str = ""
    rag: str = ""
    no_change: bool = False


@dataclass(frozen=True)
class RoundResult:
    """What became of a row: the update saved, or the messages saying why it was refused."""

    row: RoundRow
    update: ProgressUpdate | None = None
    errors: tuple[str, ...] = ()

    @property
    def saved(self):
        return self.update is not None


@transaction.atomic
def progress_update_round_post(*, area, actor, rows, on=None, needs_approval=None, now=None):
    """Post the rows of an update round in `area`, all dated `on`; returns a RoundResult per
    row, in order.

    Each row is saved in its own savepoint: a row refused (ValidationError from
    `progress_update_post`, or an action not in the area's plan) leaves nothing half-saved
    and does not stop the others. The caller has checked that the actor may post on every
    row's action, and says whether the actor's updates wait for approval
    (`update_needs_approval`; left unsaid, the area's setting decides).
    """
    results = []
    for row in rows:
        try:
            if row.action.version.plan.area_id != area.pk:
                raise ValidationError(
                    f"This action is not in {area.name}'s plan, so progress on it cannot be "
                    "posted here."
                )
            # Atomic itself: inside the round's transaction, it is the row's savepoint.
            update = progress_update_post(
                action=row.action,
                actor=actor,
                note=row.note,
                on=on,
                status=status_words(row.canonical_status),
                canonical_status=row.canonical_status,
                rag=row.rag,
                no_change=row.no_change,
                needs_approval=needs_approval,
                now=now,
            )
        except ValidationError as error:
            results.append(RoundResult(row=row, errors=tuple(error.messages)))
        else:
            results.append(RoundResult(row=row, update=update))
    return results


def _lock(update):
    return ProgressUpdate.objects.select_for_update().get(pk=update.pk)


@transaction.atomic
def progress_update_approve(*, update, actor, now=None):
    """The area's lead approves an update waiting for approval: it is public from now."""
    now = now or timezone.now()
    locked = _lock(update)
    if locked.state != ProgressUpdate.State.AWAITING_APPROVAL:
        raise ValidationError("This update is not waiting for approval.")
    locked.decided_by = _user(actor)
    locked.decided_by_name = actor_label(actor)
    target = _published_action(_plan(locked), locked.identity_id)
    locked.state = ProgressUpdate.State.PUBLISHED
    locked.published_at = now
    locked.save(update_fields=["state", "published_at", "decided_by", "decided_by_name"])
    _made_public(locked, actor=actor)
    audit_record(
        actor=actor,
        verb="approved update",
        object_type="progressupdate",
        object_id=locked.pk,
        area=target.version.plan.area,
        identity_id=locked.identity_id,
        after=locked.summary[:500],
    )
    return locked


@transaction.atomic
def progress_update_decline(*, update, actor, reason):
    """The area's lead declines an update waiting for approval: it is never public, and is
    kept (with the reason) for the audit."""
    if not reason.strip():
        raise ValidationError("Say why the update is not approved.")
    locked = _lock(update)
    if locked.state != ProgressUpdate.State.AWAITING_APPROVAL:
        raise ValidationError("This update is not waiting for approval.")
    locked.state = ProgressUpdate.State.DECLINED
    locked.decided_by = _user(actor)
    locked.decided_by_name = actor_label(actor)
    locked.declined_reason = reason.strip()
    locked.save(update_fields=["state", "decided_by", "decided_by_name", "declined_reason"])
    audit_record(
        actor=actor,
        verb="declined update",
        object_type="progressupdate",
        object_id=locked.pk,
        area=_plan(locked).area,
        identity_id=locked.identity_id,
        note=locked.declined_reason[:500],
    )
    return locked


@transaction.atomic
def progress_update_withdraw(*, update, actor, reason, now=None):
    """The Concordat office withdraws a public update. The note stays here and in the audit;
    the public sees "withdrawn by the Concordat office on DATE: reason" in its place."""
    if not reason.strip():
        raise ValidationError("Say why the update is being withdrawn; the public will see it.")
    now = now or timezone.now()
    locked = _lock(update)
    if locked.withdrawn_at is not None:
        raise ValidationError("This update has already been withdrawn.")
    if locked.state != ProgressUpdate.State.PUBLISHED:
        raise ValidationError("Only a public update can be withdrawn.")
    locked.withdrawn_at = now
    locked.withdrawn_by = _user(actor)
    locked.withdrawn_by_name = actor_label(actor)
    locked.withdrawn_reason = reason.strip()
    locked.save(
        update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_by_name", "withdrawn_reason"]
    )
    audit_record(
        actor=actor,
        verb="withdrew update",
        object_type="progressupdate",
        object_id=locked.pk,
        area=_plan(locked).area,
        identity_id=locked.identity_id,
        before=locked.note[:500],
        note=locked.withdrawn_reason[:500],
    )
    transaction.on_commit(
        lambda: progress_update_withdrawn.send(sender=ProgressUpdate, update=locked)
    )
    return locked


@transaction.atomic
def area_set_update_approval(*, area, actor, approve_first):
    """Turn "approve updates first" on or off for an area (its lead's choice)."""
    locked = Area.objects.select_for_update().get(pk=area.pk)
    before = locked.approve_updates_first
    if before == bool(approve_first):
        return locked
    locked.approve_updates_first = bool(approve_first)
    locked.save(update_fields=["approve_updates_first", "updated_at"])
    audit_record(
        actor=actor,
        verb="changed",
        object_type="area",
        object_id=locked.pk,
        area=locked,
        field="approve_updates_first",
        before="yes" if before else "no",
        after="yes" if approve_first else "no",
    )
    return locked
