"""Plan documents that carry meaning in how they look: struck-through and grey text, cell
shading, bold rows, Word's automatic numbering, page headers and footers, real date cells.

A cell is plain text, or a Cell with its looks. Built in memory with python-docx, openpyxl,
odfpy and reportlab, as tests/imports/documents.py builds the plain ones.
"""

import io
from dataclasses import dataclass, field

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Font, PatternFill
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


@dataclass
class Cell:
    text: str = ""
    strike: bool = False
    grey: bool = False
    fill: str = ""  # RRGGBB
    bold: bool = False
    lines: list[str] = field(default_factory=list)  # paragraphs after the first
    numbered: bool = False  # Word automatic numbering (the number is not in the text)


def _cell(value):
    return value if isinstance(value, Cell) else Cell(str(value))


# --- Word ------------------------------------------------------------------------------------


def _numbering(document, fmt, text):
    """A new list in the document's numbering part: its numId."""
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    abstract.append(level)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(num_ids, default=0) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def _number_paragraph(paragraph, num_id):
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    ident = OxmlElement("w:numId")
    ident.set(qn("w:val"), str(num_id))
    num_pr.append(level)
    num_pr.append(ident)
    ppr.append(num_pr)


def _run(paragraph, text, look):
    run = paragraph.add_run(text)
    run.font.strike = look.strike or None
    run.font.bold = look.bold or None
    if look.grey:
        run.font.color.rgb = docx.shared.RGBColor(0x80, 0x80, 0x80)
    return run


def _shade(cell, fill):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def styled_docx(blocks, *, header=None, footer=None):
    """blocks: ("p", text) | ("numbered", [texts], fmt, lvl_text) | ("bullet", text) |
    ("table", rows) | ("table", rows, merges) where merges are ((r, c), (r, c)) pairs.
    A row of one cell spans the table. A Cell with numbered=True in a table is numbered by
    the table's own list (decimal, "%1.")."""
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    for block in blocks:
        kind = block[0]
        if kind == "p":
            document.add_paragraph(block[1])
        elif kind == "bullet":
            document.add_paragraph(block[1], style="List Bullet")
        elif kind == "numbered":
            num_id = _numbering(document, block[2], block[3])
            for text in block[1]:
                paragraph = document.add_paragraph()
                _run(paragraph, text, Cell(bold=True))
                _number_paragraph(paragraph, num_id)
        elif kind == "table":
            _table(document, block[1], block[2] if len(block) > 2 else ())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, rows, merges):
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    num_id = None
    for r, row in enumerate(rows):
        targets = [table.cell(r, 0).merge(table.cell(r, width - 1))] if len(row) == 1 else None
        for c, value in enumerate(row):
            cell = targets[0] if targets else table.cell(r, c)
            look = _cell(value)
            paragraph = cell.paragraphs[0]
            _run(paragraph, look.text, look)
            for line in look.lines:
                _run(cell.add_paragraph(), line, look)
            if look.fill:
                _shade(cell, look.fill)
            if look.numbered:
                num_id = num_id or _numbering(document, "decimal", "%1.")
                _number_paragraph(paragraph, num_id)
    for (r1, c1), (r2, c2) in merges:
        top = table.cell(r1, c1)
        text = top.text
        merged = top.merge(table.cell(r2, c2))
        for paragraph in merged.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
        merged.paragraphs[0].text = text


# --- Excel -----------------------------------------------------------------------------------


def styled_xlsx(sheets, *, merges=None, formats=None):
    """sheets: {title: rows}; a value may be a Cell, a number, a date. formats: {title: {"C3":
    "mmm-yy"}}; merges: {title: ["A1:F1"]}."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        ws = workbook.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                target = ws.cell(row=r, column=c)
                if isinstance(value, Cell):
                    target.value = value.text or None
                    target.font = Font(
                        strike=value.strike,
                        bold=value.bold,
                        color="FF808080" if value.grey else None,
                    )
                    if value.fill:
                        target.fill = PatternFill("solid", fgColor="FF" + value.fill)
                else:
                    target.value = value if value != "" else None
        for ref, fmt in (formats or {}).get(title, {}).items():
            ws[ref].number_format = fmt
        for cell_range in (merges or {}).get(title, []):
            ws.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- OpenDocument ----------------------------------------------------------------------------


def styled_odt(paragraphs, rows, *, header=None):
    """An .odt with paragraphs, then one table whose Cells may be shaded, struck or grey."""
    from odf.opendocument import OpenDocumentText
    from odf.style import (
        Footer,
        Header,
        MasterPage,
        PageLayout,
        Style,
        TableCellProperties,
        TextProperties,
    )
    from odf.table import CoveredTableCell, TableColumn, TableRow
    from odf.table import Table as OdfTable
    from odf.table import TableCell as OdfCell
    from odf.text import P, Span

    document = OpenDocumentText()
    styles = {}

    def cell_style(fill):
        name = f"fill{fill}"
        if name not in styles:
            style = Style(name=name, family="table-cell")
            style.addElement(TableCellProperties(backgroundcolor=f"#{fill}"))
            document.automaticstyles.addElement(style)
            styles[name] = style
        return styles[name]

    def text_style(look):
        name = f"t{int(look.strike)}{int(look.grey)}{int(look.bold)}"
        if name not in styles:
            style = Style(name=name, family="text")
            props = {}
            if look.strike:
                props["textlinethroughstyle"] = "solid"
            if look.grey:
                props["color"] = "#808080"
            if look.bold:
                props["fontweight"] = "bold"
            style.addElement(TextProperties(**props))
            document.automaticstyles.addElement(style)
            styles[name] = style
        return styles[name]

    if header:
        layout = PageLayout(name="layout")
        document.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        top = Header()
        top.addElement(P(text=header))
        master.addElement(top)
        master.addElement(Footer())
        document.masterstyles.addElement(master)
    for text in paragraphs:
        document.text.addElement(P(text=text))
    width = max(len(row) for row in rows)
    table = OdfTable(name="Plan")
    table.addElement(TableColumn(numbercolumnsrepeated=width))
    for row in rows:
        tr = TableRow()
        looks = [_cell(value) for value in row]
        for index, look in enumerate(looks):
            attributes = {}
            if look.fill:
                attributes["stylename"] = cell_style(look.fill)
            if len(row) == 1:
                attributes["numbercolumnsspanned"] = width
            cell = OdfCell(**attributes)
            paragraph = P()
            if look.strike or look.grey or look.bold:
                paragraph.addElement(Span(stylename=text_style(look), text=look.text))
            else:
                paragraph.addText(look.text)
            cell.addElement(paragraph)
            tr.addElement(cell)
            if len(row) == 1:
                for _ in range(width - 1):
                    tr.addElement(CoveredTableCell())
            del index
        table.addElement(tr)
    document.text.addElement(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF -------------------------------------------------------------------------------------


def styled_pdf(rows, *, title=None, running_header=None, footer=True, widths=None):
    """A landscape PDF: one ruled table over pages (heading row repeated), a running header
    and "Page N" footer on every page; Cells may be shaded, struck or grey."""
    sheet = getSampleStyleSheet()
    cell_style = sheet["BodyText"].clone("cell", fontSize=8, leading=10)
    width = max(len(row) for row in rows)
    data, style = (
        [],
        [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, "black")],
    )
    for r, row in enumerate(rows):
        if len(row) == 1:
            style.append(("SPAN", (0, r), (width - 1, r)))
        cells = []
        for c, value in enumerate(row):
            look = _cell(value)
            markup = look.text
            if look.strike:
                markup = f"<strike>{markup}</strike>"
            if look.grey:
                markup = f'<font color="#808080">{markup}</font>'
            if look.bold:
                markup = f"<b>{markup}</b>"
            cells.append(Paragraph(markup, cell_style))
            if look.fill:
                style.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(f"#{look.fill}")))
        data.append(cells + [""] * (width - len(cells)))
    table = Table(
        data, colWidths=widths or ([45, 250, 90, 130, 110] + [80] * 6)[:width], repeatRows=1
    )
    table.setStyle(TableStyle(style))

    def page(canvas, doc):
        canvas.setFont("Helvetica", 8)
        if running_header:
            canvas.drawString(40, doc.pagesize[1] - 25, running_header)
        if footer:
            canvas.drawString(40, 15, f"Page {doc.page}")

    story = []
    if title:
        story += [Paragraph(title, sheet["Title"]), Spacer(1, 8)]
    story.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), topMargin=45, bottomMargin=40).build(
        story, onFirstPage=page, onLaterPages=page
    )
    return buffer.getvalue()
