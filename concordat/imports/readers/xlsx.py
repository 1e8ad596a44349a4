"""Excel plans: the sheet that holds the plan, or the one the person names."""

import io
import re
from datetime import date, datetime, time

import openpyxl
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.worksheet._reader import WorkSheetParser

from .. import limits
from ..columns import is_header_row
from ..errors import ImportRefused
from .base import Document, Table, clean_cell

HEADER_SEARCH_ROWS = 40


@limits.counted
def read_xlsx(data, *, sheet=None):
    budget = limits.budget()
    workbook = openpyxl.load_workbook(
        io.BytesIO(data), read_only=True, data_only=True, keep_links=False
    )
    try:
        budget.sheets(len(workbook.sheetnames))
        sheets = {ws.title: ws for ws in workbook.worksheets}
        if sheet is not None:
            chosen = _named(sheets, sheet)
            table = _read_sheet(chosen)
        else:
            table = _best_sheet([_read_sheet(ws) for ws in sheets.values()])
    finally:
        workbook.close()
    if table is None:
        return Document([], kind="xlsx")
    return Document([table], kind="xlsx")


def _named(sheets, name):
    for title, ws in sheets.items():
        if title.strip().lower() == name.strip().lower():
            return ws
    listed = ", ".join(f"“{title}”" for title in sheets)
    raise ImportRefused(f"The workbook has no sheet called “{name}”. Its sheets are: {listed}.")


def _best_sheet(tables):
    def score(table):
        has_header = any(is_header_row(row) for row in table.rows[:HEADER_SEARCH_ROWS])
        return (has_header, len(table.rows))

    tables = [table for table in tables if table.rows]
    return max(tables, key=score) if tables else None


def _read_sheet(ws):
    """The rows the sheet holds, over the columns up to the column limit (text past it is
    refused). Rows and cells the file leaves out are never made up: a stray cell at row
    1,048,576 costs one row, not a million, whatever dimension the sheet claims."""
    budget = limits.budget()
    columns = budget.limits.columns
    rows, numbers = [], []
    for number, parsed in _parsed_rows(ws):
        budget.rows()
        budget.cells(len(parsed))
        texts = {}
        for cell in parsed:
            column = cell["column"]
            if column > columns:
                if cell["value"] not in (None, ""):
                    budget.width(column)
                continue
            text = budget.text(_cell_text(ReadOnlyCell(ws, **cell)))
            if text:
                texts[column] = text
        if texts:
            cells = [""] * max(texts)
            for column, text in texts.items():
                cells[column - 1] = text
            rows.append(cells)
            numbers.append(number)
    width = max((len(row) for row in rows), default=0)
    budget.cells(sum(width - len(row) for row in rows))
    rows = [row + [""] * (width - len(row)) for row in rows]
    return Table(rows, numbers, name=ws.title, heading=ws.title)


def _parsed_rows(ws):
    """(row number, cells as openpyxl's parser reads them) for each row the sheet's XML holds.
    The read-only sheet's own iter_rows pads every missing row and cell up to the stated
    dimension; this is the parser it uses, without the padding (openpyxl 3.1's internals,
    pinned in pyproject.toml)."""
    workbook = ws.parent
    with ws._get_source() as source:
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=workbook.data_only,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        yield from parser.parse()


def _cell_text(cell):
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    fmt = getattr(cell, "number_format", "") or ""
    if isinstance(value, datetime | date):
        return _date_text(value, fmt)
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        decimals = re.search(r"0\.(0+)", fmt)
        if decimals:
            return f"{value:.{len(decimals.group(1))}f}"
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return clean_cell(str(value))


def _date_text(value, fmt):
    lowered = fmt.lower()
    if "mmmm" in lowered and "d" not in lowered:
        return value.strftime("%B %Y")
    if "mmm" in lowered and "d" not in lowered:
        return value.strftime("%b-%y" if "yyyy" not in lowered else "%b %Y")
    return value.strftime("%d/%m/%Y")
