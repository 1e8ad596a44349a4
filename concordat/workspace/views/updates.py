"""Progress updates: one action at a time, or a whole plan in one sitting (the update round)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from concordat.accounts.permissions import area_view, can_edit_plan
from concordat.core.models import PlanVersion
from concordat.core.services import progress_update_post

from .. import selectors
from ..forms import ProgressUpdateForm, UpdateRoundForm, status_words
from .helpers import action_in_area, crumbs, error_messages, today


def _post(*, action, actor, note, on, canonical_status, rag):
    return progress_update_post(
        action=action,
        actor=actor,
        note=note,
        on=on,
        status=status_words(canonical_status),
        canonical_status=canonical_status or None,
        rag=rag,
    )


@require_http_methods(["GET", "POST"])
@area_view()
def action_progress(request, area, pk):
    action = action_in_area(request.user, area, pk, post_update=True)
    form = ProgressUpdateForm(request.POST or None, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update = _post(
                action=action,
                actor=request.user,
                note=data["note"],
                on=data["on"],
                canonical_status=data["canonical_status"],
                rag=data["rag"],
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                "Your progress update has been saved. It will be public when "
                f"{update.version.display_label()} is published.",
            )
            row = update.version.actions.get(identity_id=action.identity_id)
            return redirect("workspace:action", slug=area.slug, pk=row.pk)
    label = f"Action {action.ref}" if action.ref else "The action"
    return render(
        request,
        "workspace/action_progress.html",
        {
            "area": area,
            "action": action,
            "form": form,
            "breadcrumbs": crumbs(
                area,
                (label, reverse("workspace:action", args=[area.slug, action.pk])),
                ("Post an update", None),
            ),
        },
        status=400 if form.errors else 200,
    )


def _round_items(area, user):
    state = selectors.plan_state(area)
    items = selectors.workspace_actions(state, on=today(), user=user)
    if not can_edit_plan(user, area) and not any(item.can_update for item in items):
        raise PermissionDenied
    return state, [item for item in items if item.is_open and item.can_update]


def _save_round(form, actor):
    """Post every filled row in one transaction: all are saved, or none. Returns how many."""
    entries = form.entries()
    problems = []
    with transaction.atomic():
        for action, note, canonical_status, rag in entries:
            try:
                _post(
                    action=action,
                    actor=actor,
                    note=note,
                    on=form.cleaned_data["on"],
                    canonical_status=canonical_status,
                    rag=rag,
                )
            except ValidationError as error:
                problems.append((action, error_messages(error)))
        if problems:
            transaction.set_rollback(True)
    for action, found in problems:
        ref = action.ref or "without a ref"
        for message in found:
            form.add_error(f"note_{action.identity_id}", f"Action {ref}: {message}")
    return 0 if problems else len(entries)


@require_http_methods(["GET", "POST"])
@area_view()
def update_round(request, area):
    state, items = _round_items(area, request.user)
    form = UpdateRoundForm(request.POST or None, items=items, initial={"on": today()})
    submitted = state.is_submitted
    if request.method == "POST":
        if submitted:
            form.is_valid()
            form.add_error(
                None,
                f"{state.working.display_label()} is waiting for review, so updates cannot be "
                "posted until it is published or returned. Nothing was saved.",
            )
        elif form.is_valid():
            if not form.entries():
                form.add_error(None, "Write a progress note for at least one action.")
            else:
                saved = _save_round(form, request.user)
                if saved:
                    messages.success(
                        request,
                        f"{saved} progress update{'s' if saved != 1 else ''} saved. They will "
                        "be public when the plan is next published.",
                    )
                    return redirect("workspace:update_round", slug=area.slug)
                form.add_error(
                    None, "Some updates could not be saved, so none were. See the notes below."
                )
    return render(
        request,
        "workspace/update_round.html",
        {
            "area": area,
            "state": state,
            "form": form,
            "rows": form.rows(),
            "submitted": submitted,
            "is_published_only": state.working is None
            and state.published is not None
            and state.published.state == PlanVersion.State.PUBLISHED,
            "breadcrumbs": crumbs(area, ("Update round", None)),
        },
        status=400 if form.errors else 200,
    )
