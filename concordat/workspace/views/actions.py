"""Add, edit, retire and reorder the actions of an area's draft, and one action's page.

Edits land in the area's draft (started from the published version when there is none):
the services decide that. A page opened on a published row is sent to the draft's copy of
the action when there is one, so people edit what is current.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from concordat.accounts import permissions
from concordat.accounts.permissions import area_view
from concordat.core import verdict
from concordat.core.models import Action, PlanVersion
from concordat.core.services import (
    ConcurrentEditError,
    action_create,
    action_move,
    action_retire,
    action_update,
)

from .. import selectors
from ..forms import ActionEditForm, ActionForm, RetireForm
from .helpers import action_in_area, crumbs, error_messages, today


def _current_row(action):
    """The action's row in the version being worked on, or the action itself."""
    if not action.version.is_published:
        return action
    copy = (
        Action.objects.filter(
            identity_id=action.identity_id,
            version__plan_id=action.version.plan_id,
            version__state__in=[PlanVersion.State.DRAFT, PlanVersion.State.SUBMITTED],
        )
        .select_related("version__plan__area")
        .first()
    )
    return copy or action


def _label(action):
    return f"Action {action.ref}" if action.ref else "The action"


def _action_crumbs(area, action, *trail):
    return crumbs(
        area,
        (
            _label(action),
            reverse("workspace:action", args=[area.slug, action.pk]),
        ),
        *trail,
    )


@require_safe
@area_view()
def action_detail(request, area, pk):
    action = action_in_area(request.user, area, pk)
    current = _current_row(action)
    if current.pk != action.pk:
        return redirect("workspace:action", slug=area.slug, pk=current.pk)
    user = request.user
    updates = selectors.action_updates(action)
    judged = verdict.action_verdict(
        action, last_update=verdict.latest_update(u for u in updates if u.is_public), on=today()
    )
    return render(
        request,
        "workspace/action_detail.html",
        {
            "area": area,
            "action": action,
            "organisations": list(action.lead_organisations.all()),
            "updates": updates,
            "history": selectors.action_history(action),
            "overdue": judged.overdue,
            "can_edit": permissions.can_edit_action(user, action),
            "can_update": permissions.can_post_update(user, action),
            "editable": action.version.state != PlanVersion.State.SUBMITTED,
            "breadcrumbs": crumbs(area, (_label(action), None)),
        },
    )


@require_http_methods(["GET", "POST"])
@area_view(edit=True)
def action_add(request, area):
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        fields = {
            name: value
            for name, value in values.items()
            if name not in ("text", "section", "ref") and value not in ("", None, [], False)
        }
        try:
            action = action_create(
                area=area,
                actor=request.user,
                text=values["text"],
                section=values["section"],
                ref=values["ref"],
                lead_organisations=form.cleaned_data["lead_organisations"],
                **fields,
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
        else:
            messages.success(
                request, f"{_label(action)} has been added to {action.version.display_label()}."
            )
            return redirect("workspace:action", slug=area.slug, pk=action.pk)
    return render(
        request,
        "workspace/action_form.html",
        {
            "area": area,
            "form": form,
            "adding": True,
            "breadcrumbs": crumbs(area, ("Add an action", None)),
        },
        status=400 if form.errors else 200,
    )


def _edit_page(request, area, action, form, *, conflict=None, status=200):
    return render(
        request,
        "workspace/action_form.html",
        {
            "area": area,
            "action": action,
            "form": form,
            "adding": False,
            "conflict": conflict,
            "current": ActionForm.initial_for(action) if conflict else None,
            "breadcrumbs": _action_crumbs(area, action, ("Edit", None)),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@area_view(edit=True)
def action_edit(request, area, pk):
    action = action_in_area(request.user, area, pk, edit=True)
    current = _current_row(action)
    if request.method == "GET":
        if current.pk != action.pk:
            return redirect("workspace:action_edit", slug=area.slug, pk=current.pk)
        initial = ActionForm.initial_for(action) | {"lock_version": action.lock_version}
        return _edit_page(request, area, action, ActionEditForm(initial=initial))

    form = ActionEditForm(request.POST)
    if not form.is_valid():
        return _edit_page(request, area, action, form, status=400)
    changes, organisations = form.changes_from(current)
    if not changes and organisations is None:
        messages.success(request, "Nothing was changed.")
        return redirect("workspace:action", slug=area.slug, pk=current.pk)
    try:
        saved = action_update(
            action=action,
            actor=request.user,
            lock_version=form.cleaned_data["lock_version"],
            lead_organisations=organisations,
            **changes,
        )
    except ConcurrentEditError as error:
        return _refused(request, area, action, form, error)
    except ValidationError as error:
        for message in error_messages(error):
            form.add_error(None, message)
        return _edit_page(request, area, action, form, status=400)
    messages.success(request, f"{_label(saved)} has been saved in {saved.version.display_label()}.")
    return redirect("workspace:action", slug=area.slug, pk=saved.pk)


def _refused(request, area, action, form, error):
    """Someone else saved first: keep what this person typed, show what the other person
    changed and the action as it is now; saving again starts from the current version."""
    current = _current_row(action)
    current = Action.objects.select_related("version__plan__area").get(pk=current.pk)
    data = request.POST.copy()
    data["lock_version"] = str(current.lock_version)
    form = form.__class__(data)
    form.is_valid()
    for message in error_messages(error):
        form.add_error(None, message)
    entries = selectors.describe_entries(error.changes)
    return _edit_page(request, area, current, form, conflict=entries, status=409)


@require_http_methods(["GET", "POST"])
@area_view(edit=True)
def action_retire_view(request, area, pk):
    action = action_in_area(request.user, area, pk, edit=True)
    current = _current_row(action)
    if request.method == "GET" and current.pk != action.pk:
        return redirect("workspace:action_retire", slug=area.slug, pk=current.pk)
    form = RetireForm(request.POST or None, initial={"lock_version": action.lock_version})
    conflict = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                saved = action_retire(
                    action=action,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    lock_version=form.cleaned_data["lock_version"],
                )
            except ConcurrentEditError as error:
                conflict = selectors.describe_entries(error.changes)
                action = Action.objects.select_related("version__plan__area").get(
                    pk=_current_row(action).pk
                )
                data = request.POST.copy()
                data["lock_version"] = str(action.lock_version)
                form = RetireForm(data)
                form.is_valid()
                for message in error_messages(error):
                    form.add_error(None, message)
                status = 409
            except ValidationError as error:
                for message in error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    f"{_label(saved)} has been retired in {saved.version.display_label()}. "
                    "It stays in the plan, marked superseded.",
                )
                return redirect("workspace:action", slug=area.slug, pk=saved.pk)
    return render(
        request,
        "workspace/action_retire.html",
        {
            "area": area,
            "action": action,
            "form": form,
            "conflict": conflict,
            "breadcrumbs": _action_crumbs(area, action, ("Retire", None)),
        },
        status=status,
    )


@require_safe
@area_view(edit=True)
def order(request, area):
    state = selectors.plan_state(area)
    if state.current is None:
        raise Http404("This area has no plan yet.")
    actions = list(
        state.current.actions.select_related("section")
        .only("pk", "identity_id", "ref", "text", "position", "section__number", "retired_reason")
        .order_by("position", "pk")
    )
    return render(
        request,
        "workspace/order.html",
        {
            "area": area,
            "state": state,
            "actions": actions,
            "breadcrumbs": crumbs(area, ("Order of actions", None)),
        },
    )


@require_POST
@area_view(edit=True)
def order_move(request, area):
    """Move one action up or down (no JavaScript needed). Actions are named by identity, so
    the button still works after the draft was started from the published version."""
    identity = request.POST.get("identity", "")
    direction = request.POST.get("direction")
    if not identity.isdigit() or direction not in ("up", "down"):
        messages.error(request, "Choose an action and a direction to move it.")
        return redirect("workspace:order", slug=area.slug)
    try:
        action_move(area=area, actor=request.user, identity_id=int(identity), direction=direction)
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
    return redirect(f"{reverse('workspace:order', args=[area.slug])}#identity-{identity}")
