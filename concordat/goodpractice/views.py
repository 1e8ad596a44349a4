from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from concordat.accounts.permissions import (
    can_feature_good_practice,
    can_mark_good_practice,
    is_office,
)
from concordat.core.models import Action, ProgressUpdate
from concordat.pagecache.urls import public_page
from concordat.reports.models import ReportSection, published_report_q

from . import selectors
from .forms import MarkForm
from .models import GoodPractice
from .services import good_practice_feature, good_practice_mark, good_practice_withdraw


@public_page
@require_GET
def good_practice_list(request):
    return render(
        request,
        "goodpractice/list.html",
        {
            "groups": selectors.grouped(),
            "featured": selectors.featured(),
            "is_office": is_office(request.user),
        },
    )


def _target(kind, key):
    """The published thing to mark, with what the form page shows about it."""
    if kind == "action":
        action = (
            Action.objects.published()
            .filter(identity__uid=key)
            .select_related("version__plan__area", "identity")
            .newest_version_first()
            .first()
        )
        if action is None:
            raise Http404("No published action has this id.")
        return action, action.version.plan.area, f"Action {action.ref}", action.text
    if kind == "update":
        update = get_object_or_404(
            ProgressUpdate.objects.public().select_related("identity__plan__area"), pk=key
        )
        return update, update.identity.plan.area, "Progress update", update.summary
    if kind == "report-section":
        section = get_object_or_404(
            ReportSection.objects.select_related("report__area").filter(
                published_report_q("report__")
            ),
            pk=key,
        )
        return section, section.report.area, section.title, section.body
    raise Http404("Nothing of that kind can be marked.")


@login_required
def mark(request, kind, key):
    target, area, label, text = _target(kind, key)
    if not can_mark_good_practice(request.user, area):
        raise PermissionDenied
    form = MarkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            good_practice_mark(
                actor=request.user,
                target=target,
                reason=form.cleaned_data["reason"],
                theme=form.cleaned_data["theme"],
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, f"{label} of {area.name} is now listed as good practice.")
            return redirect("goodpractice:list")
    return render(
        request,
        "goodpractice/mark.html",
        {"form": form, "area": area, "label": label, "text": text},
    )


@require_POST
@login_required
def feature(request, pk):
    mark = get_object_or_404(GoodPractice, pk=pk)
    if not can_feature_good_practice(request.user):
        raise PermissionDenied
    try:
        good_practice_feature(
            actor=request.user, mark=mark, featured=request.POST.get("featured") == "1"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("goodpractice:list")


@require_POST
@login_required
def withdraw(request, pk):
    mark = get_object_or_404(GoodPractice.objects.select_related("area"), pk=pk)
    if not can_mark_good_practice(request.user, mark.area):
        raise PermissionDenied
    try:
        good_practice_withdraw(actor=request.user, mark=mark)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The good practice mark has been withdrawn.")
    return redirect("goodpractice:list")
