"""Excel plans: the sheet that holds the plan, or the one the person names."""

import io
import re
from datetime import date, datetime, time

import openpyxl
from openpyxl.cell.read_only import EMPTY_CELL

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
    """Every row down to the last one the sheet holds (empty rows between count towards the
    row limit), over the columns up to the column limit; text past it is refused."""
    budget = limits.budget()
    columns = budget.limits.columns
    # The stated dimension is whatever the file says: read the rows that are there.
    ws.reset_dimensions()
    rows, numbers = [], []
    for number, row in enumerate(ws.iter_rows(max_col=columns + 1), start=1):
        budget.rows()
        end = len(row)
        while end and row[end - 1] is EMPTY_CELL:  # openpyxl's padding up to max_col
            end -= 1
        budget.cells(end)
        if end > columns and row[columns].value not in (None, ""):
            budget.width(end)
        cells = [budget.text(_cell_text(cell)) for cell in row[: min(end, columns)]]
        if any(cells):
            rows.append(cells)
            numbers.append(number)
    width = max((len(row) for row in rows), default=0)
    while width and not any(len(row) >= width and row[width - 1] for row in rows):
        width -= 1
    budget.cells(sum(max(0, width - len(row)) for row in rows))
    rows = [(row + [""] * width)[:width] for row in rows]
    return Table(rows, numbers, name=ws.title, heading=ws.title)


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
