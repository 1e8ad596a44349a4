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

from .. import limits
from ..columns import is_header_row
from ..errors import ImportRefused
from .base import Document, Table, clean_cell

PAGE_FURNITURE = re.compile(r"^\s*(page\s+)?\d+(\s*(of|/)\s*\d+)?\s*$", re.I)
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
    tables, preamble, trailing = [], "", ""
    for page in pages:
        # Paused one page at a time: pdfminer's objects form cycles, and over the whole file
        # the collector's garbage would double the peak memory.
        with collector_paused():
            found = _page_tables(page)
        if found and not tables:
            top = max(0, found[0][1].bbox[1] - 0.5)
            preamble = page.crop((0, 0, page.width, top)).extract_text() or ""
        tables.extend(found)
        if found:
            # Its characters are not needed again: kept, every page's would stay alive to the
            # end (a 200-action plan: 170 MB instead of 80 MB). A page without a table keeps
            # them for reading by word positions.
            page.close()
    if not any(any(is_header_row(row) for row in t.rows[:10]) for _p, _t, t in tables):
        return None
    last_page, last_table, _ = tables[-1]
    bottom = min(last_page.height, last_table.bbox[3] + 0.5)
    if bottom < last_page.height:
        trailing = last_page.crop((0, bottom, last_page.width, last_page.height)).extract_text()
    return Document(
        [table for _p, _t, table in tables],
        preamble=_strip_furniture(preamble),
        trailing=_strip_furniture(trailing or ""),
        kind="pdf",
    )


def _page_tables(page):
    found = []
    budget = limits.budget()
    for table in page.find_tables():
        budget.table()
        budget.rows(len(table.rows))
        budget.cells(sum(len(row.cells) for row in table.rows))
        rows = [[budget.text(_join_wrapped(cell)) for cell in row] for row in _cell_texts(table)]
        if rows and max(len(row) for row in rows) >= 2:
            found.append((page, table, Table(rows, name=f"Page {page.page_number}")))
    return found


def _v_mid(char):
    return (char["top"] + char["bottom"]) / 2


def _h_mid(char):
    return (char["x0"] + char["x1"]) / 2


def _cell_texts(table):
    """What pdfplumber's Table.extract() gives (a character belongs to the cell its centre is
    in), with each row's characters found by bisection instead of a pass over the whole page
    per row and per cell: a fifth of the time of reading a 200-action plan."""
    by_height = sorted(enumerate(table.page.chars), key=lambda pair: _v_mid(pair[1]))
    mids = [_v_mid(char) for _index, char in by_height]
    texts = []
    for row in table.rows:
        _x0, top, _x1, bottom = row.bbox
        in_row = sorted(by_height[bisect_left(mids, top) : bisect_left(mids, bottom)])
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            x0, top, x1, bottom = cell
            inside = [
                char
                for _index, char in in_row
                if x0 <= _h_mid(char) < x1 and top <= _v_mid(char) < bottom
            ]
            cells.append(extract_text(inside) if inside else "")
        texts.append(cells)
    return texts


def _strip_furniture(text):
    lines = _bullets(text).split("\n")
    return "\n".join(line for line in lines if not PAGE_FURNITURE.match(line))


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
    for page in pages:
        for line in _lines(page):
            line_number += 1
            chunks = _chunks(line)
            chunks = [(x0, _bullets(text)) for x0, text in chunks]
            texts = [text for _x, text in chunks]
            if PAGE_FURNITURE.match(" ".join(texts)):
                continue
            if is_header_row(texts):
                boundaries = [x0 for x0, _text in chunks]
            if boundaries is None:
                preamble.append(" ".join(texts))
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
        return Document([], preamble="\n".join(preamble), kind="pdf")
    table = Table(rows, numbers, name="Text")
    table.line_based = True
    return Document([table], preamble="\n".join(preamble), kind="pdf")
