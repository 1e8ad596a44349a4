"""OpenDocument plans (.odt text with tables, .ods spreadsheets), read from content.xml.

The XML is parsed with defusedxml, so entity tricks in a hostile file are refused.
"""

import io
import zipfile

from defusedxml import ElementTree

from ..errors import ImportRefused
from .base import BULLET, Document, Table, clean_cell

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
MAX_COLUMNS = 60
MAX_ROWS = 20_000


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
            parts.append(" " * int(_attr(child, "text", "c", "1") or 1))
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
    rows, merged, spans = [], set(), {}
    for row in _rows(element):
        cells = []
        for cell in row:
            if cell.tag not in (CELL, COVERED):
                continue
            repeat = min(
                int(_attr(cell, "table", "number-columns-repeated", "1") or 1), MAX_COLUMNS
            )
            text = "" if cell.tag == COVERED else clean_cell("\n".join(_paragraphs(cell)))
            for _ in range(repeat):
                column = len(cells)
                if column >= MAX_COLUMNS:
                    break
                if cell.tag == COVERED and spans.get(column, 0) > 0:
                    merged.add((len(rows), column))
                if cell.tag == CELL:
                    spans[column] = int(_attr(cell, "table", "number-rows-spanned", "1") or 1)
                cells.append(text)
        spans = {column: left - 1 for column, left in spans.items()}
        repeat = int(_attr(row, "table", "number-rows-repeated", "1") or 1)
        copies = 1 if not any(cells) else min(repeat, MAX_ROWS - len(rows))
        for _ in range(copies):
            rows.append(list(cells))
        if len(rows) >= MAX_ROWS:
            break
    width = max((len(row) for row in rows), default=0)
    while width and not any(len(row) >= width and row[width - 1] for row in rows):
        width -= 1
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
    tables = [_read_table(element) for element in office_sheet.findall("table:table", NS)]
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
