"""OpenDocument plans (.odt text with tables, .ods spreadsheets), read from content.xml.

The XML is parsed with defusedxml, so entity tricks in a hostile file are refused.
"""

import contextlib
import contextvars
import io
import zipfile

from defusedxml import ElementTree

from concordat.core.statuses import is_grey

from .. import limits
from ..errors import ImportRefused
from .base import BULLET, CellStyle, Document, Table, clean_cell

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
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
SPAN = _tag("text", "span")
STYLE = _tag("style", "style")
STYLE_NAME = _tag("style", "name")
PARENT_STYLE = _tag("style", "parent-style-name")
TEXT_STYLE = _tag("text", "style-name")
CELL_STYLE = _tag("table", "style-name")
# The styles of the document being read (each request its own: a context variable).
_STYLES = contextvars.ContextVar("odf_styles", default=None)


@limits.counted
def read_odf(data, extension, *, sheet=None):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
        try:
            common = archive.read("styles.xml")
        except KeyError:
            common = b""
    root = ElementTree.fromstring(content, forbid_dtd=True)
    body = root.find("office:body", NS)
    if body is None:
        raise ImportRefused(f"This {extension} file has no content to read.")
    token = _STYLES.set(_read_styles(common, root))
    try:
        document = _spreadsheet(body, sheet) if extension == ".ods" else _text_document(body)
        document.set_aside = _page_furniture(common) + list(document.set_aside)
        return document
    finally:
        _STYLES.reset(token)


def _page_furniture(common):
    """The running headers and footers of the master pages in styles.xml, once each."""
    if not common:
        return []
    try:
        tree = ElementTree.fromstring(common, forbid_dtd=True)
    except Exception:  # noqa: BLE001 - a damaged styles.xml only loses its headers
        return []
    found = []
    parts = {
        _tag("style", "header"): "Page header",
        _tag("style", "header-left"): "Page header",
        _tag("style", "footer"): "Page footer",
        _tag("style", "footer-left"): "Page footer",
    }
    for element in tree.iter():
        where = parts.get(element.tag)
        if where is None:
            continue
        for line in _paragraphs(element):
            text = clean_cell(line)
            if text and (where, text) not in found:
                found.append((where, text))
    return found


def _read_styles(common, root):
    """{style name: (fill, struck, grey, bold)} from styles.xml and the automatic styles."""
    raw = {}
    trees = [root]
    if common:
        with contextlib.suppress(Exception):  # a damaged styles.xml only loses the looks
            trees.insert(0, ElementTree.fromstring(common, forbid_dtd=True))
    for tree in trees:
        for style in tree.iter(STYLE):
            name = style.get(STYLE_NAME)
            if not name:
                continue
            props = {"parent": style.get(PARENT_STYLE)}
            for child in style:
                background = child.get(_tag("fo", "background-color"))
                if background and background.startswith("#"):
                    props["fill"] = background[1:].upper()
                through = child.get(_tag("style", "text-line-through-style"))
                if through is not None:
                    props["struck"] = through not in ("none", "")
                colour = child.get(_tag("fo", "color"))
                if colour and colour.startswith("#"):
                    props["grey"] = is_grey(colour[1:])
                weight = child.get(_tag("fo", "font-weight"))
                if weight is not None:
                    props["bold"] = weight in ("bold", "600", "700", "800", "900")
            raw[name] = props

    resolved = {}

    def resolve(name, depth=0):
        if name in resolved:
            return resolved[name]
        props = raw.get(name)
        if props is None or depth > 20:
            return ("", False, False, False)
        parent = resolve(props["parent"], depth + 1) if props.get("parent") else None
        fill, struck, grey, bold = parent or ("", False, False, False)
        result = (
            props.get("fill", fill) if props.get("fill", fill) != "FFFFFF" else "",
            props.get("struck", struck),
            props.get("grey", grey),
            props.get("bold", bold),
        )
        resolved[name] = result
        return result

    for name in raw:
        resolve(name)
    return resolved


def _looks(element, inherited=(False, False, False)):
    """(struck, grey, bold) of the text in an element, each True only if all of it is."""
    name = element.get(TEXT_STYLE)
    style = (_STYLES.get() or {}).get(name) if name else None
    own = (style[1], style[2], style[3]) if style else inherited
    flags = []
    if (element.text or "").strip():
        flags.append(own)
    for child in element:
        if child.tag in (SPAN, P, H):
            flags.extend(_looks(child, own))
        if (child.tail or "").strip():
            flags.append(own)
    return flags


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


def _cell_style(cell):
    name = cell.get(CELL_STYLE)
    fill = (_STYLES.get() or {}).get(name, ("",))[0] if name else ""
    flags = []
    for child in cell:
        if child.tag in (P, H):
            flags.extend(_looks(child))
        elif child.tag in (LIST, LIST_ITEM):
            for inner in child.iter():
                if inner.tag in (P, H):
                    flags.extend(_looks(inner))
    numeric = _attr(cell, "office", "value-type") in ("float", "percentage", "currency")
    return CellStyle(
        struck=bool(flags) and all(f[0] for f in flags),
        grey=bool(flags) and all(f[1] for f in flags),
        bold=bool(flags) and all(f[2] for f in flags),
        fill=fill,
        numeric=numeric,
    )


def _read_table(element):
    """A table's rows and cells, repeats and spans counted as what they fill. Empty cells
    repeated at the end of a row and empty rows repeated at the end of a sheet (LibreOffice
    writes thousands) are never built: empty cells with no fill wait until a filled one
    follows them."""
    budget = limits.budget()
    budget.table()
    rows, merged, spans, across, styles = [], set(), {}, set(), {}
    for row in _rows(element):
        cells, row_styles, waiting = [], {}, 0  # waiting: empty cells not yet added
        for cell in row:
            if cell.tag not in (CELL, COVERED):
                continue
            repeat = limits.whole_number(_attr(cell, "table", "number-columns-repeated"))
            text = "" if cell.tag == COVERED else clean_cell("\n".join(_paragraphs(cell)))
            style = _cell_style(cell) if cell.tag == CELL else CellStyle()
            wide = limits.whole_number(_attr(cell, "table", "number-columns-spanned"))
            row_span = limits.whole_number(_attr(cell, "table", "number-rows-spanned"))
            if not text and cell.tag == CELL and row_span == 1 and style == CellStyle():
                waiting += repeat
                continue
            budget.width(len(cells) + waiting + repeat)
            budget.cells(waiting + repeat)
            cells.extend([""] * waiting)
            waiting = 0
            for copy in range(repeat):
                column = len(cells)
                if cell.tag == COVERED and spans.get(column, 0) > 0:
                    merged.add((len(rows), column))
                elif cell.tag == COVERED:
                    across.add((len(rows), column))
                if cell.tag == CELL:
                    spans[column] = row_span
                    if style != CellStyle() and copy < 2:
                        row_styles[column] = style
                cells.append(budget.text(text))
            if cell.tag == CELL and wide > 1 and style != CellStyle():
                budget.width(len(cells) - 1 + wide)  # a claimed span is held to the limit
                for offset in range(1, wide):
                    row_styles.setdefault(len(cells) - 1 + offset, style)
        spans = {column: left - 1 for column, left in spans.items() if left > 1}
        repeat = limits.whole_number(_attr(row, "table", "number-rows-repeated"))
        copies = 1 if not any(cells) else repeat
        budget.rows(copies)
        budget.cells(len(cells) * (copies - 1))
        for _ in range(copies):
            for column, style in row_styles.items():
                styles[(len(rows), column)] = style
            rows.append(list(cells))
    width = max((len(row) for row in rows), default=0)
    while width and not any(len(row) >= width and row[width - 1] for row in rows):
        width -= 1
    budget.cells(sum(max(0, width - len(row)) for row in rows))
    rows = [(row + [""] * width)[:width] for row in rows]
    styles = {key: style for key, style in styles.items() if key[1] < width}
    return Table(
        rows,
        merged_from_above=merged,
        merged_from_left={key for key in across if key[1] < width},
        styles=styles,
        name=_attr(element, "table", "name", "") or "",
    )


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
                table.heading = "\n".join(between if tables else before[-3:])

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
    for table in tables:
        table.heading = table.name
        table.heading_is_name = True
    if sheet is not None:
        for table in tables:
            if table.name.strip().lower() == sheet.strip().lower():
                set_aside = [
                    (f"Sheet “{other.name}”", "This sheet was not read: another sheet was chosen.")
                    for other in tables
                    if other is not table
                ]
                return Document([table], kind="ods", set_aside=set_aside)
        listed = ", ".join(f"“{table.name}”" for table in tables)
        raise ImportRefused(
            f"The spreadsheet has no sheet called “{sheet}”. Its sheets are: {listed}."
        )
    return Document([table for table in tables if table.rows], kind="ods")
