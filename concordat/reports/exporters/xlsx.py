"""The plan as an Excel workbook in the shape of the Concordat's action-plan template."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from .columns import cell_value, columns_for, rag_of

RAG_FILLS = {
    "red": ("D4351C", "FFFFFF"),
    "amber": ("F47738", "0B0C0C"),
    "green": ("00703C", "FFFFFF"),
    "blue": ("1D70B8", "FFFFFF"),
}
SECTION_FILL = PatternFill("solid", fgColor="DDE3E7")
HEADER_FILL = PatternFill("solid", fgColor="0B0C0C")
THIN = Side(style="thin", color="B1B4B6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
# Excel caps a cell at 32,767 characters.
CELL_LIMIT = 32_000
# Three lines about the plan, a blank line, then the column headings.
HEADER_ROW = 5


def _clip(value):
    value = value or ""
    return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"


def plan_xlsx(export):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    columns = columns_for(export)
    width = len(columns)

    title = export.title + (" — DRAFT, not published" if export.draft else "")
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([export.version_line])
    sheet.append(
        [
            f"Downloaded {export.on:%d/%m/%Y}. RAG is the rating the area reported; where it "
            "reported none, Suggested RAG is the system's suggestion."
        ]
    )
    sheet.append([None])
    header_row = HEADER_ROW
    sheet.append([column.heading for column in columns])
    for index in range(1, width + 1):
        cell = sheet.cell(row=header_row, column=index)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cell.border = BORDER

    for _number, heading, subthemes in export.grouped():
        _band(sheet, heading, width, bold=True)
        for subtheme, items in subthemes:
            if subtheme:
                _band(sheet, subtheme, width, bold=False)
            for item in items:
                sheet.append([_clip(cell_value(column, item)) for column in columns])
                row = sheet.max_row
                for index, column in enumerate(columns, start=1):
                    cell = sheet.cell(row=row, column=index)
                    cell.alignment = WRAP
                    cell.border = BORDER
                    rag = rag_of(column, item)
                    if rag in RAG_FILLS:
                        fill, text = RAG_FILLS[rag]
                        cell.fill = PatternFill("solid", fgColor=fill)
                        cell.font = Font(bold=True, color=text)

    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.oddFooter.center.text = "Page &P of &N"
    if export.draft:
        sheet.oddHeader.center.text = "DRAFT — not published"
    workbook.properties.title = title
    workbook.properties.language = "en-GB"
    workbook.properties.creator = "Crisis Care Concordat action plans"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _band(sheet, text, width, *, bold):
    sheet.append([text])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    cell = sheet.cell(row=row, column=1)
    cell.font = Font(bold=bold, italic=not bold)
    cell.fill = SECTION_FILL if bold else PatternFill()
    cell.alignment = Alignment(vertical="top")
