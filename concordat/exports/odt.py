"""The plan as an OpenDocument text file (odfpy): the same board paper as the Word file (see
paper.py), in Arial declared as the document's font and default style, with tables whose
columns are sized for their content, header rows repeated on every page, and "Page x of y" in
the footer. All text passes through `xml_safe` on its way in."""

import io

from django.utils import timezone
from odf import dc, meta, teletype
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    FontFace,
    Footer,
    FooterStyle,
    Header,
    HeaderFooterProperties,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TextProperties,
)
from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import (
    H,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
)

from concordat.core.outbound import xml_safe

from . import layout, paper

FONT = "Arial"
PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 29.7, 21.0, 1.8
TABLE_FONT = layout.Font(size=8, padding=8)  # 0.1 cm padding each side, and the borders
RAG_COLOURS = {
    "red": ("#d4351c", "#ffffff"),
    "amber": ("#f47738", "#0b0c0c"),
    "green": ("#00703c", "#ffffff"),
    "blue": ("#1d70b8", "#ffffff"),
}


class _Styles:
    def __init__(self, document):
        self.document = document
        document.fontfacedecls.addElement(
            FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss", fontpitch="variable")
        )
        default = DefaultStyle(family="paragraph")
        default.addElement(
            TextProperties(
                fontname=FONT,
                fontsize="10pt",
                language="en",
                country="GB",
                fontnameasian=FONT,
                fontnamecomplex=FONT,
            )
        )
        default.addElement(ParagraphProperties(marginbottom="0.12cm", margintop="0cm"))
        document.styles.addElement(default)
        standard = Style(name="Standard", family="paragraph", displayname="Default")
        standard.addElement(TextProperties(fontname=FONT, fontsize="10pt"))
        document.styles.addElement(standard)
        self.heading = {}
        for level, size in ((1, "18pt"), (2, "14pt"), (3, "11pt")):
            style = Style(
                name=f"Heading_20_{level}",
                displayname=f"Heading {level}",
                family="paragraph",
                parentstylename="Standard",
                defaultoutlinelevel=level,
            )
            style.addElement(TextProperties(fontsize=size, fontweight="bold", fontname=FONT))
            style.addElement(
                ParagraphProperties(
                    margintop="0.35cm", marginbottom="0.15cm", keepwithnext="always"
                )
            )
            document.styles.addElement(style)
            self.heading[level] = style
        self.break_heading = Style(
            name="HeadingNewPage", family="paragraph", parentstylename=self.heading[2]
        )
        self.break_heading.addElement(ParagraphProperties(breakbefore="page"))
        document.automaticstyles.addElement(self.break_heading)
        self.bold = self._auto_text("Bold", fontweight="bold")
        self.bold_span = Style(name="BoldSpan", family="text")
        self.bold_span.addElement(TextProperties(fontweight="bold"))
        document.automaticstyles.addElement(self.bold_span)
        self.large = self._auto_text("Large", fontweight="bold", fontsize="14pt")
        self.cell_text = self._paragraph_style("TableText", "8pt")
        self.cell_bold = self._paragraph_style("TableTextBold", "8pt", fontweight="bold")
        self.cell_italic = self._paragraph_style("TableTextItalic", "8pt", fontstyle="italic")
        self.cell_number = self._paragraph_style("TableNumber", "8pt", align="end")
        self.cell_number_bold = self._paragraph_style(
            "TableNumberBold", "8pt", align="end", fontweight="bold"
        )
        self.footer = self._paragraph_style("FooterText", "8pt", align="end")
        self.cell = self._cell("Cell", None)
        self.header_cell = self._cell("HeaderCell", "#dde3e7")
        self.band_cell = self._cell("BandCell", "#f3f2f1")
        self.rag_cells = {
            rag: self._cell(f"Rag{rag}", fill) for rag, (fill, _) in RAG_COLOURS.items()
        }
        self.rag_text = {
            rag: self._paragraph_style(f"RagText{rag}", "8pt", fontweight="bold", color=text)
            for rag, (_fill, text) in RAG_COLOURS.items()
        }
        self.bullets = ListStyle(name="Bullets")
        level = ListLevelStyleBullet(level=1, bulletchar="•")
        level.addElement(ListLevelProperties(spacebefore="0.3cm", minlabelwidth="0.4cm"))
        self.bullets.addElement(level)
        document.automaticstyles.addElement(self.bullets)

    def _auto_text(self, name, **text):
        style = Style(name=name, family="paragraph", parentstylename="Standard")
        style.addElement(TextProperties(**text))
        self.document.automaticstyles.addElement(style)
        return style

    def _paragraph_style(self, name, size, *, align=None, **text):
        style = Style(name=name, family="paragraph", parentstylename="Standard")
        style.addElement(TextProperties(fontsize=size, **text))
        paragraph = {"marginbottom": "0cm", "margintop": "0cm"}
        if align:
            paragraph["textalign"] = align
        style.addElement(ParagraphProperties(**paragraph))
        self.document.automaticstyles.addElement(style)
        return style

    def _cell(self, name, fill):
        style = Style(name=name, family="table-cell")
        properties = {"border": "0.5pt solid #505a5f", "padding": "0.1cm"}
        if fill:
            properties["backgroundcolor"] = fill
        style.addElement(TableCellProperties(**properties))
        self.document.automaticstyles.addElement(style)
        return style

    def table(self, name, width_cm):
        style = Style(name=f"{name}Table", family="table")
        style.addElement(TableProperties(width=f"{width_cm:.3f}cm", align="center"))
        self.document.automaticstyles.addElement(style)
        return style

    def column(self, table, index, width_cm):
        style = Style(name=f"{table}Column{index}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width_cm:.3f}cm"))
        self.document.automaticstyles.addElement(style)
        return style


def _paragraph(text, style):
    paragraph = P(stylename=style)
    teletype.addTextToElement(paragraph, xml_safe(text))
    return paragraph


def _page(document, styles, *, title, draft):
    layout_style = PageLayout(name="Landscape")
    layout_style.addElement(
        PageLayoutProperties(
            pagewidth=f"{PAGE_WIDTH_CM}cm",
            pageheight=f"{PAGE_HEIGHT_CM}cm",
            printorientation="landscape",
            margin=f"{MARGIN_CM}cm",
        )
    )
    footer_style = FooterStyle()
    footer_style.addElement(HeaderFooterProperties(minheight="0.4cm", margintop="0.3cm"))
    layout_style.addElement(footer_style)
    document.automaticstyles.addElement(layout_style)
    master = MasterPage(name="Standard", pagelayoutname=layout_style)
    if draft:
        header = Header()
        header.addElement(_paragraph("DRAFT — not published", styles.bold))
        master.addElement(header)
    footer = Footer()
    line = _paragraph(f"{title} · Page ", styles.footer)
    line.addElement(PageNumber(selectpage="current", text="1"))
    line.addText(" of ")
    line.addElement(PageCount(text="1"))
    footer.addElement(line)
    master.addElement(footer)
    document.masterstyles.addElement(master)


def _meta(document, export):
    version = export.version
    created = version.published_at or version.created_at
    document.meta.addElement(dc.Title(text=xml_safe(export.title)))
    document.meta.addElement(dc.Subject(text=xml_safe(export.version_line)))
    document.meta.addElement(dc.Language(text="en-GB"))
    document.meta.addElement(dc.Creator(text=xml_safe(export.area.name)))
    document.meta.addElement(meta.InitialCreator(text=xml_safe(export.area.name)))
    if created:
        document.meta.addElement(meta.CreationDate(text=_iso(created)))
    document.meta.addElement(dc.Date(text=_iso(timezone.now())))


def _iso(moment):
    return timezone.localtime(moment).replace(microsecond=0, tzinfo=None).isoformat()


def plan_odt(export):
    document = OpenDocumentText()
    _meta(document, export)
    styles = _Styles(document)
    _page(document, styles, title=export.title, draft=export.draft)
    body = document.text
    new_page = False
    for block in paper.plan_paper(export):
        if isinstance(block, paper.PageBreak):
            new_page = True
            continue
        if isinstance(block, paper.Heading):
            style = styles.heading[block.level]
            if new_page and block.level == 2:
                style = styles.break_heading
            new_page = False
            heading = H(outlinelevel=block.level, stylename=style)
            teletype.addTextToElement(heading, xml_safe(block.text))
            body.addElement(heading)
        elif isinstance(block, paper.Paragraph):
            if block.strong:
                body.addElement(_paragraph(block.text, styles.large))
                continue
            paragraph = P(stylename="Standard")
            if block.label:
                label = Span(stylename=styles.bold_span)
                teletype.addTextToElement(label, f"{block.label}: ")
                paragraph.addElement(label)
            teletype.addTextToElement(paragraph, xml_safe(block.text))
            body.addElement(paragraph)
        elif isinstance(block, paper.Bullets):
            listed = List(stylename=styles.bullets)
            for item in block.items:
                entry = ListItem()
                entry.addElement(_paragraph(item, "Standard"))
                listed.addElement(entry)
            body.addElement(listed)
        elif isinstance(block, paper.Grid):
            body.addElement(_table(styles, block))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _table(styles, grid):
    total_cm = PAGE_WIDTH_CM - 2 * MARGIN_CM
    widths = layout.column_widths(
        grid.columns,
        paper.grid_texts(grid),
        total=total_cm * layout.PT_PER_CM,
        font=TABLE_FONT,
        words=layout.office_words,
    )
    table = Table(name=grid.name, stylename=styles.table(grid.name, total_cm))
    for index, width in enumerate(widths):
        table.addElement(
            TableColumn(stylename=styles.column(grid.name, index, width / layout.PT_PER_CM))
        )
    header = TableHeaderRows()
    row = TableRow()
    for column in grid.columns:
        row.addElement(_cell(column.heading, style=styles.header_cell, text_style=styles.cell_bold))
    header.addElement(row)
    table.addElement(header)
    for line in grid.rows:
        if line.band:
            table.addElement(
                _band(styles, line.text, len(grid.columns), bold=line.band == "section")
            )
            continue
        row = TableRow()
        for index, value in enumerate(line.cells):
            if grid.numbers and index > 0:
                text_style = styles.cell_number_bold if line.strong else styles.cell_number
            else:
                text_style = styles.cell_bold if line.strong else styles.cell_text
            row.addElement(
                _cell(
                    value.text,
                    style=styles.rag_cells.get(value.rag, styles.cell),
                    text_style=styles.rag_text.get(value.rag, text_style),
                )
            )
        table.addElement(row)
    return table


def _cell(text, *, style, text_style, span=1):
    cell = TableCell(stylename=style, valuetype="string")
    if span > 1:
        cell.setAttribute("numbercolumnsspanned", str(span))
    for line in (text or "").split("\n"):
        cell.addElement(_paragraph(line, text_style))
    return cell


def _band(styles, text, width, *, bold):
    row = TableRow()
    row.addElement(
        _cell(
            text,
            style=styles.band_cell if bold else styles.cell,
            text_style=styles.cell_bold if bold else styles.cell_italic,
            span=width,
        )
    )
    for _ in range(width - 1):
        row.addElement(CoveredTableCell())
    return row
