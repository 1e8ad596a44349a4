"""Word plans: every table in the body in order, with the paragraphs around them."""

import io

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from .. import limits
from .base import BULLET, Document, Table, clean_cell

P, TBL, SDT, SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
BULLET_CHARS = "•·▪◦‣○●-*–"


@limits.counted
def read_docx(data):
    document = docx.Document(io.BytesIO(data))
    tables, before, between = [], [], []
    for element in _blocks(document.element.body):
        if element.tag == P:
            text = _paragraph_text(element)
            if text.strip():
                (between if tables else before).append(text)
        elif element.tag == TBL:
            table = _read_table(element)
            table.name = f"Table {len(tables) + 1}"
            table.heading = "\n".join(between if tables else before[-3:])
            between = []
            tables.append(table)
    return Document(tables, preamble="\n".join(before), trailing="\n".join(between), kind="docx")


def _blocks(parent):
    for child in parent.iterchildren():
        if child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (P, TBL):
            yield child


def _is_list_item(p):
    if p.pPr is not None and p.pPr.numPr is not None:
        return True
    style = p.style or ""
    return style.lower().startswith("list")


def _paragraph_text(p):
    text = Paragraph(p, None).text
    if _is_list_item(p) and text.strip() and text.lstrip()[0] not in BULLET_CHARS:
        return BULLET + text.strip()
    return text


def _cell_text(tc):
    parts = []
    for element in _blocks(tc):
        if element.tag == P:
            parts.append(_paragraph_text(element))
        else:
            for row in _read_table(element).rows:
                parts.append(" ".join(cell for cell in row if cell))
    return limits.budget().text(clean_cell("\n".join(parts)))


def _read_table(tbl):
    # Spans are counted before anything that size is built: a cell claiming a million grid
    # columns is refused, never padded out.
    budget = limits.budget()
    budget.table()
    rows, merged = [], set()
    width = 0
    for row_index, tr in enumerate(tbl.tr_lst):
        budget.rows()
        before = _span(tr.trPr, "w:gridBefore", budget, default=0)
        cells = [""] * before
        for tc in tr.tc_lst:
            span = _span(tc.tcPr, "w:gridSpan", budget)
            budget.width(len(cells) + span)
            budget.cells(span)
            if tc.vMerge == "continue":
                for offset in range(span):
                    merged.add((row_index, len(cells) + offset))
                cells.extend([""] * span)
            else:
                cells.append(_cell_text(tc))
                cells.extend([""] * (span - 1))
        rows.append(cells)
        width = max(width, len(cells))
    for cells in rows:
        budget.cells(width - len(cells))
        cells.extend([""] * (width - len(cells)))
    return Table(rows, merged_from_above=merged)


def _span(properties, tag, budget, default=1):
    """A grid span or gridBefore as written, read without python-docx's conversion (which
    fails on a value that is not a number), and held to the column limit."""
    element = properties.find(qn(tag)) if properties is not None else None
    if element is None:
        return default
    return budget.span(element.get(qn("w:val")), minimum=default)
