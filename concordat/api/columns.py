"""The columns of each open-data CSV file: name, what it holds, how to read it from a row.

One definition serves the CSV listings, the downloads ZIP and the README inside it.
Dates are ISO 8601 or empty; lists are joined with " | "; booleans are true/false. Text that
a spreadsheet would run as a formula starts with an apostrophe (`concordat.core.outbound`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from concordat.core.outbound import spreadsheet_safe

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


def rag_source(reported, effective):
    if reported:
        return "reported"
    return "suggested" if effective else ""


def key(name):
    return lambda record: record[name]


def _column(name, description):
    """A column of a record stream (a dict per row, keyed by column name)."""
    return Column(name, description, key(name))


# Actions and updates are many: they are written from dicts (see records.py), not models.
ACTION_COLUMNS = [
    _column("area", "The area's slug (england for the national plan)."),
    _column("version", "The plan version number the action is written in."),
    _column("uid", "The action's stable id: the same in every version of the plan."),
    _column("ref", "The action's reference as the plan writes it, cleaned (1.10)."),
    _column("section", "The Concordat section, 1 to 5."),
    _column("subtheme", "The sub-theme heading the action sits under."),
    _column("action", "The action's text, verbatim."),
    _column("timescale", "The timescale as written."),
    _column("start", "Start date derived from the timescale."),
    _column("due", "Due date derived from the timescale."),
    _column("ongoing", "Whether the timescale says the action is ongoing."),
    _column("lead", "The lead as written."),
    _column("lead_organisations", "The organisations the lead names."),
    _column("lead_organisation_slugs", "Their slugs, as used by the API's filters."),
    _column("outcomes", "The outcomes the action is meant to bring."),
    _column("status", "The status as written."),
    _column("canonical_status", "not_started, in_progress, complete or superseded."),
    _column("rag", "red, amber, green or blue (complete); empty when none."),
    _column(
        "rag_source",
        "reported (given by the plan or a person) or suggested by the system (blue when "
        "complete, red when overdue, amber when stale or due within 30 days, else green "
        "when under way).",
    ),
    _column("new", "Whether the action is new in this version."),
    _column("latest_update", "The latest published progress note."),
    _column("latest_update_date", "Its date."),
]

UPDATE_COLUMNS = [
    _column("id", "The progress update's id."),
    _column("area", "The area's slug."),
    _column("action_uid", "The stable id of the action it is about."),
    _column(
        "version",
        "The plan version it was published with: an imported note's own version, else the "
        "version in force when it was published (notes written on the site belong to none).",
    ),
    _column("date", "The date of the note (the publication date when the source gave none)."),
    _column("note", "The progress note, verbatim."),
    _column("status", "The status given with the note, as written."),
    _column("canonical_status", "The canonical status at that time."),
    _column("rag", "The RAG given with the note."),
    _column(
        "kind",
        "note, or no_change for a dated “reviewed, no change” entry (the status and RAG as "
        "they stood; the note may be empty).",
    ),
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
        "ons_codes",
        "ONS codes of the Health and Wellbeing Board areas it covers, in whole or in part.",
        lambda a: a.ons_codes,
    ),
    Column("population", "Residents, for figures per 100,000.", lambda a: a.population),
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
    _column("metric", "The metric's slug."),
    _column("area", "The area's slug."),
    _column("period_start", "First day of the period."),
    _column("period_end", "Last day of the period."),
    _column("value", "The value recorded."),
    _column("note", "A note given with it."),
]


def cell(value):
    """A CSV cell: a number as it is (a negative number is no formula), anything else as text
    that no spreadsheet runs and that holds no XML-illegal character."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return text(value)
    return spreadsheet_safe(text(value))


def row(columns, obj):
    return [cell(column.get(obj)) for column in columns]
