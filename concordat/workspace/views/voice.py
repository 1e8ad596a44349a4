"""Workspace pages of the public's voice: moderating and answering questions, naming
independent review panels, recording a panel's verdicts, and adding evidence to updates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from concordat.accounts import permissions
from concordat.accounts.models import ReviewerMembership, Role
from concordat.accounts.permissions import area_view, office_required
from concordat.accounts.services import invitation_create
from concordat.core.models import Action, Area, ProgressUpdate, UpdateEvidence
from concordat.core.selectors.published import latest_version
from concordat.core.services import evidence_add_file, evidence_add_link
from concordat.voice import selectors, services
from concordat.voice.forms import (
    AcceptForm,
    EvidenceFileForm,
    EvidenceLinkForm,
    PanelForm,
    RejectForm,
    ReplyForm,
    ReviewerInviteForm,
    VerdictForm,
)
from concordat.voice.models import Question, ReviewPanel, Verdict
from concordat.workspace.views.helpers import crumbs, require

PAGE_SIZE = 50


def _errors_to(form, error):
    for message in error.messages:
        form.add_error(None, message)


# Questions -----------------------------------------------------------------------------------


@require_safe
@area_view()
def questions(request, area):
    require(permissions.can_moderate_questions(request.user, area))
    base = Question.objects.filter(area=area).select_related("report")
    done = base.filter(state__in=[Question.State.PUBLISHED, Question.State.REJECTED]).order_by(
        "-moderated_at", "-pk"
    )
    page = Paginator(done, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "voice/workspace/questions.html",
        {
            "area": area,
            "waiting": list(base.awaiting_moderation().order_by("asked_at", "pk")),
            "accepted": list(base.awaiting_reply().order_by("asked_at", "pk")),
            "done": page,
            "may_reply": permissions.can_reply_to_questions(request.user, area),
            "breadcrumbs": crumbs(area, ("Questions from the public", None)),
        },
    )


def _question_in(area, pk):
    question = (
        Question.objects.filter(area=area, pk=pk)
        .exclude(state=Question.State.UNCONFIRMED)
        .select_related("area", "report")
        .first()
    )
    if question is None:
        raise Http404("No such question.")
    return question


def _question_page(request, area, question, *, accept=None, reject=None, reply=None, status=200):
    return render(
        request,
        "voice/workspace/question.html",
        {
            "area": area,
            "question": question,
            "accept_form": accept or AcceptForm(),
            "reject_form": reject or RejectForm(),
            "reply_form": reply or ReplyForm(),
            "may_reply": permissions.can_reply_to_questions(request.user, area),
            "public_url": reverse("public:action", args=[area.slug, question.action_ref])
            if question.identity_id and question.action_ref
            else reverse("public:report", args=[area.slug, question.report_id])
            if question.report_id
            else "",
            "breadcrumbs": crumbs(
                area,
                ("Questions from the public", reverse("voice:questions", args=[area.slug])),
                (f"Question {question.pk}", None),
            ),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@area_view()
def question(request, area, pk):
    require(permissions.can_moderate_questions(request.user, area))
    item = _question_in(area, pk)
    if request.method == "GET":
        return _question_page(request, area, item)
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            form = AcceptForm(request.POST)
            if form.is_valid():
                services.question_accept(
                    question=item, actor=request.user, no_personal_details=True
                )
                messages.success(
                    request, "The question is accepted. It is published with the reply."
                )
                return redirect("voice:question", slug=area.slug, pk=item.pk)
            return _question_page(request, area, item, accept=form, status=400)
        if decision == "reject":
            form = RejectForm(request.POST)
            if form.is_valid():
                services.question_reject(
                    question=item, actor=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, "The question is rejected. The asker has been told why.")
                return redirect("voice:questions", slug=area.slug)
            return _question_page(request, area, item, reject=form, status=400)
        if decision == "reply":
            require(permissions.can_reply_to_questions(request.user, area))
            form = ReplyForm(request.POST)
            if form.is_valid():
                services.question_reply(
                    question=item,
                    actor=request.user,
                    reply=form.cleaned_data["reply"],
                    no_personal_details=form.cleaned_data["no_personal_details"],
                )
                messages.success(request, "The reply is published with the question.")
                return redirect("voice:questions", slug=area.slug)
            return _question_page(request, area, item, reply=form, status=400)
    except ValidationError as error:
        kinds = {"accept": AcceptForm, "reject": RejectForm, "reply": ReplyForm}
        form = kinds[decision](request.POST)
        form.is_valid()
        _errors_to(form, error)
        return _question_page(request, area, item, **{decision: form}, status=400)
    raise PermissionDenied


@require_safe
@office_required
def office_questions(request):
    waiting = (
        Question.objects.filter(state__in=selectors.OPEN_STATES)
        .select_related("area", "report")
        .order_by("asked_at", "pk")
    )
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "voice/workspace/office_questions.html",
        {"page": page, "breadcrumbs": crumbs(None, ("Questions across England", None))},
    )


# Independent review panels ---------------------------------------------------------------------


def _panels_page(request, area, *, form=None, invite_forms=None, status=200):
    panels = selectors.area_panels(area)
    members = {}
    for membership in ReviewerMembership.objects.filter(panel__area=area).select_related("user"):
        members.setdefault(membership.panel_id, []).append(membership)
    invite_forms = invite_forms or {}
    return render(
        request,
        "voice/workspace/panels.html",
        {
            "area": area,
            "rows": [
                (
                    panel,
                    members.get(panel.pk, []),
                    invite_forms.get(panel.pk) or ReviewerInviteForm(prefix=f"panel{panel.pk}"),
                )
                for panel in panels
            ],
            "form": form or PanelForm(),
            "breadcrumbs": crumbs(area, ("Independent reviewers", None)),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@area_view()
def panels(request, area):
    require(permissions.can_manage_panels(request.user, area))
    if request.method == "GET":
        return _panels_page(request, area)
    form = PanelForm(request.POST)
    if form.is_valid():
        try:
            panel = services.panel_create(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, f"{panel.name} can now be given reviewers.")
            return redirect("voice:panels", slug=area.slug)
    return _panels_page(request, area, form=form, status=400)


@require_POST
@area_view()
def panel_invite(request, area, pk):
    require(permissions.can_manage_panels(request.user, area))
    panel = ReviewPanel.objects.filter(area=area, pk=pk).first()
    if panel is None:
        raise Http404("No such panel.")
    form = ReviewerInviteForm(request.POST, prefix=f"panel{panel.pk}")
    if form.is_valid():
        try:
            invitation_create(
                invited_by=request.user,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                role=Role.REVIEWER,
                panel=panel,
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, f"An invitation to join {panel.name} has been sent.")
            return redirect("voice:panels", slug=area.slug)
    return _panels_page(request, area, invite_forms={panel.pk: form}, status=400)


# A panel's verdicts ----------------------------------------------------------------------------


def _panel_for(user, slug, pk):
    """The panel, for one of its members. Others: 404 if they may not see the area's
    workspace, 403 if they may (its own people are not its reviewers)."""
    area = Area.objects.filter(slug=slug).first()
    panel = ReviewPanel.objects.filter(area=area, pk=pk).select_related("area").first()
    if area is None or panel is None:
        raise Http404("No such panel.")
    if permissions.can_record_verdict(user, panel):
        return panel
    if permissions.can_view_area_workspace(user, area):
        raise PermissionDenied
    raise Http404("No such panel.")


@require_safe
@login_required
def verdicts(request, slug, pk):
    panel = _panel_for(request.user, slug, pk)
    version = latest_version(panel.area)
    actions = list(version.actions.order_by("position", "pk")) if version else []
    latest = selectors.latest_verdicts([a.identity_id for a in actions], [panel])
    return render(
        request,
        "voice/workspace/verdicts.html",
        {
            "panel": panel,
            "area": panel.area,
            "rows": [(a, latest.get(a.identity_id, {}).get(panel.pk)) for a in actions],
            "breadcrumbs": [
                {"text": "Your plans", "href": reverse("workspace:home")},
                {"text": f"{panel.name}: verdicts"},
            ],
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def verdict(request, slug, pk, action_pk):
    panel = _panel_for(request.user, slug, pk)
    version = latest_version(panel.area)
    action = (
        Action.objects.filter(version=version, pk=action_pk).select_related("version__plan").first()
        if version
        else None
    )
    if action is None:
        raise Http404("No such action in the published plan.")
    form = VerdictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verdict_record(
                panel=panel, action=action, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(request, f"Your verdict on action {action.ref} is published.")
            return redirect("voice:verdicts", slug=panel.area.slug, pk=panel.pk)
    history = Verdict.objects.filter(panel=panel, identity_id=action.identity_id).order_by(
        "-created_at", "-pk"
    )
    return render(
        request,
        "voice/workspace/verdict.html",
        {
            "panel": panel,
            "area": panel.area,
            "action": action,
            "form": form,
            "history": list(history),
            "breadcrumbs": [
                {"text": "Your plans", "href": reverse("workspace:home")},
                {
                    "text": f"{panel.name}: verdicts",
                    "href": reverse("voice:verdicts", args=[panel.area.slug, panel.pk]),
                },
                {"text": f"Action {action.ref}"},
            ],
        },
        status=400 if form.errors else 200,
    )


# Evidence on an update -------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@area_view()
def evidence(request, area, pk):
    update = (
        ProgressUpdate.objects.filter(pk=pk, identity__plan__area=area)
        .select_related("identity__plan__area")
        .first()
    )
    if update is None:
        raise Http404("No such update in this area.")
    action = (
        Action.objects.published()
        .filter(identity_id=update.identity_id)
        .select_related("version__plan__area")
        .prefetch_related("lead_organisations")
        .newest_version_first()
        .first()
    )
    require(action is not None and permissions.can_add_evidence(request.user, action))
    link_form = EvidenceLinkForm(prefix="link")
    file_form = EvidenceFileForm(prefix="file")
    if request.method == "POST":
        kind = request.POST.get("kind")
        if kind == "link":
            link_form = EvidenceLinkForm(request.POST, prefix="link")
            form = link_form
        else:
            file_form = EvidenceFileForm(request.POST, request.FILES, prefix="file")
            form = file_form
        if form.is_valid():
            try:
                if kind == "link":
                    evidence_add_link(update=update, actor=request.user, **form.cleaned_data)
                else:
                    evidence_add_file(
                        update=update,
                        actor=request.user,
                        title=form.cleaned_data["title"],
                        uploaded=form.cleaned_data["file"],
                    )
            except ValidationError as error:
                _errors_to(form, error)
            else:
                messages.success(request, "The evidence is added to the update.")
                return redirect("voice:evidence", slug=area.slug, pk=update.pk)
    return render(
        request,
        "voice/workspace/evidence.html",
        {
            "area": area,
            "update": update,
            "action": action,
            "items": list(
                UpdateEvidence.objects.filter(update=update).order_by("created_at", "pk")
            ),
            "link_form": link_form,
            "file_form": file_form,
            "breadcrumbs": crumbs(
                area,
                (
                    f"Action {action.ref}",
                    reverse("workspace:action", args=[area.slug, action.pk]),
                ),
                ("Evidence", None),
            ),
        },
        status=400 if (link_form.errors or file_form.errors) else 200,
    )
