"""Word plans: every table in the body in order, with the paragraphs around them.

What Word shows but does not write as text is read too: the numbers of automatic numbering
(a section heading numbered `2.` or a ref column numbered `1.1` by Word), struck-through and
grey text (an action the plan removed), cell shading (a RAG given as a colour) and bold text.
The page headers and footers are set aside as no part of the plan.
"""

import io

import docx
from docx.oxml.ns import qn

from concordat.core.statuses import is_grey

from .. import limits
from .base import BULLET, CellStyle, Document, Table, clean_cell

P, TBL, SDT, SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
R, T, TAB, BR, CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
NO_BREAK_HYPHEN, DELETED = qn("w:noBreakHyphen"), qn("w:del")
VAL = qn("w:val")
BULLET_CHARS = "•·▪◦‣○●-*–"
OFF = {"0", "false", "off", "none"}


@limits.counted
def read_docx(data):
    document = docx.Document(io.BytesIO(data))
    reader = _Reader(document)
    tables, before, between = [], [], []
    for element in _blocks(document.element.body):
        if element.tag == P:
            text = reader.paragraph(element).text
            if text.strip():
                (between if tables else before).append(text)
        elif element.tag == TBL:
            table = reader.table(element)
            table.name = f"Table {len(tables) + 1}"
            table.heading = "\n".join(between if tables else before[-3:])
            between = []
            tables.append(table)
    return Document(
        tables,
        preamble="\n".join(before),
        trailing="\n".join(between),
        kind="docx",
        set_aside=reader.page_furniture(document),
    )


def _blocks(parent):
    for child in parent.iterchildren():
        if child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (P, TBL):
            yield child


def _on(element):
    """Whether a toggle property (`<w:b/>`, `<w:strike w:val="0"/>`) is on."""
    return element is not None and (element.get(VAL) or "true").lower() not in OFF


class _Paragraph:
    def __init__(self, text, struck, grey, bold):
        self.text, self.struck, self.grey, self.bold = text, struck, grey, bold


class _Numbering:
    """The numbers Word shows for numbered paragraphs, counted as Word counts them."""

    FORMATS = {"decimal", "upperLetter", "lowerLetter", "upperRoman", "lowerRoman", "bullet"}

    def __init__(self, document):
        self.levels = {}  # numId → {ilvl: (start, format, text)}
        self.counters = {}  # numId → {ilvl: count}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for element in numbering.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in element.findall(qn("w:lvl")):
                start = lvl.find(qn("w:start"))
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    int(start.get(VAL, "1")) if start is not None else 1,
                    fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                    text.get(VAL, "") if text is not None else "",
                )
            abstract[element.get(qn("w:abstractNumId"))] = levels
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(VAL) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                level = int(override.get(qn("w:ilvl"), "0"))
                if start is not None and level in levels:
                    _start, fmt, text = levels[level]
                    levels[level] = (int(start.get(VAL, "1")), fmt, text)
            self.levels[num.get(qn("w:numId"))] = levels

    def label(self, num_id, level):
        """The label Word shows before the paragraph ("2.", "1.3", "b)", "• "), or ""."""
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        start, fmt, text = levels[level]
        if fmt == "bullet":
            return BULLET
        if fmt not in self.FORMATS:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [n for n in counts if n > level]:
            del counts[deeper]
        label = text
        for n in range(level + 1):
            lvl_start, lvl_fmt, _text = levels.get(n, (1, "decimal", ""))
            value = counts.get(n, lvl_start)
            label = label.replace(f"%{n + 1}", _format_number(value, lvl_fmt))
        return f"{label.strip()} " if label.strip() else ""


def _format_number(value, fmt):
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    return str(value)


def _letters(value):
    value = max(1, value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value):
    numerals = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]  # fmt: skip
    out = ""
    for size, numeral in numerals:
        while value >= size:
            out, value = out + numeral, value - size
    return out


class _Reader:
    def __init__(self, document):
        self.document = document
        self.numbering = _Numbering(document)
        self.style_cache = {}
        self.styles = {}
        try:
            for style in document.styles.element.findall(qn("w:style")):
                self.styles[style.get(qn("w:styleId"))] = style
        except AttributeError:
            pass

    # Styles --------------------------------------------------------------------------
    def _style(self, style_id):
        """(bold, struck, colour, numPr, name) a paragraph style gives, following basedOn."""
        if style_id in self.style_cache:
            return self.style_cache[style_id]
        self.style_cache[style_id] = (False, False, "", None, "")  # a loop of basedOn
        style = self.styles.get(style_id)
        if style is None:
            return self.style_cache[style_id]
        based = style.find(qn("w:basedOn"))
        bold, struck, colour, num_pr, _name = (
            self._style(based.get(VAL)) if based is not None else (False, False, "", None, "")
        )
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            bold = _on(rpr.find(qn("w:b"))) if rpr.find(qn("w:b")) is not None else bold
            for tag in ("w:strike", "w:dstrike"):
                if rpr.find(qn(tag)) is not None:
                    struck = _on(rpr.find(qn(tag)))
            found = rpr.find(qn("w:color"))
            if found is not None:
                colour = found.get(VAL, "")
        ppr = style.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:numPr")) is not None:
            num_pr = ppr.find(qn("w:numPr"))
        name = style.find(qn("w:name"))
        result = (bold, struck, colour, num_pr, name.get(VAL, "") if name is not None else "")
        self.style_cache[style_id] = result
        return result

    # Paragraphs ----------------------------------------------------------------------
    def paragraph(self, p):
        ppr = p.find(qn("w:pPr"))
        style_id = None
        num_pr = None
        if ppr is not None:
            pstyle = ppr.find(qn("w:pStyle"))
            style_id = pstyle.get(VAL) if pstyle is not None else None
            num_pr = ppr.find(qn("w:numPr"))
        style_bold, style_struck, style_colour, style_num, style_name = self._style(style_id)
        if num_pr is None:
            num_pr = style_num
        parts, flags = [], []
        for run in p.iter(R):
            if any(ancestor.tag == DELETED for ancestor in run.iterancestors()):
                continue
            text = _run_text(run)
            if not text:
                continue
            parts.append(text)
            if text.strip():
                flags.append(_run_flags(run, style_bold, style_struck, style_colour))
        text = "".join(parts)
        label = self._label(num_pr, style_name) if text.strip() or num_pr is not None else ""
        if label and not (label == BULLET and text.lstrip()[:1] in BULLET_CHARS):
            text = f"{label}{text.strip()}" if text.strip() else label.strip()
        return _Paragraph(
            text,
            struck=bool(flags) and all(f[1] for f in flags),
            grey=bool(flags) and all(f[2] for f in flags),
            bold=bool(flags) and all(f[0] for f in flags),
        )

    def _label(self, num_pr, style_name):
        if num_pr is None:
            return BULLET if style_name.lower().startswith("list bullet") else ""
        num_id = num_pr.find(qn("w:numId"))
        level = num_pr.find(qn("w:ilvl"))
        num_id = num_id.get(VAL) if num_id is not None else None
        if num_id in (None, "0"):
            return ""
        label = self.numbering.label(num_id, int(level.get(VAL, "0")) if level is not None else 0)
        if not label and style_name.lower().startswith("list"):
            return BULLET
        return label

    # Tables --------------------------------------------------------------------------
    def cell(self, tc):
        parts, paragraphs = [], []
        for element in _blocks(tc):
            if element.tag == P:
                paragraph = self.paragraph(element)
                parts.append(paragraph.text)
                if paragraph.text.strip():
                    paragraphs.append(paragraph)
            else:
                for row in self.table(element).rows:
                    parts.append(" ".join(cell for cell in row if cell))
        style = CellStyle(
            struck=bool(paragraphs) and all(p.struck for p in paragraphs),
            grey=bool(paragraphs) and all(p.grey for p in paragraphs),
            bold=bool(paragraphs) and all(p.bold for p in paragraphs),
            fill=_fill(tc),
        )
        return limits.budget().text(clean_cell("\n".join(parts))), style

    def table(self, tbl):
        # Spans are counted before anything that size is built: a cell claiming a million
        # grid columns is refused, never padded out.
        budget = limits.budget()
        budget.table()
        rows, merged, across, styles = [], set(), set(), {}
        width = 0
        for row_index, tr in enumerate(tbl.tr_lst):
            budget.rows()
            cells = [""] * _span(tr.trPr, "w:gridBefore", budget, default=0)
            row_fill = _row_fill(tr)
            for tc in tr.tc_lst:
                span = _span(tc.tcPr, "w:gridSpan", budget)
                budget.width(len(cells) + span)
                budget.cells(span)
                column = len(cells)
                if tc.vMerge == "continue":
                    for offset in range(span):
                        merged.add((row_index, column + offset))
                    cells.extend([""] * span)
                    continue
                text, style = self.cell(tc)
                if not style.fill and row_fill:
                    style = CellStyle(style.struck, style.grey, row_fill, style.bold)
                cells.append(text)
                cells.extend([""] * (span - 1))
                for offset in range(1, span):
                    across.add((row_index, column + offset))
                if style != CellStyle():
                    for offset in range(span):
                        styles[(row_index, column + offset)] = style
            rows.append(cells)
            width = max(width, len(cells))
        for cells in rows:
            budget.cells(width - len(cells))
            cells.extend([""] * (width - len(cells)))
        return Table(rows, merged_from_above=merged, merged_from_left=across, styles=styles)

    # Page headers and footers ----------------------------------------------------------
    def page_furniture(self, document):
        found, seen = [], set()
        for section in document.sections:
            for where, part in (("Page header", "header"), ("Page footer", "footer")):
                try:
                    story = getattr(section, part)
                    if story.is_linked_to_previous and found:
                        continue
                    element = story._element
                except (AttributeError, KeyError, ValueError):
                    continue
                for block in _blocks(element):
                    if block.tag == P:
                        texts = [self.paragraph(block).text]
                    else:
                        texts = [" | ".join(c for c in row if c) for row in self.table(block).rows]
                    for text in texts:
                        text = clean_cell(text)
                        if text and (where, text) not in seen:
                            seen.add((where, text))
                            found.append((where, text))
        return found


def _run_text(run):
    parts = []
    for child in run:
        if child.tag == T:
            parts.append(child.text or "")
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag in (BR, CR):
            parts.append("\n")
        elif child.tag == NO_BREAK_HYPHEN:
            parts.append("-")
    return "".join(parts)


def _run_flags(run, bold, struck, colour):
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        found = rpr.find(qn("w:b"))
        if found is not None:
            bold = _on(found)
        present = [rpr.find(qn(tag)) for tag in ("w:strike", "w:dstrike")]
        present = [found for found in present if found is not None]
        if present:
            struck = any(_on(found) for found in present)
        found = rpr.find(qn("w:color"))
        if found is not None:
            colour = found.get(VAL, "")
    return bold, struck, is_grey(colour)


def _shading(element):
    shd = element.find(qn("w:shd")) if element is not None else None
    if shd is None:
        return ""
    fill = (shd.get(qn("w:fill")) or "").strip()
    if shd.get(VAL) == "solid" and (shd.get(qn("w:color")) or "auto") != "auto":
        fill = shd.get(qn("w:color"))
    if not fill or fill.lower() == "auto":
        return ""
    return fill.upper()


def _fill(tc):
    return _shading(tc.find(qn("w:tcPr")))


def _row_fill(tr):
    tpr = tr.find(qn("w:trPr"))
    return _shading(tpr)


def _span(properties, tag, budget, default=1):
    """A grid span or gridBefore as written, read without python-docx's conversion (which
    fails on a value that is not a number), and held to the column limit."""
    element = properties.find(qn(tag)) if properties is not None else None
    if element is None:
        return default
    return budget.span(element.get(qn("w:val")), minimum=default)
