"""Helpers for accessible Word documents that open the same in Word and LibreOffice: real
headings, header rows marked as headers (repeated on every page), title, author, dates and
language set, "Page x of y" in the footer, and tables whose grid (which LibreOffice follows)
matches their cells' widths and fits the page.

All text passes through `xml_safe` here, on its way into the document.
"""

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from concordat.core.outbound import xml_safe

from . import layout, paper

LANGUAGE = "en-GB"
FONT = "Arial"
SITE = "Crisis Care Concordat action plans"
RAG_SHADES = {"red": "D4351C", "amber": "F47738", "green": "00703C", "blue": "1D70B8"}
RAG_TEXT = {"red": "FFFFFF", "amber": "0B0C0C", "green": "FFFFFF", "blue": "FFFFFF"}
HEADER_SHADE = "DDE3E7"
BAND_SHADE = "F3F2F1"
MARGIN_CM = 1.8
TABLE_TEXT = "Table Text"
TABLE_TEXT_ID = "TableText"  # its style id, set directly: looking a style up by name is slow
CELL_MARGIN_TWIPS = 57  # 0.1 cm each side
TABLE_FONT = layout.Font(size=8, padding=7)  # the cell's margins and its borders
EMU_PER_PT = 12700


def new_document(
    *, title, subject="", author=SITE, created=None, modified=None, landscape=False, draft=False
):
    document = docx.Document()
    properties = document.core_properties
    properties.title = xml_safe(title)
    properties.subject = xml_safe(subject)
    properties.language = LANGUAGE
    properties.author = xml_safe(author)
    properties.last_modified_by = SITE
    properties.comments = ""
    properties.keywords = "Crisis Care Concordat"
    properties.revision = 1
    if created:
        properties.created = created
    if modified or created:
        properties.modified = modified or created
    _default_language(document)
    _styles(document)
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    if draft:
        header = section.header.paragraphs[0]
        run = header.add_run("DRAFT — not published")
        run.bold = True
    _page_numbers(section, title)
    return document


def text_width_pt(document):
    section = document.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) / EMU_PER_PT


def _styles(document):
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    _plain_font(normal)
    for name, size in (("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 11), ("Title", 20)):
        style = document.styles[name]
        _plain_font(style)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
    cell_text = document.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    cell_text.style_id = TABLE_TEXT_ID
    cell_text.base_style = normal
    cell_text.font.size = Pt(TABLE_FONT.size)
    cell_text.paragraph_format.space_after = Pt(0)
    cell_text.paragraph_format.space_before = Pt(0)
    cell_text.paragraph_format.line_spacing = 1.0


def _plain_font(style):
    """Arial for every script, and no theme font (which would win over it)."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


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


def _field(paragraph, instruction, shown):
    """A field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, shown)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
            run._r.append(element)
        else:
            run.text = text
    run = paragraph.add_run()
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), "end")
    run._r.append(element)


def _page_numbers(section, title):
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(f"{xml_safe(title)} · Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")
    for run in paragraph.runs:
        run.font.size = Pt(8)


# Blocks of a board paper (paper.py) ----------------------------------------------------------


def render(document, blocks):
    for block in blocks:
        if isinstance(block, paper.Heading):
            document.add_heading(xml_safe(block.text), level=block.level)
        elif isinstance(block, paper.Paragraph):
            paragraph = document.add_paragraph()
            if block.label:
                paragraph.add_run(f"{block.label}: ").bold = True
            run = paragraph.add_run(xml_safe(block.text))
            if block.strong:
                run.bold = True
                run.font.size = Pt(14)
        elif isinstance(block, paper.Bullets):
            for item in block.items:
                document.add_paragraph(xml_safe(item), style="List Bullet")
        elif isinstance(block, paper.PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, paper.Grid):
            grid_table(document, block)


def grid_table(document, grid):
    total = text_width_pt(document)
    widths = layout.column_widths(
        grid.columns,
        paper.grid_texts(grid),
        total=total,
        font=TABLE_FONT,
        words=layout.office_words,
    )
    table = new_table(document, [column.heading for column in grid.columns], widths)
    for row in grid.rows:
        if row.band:
            band_row(table, row.text, widths, bold=row.band == "section")
            continue
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row.cells, strict=True)):
            cell.width = Emu(int(widths[index] * EMU_PER_PT))
            fill_cell(cell, value.text, bold=row.strong, right=grid.numbers and index > 0)
            colour_rag(cell, value.rag)
    return table


def new_table(document, headings, widths):
    """A bordered table of fixed column widths (points), whose first row is a header row
    repeated on every page. The grid, the table's width and each cell say the same widths."""
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(round(w * 20) for w in widths)))
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    look = properties.find(qn("w:tblLook"))
    if look is not None:  # the schema's order: the margins come before tblLook
        look.addprevious(margins)
    else:
        properties.append(margins)
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = Emu(int(column_width * EMU_PER_PT))
    header = table.rows[0]
    mark_header(header)
    for cell, heading, column_width in zip(header.cells, headings, widths, strict=True):
        cell.width = Emu(int(column_width * EMU_PER_PT))
        fill_cell(cell, heading, bold=True)
        shade(cell, HEADER_SHADE)
    return table


def mark_header(row):
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def shade(cell, colour):
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    properties.append(fill)


def fill_cell(cell, text, *, bold=False, right=False):
    """Cell text as paragraphs, one a line, kept verbatim (bullets included)."""
    lines = xml_safe(text or "").split("\n")
    paragraphs = [cell.paragraphs[0]] + [cell.add_paragraph() for _line in lines[1:]]
    for paragraph, line in zip(paragraphs, lines, strict=True):
        paragraph._p.style = TABLE_TEXT_ID
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(line)
        run.bold = bold or None


def colour_rag(cell, rag):
    if rag not in RAG_SHADES:
        return
    shade(cell, RAG_SHADES[rag])
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(RAG_TEXT[rag])


def band_row(table, text, widths, *, bold=True):
    """A row across the whole table (a section or sub-theme heading inside the table)."""
    row = table.add_row()
    cells = row.cells
    merged = cells[0].merge(cells[-1])
    merged.width = Emu(int(sum(widths) * EMU_PER_PT))
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = merged.paragraphs[0]
    paragraph._p.style = TABLE_TEXT_ID
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    run = paragraph.add_run(xml_safe(text))
    run.bold = bold
    run.italic = not bold
    if bold:
        shade(merged, BAND_SHADE)
    return row


def to_bytes(document):
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
