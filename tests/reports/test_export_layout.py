"""Issue 16: the office files are fit to hand to a board. What each file says about its own
layout, read straight from it (the `office` tests check how LibreOffice actually lays it out)."""

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta

import docx
import openpyxl
import pdfplumber
import pytest
from django.utils import timezone
from docx.oxml.ns import qn
from docx.shared import Emu
from lxml import etree

from concordat.core.models import Area
from concordat.core.outbound import sentence, spreadsheet_safe, spreadsheet_text, xml_safe
from concordat.exports import layout
from concordat.exports.data import plan_export
from concordat.exports.docx import plan_docx
from concordat.exports.odt import plan_odt
from concordat.exports.pdf import plan_pdf
from concordat.exports.xlsx import plan_xlsx, row_height

pytestmark = pytest.mark.django_db

TWIPS_PER_CM = 1440 / 2.54
ODF = {
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}


@pytest.fixture
def england(seeds):
    """The national plan with two actions updated last week: the seed's own notes carry no
    date, so without these it would have no recent progress to lay out."""
    from datetime import timedelta

    from django.utils import timezone

    from concordat.core.models import Action, PlanVersion
    from concordat.core.services.updates import progress_update_post

    area = Area.objects.get(slug="england")
    for ref in ("1.1", "1.7"):
        action = Action.objects.get(
            version__plan__area=area, version__state=PlanVersion.State.PUBLISHED, ref=ref
        )
        progress_update_post(
            action=action,
            actor=None,
            note=f"Progress on {ref} reported to the national group.",
            on=timezone.localdate() - timedelta(days=7),
        )
    return plan_export(area)


# The outbound helpers --------------------------------------------------------------------


def test_xml_safe_drops_what_xml_forbids_and_keeps_the_rest():
    assert xml_safe("a\x00b\x01c\x08d\x0be\x0cf\x1bg\x1fh") == "abcd\ne\nfgh"
    assert xml_safe("tab\tnew\nreturn\r £ – ’ \U0001f600") == "tab\tnew\nreturn\r £ – ’ \U0001f600"
    assert xml_safe("lone \ud800 surrogate \ufffe\uffff") == "lone  surrogate "
    assert xml_safe(None) is None and xml_safe(12) == 12


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-5 in the year", "'-5 in the year"),
        ("@mention", "'@mention"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("a=1", "a=1"),
        ("'quoted", "'quoted"),
        ("", ""),
        ("\x1b=esc", "'=esc"),
    ],
)
def test_spreadsheet_safe_escapes_formula_triggers_only(stored, written):
    assert spreadsheet_safe(stored) == written
    assert spreadsheet_text(written) == xml_safe(stored)


def test_sentence_ends_with_one_full_stop():
    assert sentence("lead: ADASS (with LGA and College of Social Work).") == (
        "lead: ADASS (with LGA and College of Social Work)."
    )
    assert sentence("lead: NHS England") == "lead: NHS England."
    assert sentence("Is it done?  ") == "Is it done?"
    assert sentence("") == ""


def test_wrapped_lines_counts_lines_and_breaks_long_words():
    size = 10
    width = layout.text_pt("mmmmmmmmmm", size)  # room for ten m's
    assert layout.wrapped_lines("", width, size) == 1
    assert layout.wrapped_lines("mmmmm mmmm", width, size) == 1
    assert layout.wrapped_lines("mmmmm mmmmm", width, size) == 2
    assert layout.wrapped_lines("one\ntwo\n\nfour", width, size) == 4
    assert layout.wrapped_lines("m" * 25, width, size) == 3


def test_fit_widths_gives_every_column_its_need_and_fills_the_total():
    widths = layout.fit_widths([1, 10, 1], [30, 10, 10], 120)
    assert round(sum(widths), 6) == 120
    assert widths[0] >= 30 and widths[2] >= 10 and widths[1] == max(widths)


# Excel ---------------------------------------------------------------------------------------


def test_excel_refs_are_text_dates_are_dates_and_the_header_filters(england):
    sheet = openpyxl.load_workbook(io.BytesIO(plan_xlsx(england))).active
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=6) if row[1].value}
    ten = rows["1.10"][0]
    assert (ten.value, ten.data_type, ten.number_format, ten.quotePrefix) == (
        "1.10",
        "s",
        "@",
        True,
    )
    start, due = rows["1.7"][3], rows["1.7"][4]
    assert (start.value, due.value) == (datetime(2014, 4, 1), datetime(2014, 8, 31))
    assert start.is_date and start.number_format == due.number_format == "dd/mm/yyyy"
    progress = rows["1.7"][11]
    assert progress.is_date and progress.value.date() == england.items[6].latest_update_on
    last = sheet.max_row
    assert sheet.auto_filter.ref == f"A5:L{last}"
    assert sheet.freeze_panes == "A6"
    assert sheet.print_title_rows == "$5:$5"
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_excel_rows_are_as_tall_as_their_wrapped_text(england):
    sheet = openpyxl.load_workbook(io.BytesIO(plan_xlsx(england))).active
    widths = [sheet.column_dimensions[chr(65 + i)].width for i in range(12)]
    heights = []
    for row in sheet.iter_rows(min_row=6):
        if row[1].value is None:  # a section row
            continue
        height = sheet.row_dimensions[row[0].row].height
        texts = [
            (cell.value.strftime("%d/%m/%Y") if cell.is_date else str(cell.value or ""), width)
            for cell, width in zip(row, widths, strict=True)
        ]
        assert height == row_height(texts)
        heights.append(height)
    assert len(heights) == 47
    # Rows with little text are short (two lines); long progress notes make tall rows.
    assert min(heights) == 2 * 12.75 + 3
    assert max(heights) > 200


# Word ----------------------------------------------------------------------------------------


def test_word_tables_grid_matches_cells_and_fits_the_page(england):
    document = docx.Document(io.BytesIO(plan_docx(england)))
    section = document.sections[0]
    text_width = Emu(section.page_width - section.left_margin - section.right_margin).twips
    for table in document.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert sum(grid) <= text_width + len(grid)
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        assert tbl_w.get(qn("w:type")) == "dxa" and abs(int(tbl_w.get(qn("w:w"))) - sum(grid)) <= 2
        for row in table._tbl.tr_lst:
            cells = row.tc_lst
            if len(cells) == 1 and len(grid) > 1:  # a section row across the table
                assert cells[0].grid_span == len(grid)
                continue
            assert [cell.width.twips for cell in (c for c in cells)] == pytest.approx(grid, abs=2)
    summary, plan = document.tables
    assert sum(int(c.get(qn("w:w"))) for c in summary._tbl.tblGrid.iter(qn("w:gridCol"))) == (
        pytest.approx(text_width, abs=12)
    )
    headings = [cell.text for cell in plan.rows[0].cells]
    widths = dict(
        zip(
            headings,
            [int(col.get(qn("w:w"))) for col in plan._tbl.tblGrid.iter(qn("w:gridCol"))],
            strict=True,
        )
    )
    assert max(widths, key=widths.get) in {"Action", "Latest progress"}
    for narrow in ("Ref", "Status", "RAG", "Suggested RAG"):
        assert widths[narrow] < widths["Action"] / 2, narrow
    # The ref column holds "1.10" on one line (0.7 cm at 8 pt with the margins) and empty columns
    # (England reports no RAG and no outcomes) keep only room for their heading.
    assert widths["Ref"] >= 0.8 * TWIPS_PER_CM
    assert widths["RAG"] < 1.2 * TWIPS_PER_CM
    assert widths["Outcomes"] < 2.2 * TWIPS_PER_CM


def test_word_file_has_page_numbers_properties_and_a_full_first_page(england):
    document = docx.Document(io.BytesIO(plan_docx(england)))
    footer = document.sections[0].footer._element
    instructions = [node.text.strip() for node in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    footer_text = "".join(node.text or "" for node in footer.iter(qn("w:t")))
    assert footer_text == "England Crisis Care Concordat action plan · Page 1 of 1"
    properties = document.core_properties
    assert properties.author == "England"
    assert properties.title == "England Crisis Care Concordat action plan"
    assert properties.subject == england.version_line
    published = england.version.published_at.astimezone(UTC).replace(microsecond=0)
    assert properties.created.replace(tzinfo=UTC) == published
    assert abs(properties.modified.replace(tzinfo=UTC) - timezone.now()) < timedelta(minutes=5)
    # Page 1 holds the heading block, the summary table and the overdue list: the only page
    # break comes before the action table.
    body = document.element.body
    order = []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            order.append("table")
        elif child.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']"):
            order.append("break")
        elif child.tag == qn("w:p") and "".join(child.itertext()).strip():
            order.append("text")
    assert order.count("break") == 1
    assert order.index("table") < order.index("break") < len(order) - 2
    assert order[-1] == "table" or order[-2] == "table"


def test_word_overdue_list_has_no_doubled_full_stops(england):
    document = docx.Document(io.BytesIO(plan_docx(england)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "College of Social Work); status: ONGOING." in text
    assert not re.search(r"[^.]\.\.(?!\.)", text)


# OpenDocument ---------------------------------------------------------------------------------


def _odt_parts(export):
    with zipfile.ZipFile(io.BytesIO(plan_odt(export))) as odt:
        return etree.fromstring(odt.read("content.xml")), etree.fromstring(odt.read("styles.xml"))


def _cm(value):
    return float(value.removesuffix("cm"))


def test_opendocument_declares_its_font_default_style_and_page_numbers(england):
    content, styles = _odt_parts(england)
    faces = styles.findall(".//style:font-face", ODF) + content.findall(".//style:font-face", ODF)
    assert {face.get(f"{{{ODF['style']}}}name") for face in faces} >= {"Arial"}
    default = styles.find(".//style:default-style[@style:family='paragraph']", ODF)
    properties = default.find("style:text-properties", ODF)
    assert properties.get(f"{{{ODF['style']}}}font-name") == "Arial"
    assert properties.get(f"{{{ODF['fo']}}}font-size") == "10pt"
    assert properties.get(f"{{{ODF['fo']}}}language") == "en"
    footer = styles.find(".//style:master-page/style:footer", ODF)
    assert footer.find(".//text:page-number", ODF) is not None
    assert footer.find(".//text:page-count", ODF) is not None
    assert "".join(footer.itertext()).startswith("England Crisis Care Concordat action plan")


def test_opendocument_has_the_word_files_sections_and_sized_columns(england):
    content, _styles = _odt_parts(england)
    headings = ["".join(h.itertext()) for h in content.iter(f"{{{ODF['text']}}}h")]
    word = docx.Document(io.BytesIO(plan_docx(england)))
    assert headings == [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:5] == [
        "England Crisis Care Concordat action plan",
        "Summary by section",
        "Overdue actions",
        "Recent progress",
        "1.1 — " + headings[4].split(" — ")[1],
    ]
    assert headings[-1] == "The action plan"
    widths = {}
    for style in content.iter(f"{{{ODF['style']}}}style"):
        column = style.find("style:table-column-properties", ODF)
        if column is not None:
            widths[style.get(f"{{{ODF['style']}}}name")] = _cm(
                column.get(f"{{{ODF['style']}}}column-width")
            )
    plan = content.find(".//table:table[@table:name='ActionPlan']", ODF)
    columns = [
        widths[column.get(f"{{{ODF['table']}}}style-name")]
        for column in plan.findall("table:table-column", ODF)
    ]
    assert sum(columns) == pytest.approx(29.7 - 3.6, abs=0.01)
    header = [
        "".join(cell.itertext())
        for cell in plan.find("table:table-header-rows/table:table-row", ODF)
    ]
    sized = dict(zip(header, columns, strict=True))
    assert sized["Ref"] >= 0.8 and sized["Status"] < sized["Action"] / 2
    assert max(sized, key=sized.get) in {"Action", "Latest progress"}


# PDF -----------------------------------------------------------------------------------------


def test_pdf_shows_suggested_rag_and_no_doubled_punctuation(england):
    with pdfplumber.open(io.BytesIO(plan_pdf(england))) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        rows = [row for page in pdf.pages for table in page.extract_tables() for row in table]
    header = next(row for row in rows if row[0] == "Ref")
    assert "Suggested\nRAG" in header or "Suggested RAG" in header
    column = header.index("Suggested\nRAG" if "Suggested\nRAG" in header else "Suggested RAG")
    suggested = {row[0]: row[column] for row in rows if row[0] and re.match(r"^\d\.\d+", row[0])}
    assert suggested["1.1"] == "Blue"
    assert suggested["1.6"] == "Red"
    assert "Suggested RAG is the system's suggestion" in " ".join(text.split())
    assert "College of Social Work)." in text
    assert not re.search(r"[^.]\.\.(?!\.)", text)
