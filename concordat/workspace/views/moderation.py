"""What happens to progress updates after they are written: the area lead's approval (where
the area asks for it) and the Concordat office's national list, from which it can withdraw a
public update with a reason."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from concordat.accounts import permissions
from concordat.accounts.permissions import area_view, office_required
from concordat.core.services import (
    area_set_update_approval,
    progress_update_approve,
    progress_update_decline,
    progress_update_withdraw,
)

from .. import selectors
from ..forms import ApprovalSettingForm, DeclineUpdateForm, WithdrawUpdateForm
from .helpers import crumbs, error_messages, require

NATIONAL_PAGE_SIZE = 50


def _approvals_page(request, area, *, decline_form=None, decline_pk=None, status=200):
    return render(
        request,
        "workspace/approvals.html",
        {
            "area": area,
            "updates": selectors.updates_awaiting_approval(area),
            "setting_form": ApprovalSettingForm(
                initial={"approve_first": area.approve_updates_first}
            ),
            "decline_form": decline_form or DeclineUpdateForm(),
            "decline_pk": decline_pk,
            "breadcrumbs": crumbs(area, ("Updates waiting for approval", None)),
        },
        status=status,
    )


@require_safe
@area_view()
def approvals(request, area):
    require(permissions.can_approve_updates(request.user, area))
    return _approvals_page(request, area)


@require_POST
@area_view()
def approval_setting(request, area):
    require(permissions.can_approve_updates(request.user, area))
    form = ApprovalSettingForm(request.POST)
    form.is_valid()
    area = area_set_update_approval(
        area=area, actor=request.user, approve_first=form.cleaned_data.get("approve_first")
    )
    messages.success(
        request,
        "Progress updates now wait for your approval."
        if area.approve_updates_first
        else "Progress updates are now public as soon as they are saved.",
    )
    return redirect("workspace:approvals", slug=area.slug)


def _awaiting_in_area(area, pk):
    update = selectors.update_by_pk(pk)
    if update is None or update.identity.plan.area_id != area.pk:
        raise Http404("No such update in this area.")
    return update


@require_POST
@area_view()
def approval_decide(request, area, pk):
    require(permissions.can_approve_updates(request.user, area))
    update = _awaiting_in_area(area, pk)
    if request.POST.get("decision") == "approve":
        try:
            progress_update_approve(update=update, actor=request.user)
        except ValidationError as error:
            for message in error_messages(error):
                messages.error(request, message)
        else:
            messages.success(request, "The update has been approved. It is public now.")
        return redirect("workspace:approvals", slug=area.slug)
    form = DeclineUpdateForm(request.POST)
    if form.is_valid():
        try:
            progress_update_decline(
                update=update, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
        else:
            messages.success(request, "The update has not been approved. It will not be public.")
            return redirect("workspace:approvals", slug=area.slug)
    return _approvals_page(request, area, decline_form=form, decline_pk=update.pk, status=400)


@require_safe
@office_required
def national_updates(request):
    page = Paginator(selectors.national_updates(), NATIONAL_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "workspace/national_updates.html",
        {
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number),
            "breadcrumbs": crumbs(None, ("Progress updates across England", None)),
        },
    )


@require_http_methods(["GET", "POST"])
@office_required
def withdraw_update(request, pk):
    update = selectors.update_by_pk(pk)
    if update is None:
        raise Http404("No such update.")
    form = WithdrawUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            progress_update_withdraw(
                update=update, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
        else:
            messages.success(request, "The update has been withdrawn. The public sees why.")
            return redirect("workspace:national_updates")
    return render(
        request,
        "workspace/withdraw_update.html",
        {
            "update": update,
            "area": update.identity.plan.area,
            "form": form,
            "breadcrumbs": crumbs(
                None,
                ("Progress updates across England", reverse("workspace:national_updates")),
                ("Withdraw an update", None),
            ),
        },
        status=400 if form.errors else 200,
    )
