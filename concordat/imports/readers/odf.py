"""OpenDocument plans (.odt text with tables, .ods spreadsheets), read from content.xml.

The XML is parsed with defusedxml, so entity tricks in a hostile file are refused.
"""

import io
import zipfile

from defusedxml import ElementTree

from .. import limits
from ..errors import ImportRefused
from .base import BULLET, Document, Table, clean_cell

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _tag(prefix, name):
    return f"{{{NS[prefix]}}}{name}"


def _attr(element, prefix, name, default=None):
    return element.get(_tag(prefix, name), default)


P, H = _tag("text", "p"), _tag("text", "h")
LIST, LIST_ITEM = _tag("text", "list"), _tag("text", "list-item")
SECTION = _tag("text", "section")
TABLE, ROW, CELL = _tag("table", "table"), _tag("table", "table-row"), _tag("table", "table-cell")
COVERED = _tag("table", "covered-table-cell")
ROW_GROUPS = {_tag("table", n) for n in ("table-header-rows", "table-rows", "table-row-group")}
SPACE, TAB, BREAK = _tag("text", "s"), _tag("text", "tab"), _tag("text", "line-break")


@limits.counted
def read_odf(data, extension, *, sheet=None):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
    root = ElementTree.fromstring(content, forbid_dtd=True)
    body = root.find("office:body", NS)
    if body is None:
        raise ImportRefused(f"This {extension} file has no content to read.")
    if extension == ".ods":
        return _spreadsheet(body, sheet)
    return _text_document(body)


def _inline(element):
    parts = [element.text or ""]
    for child in element:
        if child.tag == SPACE:
            parts.append(" " * limits.budget().repeated_characters(_attr(child, "text", "c")))
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag == BREAK:
            parts.append("\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraphs(element, bullet=False):
    """Lines of text in a block element: paragraphs, headings and list items."""
    lines = []
    for child in element:
        if child.tag in (P, H):
            text = _inline(child)
            lines.append(f"{BULLET}{text.strip()}" if bullet and text.strip() else text)
        elif child.tag in (LIST, LIST_ITEM):
            lines.extend(_paragraphs(child, bullet=True))
        elif child.tag == SECTION:
            lines.extend(_paragraphs(child, bullet))
    return lines


def _rows(table_element):
    for child in table_element:
        if child.tag == ROW:
            yield child
        elif child.tag in ROW_GROUPS:
            yield from _rows(child)


def _read_table(element):
    """A table's rows and cells, repeats and spans counted as what they fill. Empty cells
    repeated at the end of a row and empty rows repeated at the end of a sheet (LibreOffice
    writes thousands) are never built: empty cells wait until a filled one follows them."""
    budget = limits.budget()
    budget.table()
    rows, merged, spans = [], set(), {}
    for row in _rows(element):
        cells, waiting = [], 0  # empty cells not yet added
        for cell in row:
            if cell.tag not in (CELL, COVERED):
                continue
            repeat = limits.whole_number(_attr(cell, "table", "number-columns-repeated"))
            text = "" if cell.tag == COVERED else clean_cell("\n".join(_paragraphs(cell)))
            row_span = limits.whole_number(_attr(cell, "table", "number-rows-spanned"))
            if not text and cell.tag == CELL and row_span == 1:
                waiting += repeat
                continue
            budget.width(len(cells) + waiting + repeat)
            budget.cells(waiting + repeat)
            cells.extend([""] * waiting)
            waiting = 0
            for _ in range(repeat):
                column = len(cells)
                if cell.tag == COVERED and spans.get(column, 0) > 0:
                    merged.add((len(rows), column))
                if cell.tag == CELL:
                    spans[column] = row_span
                cells.append(budget.text(text))
        spans = {column: left - 1 for column, left in spans.items() if left > 1}
        repeat = limits.whole_number(_attr(row, "table", "number-rows-repeated"))
        copies = 1 if not any(cells) else repeat
        budget.rows(copies)
        budget.cells(len(cells) * (copies - 1))
        for _ in range(copies):
            rows.append(list(cells))
    width = max((len(row) for row in rows), default=0)
    while width and not any(len(row) >= width and row[width - 1] for row in rows):
        width -= 1
    budget.cells(sum(max(0, width - len(row)) for row in rows))
    rows = [(row + [""] * width)[:width] for row in rows]
    return Table(rows, merged_from_above=merged, name=_attr(element, "table", "name", "") or "")


def _text_document(body):
    office_text = body.find("office:text", NS)
    if office_text is None:
        raise ImportRefused("This .odt file is not a text document. Check the file.")
    tables, before, between = [], [], []

    def walk(parent):
        nonlocal between
        for child in parent:
            if child.tag == TABLE:
                table = _read_table(child)
                table.heading = "\n".join(between)
                between = []
                tables.append(table)
            elif child.tag == SECTION:
                walk(child)
            elif child.tag in (P, H, LIST):
                lines = [line for line in _paragraphs_of(child) if line.strip()]
                (between if tables else before).extend(lines)

    walk(office_text)
    return Document(tables, preamble="\n".join(before), trailing="\n".join(between), kind="odt")


def _paragraphs_of(element):
    if element.tag in (P, H):
        return [_inline(element)]
    return _paragraphs(element, bullet=True)


def _spreadsheet(body, sheet):
    office_sheet = body.find("office:spreadsheet", NS)
    if office_sheet is None:
        raise ImportRefused("This .ods file is not a spreadsheet. Check the file.")
    elements = office_sheet.findall("table:table", NS)
    limits.budget().sheets(len(elements))
    tables = [_read_table(element) for element in elements]
    if sheet is not None:
        for table in tables:
            if table.name.strip().lower() == sheet.strip().lower():
                return Document([table], kind="ods")
        listed = ", ".join(f"“{table.name}”" for table in tables)
        raise ImportRefused(
            f"The spreadsheet has no sheet called “{sheet}”. Its sheets are: {listed}."
        )
    from ..columns import is_header_row

    def score(table):
        return (any(is_header_row(row) for row in table.rows[:40]), len(table.rows))

    tables = [table for table in tables if table.rows]
    return Document([max(tables, key=score)] if tables else [], kind="ods")
