"""Word exports: the plan as a board paper, and a progress report."""

from docx.enum.text import WD_BREAK
from docx.shared import Cm

from concordat.reports.presenters import report_details, section_title

from . import word
from .columns import cell_value, columns_for, rag_of
from .data import RAG_COLUMNS, STATUS_COLUMNS, long_date, status_text

SUMMARY_HEADINGS = ["Concordat section", "Total"] + [
    label if key else "Not stated" for key, label in STATUS_COLUMNS
]
RAG_HEADINGS = [label if key else "No RAG" for key, label in RAG_COLUMNS]
WIDTH_CM = 26.1  # A4 landscape less the margins


def plan_docx(export):
    document = word.new_document(
        title=export.title,
        subject=export.version_line,
        landscape=True,
        draft=export.draft,
    )
    _cover(document, export)
    _summary(document, export)
    _overdue(document, export)
    _recent(document, export)
    _full_table(document, export)
    return word.to_bytes(document)


def _cover(document, export):
    document.add_heading(export.title, level=1)
    if export.draft:
        word.draft_notice(document)
    document.add_paragraph(f"Area: {export.area.name}")
    document.add_paragraph(f"Version: {export.version_line}")
    document.add_paragraph(f"Date of this paper: {long_date(export.on)}")
    totals = export.totals
    document.add_paragraph(
        f"{totals.total} actions: "
        + ", ".join(
            f"{totals.by_status.get(key, 0)} {label.lower()}"
            for key, label in STATUS_COLUMNS
            if key or totals.by_status.get(key, 0)
        )
        + f". {len(export.overdue)} overdue."
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _summary(document, export):
    document.add_heading("Summary by section", level=2)
    document.add_paragraph(
        "Actions in each Concordat section by status and by RAG rating. The RAG counts use the "
        "rating the area reported or, where it reported none, the system's suggestion."
    )
    grid = word.table(document, SUMMARY_HEADINGS + RAG_HEADINGS)
    for summary in [*export.sections, export.totals]:
        label = f"{summary.number}. {summary.title}" if summary.number else summary.title
        row = grid.add_row().cells
        values = [label, str(summary.total)]
        values += [str(summary.by_status.get(key, 0)) for key, _label in STATUS_COLUMNS]
        values += [str(summary.by_rag.get(key, 0)) for key, _label in RAG_COLUMNS]
        for cell, value in zip(row, values, strict=True):
            word.fill_cell(cell, value, bold=summary is export.totals)
    word.set_widths(grid, [Cm(6.1)] + [Cm(2.0)] * (len(SUMMARY_HEADINGS + RAG_HEADINGS) - 1))


def _overdue(document, export):
    document.add_heading("Overdue actions", level=2)
    overdue = export.overdue
    if not overdue:
        document.add_paragraph(f"No action was overdue on {long_date(export.on)}.")
        return
    document.add_paragraph(
        f"{len(overdue)} actions were past their due date and not complete on "
        f"{long_date(export.on)}."
    )
    for item in overdue:
        action = item.action
        status = status_text(action) or "no status given"
        document.add_paragraph(
            f"{action.ref} {_first_line(action.text)} — due {long_date(action.due)}; "
            f"lead: {action.lead or 'not given'}; status: {status}.",
            style="List Bullet",
        )


def _recent(document, export):
    document.add_heading("Recent progress", level=2)
    recent = export.recent
    if not recent:
        document.add_paragraph("No progress was recorded in the last six months.")
        return
    document.add_paragraph("The latest note on each action updated in the last six months.")
    for item in recent:
        document.add_heading(f"{item.action.ref} — {long_date(item.latest_update_on)}", level=3)
        word.add_text(document, item.latest_update.summary)


def _full_table(document, export):
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("The action plan", level=2)
    columns = columns_for(export)
    grid = word.table(document, [column.heading for column in columns])
    total = sum(column.width for column in columns)
    widths = [Cm(WIDTH_CM * column.width / total) for column in columns]
    for _number, heading, subthemes in export.grouped():
        word.band_row(grid, heading)
        for subtheme, items in subthemes:
            if subtheme:
                word.band_row(grid, subtheme, bold=False)
            for item in items:
                cells = grid.add_row().cells
                for cell, column in zip(cells, columns, strict=True):
                    word.fill_cell(cell, cell_value(column, item))
                    word.colour_rag(cell, rag_of(column, item))
    word.set_widths(grid, widths)


def _first_line(text):
    line = next((part.strip() for part in (text or "").split("\n") if part.strip()), "")
    return line if len(line) <= 200 else line[:199].rstrip() + "…"


# Progress reports ----------------------------------------------------------------------


def report_docx(report, *, draft=False):
    document = word.new_document(
        title=report.title,
        subject=f"{report.area.name} progress report {report.period_label}".strip(),
        draft=draft,
    )
    document.add_heading(report.title, level=1)
    if draft:
        word.draft_notice(document)
    for label, value in report_details(report):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    sections = [s for s in report.sections.all() if s.body.strip()]
    milestones = list(report.milestones.all())
    milestones_after = "narrative" if any(s.key == "narrative" for s in sections) else None
    if milestones_after is None:
        _milestones(document, milestones)
    for section in sections:
        document.add_heading(section_title(section), level=2)
        word.add_text(document, section.body)
        if section.key == milestones_after:
            _milestones(document, milestones)
    return word.to_bytes(document)


def _milestones(document, milestones):
    document.add_heading("Milestones", level=2)
    if not milestones:
        document.add_paragraph("The report lists no milestones.")
        return
    grid = word.table(document, ["Item no.", "Milestone", "Due date", "Status"])
    for milestone in milestones:
        cells = grid.add_row().cells
        values = [milestone.item_text, milestone.text, milestone.due_text, milestone.status_text]
        for cell, value in zip(cells, values, strict=True):
            word.fill_cell(cell, value)
    word.set_widths(grid, [Cm(2.2), Cm(9.4), Cm(3.2), Cm(2.6)])
