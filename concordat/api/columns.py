"""The columns of each open-data CSV file: name, what it holds, how to read it from a row.

One definition serves the CSV listings, the downloads ZIP and the README inside it.
Dates are ISO 8601 or empty; lists are joined with " | "; booleans are true/false. Text that
a spreadsheet would run as a formula starts with an apostrophe (`concordat.core.outbound`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
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


def _field(name, description, attribute=None):
    """A column read from a model's attribute (`attribute`, dotted, defaults to the name)."""
    return Column(name, description, attrgetter(attribute or name))


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
    _field("slug", "The area's stable id."),
    _field("name", "The area's name."),
    _field("kind", "national, overarching or local."),
    Column(
        "parent",
        "The slug of the overarching group it reports into.",
        lambda a: a.parent.slug if a.parent else "",
    ),
    _field("region", "The NHS region."),
    _field("hwb_areas", "The Health and Wellbeing Board areas it covers."),
    _field(
        "ons_codes",
        "ONS codes of the Health and Wellbeing Board areas it covers, in whole or in part.",
    ),
    _field("population", "Residents, for figures per 100,000."),
    _field("declaration_date", "When the local declaration was signed."),
    Column(
        "declaration_signatories",
        "Slugs of the organisations that signed it.",
        lambda a: [o.slug for o in a.declaration_signatories.all()],
    ),
    _field("chair", "The group's chair."),
    _field("project_manager", "The group's project manager."),
    _field("review_cycle_months", "Months between publishing the plan and its review."),
    _field("latest_version", "Number of the latest published plan version."),
    _field("latest_published_at", "When it was published."),
]

ORGANISATION_COLUMNS = [
    _field("slug", "The organisation's stable id."),
    _field("name", "Its name."),
    _field("short_name", "Its usual abbreviation."),
    _field("aliases", "Other names plans use for it."),
    _field("sector", "Its sector."),
    Column(
        "national_role",
        "signatory or supporter of the national Concordat, or empty.",
        lambda o: o.national_role.key if o.national_role else "",
    ),
]

VERSION_COLUMNS = [
    _field("area", "The area's slug.", "plan.area.slug"),
    _field("number", "The version number."),
    Column("label", "How the plan names the version.", lambda v: v.display_label()),
    _field("title", "The plan's title in this version."),
    _field("published_at", "When it was published."),
    _field("review_due", "When the plan is due for review."),
    _field("action_count", "How many actions it holds."),
]

REPORT_COLUMNS = [
    _field("id", "The report's id.", "pk"),
    _field("area", "The area's slug.", "area.slug"),
    _field("title", "The report's title."),
    _field("period_start", "First day of the period it covers."),
    _field("period_end", "Last day of the period it covers."),
    _field("period_label", "The period as written."),
    _field("overall_status", "on_schedule, work_progressing or behind_schedule."),
    _field("overall_status_text", "The overall status as written."),
    _field("published_at", "When it was published."),
]

REPORT_SECTION_COLUMNS = [
    _field("report_id", "The report it belongs to."),
    _field("key", "Which prompt of the report it answers."),
    _field("title", "The section's title."),
    _field("body", "Its text, verbatim."),
]

MILESTONE_COLUMNS = [
    _field("report_id", "The report it belongs to."),
    _field("item", "The item number as written.", "item_text"),
    _field("refs", "The action refs it is tied to."),
    _field("milestone", "The milestone's text.", "text"),
    _field("due_text", "The due date as written."),
    _field("due", "The due date derived from it."),
    _field("status", "The status as written.", "status_text"),
    _field("canonical_status", "The canonical status."),
]

METRIC_COLUMNS = [
    _field("slug", "The metric's stable id."),
    _field("name", "Its name."),
    _field("description", "What it measures."),
    _field("unit", "Its unit."),
    _field("better", "Which direction is better: lower, higher or neither."),
    _field("period", "month, quarter or year."),
    _field("kind", "hard or soft measure."),
    _field("never_event", "Whether any value above zero is a never event.", "is_never_event"),
    _field("target", "The target value."),
    _field("target_text", "The target as written."),
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
