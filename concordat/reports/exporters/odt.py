"""The plan as an OpenDocument text file (odfpy): headings, a summary, and the action table
with its header row marked as a repeated header."""

import io

from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.style import (
    PageLayout as StylePageLayout,
)
from odf.style import (
    PageLayoutProperties as StylePageLayoutProperties,
)
from odf.style import (
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TextProperties,
)
from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, P

from .columns import cell_value, columns_for, rag_of
from .data import RAG_COLUMNS, STATUS_COLUMNS, long_date

RAG_COLOURS = {
    "red": ("#d4351c", "#ffffff"),
    "amber": ("#f47738", "#0b0c0c"),
    "green": ("#00703c", "#ffffff"),
    "blue": ("#1d70b8", "#ffffff"),
}


class _Styles:
    def __init__(self, document):
        self.document = document
        default = Style(name="Default", family="paragraph")
        default.addElement(
            TextProperties(fontsize="9pt", language="en", country="GB", fontname="Liberation Sans")
        )
        document.styles.addElement(default)
        self.heading = {}
        for level, size in ((1, "18pt"), (2, "14pt")):
            style = Style(name=f"Heading {level}", family="paragraph", defaultoutlinelevel=level)
            style.addElement(TextProperties(fontsize=size, fontweight="bold"))
            style.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.2cm"))
            document.styles.addElement(style)
            self.heading[level] = style
        self.bold = self._auto_paragraph("Bold", fontweight="bold")
        self.cell = self._cell("Cell", None)
        self.header_cell = self._cell("HeaderCell", "#dde3e7")
        self.band_cell = self._cell("BandCell", "#f3f2f1")
        self.rag_cells = {
            rag: self._cell(f"Rag{rag}", fill) for rag, (fill, _) in RAG_COLOURS.items()
        }
        self.rag_text = {
            rag: self._auto_paragraph(f"RagText{rag}", fontweight="bold", color=text)
            for rag, (_fill, text) in RAG_COLOURS.items()
        }
        table = Style(name="ActionTable", family="table")
        table.addElement(TableProperties(width="27cm", align="margins"))
        document.automaticstyles.addElement(table)
        self.table = table

    def _auto_paragraph(self, name, **text):
        style = Style(name=name, family="paragraph")
        style.addElement(TextProperties(**text))
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

    def column(self, index, width_cm):
        style = Style(name=f"Column{index}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width_cm:.2f}cm"))
        self.document.automaticstyles.addElement(style)
        return style


def _paragraph(text, style=None):
    paragraph = P(stylename=style) if style is not None else P()
    teletype.addTextToElement(paragraph, text)
    return paragraph


def _cell(styles, text, *, style=None, text_style=None, span=1):
    cell = TableCell(stylename=style or styles.cell, valuetype="string")
    if span > 1:
        cell.setAttribute("numbercolumnsspanned", str(span))
    for line in (text or "").split("\n") or [""]:
        cell.addElement(_paragraph(line, text_style))
    return cell


def _landscape(document):
    layout = StylePageLayout(name="Landscape")
    layout.addElement(
        StylePageLayoutProperties(
            pagewidth="29.7cm",
            pageheight="21cm",
            printorientation="landscape",
            margin="1.5cm",
        )
    )
    document.automaticstyles.addElement(layout)
    from odf.style import MasterPage

    document.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))


def plan_odt(export):
    document = OpenDocumentText()
    document.meta.addElement(_meta_title(export.title))
    document.meta.addElement(_meta_language())
    _landscape(document)
    styles = _Styles(document)
    body = document.text

    body.addElement(H(outlinelevel=1, stylename=styles.heading[1], text=export.title))
    if export.draft:
        body.addElement(
            _paragraph(
                "DRAFT — not published. This copy comes from the workspace and may change.",
                styles.bold,
            )
        )
    body.addElement(_paragraph(f"Area: {export.area.name}"))
    body.addElement(_paragraph(f"Version: {export.version_line}"))
    body.addElement(_paragraph(f"Date: {long_date(export.on)}"))

    body.addElement(H(outlinelevel=2, stylename=styles.heading[2], text="Summary by section"))
    body.addElement(_summary_table(styles, export))

    body.addElement(H(outlinelevel=2, stylename=styles.heading[2], text="The action plan"))
    body.addElement(_action_table(styles, export))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _meta_title(title):
    from odf.dc import Title

    return Title(text=title)


def _meta_language():
    from odf.dc import Language

    return Language(text="en-GB")


def _summary_table(styles, export):
    headings = ["Concordat section", "Total"]
    headings += [label if key else "Not stated" for key, label in STATUS_COLUMNS]
    headings += [label if key else "No RAG" for key, label in RAG_COLUMNS]
    table = Table(name="Summary", stylename=styles.table)
    table.addElement(TableColumn(numbercolumnsrepeated=len(headings)))
    header = TableHeaderRows()
    row = TableRow()
    for heading in headings:
        row.addElement(_cell(styles, heading, style=styles.header_cell, text_style=styles.bold))
    header.addElement(row)
    table.addElement(header)
    for summary in [*export.sections, export.totals]:
        row = TableRow()
        label = f"{summary.number}. {summary.title}" if summary.number else summary.title
        values = [label, str(summary.total)]
        values += [str(summary.by_status.get(key, 0)) for key, _label in STATUS_COLUMNS]
        values += [str(summary.by_rag.get(key, 0)) for key, _label in RAG_COLUMNS]
        for value in values:
            row.addElement(_cell(styles, value))
        table.addElement(row)
    return table


def _action_table(styles, export):
    columns = columns_for(export)
    total = sum(column.width for column in columns)
    table = Table(name="ActionPlan", stylename=styles.table)
    for index, column in enumerate(columns):
        table.addElement(TableColumn(stylename=styles.column(index, 27 * column.width / total)))
    header = TableHeaderRows()
    row = TableRow()
    for column in columns:
        row.addElement(
            _cell(styles, column.heading, style=styles.header_cell, text_style=styles.bold)
        )
    header.addElement(row)
    table.addElement(header)
    for _number, heading, subthemes in export.grouped():
        table.addElement(_band(styles, heading, len(columns), bold=True))
        for subtheme, items in subthemes:
            if subtheme:
                table.addElement(_band(styles, subtheme, len(columns), bold=False))
            for item in items:
                row = TableRow()
                for column in columns:
                    rag = rag_of(column, item)
                    row.addElement(
                        _cell(
                            styles,
                            cell_value(column, item),
                            style=styles.rag_cells.get(rag),
                            text_style=styles.rag_text.get(rag),
                        )
                    )
                table.addElement(row)
    return table


def _band(styles, text, width, *, bold):
    row = TableRow()
    row.addElement(
        _cell(
            styles,
            text,
            style=styles.band_cell if bold else styles.cell,
            text_style=styles.bold if bold else None,
            span=width,
        )
    )
    for _ in range(width - 1):
        row.addElement(CoveredTableCell())
    return row
