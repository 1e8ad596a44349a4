"""Public pages of the public's voice: ask a question (about an action or a progress report),
confirm it by the emailed link, the evidence files, and the national list of disagreement."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from concordat.accounts.security import client_ip, rate_limit_exceeded
from concordat.api.columns import Column
from concordat.api.csvfiles import csv_response
from concordat.core.models import Action, ProgressUpdate, UpdateEvidence
from concordat.core.selectors.published import latest_version
from concordat.public.views.helpers import area_breadcrumbs, area_or_404
from concordat.reports.published import published_report
from concordat.voice import selectors, services
from concordat.voice.forms import AskForm

TOO_MANY = "Too many questions from your connection or address. Try again later."


def _published_action(area, ref):
    version = latest_version(area)
    action = (
        Action.objects.filter(version=version, ref=ref).select_related("version__plan").first()
        if version
        else None
    )
    if action is None:
        raise Http404("No action with that reference in the published plan.")
    return action


def _rate_limited(request, email):
    by_client = rate_limit_exceeded(
        "questions", client_ip(request), rate=settings.CONCORDAT_QUESTIONS_RATE
    )
    by_email = bool(email) and rate_limit_exceeded(
        "questions-email", email.strip().lower(), rate=settings.CONCORDAT_QUESTIONS_PER_EMAIL_RATE
    )
    return by_client or by_email


def _ask(request, area, *, action=None, report=None, back, back_text, crumbs):
    signed_in = request.user.is_authenticated
    form = AskForm(request.POST or None, signed_in=signed_in)
    status = 200
    if request.method == "POST":
        email = request.user.email if signed_in else request.POST.get("email", "")
        if _rate_limited(request, email):
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            try:
                question = services.question_ask(
                    area=area,
                    action=action,
                    report=report,
                    body=form.cleaned_data["body"],
                    email=form.cleaned_data.get("email", ""),
                    asker=request.user if signed_in else None,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                return render(
                    request,
                    "voice/asked.html",
                    {"area": area, "question": question, "back": back, "back_text": back_text},
                )
        status = status if status != 200 else 400
    return render(
        request,
        "voice/ask.html",
        {
            "area": area,
            "action": action,
            "report": report,
            "form": form,
            "signed_in": signed_in,
            "back": back,
            "back_text": back_text,
            "breadcrumbs": crumbs,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def ask_action(request, slug, ref):
    area = area_or_404(slug)
    action = _published_action(area, ref)
    back = reverse("public:action", args=[area.slug, action.ref])
    return _ask(
        request,
        area,
        action=action,
        back=back,
        back_text=f"Back to action {action.ref}",
        crumbs=area_breadcrumbs(
            area,
            ("Action plan", reverse("public:plan", args=[area.slug])),
            (f"Action {action.ref}", back),
            ("Ask a question", None),
        ),
    )


@require_http_methods(["GET", "POST"])
def ask_report(request, slug, pk):
    area = area_or_404(slug)
    report = published_report(area, pk)
    if report is None:
        raise Http404("No published progress report with that number.")
    back = reverse("public:report", args=[area.slug, report.pk])
    return _ask(
        request,
        area,
        report=report,
        back=back,
        back_text="Back to the progress report",
        crumbs=area_breadcrumbs(
            area,
            ("Progress reports", reverse("public:reports", args=[area.slug])),
            (report.title, back),
            ("Ask a question", None),
        ),
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A button, not the link itself, confirms: mail scanners that open links confirm nothing."""
    question = services.question_for_token(token)
    if question is None:
        raise Http404("This link is not valid any more.")
    if request.method == "POST":
        question = services.question_confirm(token=token)
        return render(request, "voice/confirmed.html", {"question": question})
    return render(request, "voice/confirm.html", {"question": question})


# Evidence files --------------------------------------------------------------------------

FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'none'; sandbox; frame-ancestors 'none'"


@require_safe
def evidence_file(request, pk):
    """A file of evidence, served only while its update is public, from the storage backend,
    with headers that stop a browser running or guessing anything from it."""
    evidence = (
        UpdateEvidence.objects.filter(
            pk=pk, kind=UpdateEvidence.Kind.FILE, update__in=ProgressUpdate.objects.public()
        )
        .only("file", "content_type", "original_name", "size")
        .first()
    )
    if evidence is None:
        raise Http404("No such evidence.")
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    is_image = evidence.content_type.startswith("image/")
    response = FileResponse(
        handle,
        content_type=evidence.content_type,
        as_attachment=not is_image,
        filename=evidence.original_name or "evidence",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "public, max-age=3600"
    return response


# Where independent reviewers disagree ---------------------------------------------------------

DISAGREEMENT_COLUMNS = [
    Column("area", "The area's slug.", lambda r: r.area.slug),
    Column("name", "The area's name.", lambda r: r.area.name),
    Column("actions", "Actions in its latest published plan.", lambda r: r.actions),
    Column("panels", "Its independent review panels.", lambda r: [p.name for p in r.panels]),
    Column("reviewed", "Actions with a verdict from a panel.", lambda r: r.reviewed),
    Column(
        "disagreements",
        "Reviewed actions where a panel's RAG differs from the area's own.",
        lambda r: r.disagreements,
    ),
    Column("complete", "Actions marked complete.", lambda r: r.complete),
    Column(
        "complete_no_evidence",
        "Actions marked complete with no evidence in any public update.",
        lambda r: r.complete_without_evidence,
    ),
]


@require_safe
def disagreement(request):
    rows = selectors.national_verdicts()
    return render(
        request,
        "voice/disagreement.html",
        {
            "rows": rows,
            "reviewed_areas": sum(1 for r in rows if r.reviewed),
            "complete_without_evidence": sum(r.complete_without_evidence for r in rows),
            "breadcrumbs": [
                {"text": "Home", "href": "/"},
                {"text": "Areas", "href": reverse("public:areas")},
                {"text": "Independent reviews"},
            ],
        },
    )


@require_safe
def disagreement_csv(request):
    return csv_response(
        filename="area-disagreement.csv",
        columns=DISAGREEMENT_COLUMNS,
        queryset=selectors.national_verdicts(),
    )
