"""Writes to progress reports and metrics."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from concordat.core import workflow
from concordat.core.dates import check_plausible
from concordat.core.models import AuditEntry
from concordat.core.services import audit_field_changes, audit_record
from concordat.core.signals import progress_report_published
from concordat.core.statuses import canonical_status
from concordat.core.timescales import parse_timescale
from concordat.imports.refs import milestone_refs
from concordat.measures.catalogue import same_measure
from concordat.measures.comparisons import format_number

from .drafting import draft_report
from .metric_csv import check_value, read_values_csv
from .models import Metric, MetricValue, Milestone, ProgressReport, ReportSection
from .prompts import PROMPTS, position_of, prompt_for


@transaction.atomic
def progress_report_create(*, area, actor, title, sections=(), milestones=(), **fields):
    """Create a draft report with its sections [(key, title, body)] and milestone dicts."""
    report = ProgressReport.objects.create(
        area=area,
        title=title,
        created_by=actor if getattr(actor, "pk", None) else None,
        **fields,
    )
    ReportSection.objects.bulk_create(
        ReportSection(report=report, key=key, title=section_title, body=body, position=position)
        for position, (key, section_title, body) in enumerate(sections, start=1)
    )
    Milestone.objects.bulk_create(
        Milestone(report=report, position=position, **milestone)
        for position, milestone in enumerate(milestones, start=1)
    )
    audit_record(
        actor=actor,
        verb="created",
        object_type="progressreport",
        object_id=report.pk,
        area=area,
        note=title,
    )
    return report


@transaction.atomic
def progress_report_publish(*, report, actor, now=None):
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    workflow.change_state(locked, "publish", actor=actor, now=now)
    transaction.on_commit(
        lambda: progress_report_published.send(sender=ProgressReport, report=locked)
    )
    return locked


# Progress reports: drafting, editing, submission ------------------------------------------


class StaleReportError(ValidationError):
    """Raised when a report is saved from a copy someone else has changed since."""


def _person(actor):
    return actor if getattr(actor, "pk", None) else None


@transaction.atomic
def progress_report_draft(*, area, actor, period_start, period_end, today=None):
    """Start a draft report for the period, filled with what the published data says."""
    today = today or timezone.localdate()
    if period_start is None or period_end is None:
        raise ValidationError("Give the first and the last day of the period the report covers.")
    if period_end < period_start:
        raise ValidationError("The period must end on or after the day it starts.")
    if period_end > today:
        raise ValidationError(
            "The period cannot end after today: a progress report describes what has happened."
        )
    draft = draft_report(area, period_start=period_start, period_end=period_end)
    bodies = draft.sections()
    return progress_report_create(
        area=area,
        actor=actor,
        title=f"{area.name} progress report, {draft.label}",
        period_start=period_start,
        period_end=period_end,
        period_label=draft.label,
        project_manager=area.project_manager,
        date_of_update=today,
        drafted_from=draft.end_version,
        data_snapshot=draft.snapshot,
        sections=[(p.key, p.title, bodies.get(p.key, "")) for p in PROMPTS],
        milestones=draft.milestones(),
    )


EDITABLE_FIELDS = [
    "title",
    "period_label",
    "period_start",
    "period_end",
    "project_manager",
    "authors",
    "date_of_update",
    "overall_status",
]


def _refuse_unless_draft(report):
    if report.state == ProgressReport.State.PUBLISHED:
        raise ValidationError("A published progress report cannot be changed.")
    if report.state == ProgressReport.State.SUBMITTED:
        raise ValidationError(
            "This report has been submitted for publication. It can be changed again if the "
            "Concordat office returns it."
        )


def _refuse_if_stale(locked, lock_version, *, doing="saved"):
    if lock_version is None or int(lock_version) == locked.lock_version:
        return
    marks = [f"lock {number}" for number in range(int(lock_version) + 1, locked.lock_version + 1)]
    entries = AuditEntry.objects.filter(
        object_id=str(locked.pk),
        object_type__in=["progressreport", "reportsection", "milestones"],
        note__in=marks,
    ).order_by("at", "pk")
    changed, people = [], []
    for entry in entries:
        label = entry.field or entry.verb
        if label not in changed:
            changed.append(label)
        if entry.actor_name not in people:
            people.append(entry.actor_name)
    who = ", ".join(people) or "someone else"
    what = f" They changed: {', '.join(changed)}." if changed else ""
    if doing == "discarded":
        raise StaleReportError(
            f"{who} saved this report after you opened it, so it was not discarded.{what} "
            "Open the report again to see their changes before deciding to discard it."
        )
    raise StaleReportError(
        f"{who} saved this report after you opened it, so your changes were not saved.{what} "
        "Open the report again to see their changes, then make yours."
    )


def _milestone_rows(rows):
    clean = []
    for row in rows:
        text = (row.get("text") or "").strip()
        item_text = (row.get("item_text") or "").strip()
        due_text = (row.get("due_text") or "").strip()
        status_text = (row.get("status_text") or "").strip()
        if not (text or item_text or due_text or status_text):
            continue
        if not text:
            raise ValidationError(
                f"The milestone {item_text or 'with no item number'} needs a description."
            )
        clean.append(
            {
                "item_text": item_text[:80],
                "refs": milestone_refs(item_text),
                "text": text,
                "due_text": due_text[:120],
                "due": parse_timescale(due_text).due if due_text else None,
                "status_text": status_text[:200],
                "canonical_status": canonical_status(status_text) if status_text else "",
            }
        )
    return clean


def _milestones_text(milestones):
    return "\n".join(
        f"{m['item_text']} | {m['text']} | {m['due_text']} | {m['status_text']}" for m in milestones
    )


@transaction.atomic
def progress_report_update(
    *, report, actor, lock_version, fields=None, sections=None, milestones=None
):
    """Save an edit of a draft report: its details, section texts {key: body} and, if given,
    the whole milestones table. Refused if someone else saved it after `lock_version`."""
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    _refuse_unless_draft(locked)
    _refuse_if_stale(locked, lock_version)
    fields = dict(fields or {})
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    before = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
    for name, value in fields.items():
        setattr(locked, name, value)
    if not (locked.title or "").strip():
        raise ValidationError("Give the report a title.")
    if locked.period_start and locked.period_end and locked.period_end < locked.period_start:
        raise ValidationError("The period must end on or after the day it starts.")
    if "overall_status" in fields:
        locked.overall_status_text = (
            locked.get_overall_status_display() if locked.overall_status else ""
        )
    locked.lock_version += 1
    mark = f"lock {locked.lock_version}"
    locked.save()
    entries = audit_field_changes(
        actor=actor, instance=locked, before=before, fields=EDITABLE_FIELDS, area=locked.area
    )
    AuditEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(note=mark)
    _save_sections(locked, actor, sections or {}, mark)
    if milestones is not None:
        _save_milestones(locked, actor, milestones, mark)
    return locked


def _save_sections(report, actor, bodies, mark):
    existing = {section.key: section for section in report.sections.all()}
    for key, body in bodies.items():
        body = (body or "").replace("\r\n", "\n").strip()
        section = existing.get(key)
        if section is None:
            prompt = prompt_for(key)
            if prompt is None:
                raise ValueError(f"No report part called {key}")
            section = ReportSection.objects.create(
                report=report, key=key, title=prompt.title, body=body, position=position_of(key)
            )
            before = ""
        elif section.body == body:
            continue
        else:
            before = section.body
            section.body = body
            section.save(update_fields=["body"])
        audit_record(
            actor=actor,
            verb="changed",
            object_type="reportsection",
            object_id=report.pk,
            area=report.area,
            field=key,
            before=before,
            after=body,
            note=mark,
        )


def _save_milestones(report, actor, rows, mark):
    clean = _milestone_rows(rows)
    current = list(report.milestones.values("item_text", "refs", "text", "due_text", "status_text"))
    before = _milestones_text(current)
    after = _milestones_text(clean)
    if before == after:
        return
    report.milestones.all().delete()
    Milestone.objects.bulk_create(
        Milestone(report=report, position=position, **row)
        for position, row in enumerate(clean, start=1)
    )
    audit_record(
        actor=actor,
        verb="changed",
        object_type="milestones",
        object_id=report.pk,
        area=report.area,
        field="milestones",
        before=before,
        after=after,
        note=mark,
    )


@transaction.atomic
def progress_report_submit(*, report, actor, now=None):
    """Send a draft report for publication; the Concordat office reviews it."""
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    workflow.refuse_unless_allowed(locked, "submit")
    if not locked.overall_status:
        raise ValidationError(
            "Choose the overall status (on schedule, work progressing or behind schedule) "
            "before submitting the report."
        )
    if not any(section.body.strip() for section in locked.sections.all()):
        raise ValidationError("The report has no text yet. Write at least one part of it.")
    return workflow.change_state(locked, "submit", actor=actor, now=now)


@transaction.atomic
def progress_report_return(*, report, actor, comment=""):
    """Send a submitted report back to its area as a draft (the office's review does this)."""
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    return workflow.change_state(locked, "return", actor=actor, note=comment or None)


@transaction.atomic
def progress_report_withdraw(*, report, actor):
    """The area takes back a report it submitted, before the office decides: a draft again."""
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    return workflow.change_state(
        locked, "withdraw", actor=actor, note="Withdrawn by the area before review."
    )


@transaction.atomic
def progress_report_discard(*, report, actor, lock_version):
    """Throw away a draft report that was never submitted, as seen at `lock_version`: if
    anyone saved it since, it is kept and the person is told who changed what (the rule for
    plan drafts: nothing is thrown away from a stale copy)."""
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if locked.state != ProgressReport.State.DRAFT:
        raise ValidationError("Only a draft report can be discarded.")
    if lock_version is None:
        raise ValidationError("Open the report again, then discard it from there.")
    _refuse_if_stale(locked, lock_version, doing="discarded")
    audit_record(
        actor=actor,
        verb="discarded",
        object_type="progressreport",
        object_id=locked.pk,
        area=locked.area,
        note=locked.title,
    )
    locked.delete()


# Metrics -----------------------------------------------------------------------------------


def metric_link_catalogue(*, metric):
    """Point an area's KPI at the catalogue entry that is the same measure, if there is one
    and it is not linked already. Returns the catalogue entry or None."""
    if metric.area_id is None or metric.maps_to_id:
        return metric.maps_to
    slug = same_measure(metric.source_text or metric.name)
    target = Metric.objects.filter(slug=slug, area__isnull=True).first() if slug else None
    if target is not None:
        metric.maps_to = target
        metric.save(update_fields=["maps_to"])
    return target


def _value_text(value):
    return "" if value is None else format_number(value)


@transaction.atomic
def metric_value_record(*, metric, area, period, value, actor, note=""):
    """Record (or correct) the area's value for one period; returns (MetricValue, created)."""
    metric = metric.recorded_as
    if metric.area_id not in (None, area.pk):
        raise ValidationError(f"{metric.name} is another area's measure.")
    if period.kind != metric.period:
        raise ValidationError(
            f"{metric.name} is recorded by {metric.get_period_display().lower()}, not by "
            f"{period.kind}."
        )
    check_plausible(period.start, what="The period")
    check_plausible(period.end, what="The period")
    value, message = check_value(Decimal(value), metric)
    if message:
        raise ValidationError(message[:1].upper() + message[1:])
    existing = (
        MetricValue.objects.select_for_update()
        .filter(metric=metric, area=area, period_start=period.start, period_end=period.end)
        .first()
    )
    before = existing.value if existing else None
    if existing is None:
        row = MetricValue.objects.create(
            metric=metric,
            area=area,
            period_start=period.start,
            period_end=period.end,
            value=value,
            note=note,
            entered_by=_person(actor),
        )
    else:
        row = existing
        if row.value == value and row.note == note:
            return row, False
        row.value, row.note, row.entered_by = value, note, _person(actor)
        row.save(update_fields=["value", "note", "entered_by", "updated_at"])
    audit_record(
        actor=actor,
        verb="recorded value" if existing is None else "corrected value",
        object_type="metricvalue",
        object_id=row.pk,
        area=area,
        field=f"{metric.slug} {period.short_label}",
        before=_value_text(before),
        after=_value_text(value),
        note=note,
    )
    return row, existing is None


@transaction.atomic
def metric_values_import(*, area, data, actor):
    """Record every value of an uploaded CSV, or none: bad lines are reported by number.
    Returns (created, changed)."""
    rows = read_values_csv(area=area, data=data)
    created = changed = 0
    for row in rows:
        before = (
            MetricValue.objects.filter(
                metric=row.metric,
                area=area,
                period_start=row.period.start,
                period_end=row.period.end,
            )
            .values_list("value", "note")
            .first()
        )
        _value, was_created = metric_value_record(
            metric=row.metric,
            area=area,
            period=row.period,
            value=row.value,
            actor=actor,
            note=row.note,
        )
        if was_created:
            created += 1
        elif before != (row.value, row.note):
            changed += 1
    return created, changed
