"""The plan as an Excel workbook in the shape of the Concordat's action-plan template, made to
open and print the same in Excel and LibreOffice Calc:

- every text cell is text (never a formula, whatever it starts with; refs such as 1.10 stay
  1.10), with XML-illegal characters left out;
- start, due and progress dates are date cells, shown day first;
- the header row is frozen, filtered and printed on every page;
- each row is as tall as its wrapped text needs (Calc does not work it out when it opens a
  workbook, so without heights text runs over the rows below).
"""

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties

from concordat.core.outbound import xml_safe

from . import layout
from .columns import columns_for, rag_of, sheet_value

RAG_FILLS = {
    "red": ("D4351C", "FFFFFF"),
    "amber": ("F47738", "0B0C0C"),
    "green": ("00703C", "FFFFFF"),
    "blue": ("1D70B8", "FFFFFF"),
}
FONT_NAME = "Arial"
FONT_SIZE = 10
SECTION_FILL = PatternFill("solid", fgColor="DDE3E7")
HEADER_FILL = PatternFill("solid", fgColor="0B0C0C")
THIN = Side(style="thin", color="B1B4B6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TEXT_FORMAT = "@"
DATE_FORMAT = "dd/mm/yyyy"
# Excel caps a cell at 32,767 characters.
CELL_LIMIT = 32_000
# Three lines about the plan, a blank line, then the column headings.
HEADER_ROW = 5

# Row heights, in points. A column `width` characters wide is width × 7 pixels (the width of a
# digit of the default font) of which about 8 go on the cell's margins; a line of 10 pt Arial
# takes 12.75 pt in Excel (a little less in Calc). Excel allows rows up to 409 pt.
PIXEL_PT = 0.75
DIGIT_PX = 7
MARGIN_PX = 6
LINE_PT = 12.75
ROW_PADDING_PT = 3
MIN_ROW_PT = 15
MAX_ROW_PT = 409


def _clip(value):
    return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"


def text_width_pt(width):
    """The room for text in a column `width` characters wide, in points."""
    return (width * DIGIT_PX - MARGIN_PX) * PIXEL_PT


def row_height(cells, *, bold=False):
    """The height (points) a row needs: [(text, column width in characters)], the tallest."""
    lines = max(
        layout.wrapped_lines(text, text_width_pt(width), FONT_SIZE, bold=bold)
        for text, width in cells
    )
    return min(MAX_ROW_PT, max(MIN_ROW_PT, lines * LINE_PT + ROW_PADDING_PT))


def write(cell, value):
    """Put a value in a cell: a date as a date cell shown day first, anything else as text.

    Text is always a text cell: openpyxl would store text starting with "=" as a formula, so
    the cell's type is set back to text, and it is marked (quote prefix, text format) so that
    editing it in Excel or Calc keeps it text too.
    """
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    text = _clip(xml_safe(value or ""))
    cell.value = text or None
    if text:
        cell.data_type = "s"
        cell.number_format = TEXT_FORMAT
        cell.quotePrefix = True


def plan_xlsx(export):
    workbook = Workbook()
    _default_font(workbook)
    sheet = workbook.active
    sheet.title = "Action plan"
    columns = columns_for(export, spreadsheet=True)
    width = len(columns)
    last = get_column_letter(width)
    font = Font(name=FONT_NAME, size=FONT_SIZE)

    title = export.title + (" — DRAFT, not published" if export.draft else "")
    lines = [
        title,
        export.version_line,
        f"Downloaded {export.on:%d/%m/%Y}. RAG is the rating the area reported; where it "
        "reported none, Suggested RAG is the system's suggestion. Dates are day/month/year.",
    ]
    for row, line in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1)
        write(cell, line)
        cell.font = Font(name=FONT_NAME, size=14 if row == 1 else FONT_SIZE, bold=row == 1)
    sheet.row_dimensions[1].height = 20

    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index)
        write(cell, column.heading)
        cell.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cell.border = BORDER
    sheet.row_dimensions[HEADER_ROW].height = row_height(
        [(column.heading, column.width) for column in columns], bold=True
    )

    row = HEADER_ROW
    for _number, heading, subthemes in export.grouped():
        row += 1
        _band(sheet, row, heading, width, bold=True)
        for subtheme, items in subthemes:
            if subtheme:
                row += 1
                _band(sheet, row, subtheme, width, bold=False)
            for item in items:
                row += 1
                texts = []
                for index, column in enumerate(columns, start=1):
                    cell = sheet.cell(row=row, column=index)
                    value = sheet_value(column, item)
                    write(cell, value)
                    cell.font = font
                    cell.alignment = WRAP
                    cell.border = BORDER
                    rag = rag_of(column, item)
                    if rag in RAG_FILLS:
                        fill, text = RAG_FILLS[rag]
                        cell.fill = PatternFill("solid", fgColor=fill)
                        cell.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color=text)
                    shown = value.strftime("%d/%m/%Y") if isinstance(value, date) else cell.value
                    texts.append((shown or "", column.width))
                sheet.row_dimensions[row].height = row_height(texts, bold=False)

    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(row, HEADER_ROW + 1)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.left.text = xml_safe(title)
    sheet.oddFooter.right.text = "Page &P of &N"
    if export.draft:
        sheet.oddHeader.center.text = "DRAFT — not published"
    properties = workbook.properties
    properties.title = xml_safe(title)
    properties.subject = xml_safe(export.version_line)
    properties.creator = xml_safe(export.area.name)
    properties.lastModifiedBy = "Crisis Care Concordat action plans"
    properties.language = "en-GB"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _default_font(workbook):
    """Arial 10 as the workbook's own font (column widths are measured in its digits)."""
    workbook._fonts = IndexedList([Font(name=FONT_NAME, size=FONT_SIZE)])


def _band(sheet, row, text, width, *, bold):
    """A section or sub-theme heading across the row. Not merged, so that sorting and
    filtering work: the text runs on over the empty cells beside it."""
    cell = sheet.cell(row=row, column=1)
    write(cell, text)
    cell.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=bold, italic=not bold)
    cell.alignment = Alignment(vertical="top")
    if bold:
        for index in range(1, width + 1):
            sheet.cell(row=row, column=index).fill = SECTION_FILL
    sheet.row_dimensions[row].height = MIN_ROW_PT
