"""The action table every plan export shares: the columns of the Concordat's action-plan
template, with the values for one action. The headings are ones the importer recognises, so
an export reads back as the same plan."""

from dataclasses import dataclass

from concordat.core.labels import field_label
from concordat.core.models import Action

from .data import (
    outcomes_text,
    progress_date,
    progress_text,
    rag_text,
    status_text,
    suggested_rag_text,
)


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: int  # in characters, for spreadsheets; the other formats scale from it
    share: int = 0  # the documents' share of the page where it differs from `width`


def heading(field):
    """The heading of a column that holds an action's field: the field's own label."""
    return field_label(Action, field)


TIMESCALE = [Column("timescale", heading("timescale"), 18)]
# The spreadsheet's dates as dates (the importer reads `Start` and `Due` beside `Timescale` as
# the dates already derived from it).
DATES = [Column("start_on", heading("start"), 11), Column("due_on", heading("due"), 11)]
START_FINISH = [
    Column("start", heading("start_text"), 14),
    Column("finish", heading("finish_text"), 14),
]
BEFORE = [Column("ref", heading("ref"), 7), Column("action", heading("text"), 55)]
AFTER = [
    Column("lead", heading("lead"), 22),
    Column("outcomes", heading("outcomes"), 34),
    Column("status", heading("status"), 16),
    Column("rag", heading("rag"), 9),
    Column("suggested_rag", "Suggested RAG", 11),
    Column("progress", "Latest progress", 55, share=42),
    Column("progress_date", "Progress date", 13),
]
# The shorter table of the board paper and the PDF: what a board reads.
BRIEF_AFTER = [
    Column("lead", heading("lead"), 20),
    Column("status", heading("status"), 14),
    Column("rag", heading("rag"), 8),
    Column("suggested_rag", "Suggested RAG", 9),
    Column("progress", "Latest progress", 40),
]


def columns_for(export, *, brief=False, spreadsheet=False):
    """The columns of a format's action table. The spreadsheet has the timescale as written
    (for a plan with start and finish columns, both joined) and then real start and due
    dates, for sorting and filtering."""
    if spreadsheet:
        return BEFORE + TIMESCALE + DATES + AFTER
    dates = START_FINISH if export.uses_start_finish else TIMESCALE
    if brief:
        return BEFORE + dates + BRIEF_AFTER
    return BEFORE + dates + AFTER


def ref_text(action):
    return f"{action.ref}*" if action.new and action.ref else action.ref


def cell_value(column, item):
    action = item.action
    values = {
        "ref": lambda: ref_text(action),
        "action": lambda: action.text,
        "timescale": lambda: action.timescale,
        "start": lambda: action.start_text,
        "finish": lambda: action.finish_text,
        "lead": lambda: action.lead,
        "outcomes": lambda: outcomes_text(action),
        "status": lambda: status_text(action),
        "rag": lambda: rag_text(action),
        "suggested_rag": lambda: suggested_rag_text(item),
        "progress": lambda: progress_text(item),
        "progress_date": lambda: progress_date(item),
    }
    return values[column.key]()


def sheet_value(column, item):
    """A cell's value for a spreadsheet: dates as dates, everything else as text."""
    if column.key == "start_on":
        return item.action.start
    if column.key == "due_on":
        return item.action.due
    if column.key == "progress_date":
        return item.latest_update_on if item.latest_update else None
    return cell_value(column, item)


def rag_of(column, item):
    """The RAG a cell shows (for colouring), or ""."""
    if column.key == "rag":
        return item.action.rag
    if column.key == "suggested_rag" and item.rag_source == "suggested":
        return item.rag
    return ""
