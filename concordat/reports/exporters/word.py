"""Helpers for accessible Word documents: real headings, header rows marked as headers
(repeated on every page), document title and language set."""

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

LANGUAGE = "en-GB"
BULLETS = ("•", "·", "▪", "◦", "-", "*", "–")
RAG_SHADES = {"red": "D4351C", "amber": "F47738", "green": "00703C", "blue": "1D70B8"}
RAG_TEXT = {"red": "FFFFFF", "amber": "0B0C0C", "green": "FFFFFF", "blue": "FFFFFF"}


def new_document(*, title, subject="", landscape=False, draft=False):
    document = docx.Document()
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.language = LANGUAGE
    properties.author = "Crisis Care Concordat action plans"
    _default_language(document)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    if draft:
        header = section.header.paragraphs[0]
        run = header.add_run("DRAFT — not published")
        run.bold = True
    return document


def _default_language(document):
    """Set the language of every run that does not say otherwise (styles' docDefaults)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)


def draft_notice(document):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(
        "DRAFT — not published. This copy comes from the workspace and may change."
    )
    run.bold = True
    run.font.size = Pt(14)


def add_text(document, text, *, lists=True):
    """Paragraphs and, with `lists`, lines starting with a bullet as a bulleted list."""
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if lists and line.startswith(BULLETS):
            document.add_paragraph(line.lstrip("".join(BULLETS)).strip(), style="List Bullet")
        else:
            document.add_paragraph(line)


def table(document, headings, *, widths=None):
    """A bordered table whose first row is a header row repeated on every page."""
    grid = document.add_table(rows=1, cols=len(headings))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = grid.rows[0]
    mark_header(header)
    for cell, heading in zip(header.cells, headings, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
        shade(cell, "DDE3E7")
    if widths:
        set_widths(grid, widths)
    return grid


def mark_header(row):
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def set_widths(grid, widths):
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def shade(cell, colour):
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    properties.append(fill)


def fill_cell(cell, text, *, bold=False):
    """Cell text as paragraphs, one a line, kept verbatim (bullets included)."""
    lines = (text or "").split("\n")
    first = cell.paragraphs[0]
    first.text = ""
    run = first.add_run(lines[0])
    run.bold = bold
    for line in lines[1:]:
        cell.add_paragraph(line)


def colour_rag(cell, rag):
    if rag not in RAG_SHADES:
        return
    shade(cell, RAG_SHADES[rag])
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(RAG_TEXT[rag])


def band_row(grid, text, *, bold=True):
    """A row across the whole table (a section or sub-theme heading inside the table)."""
    row = grid.add_row()
    cells = row.cells
    merged = cells[0].merge(cells[-1])
    merged.text = ""
    run = merged.paragraphs[0].add_run(text)
    run.bold = bold
    run.italic = not bold
    if bold:
        shade(merged, "F3F2F1")
    return row


def to_bytes(document):
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
