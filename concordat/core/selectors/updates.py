"""Reads of public progress updates in the order they became public: the area feed and the
email alerts list what was published in a window. Which updates are public is defined once,
by `ProgressUpdate.objects.public()`."""

import copy as copy_module

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from concordat.core.models import Action, ProgressUpdate


def current_ref():
    """The ref of the update's action in the plan's latest published version."""
    return Subquery(
        Action.objects.published()
        .filter(identity=OuterRef("identity"))
        .newest_version_first()
        .values("ref")[:1]
    )


def published_updates(*, area=None, identity_ids=None, since=None, until=None):
    """Public updates, newest publication first, each with `action_ref` and its area
    (`update.identity.plan.area`); `since` (exclusive) and `until` (inclusive) bound the
    moment each became public."""
    queryset = ProgressUpdate.objects.public().select_related("identity__plan__area")
    if area is not None:
        queryset = queryset.filter(identity__plan__area=area)
    if identity_ids is not None:
        queryset = queryset.filter(identity_id__in=list(identity_ids))
    if since is not None:
        queryset = queryset.filter(published_at__gt=since)
    if until is not None:
        queryset = queryset.filter(published_at__lte=until)
    return queryset.annotate(action_ref=current_ref()).order_by("-published_at", "-pk")


def _day(update):
    if update.date:
        return update.date
    return timezone.localdate(update.published_at) if update.published_at else None


def progress_in_force(actions, *, version, updates, on):
    """Copies of `version`'s actions with the status and RAG in force on the day `on`.

    The version's rows hold the status and RAG it was published with (`as_published`),
    changed since by the public updates posted after its publication. On a past day, a field
    is the value of the latest of those updates that speaks for that day or earlier (by its
    day, then when it was posted), else the value as published. `updates` are the actions'
    public updates, any of them (the others are ignored); nothing is saved.
    """
    applicable = {}
    for update in updates:
        day = _day(update)
        published = update.published_at
        if day is None or day > on or published is None:
            continue
        if version.published_at is not None and published <= version.published_at:
            continue  # already part of the version as it was published
        applicable.setdefault(update.identity_id, []).append(update)
    copies = []
    for action in actions:
        found = sorted(
            applicable.get(action.identity_id, []),
            key=lambda update: (_day(update), update.created_at, update.pk),
        )
        values = {field: action.as_published(field) for field in Action.PROGRESS_FIELDS}
        for update in found:
            for field in Action.PROGRESS_FIELDS:
                if getattr(update, field):
                    values[field] = getattr(update, field)
        copy = copy_module.copy(action)
        for field, value in values.items():
            setattr(copy, field, value)
        copies.append(copy)
    return copies
