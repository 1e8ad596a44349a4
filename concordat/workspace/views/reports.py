"""Workspace pages for writing progress reports and entering metric values.

Outsiders get 404 (another area's drafts are never leaked); people who may see the area's
workspace but not write get 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from concordat.accounts.permissions import area_view, can_export_draft
from concordat.core.models import ActionPlan
from concordat.core.services import working_version
from concordat.exports.data import plan_export
from concordat.exports.writers import PLAN_WRITERS, REPORT_WRITERS, download
from concordat.reports import services
from concordat.reports.access import can_submit_report, can_write_reports, require_writer
from concordat.reports.forms import (
    MetricCsvForm,
    MetricValueForm,
    MilestoneFormSet,
    ReportForm,
    ReportStartForm,
)
from concordat.reports.metric_csv import max_bytes
from concordat.reports.models import Metric, ProgressReport
from concordat.reports.presenters import report_context
from concordat.reports.prompts import PROMPTS
from concordat.reports.selectors import area_value_rows
from concordat.workspace.services import submission_submit_report


def _crumbs(area, *trail):
    items = [
        {"text": "Your plans", "href": "/workspace/"},
        {"text": area.name, "href": f"/workspace/{area.slug}/"},
    ]
    items.extend({"text": text, "href": href} for text, href in trail)
    return items


def _report(area, pk):
    report = (
        ProgressReport.objects.filter(area=area, pk=pk)
        .prefetch_related("sections", "milestones")
        .first()
    )
    if report is None:
        raise Http404("No such progress report.")
    return report


def _errors(error):
    return error.messages if hasattr(error, "messages") else [str(error)]


# Reports -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@area_view()
def report_list(request, area):
    writer = can_write_reports(request.user, area)
    form = ReportStartForm(request.POST or None)
    if request.method == "POST":
        require_writer(request.user, area)
        if form.is_valid():
            try:
                report = services.progress_report_draft(
                    area=area,
                    actor=request.user,
                    period_start=form.cleaned_data["period_start"],
                    period_end=form.cleaned_data["period_end"],
                )
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, "The report has been drafted from the plan's data.")
                return redirect("reports_workspace:report_edit", slug=area.slug, pk=report.pk)
    reports = ProgressReport.objects.filter(area=area).order_by("-period_end", "-created_at")
    return render(
        request,
        "reports/workspace/report_list.html",
        {
            "area": area,
            "reports": reports,
            "form": form,
            "can_write": writer,
            "breadcrumbs": _crumbs(area, ("Progress reports", None)),
        },
        status=400 if form.errors else 200,
    )


def _milestone_initial(report):
    return [
        {
            "item_text": m.item_text,
            "text": m.text,
            "due_text": m.due_text,
            "status_text": m.status_text,
        }
        for m in report.milestones.all()
    ]


def _report_initial(report):
    initial = {
        "lock_version": report.lock_version,
        "title": report.title,
        "period_label": report.period_label,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "project_manager": report.project_manager,
        "authors": report.authors,
        "date_of_update": report.date_of_update,
        "overall_status": report.overall_status,
    }
    for section in report.sections.all():
        initial[f"section_{section.key}"] = section.body
    return initial


@require_http_methods(["GET", "POST"])
@area_view()
def report_edit(request, area, pk):
    report = _report(area, pk)
    editable = report.state == ProgressReport.State.DRAFT and can_write_reports(request.user, area)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = ReportForm(request.POST)
        milestones = MilestoneFormSet(request.POST, prefix="milestones")
        if form.is_valid() and milestones.is_valid():
            rows = [row for row in milestones.cleaned_data if row and not row.get("DELETE")]
            try:
                services.progress_report_update(
                    report=report,
                    actor=request.user,
                    lock_version=form.cleaned_data["lock_version"],
                    fields=form.report_fields(),
                    sections=form.section_bodies(),
                    milestones=rows,
                )
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
            else:
                messages.success(request, "Your changes have been saved.")
                return redirect("reports_workspace:report_edit", slug=area.slug, pk=report.pk)
        status = 409 if form.non_field_errors() else 400
    else:
        form = ReportForm(initial=_report_initial(report))
        milestones = MilestoneFormSet(initial=_milestone_initial(report), prefix="milestones")
        status = 200
    return render(
        request,
        "reports/workspace/report_edit.html",
        {
            "area": area,
            "report": report,
            "form": form,
            "milestones": milestones,
            "editable": editable,
            "can_submit": can_submit_report(request.user, area),
            "prompts": PROMPTS,
            "breadcrumbs": _crumbs(
                area,
                ("Progress reports", reverse("reports_workspace:reports", args=[area.slug])),
                (report.title, None),
            ),
        },
        status=status,
    )


@require_safe
@area_view()
def report_preview(request, area, pk):
    report = _report(area, pk)
    context = report_context(report, draft=not report.is_published)
    context.update(
        area=area,
        breadcrumbs=_crumbs(
            area,
            ("Progress reports", reverse("reports_workspace:reports", args=[area.slug])),
            (report.title, reverse("reports_workspace:report_edit", args=[area.slug, pk])),
            ("Preview", None),
        ),
    )
    return render(request, "reports/workspace/report_preview.html", context)


@require_POST
@area_view()
def report_submit(request, area, pk):
    report = _report(area, pk)
    if not can_submit_report(request.user, area):
        raise PermissionDenied
    try:
        submission_submit_report(report=report, actor=request.user)
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
    else:
        messages.success(request, "The report has been sent to the Concordat office.")
    return redirect("reports_workspace:report_edit", slug=area.slug, pk=report.pk)


@require_POST
@area_view()
def report_discard(request, area, pk):
    """Discarding a draft report is the lead's, as discarding a plan draft is, and only from
    the report as it is now."""
    report = _report(area, pk)
    require_writer(request.user, area)
    if not can_submit_report(request.user, area):
        raise PermissionDenied
    lock_version = request.POST.get("lock_version", "")
    try:
        services.progress_report_discard(
            report=report,
            actor=request.user,
            lock_version=int(lock_version) if lock_version.isdigit() else None,
        )
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
        return redirect("reports_workspace:report_edit", slug=area.slug, pk=report.pk)
    messages.success(request, "The draft report has been discarded.")
    return redirect("reports_workspace:reports", slug=area.slug)


@require_safe
@area_view()
def report_draft_download(request, area, pk, ext):
    """Any of the area's reports, marked DRAFT unless it is published."""
    if not can_export_draft(request.user, area):
        raise PermissionDenied
    report = _report(area, pk)
    data = REPORT_WRITERS[ext](report, draft=not report.is_published)
    return download(data, filename=f"{area.slug}-progress-report-{report.pk}-draft.{ext}", ext=ext)


@require_safe
@area_view()
def plan_draft_download(request, area, ext):
    """The area's working (unpublished) version, marked DRAFT in the document itself."""
    if not can_export_draft(request.user, area):
        raise PermissionDenied
    plan = ActionPlan.objects.filter(area=area).first()
    version = working_version(plan) if plan else None
    if version is None:
        raise Http404("This area has no draft plan.")
    export = plan_export(area, version=version, draft=True)
    return download(
        PLAN_WRITERS[ext](export),
        filename=f"{area.slug}-action-plan-version-{version.number}-draft.{ext}",
        ext=ext,
    )


# Metrics -----------------------------------------------------------------------------------


def _metrics_page(request, area, *, value_form=None, csv_form=None, csv_errors=(), status=200):
    writer = can_write_reports(request.user, area)
    return render(
        request,
        "reports/workspace/metrics.html",
        {
            "area": area,
            "can_write": writer,
            "value_form": value_form or MetricValueForm(area=area),
            "csv_form": csv_form or MetricCsvForm(),
            "csv_errors": csv_errors,
            "values": area_value_rows(area)[::-1][:50],
            "definitions": Metric.objects.filter(area=area).select_related("maps_to"),
            "breadcrumbs": _crumbs(area, ("Outcome measures", None)),
        },
        status=status,
    )


@require_safe
@area_view()
def metrics_home(request, area):
    return _metrics_page(request, area)


@require_POST
@area_view()
def metric_value_add(request, area):
    require_writer(request.user, area)
    form = MetricValueForm(request.POST, area=area)
    if form.is_valid():
        try:
            _row, created = services.metric_value_record(
                metric=form.cleaned_data["metric"],
                area=area,
                period=form.cleaned_data["period"],
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            done = "recorded" if created else "corrected"
            messages.success(request, f"The value has been {done}.")
            return redirect("reports_workspace:metrics", slug=area.slug)
    return _metrics_page(request, area, value_form=form, status=400)


@require_POST
@area_view()
def metric_values_upload(request, area):
    require_writer(request.user, area)
    form = MetricCsvForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(max_bytes() + 1)
        try:
            created, changed = services.metric_values_import(
                area=area, data=data, actor=request.user
            )
        except ValidationError as error:
            return _metrics_page(
                request, area, csv_form=form, csv_errors=_errors(error), status=400
            )
        messages.success(
            request,
            f"{created} new value{'s' if created != 1 else ''} recorded and {changed} "
            f"corrected. Nothing else changed.",
        )
        return redirect("reports_workspace:metrics", slug=area.slug)
    return _metrics_page(request, area, csv_form=form, status=400)
