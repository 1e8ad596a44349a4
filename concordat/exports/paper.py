"""The plan as a board paper, as a list of blocks that the Word and OpenDocument writers both
render, so that the two files always hold the same sections in the same order:

a heading block (title, area, version, date, the counts and how to read RAG), the summary by
section, overdue actions, recent progress, then the whole action table on a new page.
"""

from dataclasses import dataclass, field

from concordat.core.outbound import sentence

from .columns import Column, cell_value, columns_for, rag_of
from .data import RAG_COLUMNS, STATUS_COLUMNS, long_date, status_text

BULLETS = ("•", "·", "▪", "◦", "-", "*", "–")
DRAFT_NOTICE = "DRAFT — not published. This copy comes from the workspace and may change."
SUMMARY_COLUMNS = [Column("section", "Concordat section", 30), Column("total", "Total", 8)] + [
    Column(key or "none", label if key else "Not stated", 9) for key, label in STATUS_COLUMNS
]
SUMMARY_COLUMNS += [
    Column(f"rag-{key or 'none'}", label if key else "No RAG", 8) for key, label in RAG_COLUMNS
]


@dataclass
class Heading:
    text: str
    level: int


@dataclass
class Paragraph:
    text: str
    label: str = ""  # a bold label before the text ("Area: ")
    strong: bool = False


@dataclass
class Bullets:
    items: list


@dataclass
class PageBreak:
    pass


@dataclass
class Cell:
    text: str
    rag: str = ""


@dataclass
class Row:
    cells: list = field(default_factory=list)  # Cell, one a column
    band: str = ""  # a section ("section") or sub-theme ("subtheme") heading across the table
    text: str = ""
    strong: bool = False


@dataclass
class Grid:
    name: str
    columns: list  # Column: heading and relative width
    rows: list  # Row
    numbers: bool = False  # every column but the first holds counts


def text_blocks(text):
    """Stored text as paragraphs, lines starting with a bullet as a bulleted list."""
    blocks, items = [], []
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith(BULLETS) and line.lstrip("".join(BULLETS)).strip():
            items.append(line.lstrip("".join(BULLETS)).strip())
            continue
        if items:
            blocks.append(Bullets(items))
            items = []
        blocks.append(Paragraph(line))
    if items:
        blocks.append(Bullets(items))
    return blocks


def counts_sentence(export):
    totals = export.totals
    parts = [
        f"{totals.by_status.get(key, 0)} {label.lower()}"
        for key, label in STATUS_COLUMNS
        if key or totals.by_status.get(key, 0)
    ]
    return (
        f"{totals.total} actions: {', '.join(parts)}. "
        f"{len(export.overdue)} overdue on {long_date(export.on)}."
    )


def first_line(text):
    line = next((part.strip() for part in (text or "").split("\n") if part.strip()), "")
    return line if len(line) <= 200 else line[:199].rstrip() + "…"


def plan_paper(export):
    blocks = [Heading(export.title, 1)]
    if export.draft:
        blocks.append(Paragraph(DRAFT_NOTICE, strong=True))
    blocks += [
        Paragraph(export.area.name, label="Area"),
        Paragraph(export.version_line, label="Version"),
        Paragraph(long_date(export.on), label="Date of this paper"),
        Paragraph(counts_sentence(export), label="Actions"),
        Paragraph(
            "RAG is the rating the area reported. Where it reported none, the system suggests "
            "one (blue when complete, red when overdue, amber when not updated for six months "
            "or due within 30 days, green when under way), shown in the Suggested RAG column.",
            label="RAG",
        ),
    ]
    blocks += _summary(export)
    blocks += _overdue(export)
    blocks += _recent(export)
    blocks += [PageBreak(), Heading("The action plan", 2), action_grid(export)]
    return blocks


def _summary(export):
    rows = []
    for summary in [*export.sections, export.totals]:
        label = f"{summary.number}. {summary.title}" if summary.number else summary.title
        values = [label, str(summary.total)]
        values += [str(summary.by_status.get(key, 0)) for key, _label in STATUS_COLUMNS]
        values += [str(summary.by_rag.get(key, 0)) for key, _label in RAG_COLUMNS]
        rows.append(Row([Cell(value) for value in values], strong=summary is export.totals))
    return [
        Heading("Summary by section", 2),
        Paragraph(
            "Actions in each Concordat section by status and by RAG rating. The RAG counts use "
            "the rating the area reported or, where it reported none, the system's suggestion."
        ),
        Grid("Summary", SUMMARY_COLUMNS, rows, numbers=True),
    ]


def _overdue(export):
    blocks = [Heading("Overdue actions", 2)]
    overdue = export.overdue
    if not overdue:
        return blocks + [Paragraph(f"No action was overdue on {long_date(export.on)}.")]
    blocks.append(
        Paragraph(
            f"{len(overdue)} action{'s were' if len(overdue) != 1 else ' was'} past "
            f"{'their' if len(overdue) != 1 else 'its'} due date and not complete on "
            f"{long_date(export.on)}."
        )
    )
    items = []
    for item in overdue:
        action = item.action
        status = status_text(action) or "no status given"
        lead = (action.lead or "not given").rstrip(" .;")
        items.append(
            sentence(
                f"{action.ref} {first_line(action.text)} — due {long_date(action.due)}; "
                f"lead: {lead}; status: {status}"
            )
        )
    return blocks + [Bullets(items)]


def _recent(export):
    blocks = [Heading("Recent progress", 2)]
    recent = export.recent
    if not recent:
        return blocks + [Paragraph("No progress was recorded in the last six months.")]
    blocks.append(Paragraph("The latest note on each action updated in the last six months."))
    for item in recent:
        blocks.append(Heading(f"{item.action.ref} — {long_date(item.latest_update_on)}", 3))
        blocks += text_blocks(item.latest_update.summary)
    return blocks


def action_grid(export):
    columns = columns_for(export)
    rows = []
    for _number, heading, subthemes in export.grouped():
        rows.append(Row(band="section", text=heading))
        for subtheme, items in subthemes:
            if subtheme:
                rows.append(Row(band="subtheme", text=subtheme))
            for item in items:
                rows.append(
                    Row(
                        [Cell(cell_value(column, item), rag_of(column, item)) for column in columns]
                    )
                )
    return Grid("ActionPlan", columns, rows)


def grid_texts(grid):
    """The texts of each column's cells, for sizing the columns."""
    return [[cell.text for cell in row.cells] for row in grid.rows if not row.band]
