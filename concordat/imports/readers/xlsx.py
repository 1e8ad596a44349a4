"""Excel plans: every sheet in order (a cover, notes or glossary sheet is set aside by the
structure reader), or only the sheet the person names.

Cells are read as Excel shows them: a date in its number format, a number with the decimals
its format gives (a ref typed 3.10 is stored as 3.1; the cell is marked numeric so the ref
reader can tell). Merged ranges, fills (a RAG given as a colour), struck-through or grey text
(a removed action) and bold text are read too.
"""

import colorsys
import io
import re
from datetime import date, datetime, time

import openpyxl
from defusedxml import ElementTree
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.worksheet._reader import WorkSheetParser

from concordat.core.statuses import is_grey

from .. import limits
from ..errors import ImportRefused
from .base import CellStyle, Document, Table, clean_cell

MAX_ROWS = 20_000
MAX_COLUMNS = 60
CELL_RANGE = re.compile(r"^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$")
DRAWING_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Excel's theme colour indexes: light 1, dark 1, light 2, dark 2, accents 1-6, links.
THEME_ORDER = [
    "lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5",
    "accent6", "hlink", "folHlink",
]  # fmt: skip


@limits.counted
def read_xlsx(data, *, sheet=None):
    budget = limits.budget()
    workbook = openpyxl.load_workbook(
        io.BytesIO(data), read_only=True, data_only=True, keep_links=False
    )
    try:
        budget.sheets(len(workbook.sheetnames))
        theme = _theme_colours(getattr(workbook, "loaded_theme", None))
        sheets = {ws.title: ws for ws in workbook.worksheets}
        if sheet is not None:
            chosen = _named(sheets, sheet)
            tables = [_read_sheet(chosen, theme)]
            set_aside = [
                (f"Sheet “{title}”", "This sheet was not read: another sheet was chosen.")
                for title in sheets
                if title != chosen.title
            ]
        else:
            tables = [_read_sheet(ws, theme) for ws in sheets.values()]
            set_aside = []
    finally:
        workbook.close()
    tables = [table for table in tables if table.rows]
    return Document(tables, kind="xlsx", set_aside=set_aside)


def _named(sheets, name):
    for title, ws in sheets.items():
        if title.strip().lower() == name.strip().lower():
            return ws
    listed = ", ".join(f"“{title}”" for title in sheets)
    raise ImportRefused(f"The workbook has no sheet called “{name}”. Its sheets are: {listed}.")


def _column_number(letters):
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _merged_ranges(ws):
    """(first row, first column, last row, last column) of each merged range, 1-based."""
    try:
        source = ws._get_source()
    except (AttributeError, KeyError, OSError):
        return []
    ranges = []
    with source:
        for _event, element in ElementTree.iterparse(source, forbid_dtd=True):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "mergeCell":
                found = CELL_RANGE.match(element.get("ref", ""))
                if found:
                    ranges.append(
                        (
                            int(found.group(2)),
                            _column_number(found.group(1)),
                            int(found.group(4)),
                            _column_number(found.group(3)),
                        )
                    )
            elif tag == "row":
                element.clear()  # the cells were read already; keep memory flat
    return ranges


def _read_sheet(ws, theme):
    """The rows the sheet holds, over the columns up to the column limit (text past it is
    refused), with each cell's fill and font. Rows and cells the file leaves out are never
    made up: a stray cell at row 1,048,576 costs one row, not a million, whatever dimension
    the sheet claims."""
    budget = limits.budget()
    columns = budget.limits.columns
    rows, numbers, row_styles = [], [], []
    for number, parsed in _parsed_rows(ws):
        budget.rows()
        budget.cells(len(parsed))
        texts, found = {}, {}
        for cell in parsed:
            column = cell["column"]
            if column > columns:
                if cell["value"] not in (None, ""):
                    budget.width(column)
                continue
            read = ReadOnlyCell(ws, **cell)
            text = budget.text(_cell_text(read))
            if text:
                texts[column] = text
            found[column - 1] = _cell_style(read, theme)
        if texts:
            cells = [""] * max(texts)
            for column, text in texts.items():
                cells[column - 1] = text
            rows.append(cells)
            numbers.append(number)
            row_styles.append(found)
    filled = {i for found in row_styles for i, style in found.items() if style and style.fill}
    width = max([len(row) for row in rows] + [column + 1 for column in filled], default=0)
    budget.cells(sum(width - len(row) for row in rows))
    while (
        width
        and not any(len(row) >= width and row[width - 1] for row in rows)
        and (width - 1) not in filled
    ):
        width -= 1
    rows = [(row + [""] * width)[:width] for row in rows]
    styles = {}

    for index, found in enumerate(row_styles):
        for column, style in found.items():
            if column < width and style is not None:
                styles[(index, column)] = style
    table = Table(rows, numbers, name=ws.title, heading=ws.title, styles=styles)
    table.heading_is_name = True
    _apply_merges(table, _merged_ranges(ws), width)
    return table


def _apply_merges(table, ranges, width):
    index_of = {number: index for index, number in enumerate(table.row_numbers)}
    for first_row, first_col, last_row, last_col in ranges:
        top = index_of.get(first_row)
        if top is None or first_col > width:
            continue
        # Only the rows read: a range claiming a million rows costs the rows the sheet has.
        for number in (n for n in table.row_numbers if first_row <= n <= last_row):
            index = index_of[number]
            for column in range(first_col - 1, min(last_col, width)):
                if number == first_row and column == first_col - 1:
                    continue
                if number == first_row:
                    table.merged_from_left.add((index, column))
                elif column == first_col - 1:
                    table.merged_from_above.add((index, column))
                else:
                    table.merged_from_left.add((index, column))
                    table.merged_from_above.add((index, column))
        style = table.styles.get((top, first_col - 1))
        if style is not None:
            for column in range(first_col - 1, min(last_col, width)):
                table.styles.setdefault((top, column), style)


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
        return date_text(value, fmt)
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


# --- how a date cell shows -----------------------------------------------------------------

DATE_TOKEN = re.compile(
    r'"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM/PM|am/pm',
    re.I,
)


DATE_PARTS = {
    "yyyy": lambda v: f"{v.year:04d}",
    "yy": lambda v: f"{v.year % 100:02d}",
    "mmmmm": lambda v: v.strftime("%B")[0],
    "mmmm": lambda v: v.strftime("%B"),
    "mmm": lambda v: v.strftime("%b"),
    "mm": lambda v: f"{v.month:02d}",
    "m": lambda v: str(v.month),
    "dddd": lambda v: v.strftime("%A"),
    "ddd": lambda v: v.strftime("%a"),
    "dd": lambda v: f"{v.day:02d}",
    "d": lambda v: str(v.day),
}
TIME_PARTS = {
    "hh": lambda v: f"{getattr(v, 'hour', 0):02d}",
    "h": lambda v: str(getattr(v, "hour", 0)),
    "ss": lambda v: f"{getattr(v, 'second', 0):02d}",
    "s": lambda v: str(getattr(v, "second", 0)),
    "am/pm": lambda v: "PM" if getattr(v, "hour", 0) >= 12 else "AM",
}
MINUTE_PARTS = {
    "mm": lambda v: f"{getattr(v, 'minute', 0):02d}",
    "m": lambda v: str(getattr(v, "minute", 0)),
}
SHORT_DATE_FORMATS = {"general", "mm-dd-yy", "m/d/yyyy", "m/d/yy"}


def date_text(value, fmt):
    """A date as Excel shows it in the cell's number format (British short dates)."""
    text = (fmt or "").split(";")[0]
    lowered = text.lower()
    has_time = bool(re.search(r"[hs]", re.sub(r'"[^"]*"|\[[^\]]*\]', "", lowered)))
    if isinstance(value, datetime) and value.time() == time(0, 0) and has_time:
        text = lowered = ""  # a date written by a program with a time of midnight
    if lowered in SHORT_DATE_FORMATS or not re.search(r"[dmy]", lowered):
        return value.strftime("%d/%m/%Y")
    out, after_hour = [], False
    for piece in _tokens(text):
        part = piece.lower()
        if part[:1] in ('"', "\\"):
            out.append(piece.strip('"').lstrip("\\"))
        elif part[:1] == "[":
            continue
        elif part in MINUTE_PARTS and after_hour:
            out.append(MINUTE_PARTS[part](value))
        elif part in DATE_PARTS:
            out.append(DATE_PARTS[part](value))
        elif part in TIME_PARTS:
            after_hour = after_hour or part.startswith("h")
            out.append(TIME_PARTS[part](value))
        else:
            out.append(piece)
    return "".join(out).strip()


def _tokens(text):
    position = 0
    for found in DATE_TOKEN.finditer(text):
        if found.start() > position:
            yield text[position : found.start()]
        yield found.group(0)
        position = found.end()
    if position < len(text):
        yield text[position:]


# --- styles --------------------------------------------------------------------------------


def _theme_colours(theme_xml):
    if not theme_xml:
        return []
    try:
        root = ElementTree.fromstring(theme_xml, forbid_dtd=True)
    except Exception:  # noqa: BLE001 - a theme that cannot be read gives no colours
        return []
    scheme = root.find(f".//{DRAWING_NS}clrScheme")
    if scheme is None:
        return []
    colours = {}
    for child in scheme:
        name = child.tag.replace(DRAWING_NS, "")
        for inner in child:
            value = inner.get("lastClr") or inner.get("val") or ""
            if re.fullmatch(r"[0-9A-Fa-f]{6}", value):
                colours[name] = value.upper()
    return [colours.get(name, "") for name in THEME_ORDER]


def _tinted(rgb, tint):
    if not tint:
        return rgb
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, light, saturation)
    return "".join(f"{round(part * 255):02X}" for part in (red, green, blue))


def _colour(colour, theme):
    """RRGGBB for an openpyxl Color, or '' when it names none we can read."""
    if colour is None:
        return ""
    kind = getattr(colour, "type", None)
    try:
        if kind == "rgb" and isinstance(colour.rgb, str):
            value = colour.rgb[-6:].upper()
            return "" if colour.rgb.upper() == "00000000" else value
        if kind == "indexed":
            from openpyxl.styles.colors import COLOR_INDEX

            index = colour.indexed
            return COLOR_INDEX[index][-6:] if 8 <= index < len(COLOR_INDEX) else ""
        if kind == "theme" and theme:
            index = colour.theme
            if 0 <= index < len(theme) and theme[index]:
                return _tinted(theme[index], colour.tint or 0)
    except (AttributeError, TypeError, ValueError, IndexError):
        return ""
    return ""


def _cell_style(cell, theme):
    if getattr(cell, "value", None) is None and not _has_fill(cell):
        return None
    try:
        font = cell.font
        fill = cell.fill
    except (AttributeError, IndexError, KeyError):
        return None
    fill_colour = ""
    if fill is not None and getattr(fill, "fill_type", None) == "solid":
        fill_colour = _colour(fill.fgColor, theme)
    value = getattr(cell, "value", None)
    style = CellStyle(
        struck=bool(font is not None and font.strike) and value is not None,
        grey=font is not None and value is not None and is_grey(_colour(font.color, theme)),
        fill=fill_colour if fill_colour not in ("FFFFFF",) else "",
        bold=bool(font is not None and font.b) and value is not None,
        numeric=isinstance(value, int | float) and not isinstance(value, bool),
    )
    return style if style != CellStyle() else None


def _has_fill(cell):
    try:
        return cell.fill is not None and cell.fill.fill_type == "solid"
    except (AttributeError, IndexError, KeyError):
        return False
