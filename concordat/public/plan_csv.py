"""The published plan as CSV (issue 2's contract): these columns, in this order, text verbatim.

Formatting follows the open-data files: dates ISO 8601 or empty, lists joined with " | ",
booleans true/false.
"""

from concordat.api.columns import Column
from concordat.api.csvfiles import csv_response

PLAN_COLUMNS = [
    Column("ref", "The action's ref, cleaned.", lambda i: i.action.ref),
    Column("section", "The Concordat section, 1 to 5.", lambda i: i.section_number),
    Column("subtheme", "The sub-theme heading.", lambda i: i.action.subtheme),
    Column("action", "The action's text.", lambda i: i.action.text),
    Column("timescale", "The timescale as written.", lambda i: i.action.timescale),
    Column("start", "Start date derived from the timescale.", lambda i: i.action.start),
    Column("due", "Due date derived from the timescale.", lambda i: i.action.due),
    Column("ongoing", "Whether the timescale says ongoing.", lambda i: i.action.ongoing),
    Column("lead", "The lead as written.", lambda i: i.action.lead),
    Column(
        "lead_organisations",
        "The organisations the lead names.",
        lambda i: [o.name for o in i.organisations],
    ),
    Column("outcomes", "The outcomes, one per item.", lambda i: i.action.outcomes),
    Column("status", "The status as written.", lambda i: i.action.status),
    Column("canonical_status", "The canonical status.", lambda i: i.action.canonical_status),
    Column("rag", "The RAG shown: reported, else suggested.", lambda i: i.rag),
    Column("rag_source", "reported, suggested or empty.", lambda i: i.rag_source),
    Column("new", "New in this version.", lambda i: i.action.new),
    Column(
        "latest_update",
        "The latest published progress note.",
        lambda i: i.latest_update.note if i.latest_update else "",
    ),
    Column(
        "latest_update_date",
        "Its date (the day it was published when the note has none).",
        lambda i: i.latest_update_on,
    ),
]


def plan_csv_response(area, version, items):
    return csv_response(
        filename=f"{area.slug}-plan-version-{version.number}.csv",
        columns=PLAN_COLUMNS,
        queryset=items,
    )
