"""Reads of public progress updates in the order they became public: the area feed and the
email alerts list what was published in a window. Which updates are public is defined once,
by `ProgressUpdate.objects.public()`."""

from django.db.models import OuterRef, Subquery

from concordat.core.models import Action, PlanVersion, ProgressUpdate


def current_ref():
    """The ref of the update's action in the plan's latest published version."""
    return Subquery(
        Action.objects.filter(
            identity=OuterRef("identity"), version__state=PlanVersion.State.PUBLISHED
        )
        .order_by("-version__published_at", "-version__number")
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
