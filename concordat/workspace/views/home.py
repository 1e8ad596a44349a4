from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from concordat.accounts import permissions
from concordat.accounts.permissions import area_view

from .. import selectors
from .helpers import crumbs, today


@require_safe
@login_required
def home(request):
    spaces = selectors.user_workspaces(request.user)
    return render(
        request,
        "workspace/home.html",
        {
            "spaces": spaces,
            "is_office": permissions.is_office(request.user),
        },
    )


@require_safe
@area_view()
def area(request, area):
    user = request.user
    workspace = selectors.area_workspace(area, user=user, on=today())
    return render(
        request,
        "workspace/area.html",
        {
            "area": area,
            "workspace": workspace,
            "state": workspace.state,
            "can_edit": permissions.can_edit_plan(user, area),
            "can_submit": permissions.can_submit(user, area),
            "can_edit_details": permissions.can_edit_area_details(user, area),
            "is_office": permissions.is_office(user),
            "can_review": permissions.can_review(user),
            "can_update_any": any(item.can_update for item in workspace.items),
            "is_member": permissions.is_area_member(user, area) or permissions.is_office(user),
            "breadcrumbs": crumbs(area),
        },
    )
