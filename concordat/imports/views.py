"""Import a plan on an area's workspace: upload, check what was read, confirm.

Nothing is saved before "Confirm import"; confirming calls `plan_version_import`, which creates
a draft in one transaction. The file waits between the steps in `session` storage, with what was
read from it: the file is parsed once at upload (and once more only when its reading options
change), and every preview and the confirmation reuse that result. `read_plan` is the one place
these views call the parsing pipeline.
"""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from concordat.accounts.permissions import area_view
from concordat.core.models import ActionPlan, PlanVersion
from concordat.core.services import plan_version_import, working_version

from .forms import ConfirmForm, MappingForm, UploadForm
from .pipeline import ImportRefused, parse_plan
from .preview import build_preview, organisation_registry, sheet_names
from .session import (
    display_name,
    pending_create,
    pending_discard,
    pending_get,
    pending_save,
    read_limited,
)

CHANGED_ELSEWHERE = (
    "The preview was changed in another window since this page was opened. Check what was "
    "read below, then confirm again."
)
PUBLISHED_MEANWHILE = (
    "A new version of this area's plan was published since this page was opened. Check the "
    "changes against it below, then confirm again."
)


def read_plan(data, filename, *, financial_year=None, overrides=None, sheet=None):
    """Parse an uploaded plan with these reading options (raises ImportRefused)."""
    return parse_plan(
        data,
        filename,
        registry=organisation_registry(),
        financial_year=financial_year,
        column_overrides=overrides or None,
        sheet=sheet,
    )


def _parse(pending):
    """What was read from the pending upload with its current options: the kept result, or
    (if there is none for these options) the file read again, and kept."""
    parsed = pending.parsed()
    if parsed is None:
        parsed = read_plan(
            pending.read(),
            pending.filename,
            financial_year=pending.financial_year,
            overrides=pending.overrides,
            sheet=pending.sheet,
        )
        pending.keep_parsed(parsed)
    return parsed


def _drops(preview):
    """How many published actions the file drops, when that many needs a confirmation."""
    return len(preview.comparison.removed) if preview.drops_need_confirmation else 0


def _working(area):

    plan = ActionPlan.objects.filter(area=area).first()
    return working_version(plan) if plan else None


def _breadcrumbs(area, current):
    return [
        {"text": "Your plans", "href": reverse("workspace:home")},
        {"text": area.name, "href": reverse("workspace:area", args=[area.slug])},
        {"text": "Import a plan", "href": reverse("imports:upload", args=[area.slug])},
        {"text": current},
    ]


def _render_upload(request, area, form):
    return render(
        request,
        "imports/upload.html",
        {
            "area": area,
            "form": form,
            "working": _working(area),
            "breadcrumbs": [
                {"text": area.name, "href": area.get_absolute_url()},
                {"text": "Import a plan"},
            ],
        },
    )


def _refused(request, area, message):
    """The upload page, saying why a kept file can no longer be read (its upload is gone)."""
    form = UploadForm(data={})  # bound, so errors can be added; its own are dropped

    form.errors.clear()
    form.add_error(None, message)
    return _render_upload(request, area, form)


@area_view(edit=True)
@require_http_methods(["GET", "POST"])
def upload(request, area):
    bound = request.method == "POST"
    form = UploadForm(request.POST if bound else None, request.FILES if bound else None)
    if bound and form.is_valid():
        uploaded = form.cleaned_data["plan_file"]
        data = read_limited(uploaded)
        filename = display_name(uploaded.name)
        try:
            parsed = read_plan(
                data,
                filename,
                financial_year=form.cleaned_data["financial_year"],
                sheet=form.cleaned_data["sheet"] or None,
            )
        except ImportRefused as refusal:
            form.add_error("plan_file", refusal.message)
        else:
            pending = pending_create(
                request,
                area=area,
                filename=filename,
                data=data,
                parsed=parsed,
                sheets=sheet_names(data, PurePath(filename).suffix.lower()),
                sheet=form.cleaned_data["sheet"] or None,
                financial_year=form.cleaned_data["financial_year"],
            )
            return redirect("imports:preview", slug=area.slug, token=pending.token)
    return _render_upload(request, area, form)


def _expired(request, area):
    return render(
        request,
        "imports/expired.html",
        {"area": area, "breadcrumbs": _breadcrumbs(area, "Upload expired")},
        status=410,
    )


def _mapping_form(pending, parsed, data=None):
    columns = dict(parsed.columns)
    sheets = pending.sheets
    return MappingForm(
        data,
        columns=columns,
        sheets=sheets,
        initial={"sheet": pending.sheet or "", "financial_year": pending.financial_year},
    )


def _render_preview(request, area, pending, parsed, *, mapping=None, confirm=None, problems=()):
    preview = build_preview(area, parsed)
    mapping = mapping or _mapping_form(pending, parsed)
    confirm = confirm or ConfirmForm(
        proposed=preview.proposed,
        drops=_drops(preview),
        initial={"base_version": preview.base_version_id or "", "digest": pending.options_digest()},
    )
    problems = list(problems)
    for form in (mapping, confirm):
        if form.is_bound:
            problems += [{"text": e} for e in form.non_field_errors()]
            problems += [
                {"text": e, "href": f"#{form[name].id_for_label}"}
                for name, errors in form.errors.items()
                if name != "__all__"
                for e in errors
            ]
    return render(
        request,
        "imports/preview.html",
        {
            "area": area,
            "pending": pending,
            "parsed": parsed,
            "preview": preview,
            "mapping": mapping,
            "confirm": confirm,
            "problems": problems,
            "breadcrumbs": _breadcrumbs(area, "Check what was read"),
        },
    )


def _read_pending(request, area, token):
    """(pending import, the plan read from it, None), or (None, None, the page to answer with)
    when the import has expired or its file is refused (the import is then discarded)."""
    pending = pending_get(request, token, area=area)
    if pending is None:
        return None, None, _expired(request, area)
    try:
        return pending, _parse(pending), None
    except ImportRefused as refusal:
        pending_discard(request, token)
        return None, None, _refused(request, area, refusal.message)


@area_view(edit=True)
@require_http_methods(["GET", "POST"])
def preview(request, area, token):
    pending, parsed, answer = _read_pending(request, area, token)
    if answer is not None:
        return answer
    if request.method == "GET":
        return _render_preview(request, area, pending, parsed)

    mapping = _mapping_form(pending, parsed, data=request.POST)
    if not mapping.is_valid():
        return _render_preview(request, area, pending, parsed, mapping=mapping)
    sheet = mapping.cleaned_data.get("sheet", pending.sheet) or None
    changed = {
        "sheet": sheet,
        "financial_year": mapping.cleaned_data["financial_year"],
        # Another sheet has other columns: read its headings afresh.
        "overrides": {} if sheet != pending.sheet else mapping.overrides(),
    }
    trial = type(pending)(**{**pending.__dict__, **changed})
    if trial.options_digest() != pending.options_digest():
        try:
            reread = read_plan(
                pending.read(),
                pending.filename,
                financial_year=trial.financial_year,
                overrides=trial.overrides,
                sheet=trial.sheet,
            )
        except ImportRefused as refusal:
            return _render_preview(
                request,
                area,
                pending,
                parsed,
                mapping=mapping,
                problems=[{"text": refusal.message}],
            )
        trial.keep_parsed(reread)
    pending_save(request, trial)
    return redirect("imports:preview", slug=area.slug, token=token)


@area_view(edit=True)
@require_POST
def confirm(request, area, token):
    pending, parsed, answer = _read_pending(request, area, token)
    if answer is not None:
        return answer
    preview = build_preview(area, parsed)
    form = ConfirmForm(request.POST, proposed=preview.proposed, drops=_drops(preview))
    if not form.is_valid():
        return _render_preview(request, area, pending, parsed, confirm=form)
    problem = None
    if form.cleaned_data["digest"] != pending.options_digest():
        problem = CHANGED_ELSEWHERE
    elif form.cleaned_data["base_version"] != str(preview.base_version_id or ""):
        problem = PUBLISHED_MEANWHILE
    if problem:
        return _render_preview(request, area, pending, parsed, problems=[{"text": problem}])
    try:
        version = plan_version_import(
            area=area,
            parsed=parsed,
            actor=request.user,
            filename=pending.filename,
            sha256=pending.sha256,
            create_organisations=form.cleaned_data["create_organisations"],
        )
    except ValidationError as error:
        return _render_preview(
            request, area, pending, parsed, problems=[{"text": m} for m in error.messages]
        )
    pending_discard(request, token)
    return redirect("imports:imported", slug=area.slug, number=version.number)


@area_view(edit=True)
@require_POST
def cancel(request, area, token):
    pending_discard(request, token)
    messages.info(request, "The import was cancelled and the uploaded file deleted.")
    return redirect("imports:upload", slug=area.slug)


@area_view(edit=True)
def imported(request, area, number):
    version = get_object_or_404(
        PlanVersion.objects.select_related("plan"), plan__area=area, number=number
    )
    actions = version.actions.select_related("section").prefetch_related("lead_organisations")
    return render(
        request,
        "imports/imported.html",
        {
            "area": area,
            "version": version,
            "actions": actions,
            "is_draft": version.state == PlanVersion.State.DRAFT,
            "breadcrumbs": _breadcrumbs(area, "Imported"),
        },
    )
