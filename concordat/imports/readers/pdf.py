"""PDF plans: ruled tables through pdfplumber, or, for a plan laid out without ruling lines,
columns found from the positions of the heading words."""

import io
import re
from bisect import bisect_left
from statistics import median

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils import extract_text
from pdfplumber.utils.exceptions import PdfminerException

from concordat.core.collector import collector_paused
from concordat.core.statuses import is_grey

from .. import limits
from ..columns import is_header_row
from ..errors import ImportRefused
from .base import CellStyle, Document, Table, clean_cell

PAGE_FURNITURE = re.compile(r"^\s*(page\s+)?\d{1,3}(\s*(of|/)\s*\d{1,3})?\s*$", re.I)
BULLET_START = re.compile(r"^\s*[•·▪◦‣○●*\-–o]\s")
# A glyph the font gives no text for, at the start of a line, is a bullet symbol.
UNMAPPED_BULLET = re.compile(r"^(\s*)\(cid:\d+\)\s*", re.M)
LINE_TOLERANCE = 3


@limits.counted
def read_pdf(data):
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as error:
        if any(isinstance(arg, PDFPasswordIncorrect) for arg in error.args) or (
            "password" in str(error).lower()
        ):
            raise _encrypted() from error
        raise
    except PDFPasswordIncorrect as error:
        raise _encrypted() from error
    with pdf:
        budget = limits.budget()
        budget.pages(len(pdf.pages))
        pages = pdf.pages
        document = _ruled(pages)
        if document is None:
            document = _by_word_positions(pages)
    return document


def _encrypted():
    return ImportRefused(
        "This PDF is password-protected, so it cannot be read. Save an unprotected copy "
        "(or export the plan from Word or Excel) and upload that."
    )


def _bullets(text):
    return UNMAPPED_BULLET.sub(r"\1• ", text or "")


def _join_wrapped(text):
    """Lines wrapped by the page layout become one line; bullet lines stay lines."""
    lines = [line.strip() for line in _bullets(text).split("\n")]
    out = []
    for line in lines:
        if not line:
            continue
        if out and not BULLET_START.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return clean_cell("\n".join(out))


def _ruled(pages):
    items_by_page = []
    for page in pages:
        # Paused one page at a time: pdfminer's objects form cycles, and over the whole file
        # the collector's garbage would double the peak memory.
        with collector_paused():
            found = _page_tables(page)
            items = _page_items(page, found)
        items_by_page.append(items)
        if found:
            # Its characters are not needed again: kept, every page's would stay alive to the
            # end (a 200-action plan: 170 MB instead of 80 MB). A page without a table keeps
            # them for reading by word positions.
            page.close()
    tables = [item for items in items_by_page for kind, item in items if kind == "table"]
    if not any(any(is_header_row(row) for row in t.rows[:10]) for t in tables):
        return None
    _split_repeated_header(tables)

    furniture = _running_lines(items_by_page)
    set_aside, seen = [], set()
    before, between, out = [], [], []
    for number, items in enumerate(items_by_page):
        for position, (kind, item) in enumerate(items):
            if kind == "table":
                item.heading = "\n".join(between if out else before[-3:])
                between = []
                out.append(item)
                continue
            for line in item:
                key = _furniture_key(line)
                first_page_top = number == 0 and position == 0 and not out
                if (key in furniture and not first_page_top) or PAGE_FURNITURE.match(line):
                    where = "Page header" if position == 0 else "Page footer"
                    if (where, line) not in seen:
                        seen.add((where, line))
                        set_aside.append((where, line))
                    continue
                (between if out else before).append(line)
    return Document(
        out,
        preamble="\n".join(before),
        trailing="\n".join(between),
        kind="pdf",
        set_aside=set_aside,
    )


def _furniture_key(line):
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _running_lines(items_by_page):
    """Lines at the top or bottom of the pages that repeat on most of them."""
    if len(items_by_page) < 2:
        return set()
    pages_with = {}
    for items in items_by_page:
        edges = [items[0], items[-1]] if items else []
        keys = {_furniture_key(line) for kind, lines in edges if kind == "text" for line in lines}
        for key in keys:
            pages_with[key] = pages_with.get(key, 0) + 1
    needed = max(2, (len(items_by_page) + 1) // 2)
    return {key for key, count in pages_with.items() if count >= needed and key.strip()}


def _page_items(page, found):
    """The page as [("text", lines), ("table", Table), ("text", lines), …] from top down."""
    boxes = [table.bbox for table, _t in found]
    regions = [[] for _ in range(len(boxes) + 1)]
    for char in page.chars:
        x, y = _h_mid(char), _v_mid(char)
        if any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes):
            continue
        region = sum(1 for _x0, _top, _x1, bottom in boxes if bottom <= y)
        regions[region].append(char)
    if found:
        # Part of a row that ran over the page break sits just outside the ruled table: below
        # the page's last table, or above its first.
        table, parsed = found[-1]
        regions[-1], below = _fragment(regions[-1], table, after=True)
        if below:
            parsed.rows.append(below)
            parsed.row_numbers.append(len(parsed.rows))
        table, parsed = found[0]
        regions[0], above = _fragment(regions[0], table, after=False)
        if above:
            _shift_rows(parsed, above)

    items = []
    for index, chars in enumerate(regions):
        text = _bullets(extract_text(chars)) if chars else ""
        lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
        if lines:
            items.append(("text", lines))
        if index < len(found):
            items.append(("table", found[index][1]))
    return items


FRAGMENT_GAP = 12


def _columns(table):
    """(x0, x1) of each column of a ruled table, from its fullest row."""
    rows = [row for row in table.rows if row.cells]
    widest = max(rows, key=lambda row: sum(1 for cell in row.cells if cell), default=None)
    if widest is None:
        return []
    columns = []
    for cell in widest.cells:
        columns.append((cell[0], cell[2]) if cell else None)
    return columns


def _fragment(chars, table, *, after):
    """(the other chars, the cells of a row fragment) for text laid out in the table's columns
    just below (after=True) or above it: the part of a row that ran over a page break."""
    if not chars:
        return chars, None
    x0, top, x1, bottom = table.bbox
    lines = _group_lines(chars)
    tops = sorted(lines, reverse=not after)
    block, edge = [], bottom if after else top
    for line_top in tops:
        line = lines[line_top]
        line_bottom = max(c["bottom"] for c in line)
        gap = line_top - edge if after else edge - line_bottom
        if gap > FRAGMENT_GAP:
            break
        if any(_h_mid(c) < x0 or _h_mid(c) > x1 for c in line):
            break
        block.append(line_top)
        edge = line_bottom if after else line_top
    if not block:
        return chars, None
    taken = [c for line_top in block for c in lines[line_top]]
    # Nothing else on the page beyond it but its header or footer margin.
    page_height = table.page.height
    margin = 0.12 * page_height
    for line_top in tops[len(block) :]:
        beyond = line_top > page_height - margin if after else line_top < margin
        if not beyond:
            return chars, None
    columns = _columns(table)
    edges = sorted({x for span in columns if span for x in span})
    for word in _words_of(taken):
        if any(word[0] + 0.5 < edge < word[1] - 0.5 for edge in edges):
            return chars, None  # a word across a column line: a heading, not a row
    cells = [[] for _ in columns]
    for char in taken:
        x = _h_mid(char)
        for index, span in enumerate(columns):
            if span and span[0] <= x < span[1]:
                cells[index].append(char)
                break
    if sum(1 for cell in cells if cell) < 2:
        return chars, None
    ids = {id(c) for c in taken}
    rest = [c for c in chars if id(c) not in ids]
    return rest, [_join_wrapped(extract_text(cell)) if cell else "" for cell in cells]


def _words_of(chars):
    """(x0, x1) of each run of characters without a space, line by line."""
    found = []
    for _top, line in sorted(_group_lines(chars).items()):
        line.sort(key=lambda c: c["x0"])
        start = previous = None
        for char in line:
            if not char["text"].strip():
                if start is not None:
                    found.append((start, previous))
                start = previous = None
                continue
            if start is not None and char["x0"] - previous > 1.0:
                found.append((start, previous))
                start = None
            start = char["x0"] if start is None else start
            previous = char["x1"]
        if start is not None:
            found.append((start, previous))
    return found


def _group_lines(chars):
    lines = {}
    for char in chars:
        lines.setdefault(round(char["top"]), []).append(char)
    return lines


def _shift_rows(parsed, row):
    parsed.rows.insert(0, row)
    parsed.row_numbers = list(range(1, len(parsed.rows) + 1))
    parsed.styles = {(r + 1, c): style for (r, c), style in parsed.styles.items()}
    parsed.merged_from_left = {(r + 1, c) for r, c in parsed.merged_from_left}
    parsed.merged_from_above = {(r + 1, c) for r, c in parsed.merged_from_above}


def _split_repeated_header(tables):
    """A heading row repeated at the top of a page with the rest of a split row drawn in the
    same ruled row ("Action" over "…the rest of the action"): two rows."""
    header = next((t.rows[0] for t in tables if t.rows and is_header_row(t.rows[0])), None)
    if header is None:
        return
    wanted = [cell.split() for cell in header]
    for table in tables:
        if not table.rows or table.rows[0] == header or len(table.rows[0]) != len(header):
            continue
        first = table.rows[0]
        rest, extra = [], False
        for words, cell in zip(wanted, first, strict=True):
            got = cell.split()
            if got[: len(words)] != words:
                break
            remainder = " ".join(got[len(words) :])
            extra = extra or bool(remainder)
            rest.append(remainder)
        else:
            if extra:
                table.rows[0] = list(header)
                table.rows.insert(1, rest)
                table.row_numbers = list(range(1, len(table.rows) + 1))
                table.styles = {(r + 1 if r > 0 else r, c): s for (r, c), s in table.styles.items()}


def _page_tables(page):
    found = []
    budget = limits.budget()
    segments = _strike_segments(page)
    fills = _fills(page)
    for table in sorted(page.find_tables(), key=lambda t: (t.bbox[1], t.bbox[0])):
        budget.table()
        budget.rows(len(table.rows))
        budget.cells(sum(len(row.cells) for row in table.rows))
        texts, chars = _cells(table)
        _fill_empty_rows(table, texts, chars)
        rows = [[budget.text(_join_wrapped(cell)) for cell in row] for row in texts]
        if rows and max(len(row) for row in rows) >= 2:
            styles = _cell_styles(table, chars, segments, fills)
            across, above = _merged(table)
            found.append(
                (
                    table,
                    Table(
                        rows,
                        name=f"Page {page.page_number}",
                        styles=styles,
                        merged_from_left=across,
                        merged_from_above=above,
                    ),
                )
            )
    return found


def _fill_empty_rows(table, texts, chars):
    """A row pdfplumber found without cells (the top of a row that runs over the page, its
    bottom line not drawn): its text read by the table's columns."""
    columns = _columns(table)
    _across, above = _merged(table)
    page_chars = None
    for r, row in enumerate(table.rows):
        if len(columns) != len(row.cells):
            continue
        missing = [
            c
            for c, cell in enumerate(row.cells)
            if cell is None and (r, c) not in above and not _spanned(row.cells, c, columns)
        ]
        if len(missing) * 2 < len(row.cells):
            continue
        if page_chars is None:
            page_chars = table.page.chars
        _x0, top, _x1, bottom = row.bbox
        in_row = [c for c in page_chars if top <= _v_mid(c) < bottom]
        for c in missing:
            span = columns[c]
            inside = [ch for ch in in_row if span and span[0] <= _h_mid(ch) < span[1]]
            texts[r][c] = extract_text(inside) if inside else ""
            chars[r][c] = inside


def _spanned(cells, index, columns):
    """Whether a cell to the left runs across column `index` (a merged section row)."""
    for left in range(index - 1, -1, -1):
        if cells[left] is not None:
            span = columns[index]
            return span is not None and cells[left][2] >= span[1] - 1
    return False


def _merged(table):
    """(merged from the left, merged from above): a cell pdfplumber gives as None belongs to
    the cell above it when that cell runs down past the row's middle, else to its left."""
    across, above = set(), set()
    rows = table.rows
    for r, row in enumerate(rows):
        middle = (row.bbox[1] + row.bbox[3]) / 2
        for c, cell in enumerate(row.cells):
            if cell is not None:
                continue
            for upper in range(r - 1, -1, -1):
                cells = rows[upper].cells
                if c < len(cells) and cells[c] is not None:
                    if cells[c][3] > middle:
                        above.add((r, c))
                    break
            if (r, c) not in above:
                across.add((r, c))
    return across, above


def _colour_hex(colour):
    if colour is None or isinstance(colour, str):
        return ""
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return ""
    if len(values) == 1:
        values = values * 3
    elif len(values) == 4:
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    if len(values) != 3:
        return ""
    return "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in values)


def _strike_segments(page):
    """Horizontal strokes drawn through text: (y, x0, x1)."""
    segments = []
    for line in page.lines:
        if abs(line["top"] - line["bottom"]) < 0.5:
            segments.append((line["top"], line["x0"], line["x1"]))
    for rect in page.rects:
        if rect["bottom"] - rect["top"] < 1.5 and rect["x1"] - rect["x0"] > 2:
            segments.append(((rect["top"] + rect["bottom"]) / 2, rect["x0"], rect["x1"]))
    return segments


def _fills(page):
    fills = []
    for rect in page.rects:
        if not rect.get("fill") or rect["bottom"] - rect["top"] < 3:
            continue
        colour = _colour_hex(rect.get("non_stroking_color"))
        if colour and colour != "FFFFFF":
            fills.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"], colour))
    return fills


def _cell_styles(table, chars, segments, fills):
    styles = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell is None:
                continue
            inside = [char for char in chars[r][c] if char["text"].strip()]
            x0, top, x1, bottom = cell
            fill = ""
            area = None
            for fx0, ftop, fx1, fbottom, colour in fills:
                cx, cy = (x0 + x1) / 2, (top + bottom) / 2
                if fx0 <= cx <= fx1 and ftop <= cy <= fbottom:
                    size = (fx1 - fx0) * (fbottom - ftop)
                    if area is None or size < area:
                        fill, area = colour, size
            struck = bool(inside) and all(_is_struck(char, segments) for char in inside)
            grey = bool(inside) and all(
                is_grey(_colour_hex(char.get("non_stroking_color"))) for char in inside
            )
            bold = bool(inside) and all("bold" in char["fontname"].lower() for char in inside)
            style = CellStyle(struck=struck, grey=grey, fill=fill, bold=bold)
            if style != CellStyle():
                styles[(r, c)] = style
    return styles


def _is_struck(char, segments):
    y, x = _v_mid(char), _h_mid(char)
    band = 0.35 * (char["bottom"] - char["top"])
    return any(abs(sy - y) <= band and sx0 <= x <= sx1 for sy, sx0, sx1 in segments)


def _v_mid(char):
    return (char["top"] + char["bottom"]) / 2


def _h_mid(char):
    return (char["x0"] + char["x1"]) / 2


def _cells(table):
    """The text of each cell and the characters in it: what pdfplumber's Table.extract() gives
    (a character belongs to the cell its centre is in), with each row's characters found by
    bisection instead of a pass over the whole page per row and per cell (a fifth of the time
    of reading a 200-action plan)."""
    by_height = sorted(enumerate(table.page.chars), key=lambda pair: _v_mid(pair[1]))
    mids = [_v_mid(char) for _index, char in by_height]
    texts, chars = [], []
    for row in table.rows:
        _x0, top, _x1, bottom = row.bbox
        in_row = sorted(by_height[bisect_left(mids, top) : bisect_left(mids, bottom)])
        cells, cell_chars = [], []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                cell_chars.append([])
                continue
            x0, top, x1, bottom = cell
            inside = [
                char
                for _index, char in in_row
                if x0 <= _h_mid(char) < x1 and top <= _v_mid(char) < bottom
            ]
            cells.append(extract_text(inside) if inside else "")
            cell_chars.append(inside)
        texts.append(cells)
        chars.append(cell_chars)
    return texts, chars


def _lines(page):
    words = page.extract_words(x_tolerance=1.5, y_tolerance=LINE_TOLERANCE)
    words.sort(key=lambda w: (round(w["top"]), w["x0"]))
    lines = []
    for word in words:
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _chunks(line):
    """Runs of words close enough to be one phrase: (x0, text)."""
    gap = max(5.0, 0.8 * median(w["bottom"] - w["top"] for w in line))
    chunks = []
    for word in line:
        if chunks and word["x0"] - chunks[-1][2] <= gap:
            x0, text, _x1 = chunks[-1]
            chunks[-1] = (x0, f"{text} {word['text']}", word["x1"])
        else:
            chunks.append((word["x0"], word["text"], word["x1"]))
    return [(x0, text) for x0, text, _x1 in chunks]


def _by_word_positions(pages):
    budget = limits.budget()
    rows, numbers, preamble = [], [], []
    boundaries = None
    line_number = 0
    page_lines = []
    for page in pages:
        lines = []
        for line in _lines(page):
            chunks = [(x0, _bullets(text)) for x0, text in _chunks(line)]
            lines.append(chunks)
        page_lines.append(lines)
    edges = []
    for lines in page_lines:
        ends = [" ".join(t for _x, t in lines[i]) for i in (0, -1)] if lines else []
        edges.append([("text", [text]) for text in ends])
    furniture = _running_lines(edges)
    set_aside, seen = [], set()
    for page_number, lines in enumerate(page_lines):
        for index, chunks in enumerate(lines):
            line_number += 1
            texts = [text for _x, text in chunks]
            joined = " ".join(texts)
            edge = index in (0, len(lines) - 1)
            running = edge and _furniture_key(joined) in furniture
            if PAGE_FURNITURE.match(joined) or (running and not (page_number == 0 and index == 0)):
                where = "Page header" if index == 0 else "Page footer"
                if (where, joined) not in seen:
                    seen.add((where, joined))
                    set_aside.append((where, joined))
                continue
            if is_header_row(texts):
                boundaries = [x0 for x0, _text in chunks]
            if boundaries is None:
                preamble.append(joined)
                continue
            budget.rows()
            budget.width(len(boundaries))
            budget.cells(len(boundaries))
            cells = [""] * len(boundaries)
            for x0, text in chunks:
                budget.text(text)
                column = max(
                    (i for i, edge in enumerate(boundaries) if x0 >= edge - LINE_TOLERANCE),
                    default=0,
                )
                cells[column] = f"{cells[column]} {text}".strip()
            rows.append(cells)
            numbers.append(line_number)
    if not rows:
        return Document([], preamble="\n".join(preamble), kind="pdf", set_aside=set_aside)
    table = Table(rows, numbers, name="Text")
    table.line_based = True
    return Document([table], preamble="\n".join(preamble), kind="pdf", set_aside=set_aside)
