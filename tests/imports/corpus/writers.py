"""Small helpers that write the corpus documents with python-docx, openpyxl, odfpy, reportlab
and the csv module, deterministically (fixed dates inside and in the zip entries).

Cell text conventions shared by the writers: a line starting "•W " is a Word/ODF bullet list
item (the bullet is list formatting, not text); "#W " an automatically numbered item (the
number is not in the text); anything else is written as it stands (typed "• " bullets too).
"""

import csv
import io
import re
import zipfile
from copy import deepcopy

FIXED = (2015, 10, 1, 9, 0, 0)
FIXED_ISO = "2015-10-01T09:00:00Z"
MERGE_UP = object()  # a cell merged down from the one above
MERGE_LEFT = object()  # a cell merged into the one on its left (OpenDocument tables only)


def normalise_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps inside and out, so a rebuild is byte-identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in ("docProps/core.xml", "meta.xml"):
                text = content.decode("utf-8")
                text = re.sub(
                    r"(<(dcterms:created|dcterms:modified|meta:creation-date|dc:date)[^>]*>)"
                    r"[^<]*(</\2>)",
                    lambda m: m.group(1) + FIXED_ISO.rstrip("Z") + m.group(3),
                    text,
                )
                content = text.encode("utf-8")
            fresh = zipfile.ZipInfo(info.filename, date_time=FIXED)
            fresh.compress_type = info.compress_type
            fresh.external_attr = 0o600 << 16
            target.writestr(fresh, content)
    return out.getvalue()


# --- Word ------------------------------------------------------------------------------------


def docx_document(landscape=True):
    import datetime

    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    props = document.core_properties
    props.created = props.modified = datetime.datetime(2015, 10, 1, 9, 0, 0)
    props.last_modified_by = props.author = "Concordat corpus"
    props.revision = 1
    props.title = ""
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(1.5))
    return document


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def docx_paragraph(container, text, *, style=None, bold=False, size=None, strike=False):
    from docx.shared import Pt

    style, text = _list_style(text, style)
    paragraph = container.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.strike = strike or None
    if size:
        run.font.size = Pt(size)
    return paragraph


def _list_style(text, style):
    if text.startswith("•W "):
        return "List Bullet", text[3:]
    if text.startswith("#W "):
        return "List Number", text[3:]
    return style, text


def _shade(cell, fill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _fill_cell(cell, text, *, bold=False, strike=False, grey=False, size=9):
    from docx.shared import Pt, RGBColor

    lines = str(text).split("\n") if text else [""]
    first = True
    for line in lines:
        style, line = _list_style(line, None)
        if first:
            paragraph = cell.paragraphs[0]
            if style:
                paragraph.style = style
            first = False
        else:
            paragraph = cell.add_paragraph(style=style)
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.font.strike = strike or None
        if grey:
            run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)


def docx_table(document, rows, *, widths=None, header_repeat=True, style="Table Grid"):
    """rows: list of dicts {kind: head|row|merged, cells|text, fills, shade, bold, strike, grey}.

    A cell value MERGE_UP continues the cell above (a vertical merge).
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    width = max(len(r["cells"]) if "cells" in r else 1 for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = style
    for index, spec in enumerate(rows):
        cells = table.rows[index].cells
        if spec["kind"] == "merged":
            merged = cells[0].merge(cells[-1])
            _fill_cell(merged, spec["text"], bold=spec.get("bold", True))
            if spec.get("shade"):
                _shade(merged, spec["shade"])
            continue
        if spec["kind"] == "head" and header_repeat:
            tr_pr = table.rows[index]._tr.get_or_add_trPr()
            marker = OxmlElement("w:tblHeader")
            tr_pr.append(marker)
        for column, value in enumerate(spec["cells"]):
            if value is MERGE_UP:
                continue
            _fill_cell(
                cells[column],
                value,
                bold=spec["kind"] == "head" or spec.get("bold", False),
                strike=spec.get("strike", False),
                grey=spec.get("grey", False),
            )
            fill = spec.get("fills", {}).get(column) or spec.get("shade")
            if fill:
                _shade(cells[column], fill)
    # vertical merges after filling, so the merged cell keeps the top text
    for index, spec in enumerate(rows):
        for column, value in enumerate(spec.get("cells", [])):
            if value is MERGE_UP:
                top = index - 1
                while rows[top]["cells"][column] is MERGE_UP:
                    top -= 1
                table.cell(top, column).merge(table.cell(index, column))
    if widths:
        for r in table.rows:
            for column, cell in enumerate(r.cells[: len(widths)]):
                cell.width = Cm(widths[column])
    _ = qn
    return table


def docx_header_footer(document, header=None, footer=None):
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer


# --- Excel -----------------------------------------------------------------------------------


def xlsx_workbook():
    import datetime

    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.properties.created = datetime.datetime(2015, 10, 1, 9, 0, 0)
    workbook.properties.modified = datetime.datetime(2015, 10, 1, 9, 0, 0)
    workbook.properties.creator = "Concordat corpus"
    return workbook


def xlsx_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return normalise_zip(buffer.getvalue())


def xlsx_fill(hex_colour):
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=hex_colour, end_color=hex_colour)


def xlsx_put(
    sheet,
    row,
    column,
    value,
    *,
    bold=False,
    fill=None,
    fmt=None,
    strike=False,
    grey=False,
    wrap=True,
):
    from openpyxl.styles import Alignment, Font

    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if bold or strike or grey:
        cell.font = Font(bold=bold, strike=strike, color="FF808080" if grey else None)
    if fill:
        cell.fill = xlsx_fill(fill)
    if fmt:
        cell.number_format = fmt
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


# --- CSV -------------------------------------------------------------------------------------


def csv_bytes(rows, *, encoding="utf-8", line_end="\r\n") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        writer.writerow(["" if cell is None else cell for cell in r])
    return buffer.getvalue().encode(encoding)


# --- OpenDocument ----------------------------------------------------------------------------


class OdtWriter:
    """A text document with paragraphs, headings, lists and tables (merges, fills, strike)."""

    def __init__(self, *, header=None, footer=None):
        from odf import style as s
        from odf.element import Element
        from odf.opendocument import OpenDocumentText

        # odfpy collects the namespaces every element ever used in one dict shared by the whole
        # process and declares them all on each document it writes: start from none, so the
        # file does not depend on what else the process wrote before.
        Element.namespaces.clear()
        self.s = s
        self.doc = OpenDocumentText()
        self._styles = {}
        layout = s.PageLayout(name="Landscape")
        layout.addElement(
            s.PageLayoutProperties(
                pagewidth="29.7cm",
                pageheight="21cm",
                printorientation="landscape",
                margintop="1.5cm",
                marginbottom="1.5cm",
                marginleft="1.5cm",
                marginright="1.5cm",
            )
        )
        self.doc.automaticstyles.addElement(layout)
        master = s.MasterPage(name="Standard", pagelayoutname=layout)
        from odf.text import P

        if header:
            h = s.Header()
            h.addElement(P(text=header))
            master.addElement(h)
        if footer:
            f = s.Footer()
            f.addElement(P(text=footer))
            master.addElement(f)
        self.doc.masterstyles.addElement(master)
        self.bold = self._text_style("Bold", fontweight="bold")
        self.strike = self._text_style(
            "Strike", textlinethroughstyle="solid", textlinethroughtype="single"
        )
        self.grey = self._text_style("Grey", color="#808080")
        from odf.text import List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle

        self._List, self._ListItem = List, ListItem
        bullets = ListStyle(name="Bullets")
        bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
        numbers = ListStyle(name="Numbers")
        numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
        self.doc.automaticstyles.addElement(bullets)
        self.doc.automaticstyles.addElement(numbers)
        self.bullets, self.numbers = bullets, numbers

    def _text_style(self, name, **props):
        style = self.s.Style(name=name, family="text")
        style.addElement(self.s.TextProperties(**props))
        self.doc.automaticstyles.addElement(style)
        return style

    def cell_style(self, fill):
        if fill not in self._styles:
            style = self.s.Style(name=f"Fill{len(self._styles)}", family="table-cell")
            style.addElement(
                self.s.TableCellProperties(backgroundcolor=f"#{fill}", border="0.5pt solid #000000")
            )
            self.doc.automaticstyles.addElement(style)
            self._styles[fill] = style
        return self._styles[fill]

    def _lines(self, parent, text, *, bold=False, strike=False, grey=False):
        from odf.text import P, Span

        current_list, current_kind = None, None
        for line in str(text).split("\n") if text else [""]:
            kind = "b" if line.startswith("•W ") else "n" if line.startswith("#W ") else None
            if kind:
                line = line[3:]
            paragraph = P()
            style = self.bold if bold else self.strike if strike else self.grey if grey else None
            paragraph.addElement(Span(stylename=style, text=line) if style else Span(text=line))
            if kind:
                if current_kind != kind:
                    current_list = self._List(
                        stylename=self.bullets if kind == "b" else self.numbers
                    )
                    parent.addElement(current_list)
                    current_kind = kind
                item = self._ListItem()
                item.addElement(paragraph)
                current_list.addElement(item)
            else:
                current_list, current_kind = None, None
                parent.addElement(paragraph)

    def paragraph(self, text, *, bold=False):
        self._lines(self.doc.text, text, bold=bold)

    def heading(self, text, level=1):
        from odf.text import H

        self.doc.text.addElement(H(outlinelevel=level, text=text))

    def table(self, rows, name="Table"):
        """rows as docx_table: dicts of kind head|row|merged."""
        from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow

        width = max(len(r["cells"]) if "cells" in r else 1 for r in rows)
        table = Table(name=name)
        table.addElement(TableColumn(numbercolumnsrepeated=width))
        spans, widths = {}, {}
        for index, spec in enumerate(rows):
            for column, value in enumerate(spec.get("cells", [])):
                if value is MERGE_UP:
                    top = index - 1
                    while rows[top]["cells"][column] is MERGE_UP:
                        top -= 1
                    spans[(top, column)] = spans.get((top, column), 1) + 1
                if value is MERGE_LEFT:
                    left = column - 1
                    while spec["cells"][left] is MERGE_LEFT:
                        left -= 1
                    widths[(index, left)] = widths.get((index, left), 1) + 1
        for index, spec in enumerate(rows):
            tr = TableRow()
            if spec["kind"] == "merged":
                fill = spec.get("shade")
                cell = TableCell(
                    numbercolumnsspanned=width,
                    stylename=self.cell_style(fill or "FFFFFF"),
                )
                self._lines(cell, spec["text"], bold=spec.get("bold", True))
                tr.addElement(cell)
                for _ in range(width - 1):
                    tr.addElement(CoveredTableCell())
            else:
                for column, value in enumerate(spec["cells"]):
                    if value is MERGE_UP or value is MERGE_LEFT:
                        tr.addElement(CoveredTableCell())
                        continue
                    fill = spec.get("fills", {}).get(column) or spec.get("shade") or "FFFFFF"
                    attrs = {"stylename": self.cell_style(fill)}
                    if (index, column) in spans:
                        attrs["numberrowsspanned"] = spans[(index, column)]
                    if (index, column) in widths:
                        attrs["numbercolumnsspanned"] = widths[(index, column)]
                    cell = TableCell(**attrs)
                    self._lines(
                        cell,
                        value,
                        bold=spec["kind"] == "head" or spec.get("bold", False),
                        strike=spec.get("strike", False),
                        grey=spec.get("grey", False),
                    )
                    tr.addElement(cell)
            table.addElement(tr)
        self.doc.text.addElement(table)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.write(buffer)
        return normalise_zip(buffer.getvalue())


# --- PDF -------------------------------------------------------------------------------------


def pdf_bytes(story, *, header=None, footer=None, landscape_page=True) -> bytes:
    """A PDF from platypus flowables, with a running header and a footer on every page."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    rl_config.invariant = 1
    size = landscape(A4) if landscape_page else A4
    buffer = io.BytesIO()

    def decorate(canvas, document):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(40, size[1] - 28, header)
        if footer:
            canvas.drawString(40, 20, footer.format(page=document.page))
        canvas.restoreState()

    template = SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=40,
        rightMargin=40,
        topMargin=45,
        bottomMargin=40,
        invariant=1,
        title="",
        author="",
        creator="",
        producer="",
    )
    template.build(deepcopy(story), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def pdf_table(rows, widths, *, repeat=1, font_size=7.5):
    """rows as docx_table; cell text wrapped in Paragraphs; fills, merges and greys kept."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    width = len(widths)
    normal = ParagraphStyle("cell", fontName="Helvetica", fontSize=font_size, leading=font_size + 2)
    bold = ParagraphStyle("head", parent=normal, fontName="Helvetica-Bold")
    grey = ParagraphStyle("grey", parent=normal, textColor=colors.HexColor("#808080"))
    data, commands = (
        [],
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
    )

    def para(text, style, strike=False):
        text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines = []
        for line in text.split("\n"):
            if line.startswith("•W "):
                line = "• " + line[3:]
            lines.append(f"<strike>{line}</strike>" if strike and line else line)
        return Paragraph("<br/>".join(lines), style)

    for index, spec in enumerate(rows):
        if spec["kind"] == "merged":
            data.append([para(spec["text"], bold)] + [""] * (width - 1))
            commands.append(("SPAN", (0, index), (-1, index)))
            if spec.get("shade"):
                commands.append(
                    ("BACKGROUND", (0, index), (-1, index), colors.HexColor("#" + spec["shade"]))
                )
            continue
        cells = []
        for column, value in enumerate(spec["cells"]):
            if value is MERGE_UP:
                cells.append("")
                top = index - 1
                while rows[top].get("cells", [None] * width)[column] is MERGE_UP:
                    top -= 1
                commands.append(("SPAN", (column, top), (column, index)))
                continue
            style = bold if spec["kind"] == "head" or spec.get("bold") else normal
            if spec.get("grey"):
                style = grey
            cells.append(para(value, style, strike=spec.get("strike", False)))
            fill = spec.get("fills", {}).get(column) or spec.get("shade")
            if fill:
                commands.append(
                    ("BACKGROUND", (column, index), (column, index), colors.HexColor("#" + fill))
                )
        data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=repeat, splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table


def pdf_paragraph(text, *, size=9, bold=False):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle(
        "p",
        fontName="Helvetica-Bold" if bold else "Helvetica",
        fontSize=size,
        leading=size + 3,
        spaceAfter=4,
    )
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(text.replace("\n", "<br/>"), style)
