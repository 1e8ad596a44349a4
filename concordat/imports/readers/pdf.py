"""PDF plans: ruled tables through pdfplumber, or, for a plan laid out without ruling lines,
columns found from the positions of the heading words."""

import io
import re
from statistics import median

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from ..columns import is_header_row
from ..errors import ImportRefused
from .base import Document, Table, clean_cell

PAGE_FURNITURE = re.compile(r"^\s*(page\s+)?\d+(\s*(of|/)\s*\d+)?\s*$", re.I)
BULLET_START = re.compile(r"^\s*[•·▪◦‣○●*\-–o]\s")
# A glyph the font gives no text for, at the start of a line, is a bullet symbol.
UNMAPPED_BULLET = re.compile(r"^(\s*)\(cid:\d+\)\s*", re.M)
MAX_PAGES = 500
LINE_TOLERANCE = 3


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
        pages = pdf.pages[:MAX_PAGES]
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
        found = [t for t in page.find_tables() if len(t.rows) >= 1]
        for table in found:
            rows = [[_join_wrapped(cell) for cell in row] for row in table.extract()]
            if rows and max(len(row) for row in rows) >= 2:
                if not tables:
                    top = max(0, table.bbox[1] - 0.5)
                    preamble = page.crop((0, 0, page.width, top)).extract_text() or ""
                tables.append((page, table, Table(rows, name=f"Page {page.page_number}")))
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
            cells = [""] * len(boundaries)
            for x0, text in chunks:
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
