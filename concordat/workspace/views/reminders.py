from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from concordat.accounts import permissions

from ..forms import ReminderPreferenceForm
from ..models import ReminderKind, ReminderPreference
from ..services import reminder_preferences_update
from .helpers import crumbs


def kinds_for(user):
    """The reminders this user's roles can receive."""
    roles = permissions.roles_for(user)
    kinds = []
    if "lead" in roles.area_roles.values() or roles.is_office_or_administrator:
        kinds += [ReminderKind.REVIEW_DUE, ReminderKind.REVIEW_OVERDUE]
    if "lead" in roles.area_roles.values():
        kinds.append(ReminderKind.QUESTIONS_UNANSWERED)
    if roles.area_roles or roles.organisation_ids:
        kinds += [ReminderKind.ACTIONS_OVERDUE, ReminderKind.ACTIONS_STALE]
    if roles.is_office:
        kinds.append(ReminderKind.OFFICE_DIGEST)
    return kinds


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request):
    kinds = kinds_for(request.user)
    current = ReminderPreference.objects.filter(user=request.user).first()
    initial = {kind.value: current.wants(kind) if current else True for kind in kinds}
    form = ReminderPreferenceForm(request.POST or None, kinds=kinds, initial=initial)
    if request.method == "POST" and form.is_valid():
        reminder_preferences_update(
            user=request.user, **{kind.value: form.cleaned_data[kind.value] for kind in kinds}
        )
        messages.success(request, "Your reminder choices have been saved.")
        return redirect("workspace:reminders")
    return render(
        request,
        "workspace/reminders.html",
        {"form": form, "kinds": kinds, "breadcrumbs": crumbs(None, ("Reminders", None))},
    )
