"""The columns of each open-data CSV file: name, what it holds, how to read it from a row.

One definition serves the CSV listings, the downloads ZIP and the README inside it.
Dates are ISO 8601 or empty; lists are joined with " | "; booleans are true/false.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    get: Callable[[Any], Any]


def text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(text(item) for item in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _leads(action):
    return [lead.organisation for lead in action.leads.all()]


def rag_source(action):
    if action.rag:
        return "reported"
    return "suggested" if action.effective_rag else ""


ACTION_COLUMNS = [
    Column(
        "area",
        "The area's slug (england for the national plan).",
        lambda a: a.version.plan.area.slug,
    ),
    Column(
        "version", "The plan version number the action is written in.", lambda a: a.version.number
    ),
    Column(
        "uid",
        "The action's stable id: the same in every version of the plan.",
        lambda a: a.identity.uid,
    ),
    Column("ref", "The action's reference as the plan writes it, cleaned (1.10).", lambda a: a.ref),
    Column(
        "section", "The Concordat section, 1 to 5.", lambda a: a.section.number if a.section else ""
    ),
    Column("subtheme", "The sub-theme heading the action sits under.", lambda a: a.subtheme),
    Column("action", "The action's text, verbatim.", lambda a: a.text),
    Column("timescale", "The timescale as written.", lambda a: a.timescale),
    Column("start", "Start date derived from the timescale.", lambda a: a.start),
    Column("due", "Due date derived from the timescale.", lambda a: a.due),
    Column("ongoing", "Whether the timescale says the action is ongoing.", lambda a: a.ongoing),
    Column("lead", "The lead as written.", lambda a: a.lead),
    Column(
        "lead_organisations",
        "The organisations the lead names.",
        lambda a: [o.name for o in _leads(a)],
    ),
    Column(
        "lead_organisation_slugs",
        "Their slugs, as used by the API's filters.",
        lambda a: [o.slug for o in _leads(a)],
    ),
    Column("outcomes", "The outcomes the action is meant to bring.", lambda a: a.outcomes),
    Column("status", "The status as written.", lambda a: a.status),
    Column(
        "canonical_status",
        "not_started, in_progress, complete or superseded.",
        lambda a: a.canonical_status,
    ),
    Column(
        "rag", "red, amber, green or blue (complete); empty when none.", lambda a: a.effective_rag
    ),
    Column(
        "rag_source",
        "reported (given by the plan or a person) or suggested (by the "
        "system: blue when complete, red when overdue).",
        rag_source,
    ),
    Column("new", "Whether the action is new in this version.", lambda a: a.new),
    Column("latest_update", "The latest published progress note.", lambda a: a.latest_update_note),
    Column("latest_update_date", "Its date.", lambda a: a.latest_update_date),
]

UPDATE_COLUMNS = [
    Column("id", "The progress update's id.", lambda u: u.pk),
    Column("area", "The area's slug.", lambda u: u.version.plan.area.slug),
    Column("action_uid", "The stable id of the action it is about.", lambda u: u.identity.uid),
    Column("version", "The plan version it was published with.", lambda u: u.version.number),
    Column(
        "date",
        "The date of the note (the publication date when the source gave none).",
        lambda u: u.on,
    ),
    Column("note", "The progress note, verbatim.", lambda u: u.note),
    Column("status", "The status given with the note, as written.", lambda u: u.status),
    Column("canonical_status", "The canonical status at that time.", lambda u: u.canonical_status),
    Column("rag", "The RAG given with the note.", lambda u: u.rag),
]

AREA_COLUMNS = [
    Column("slug", "The area's stable id.", lambda a: a.slug),
    Column("name", "The area's name.", lambda a: a.name),
    Column("kind", "national, overarching or local.", lambda a: a.kind),
    Column(
        "parent",
        "The slug of the overarching group it reports into.",
        lambda a: a.parent.slug if a.parent else "",
    ),
    Column("region", "The NHS region.", lambda a: a.region),
    Column("hwb_areas", "The Health and Wellbeing Board areas it covers.", lambda a: a.hwb_areas),
    Column(
        "declaration_date", "When the local declaration was signed.", lambda a: a.declaration_date
    ),
    Column(
        "declaration_signatories",
        "Slugs of the organisations that signed it.",
        lambda a: [o.slug for o in a.declaration_signatories.all()],
    ),
    Column("chair", "The group's chair.", lambda a: a.chair),
    Column("project_manager", "The group's project manager.", lambda a: a.project_manager),
    Column(
        "review_cycle_months",
        "Months between publishing the plan and its review.",
        lambda a: a.review_cycle_months,
    ),
    Column(
        "latest_version", "Number of the latest published plan version.", lambda a: a.latest_version
    ),
    Column("latest_published_at", "When it was published.", lambda a: a.latest_published_at),
]

ORGANISATION_COLUMNS = [
    Column("slug", "The organisation's stable id.", lambda o: o.slug),
    Column("name", "Its name.", lambda o: o.name),
    Column("short_name", "Its usual abbreviation.", lambda o: o.short_name),
    Column("aliases", "Other names plans use for it.", lambda o: o.aliases),
    Column("sector", "Its sector.", lambda o: o.sector),
    Column(
        "national_role",
        "signatory or supporter of the national Concordat, or empty.",
        lambda o: o.national_role.key if o.national_role else "",
    ),
]

VERSION_COLUMNS = [
    Column("area", "The area's slug.", lambda v: v.plan.area.slug),
    Column("number", "The version number.", lambda v: v.number),
    Column("label", "How the plan names the version.", lambda v: v.display_label()),
    Column("title", "The plan's title in this version.", lambda v: v.title),
    Column("published_at", "When it was published.", lambda v: v.published_at),
    Column("review_due", "When the plan is due for review.", lambda v: v.review_due),
    Column("action_count", "How many actions it holds.", lambda v: v.action_count),
]

REPORT_COLUMNS = [
    Column("id", "The report's id.", lambda r: r.pk),
    Column("area", "The area's slug.", lambda r: r.area.slug),
    Column("title", "The report's title.", lambda r: r.title),
    Column("period_start", "First day of the period it covers.", lambda r: r.period_start),
    Column("period_end", "Last day of the period it covers.", lambda r: r.period_end),
    Column("period_label", "The period as written.", lambda r: r.period_label),
    Column(
        "overall_status",
        "on_schedule, work_progressing or behind_schedule.",
        lambda r: r.overall_status,
    ),
    Column(
        "overall_status_text", "The overall status as written.", lambda r: r.overall_status_text
    ),
    Column("published_at", "When it was published.", lambda r: r.published_at),
]

REPORT_SECTION_COLUMNS = [
    Column("report_id", "The report it belongs to.", lambda s: s.report_id),
    Column("key", "Which prompt of the report it answers.", lambda s: s.key),
    Column("title", "The section's title.", lambda s: s.title),
    Column("body", "Its text, verbatim.", lambda s: s.body),
]

MILESTONE_COLUMNS = [
    Column("report_id", "The report it belongs to.", lambda m: m.report_id),
    Column("item", "The item number as written.", lambda m: m.item_text),
    Column("refs", "The action refs it is tied to.", lambda m: m.refs),
    Column("milestone", "The milestone's text.", lambda m: m.text),
    Column("due_text", "The due date as written.", lambda m: m.due_text),
    Column("due", "The due date derived from it.", lambda m: m.due),
    Column("status", "The status as written.", lambda m: m.status_text),
    Column("canonical_status", "The canonical status.", lambda m: m.canonical_status),
]

METRIC_COLUMNS = [
    Column("slug", "The metric's stable id.", lambda m: m.slug),
    Column("name", "Its name.", lambda m: m.name),
    Column("description", "What it measures.", lambda m: m.description),
    Column("unit", "Its unit.", lambda m: m.unit),
    Column("better", "Which direction is better: lower, higher or neither.", lambda m: m.better),
    Column("period", "month, quarter or year.", lambda m: m.period),
    Column("kind", "hard or soft measure.", lambda m: m.kind),
    Column(
        "never_event", "Whether any value above zero is a never event.", lambda m: m.is_never_event
    ),
    Column("target", "The target value.", lambda m: m.target),
    Column("target_text", "The target as written.", lambda m: m.target_text),
    Column(
        "area",
        "The area whose own KPI set it comes from; empty for the national set.",
        lambda m: m.area.slug if m.area else "",
    ),
]

METRIC_VALUE_COLUMNS = [
    Column("metric", "The metric's slug.", lambda v: v.metric.slug),
    Column("area", "The area's slug.", lambda v: v.area.slug),
    Column("period_start", "First day of the period.", lambda v: v.period_start),
    Column("period_end", "Last day of the period.", lambda v: v.period_end),
    Column("value", "The value recorded.", lambda v: v.value),
    Column("note", "A note given with it.", lambda v: v.note),
]


def row(columns, obj):
    return [text(column.get(obj)) for column in columns]
