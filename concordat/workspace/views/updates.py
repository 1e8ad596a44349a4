"""Progress updates: one action at a time, or many in one sitting (the update round).

Updates are written on the actions of the published plan and are public as soon as they are
saved (or when the area's lead approves them, where the area asks for that). A refresh of the
plan being drafted, submitted or returned never stands in their way.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from concordat.accounts import permissions
from concordat.accounts.permissions import area_view
from concordat.core.models import Section
from concordat.core.selectors.plans import lead_choices
from concordat.core.services import (
    RoundRow,
    progress_update_post,
    progress_update_round_post,
    published_action_for,
)
from concordat.core.statuses import status_words

from .. import selectors
from ..forms import ProgressUpdateForm, UpdateRoundFilters, UpdateRoundForm
from .helpers import action_in_area, crumbs, error_messages, today

ROUND_PAGE_SIZE = 10


def saved_message(update):
    if update.is_public:
        return "It is public now."
    return "It will be public when the area's lead approves it."


@require_http_methods(["GET", "POST"])
@area_view()
def action_progress(request, area, pk):
    action = action_in_area(request.user, area, pk)
    try:
        published = published_action_for(action)
    except ValidationError as error:
        messages.error(request, error_messages(error)[0])
        return redirect("workspace:action", slug=area.slug, pk=action.pk)
    if not permissions.can_post_update(request.user, published):
        raise PermissionDenied
    form = ProgressUpdateForm(request.POST or None, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update = progress_update_post(
                action=published,
                actor=request.user,
                note=data["note"],
                on=data["on"],
                status=status_words(data["canonical_status"]),
                canonical_status=data["canonical_status"],
                rag=data["rag"],
                no_change=data["no_change"],
                needs_approval=permissions.update_needs_approval(request.user, area),
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
        else:
            messages.success(
                request, f"Your progress update has been saved. {saved_message(update)}"
            )
            return redirect("workspace:action", slug=area.slug, pk=action.pk)
    label = f"Action {action.ref}" if action.ref else "The action"
    return render(
        request,
        "workspace/action_progress.html",
        {
            "area": area,
            "action": published,
            "back": action,
            "form": form,
            "needs_approval": permissions.update_needs_approval(request.user, area),
            "breadcrumbs": crumbs(
                area,
                (label, reverse("workspace:action", args=[area.slug, action.pk])),
                ("Post an update", None),
            ),
        },
        status=400 if form.errors else 200,
    )


# --- the update round ---------------------------------------------------------------------


def _round_items(area, user):
    """The open actions of the published plan that the user may post progress on."""
    state = selectors.plan_state(area)
    if state.published is None:
        items = []
    else:
        published = selectors.PlanState(plan=state.plan, working=None, published=state.published)
        items = selectors.workspace_actions(published, on=today(), user=user)
    if not permissions.can_edit_plan(user, area) and not any(item.can_update for item in items):
        raise PermissionDenied
    return state, [item for item in items if item.is_open and item.can_update]


def _page_items(request, items, filters):
    """The items shown: one section whole, else a page of ROUND_PAGE_SIZE."""
    section = filters.cleaned_data.get("section") if filters.is_valid() else None
    paginator = Paginator(items, (len(items) or 1) if section else ROUND_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def _save_rows(form, targets, *, area, actor):
    """Save the target rows that are filled in and valid, in one round; returns the rows
    saved as (item, update). A row refused keeps its text and gets the error."""
    items = [
        item for item in targets if not form.row_has_errors(item) and form.entry(item) is not None
    ]
    rows = [RoundRow(item.action, *form.entry(item)) for item in items]
    results = progress_update_round_post(
        area=area,
        actor=actor,
        rows=rows,
        on=form.cleaned_data["on"],
        needs_approval=permissions.update_needs_approval(actor, area),
    )
    saved = []
    for item, result in zip(items, results, strict=True):
        if result.saved:
            saved.append((item, result.update))
            continue
        ref = item.action.ref or "without a ref"
        for message in result.errors:
            form.add_error(f"note_{item.action.identity_id}", f"Action {ref}: {message}")
    return saved


def _round_address(area, request, page=None):
    query = request.GET.copy()
    if page is not None:
        query["page"] = page
    address = reverse("workspace:update_round", args=[area.slug])
    return f"{address}?{query.urlencode()}" if query else address


@require_http_methods(["GET", "POST"])
@area_view()
def update_round(request, area):
    state, all_items = _round_items(area, request.user)
    filters = UpdateRoundFilters(
        request.GET,
        sections=list(Section.objects.order_by("number")),
        leads=lead_choices(all_items),
    )
    items = selectors.round_filter(
        all_items,
        **(filters.cleaned_data if filters.is_valid() else {}),
        organisation_ids=permissions.signatory_organisation_ids(request.user),
    )
    page = _page_items(request, items, filters)
    shown = list(page.object_list)
    if request.method == "POST":
        shown = UpdateRoundForm.with_posted(shown, all_items, request.POST)
    form = UpdateRoundForm(request.POST or None, items=shown, initial={"on": today()})
    saved = []
    if request.method == "POST":
        choice = request.POST.get("save", "all")
        targets = [item for item in shown if str(item.action.identity_id) == choice] or shown
        form.is_valid()
        form.keep_errors_of(targets)
        if not form.has_error("on") and not form.non_field_errors():
            if not any(form.entry(item) for item in targets) and not form.errors:
                form.add_error(
                    None,
                    "Write a progress note, or tick “reviewed, no change”, for at least one "
                    "action.",
                )
            else:
                saved = _save_rows(form, targets, area=area, actor=request.user)
        if saved:
            count = len(saved)
            public = sum(update.is_public for _item, update in saved)
            summary = f"{count} progress update{'s' if count != 1 else ''} saved"
            summary += (
                ": public now."
                if public == count
                else f"; {count - public} will be public when the area's lead approves them."
            )
            messages.success(request, summary)
        untouched = [item for item in shown if item not in targets and form.entry(item)]
        if saved and not form.errors and not untouched:
            if choice == "next" and page.has_next():
                return redirect(_round_address(area, request, page.next_page_number()))
            return redirect(_round_address(area, request))
        form.clear_rows(item for item, _update in saved)
    return render(
        request,
        "workspace/update_round.html",
        {
            "area": area,
            "state": state,
            "form": form,
            "filters": filters,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number),
            "total": len(items),
            "all_total": len(all_items),
            "rows": form.rows(),
            "saved": {item.action.identity_id for item, _update in saved},
            "can_filter_mine": bool(permissions.signatory_organisation_ids(request.user)),
            "needs_approval": permissions.update_needs_approval(request.user, area),
            "form_action": _round_address(area, request),
            "breadcrumbs": crumbs(area, ("Update round", None)),
        },
        status=400 if form.errors else 200,
    )
