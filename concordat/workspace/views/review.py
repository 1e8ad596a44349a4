"""Submission and review: the area sends its draft (or a progress report), the Concordat
office publishes it or returns it with comments, and the area may reply."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from concordat.accounts import permissions
from concordat.accounts.permissions import area_view, office_required
from concordat.core.quality import check_minimum_expectations
from concordat.core.selectors.compare import compare_versions
from concordat.core.services import plan_version_discard
from concordat.reports.models import ProgressReport
from concordat.reports.presenters import report_context

from .. import selectors, services
from ..forms import ReplyForm, ReviewForm, SubmitForm
from ..models import Submission
from .helpers import crumbs, error_messages, require

# --- the area's side ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@area_view()
def submit(request, area):
    require(permissions.can_change_state(request.user, area, "plan", "submit"))
    state = selectors.plan_state(area)
    if not state.is_draft:
        messages.error(request, "There is no draft of the plan to send for publication.")
        return redirect("workspace:area", slug=area.slug)
    form = SubmitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submission_submit_version(
                version=state.working, actor=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                f"{state.working.display_label()} has been sent to the Concordat office. "
                "It cannot be changed while it is being reviewed.",
            )
            return redirect("workspace:submission", slug=area.slug, pk=submission.pk)
    return render(
        request,
        "workspace/submit.html",
        {
            "area": area,
            "state": state,
            "form": form,
            "checks": check_minimum_expectations(version=state.working),
            "comparison": selectors.changes_since_publication(state),
            "breadcrumbs": crumbs(area, ("Send for publication", None)),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@area_view()
def submit_report(request, area, pk):
    require(permissions.can_change_state(request.user, area, "report", "submit"))
    report = ProgressReport.objects.filter(area=area, pk=pk).first()
    if report is None:
        raise Http404("No such progress report.")
    try:
        submission = services.submission_submit_report(report=report, actor=request.user)
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
        return redirect("workspace:area", slug=area.slug)
    messages.success(request, f"“{report.title}” has been sent to the Concordat office.")
    return redirect("workspace:submission", slug=area.slug, pk=submission.pk)


@require_POST
@area_view()
def discard(request, area):
    require(permissions.can_submit(request.user, area))
    state = selectors.plan_state(area)
    if not state.is_draft:
        messages.error(request, "There is no draft of the plan to discard.")
        return redirect("workspace:area", slug=area.slug)
    label = state.working.display_label()
    try:
        plan_version_discard(version=state.working, actor=request.user)
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, f"The draft ({label}) has been discarded.")
    return redirect("workspace:area", slug=area.slug)


def _submission_or_404(area, pk):
    submission = selectors.submission_for_area(area, pk)
    if submission is None:
        raise Http404("No such submission.")
    return submission


def _office_commented(submission):
    return any(comment.from_office for comment in submission.comments.all())


@require_safe
@area_view()
def submission(request, area, pk):
    found = _submission_or_404(area, pk)
    user = request.user
    return render(
        request,
        "workspace/submission.html",
        {
            "area": area,
            "submission": found,
            "reply_form": ReplyForm(),
            "can_reply": permissions.can_reply_to_review(user, area) and _office_commented(found),
            "can_withdraw": found.is_waiting
            and permissions.can_change_state(user, area, found.kind, "withdraw"),
            "can_review": permissions.can_review(user),
            "breadcrumbs": crumbs(area, (found.describe(), None)),
        },
    )


@require_POST
@area_view()
def submission_reply(request, area, pk):
    require(permissions.can_reply_to_review(request.user, area))
    found = _submission_or_404(area, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.submission_reply(
                submission=found, actor=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
        else:
            messages.success(request, "Your reply has been recorded with the submission.")
            return redirect("workspace:submission", slug=area.slug, pk=found.pk)
    return render(
        request,
        "workspace/submission.html",
        {
            "area": area,
            "submission": found,
            "reply_form": form,
            "can_reply": True,
            "can_withdraw": False,
            "can_review": permissions.can_review(request.user),
            "breadcrumbs": crumbs(area, (found.describe(), None)),
        },
        status=400,
    )


@require_POST
@area_view()
def submission_withdraw(request, area, pk):
    found = _submission_or_404(area, pk)
    require(permissions.can_change_state(request.user, area, found.kind, "withdraw"))
    try:
        services.submission_withdraw(submission=found, actor=request.user)
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, "The submission has been withdrawn. You can change it again.")
    return redirect("workspace:submission", slug=area.slug, pk=found.pk)


# --- the office's side --------------------------------------------------------------------


@require_safe
@office_required
def review_queue(request):
    waiting, decided = selectors.review_queue()
    return render(
        request,
        "workspace/review_queue.html",
        {
            "waiting": waiting,
            "decided": decided,
            "breadcrumbs": crumbs(None, ("Review queue", None)),
        },
    )


def _review_context(found):
    context = {
        "submission": found,
        "checks": [],
        "comparison": None,
        "report_body": None,
        "notes": [],
    }
    context["earlier"] = selectors.earlier_rounds(found)
    if found.target is None:
        return context
    if found.kind == Submission.Kind.PLAN:
        version = found.version
        context["checks"] = check_minimum_expectations(version=version)
        if version.is_published:
            base = version.based_on
        else:
            base = selectors.plan_state(found.area).published
        if base is not None and base.pk != version.pk:
            context["comparison"] = compare_versions(base, version, include_drafts=True)
        context["notes"] = selectors.notes_published_with(version)
    else:
        report = (
            ProgressReport.objects.filter(pk=found.report_id)
            .select_related("area")
            .prefetch_related("sections", "milestones")
            .get()
        )
        context["report_body"] = report_context(report, draft=not report.is_published)
    return context


@require_http_methods(["GET", "POST"])
@office_required
def review(request, pk):
    found = selectors.submission_by_pk(pk)
    if found is None:
        raise Http404("No such submission.")
    context = _review_context(found)
    form = ReviewForm(request.POST or None, checks=context["checks"])
    if request.method == "POST" and form.is_valid():
        decide = (
            services.submission_publish
            if form.cleaned_data["decision"] == ReviewForm.PUBLISH
            else services.submission_return
        )
        data = form.cleaned_data
        extra = {"confirmed": data["confirmed"]} if found.kind == Submission.Kind.PLAN else {}
        if decide is services.submission_publish:
            extra["not_met_reason"] = data["not_met_reason"]
        try:
            decide(submission=found, actor=request.user, comments=data["comments"], **extra)
        except ValidationError as error:
            field = (
                "not_met_reason"
                if getattr(error, "code", None) == services.NOT_MET_REASON
                else None
            )
            for message in error_messages(error):
                form.add_error(field, message)
        else:
            done = "published" if decide is services.submission_publish else "returned to the area"
            messages.success(request, f"{found.area.name}: {found.describe()} has been {done}.")
            return redirect("workspace:review_queue")
    context.update(
        form=form,
        area=found.area,
        breadcrumbs=crumbs(
            None,
            ("Review queue", reverse("workspace:review_queue")),
            (f"{found.area.name}: {found.describe()}", None),
        ),
    )
    return render(request, "workspace/review.html", context, status=400 if form.errors else 200)
