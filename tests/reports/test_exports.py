import io
import re
import zipfile
from datetime import datetime

import docx
import openpyxl
import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from concordat.core.models import Action, Area
from concordat.core.services import plan_version_start_draft
from concordat.core.text import collapse_whitespace as flat
from concordat.exports.data import plan_export
from concordat.exports.docx import plan_docx, report_docx
from concordat.exports.odt import plan_odt
from concordat.exports.pdf import plan_pdf, report_pdf
from concordat.exports.xlsx import plan_xlsx
from concordat.imports.pipeline import parse_plan
from concordat.reports.models import ProgressReport
from concordat.seeds.loader import registry

pytestmark = pytest.mark.django_db

WRITERS = {"xlsx": plan_xlsx, "docx": plan_docx, "pdf": plan_pdf, "odt": plan_odt}


def as_written(action):
    return {
        "ref": action.ref,
        "section": action.section.number if action.section else None,
        "subtheme": flat(action.subtheme),
        "text": flat(action.text),
        "lead": flat(action.lead),
        "organisations": sorted(lead.organisation_id for lead in action.leads.all()),
        "timescale": flat(action.timescale),
        "start": action.start,
        "due": action.due,
        "ongoing": action.ongoing,
        "status": flat(action.status),
        "canonical_status": action.canonical_status,
        "outcomes": [flat(line) for line in action.outcomes],
    }


def as_read(parsed):
    return {
        "ref": parsed.ref,
        "section": parsed.section,
        "subtheme": flat(parsed.subtheme),
        "text": flat(parsed.text),
        "lead": flat(parsed.lead),
        "organisations": sorted(
            m.organisation_id for m in parsed.lead_matches if m.organisation_id
        ),
        "timescale": flat(parsed.timescale),
        "start": parsed.start,
        "due": parsed.due,
        "ongoing": parsed.ongoing,
        "status": flat(parsed.status),
        "canonical_status": parsed.canonical_status,
        "outcomes": [flat(line) for line in parsed.outcomes],
    }


@pytest.mark.parametrize("slug", ["south-west-essex", "england"])
@pytest.mark.parametrize("ext", ["xlsx", "docx", "odt", "pdf"])
def test_every_plan_export_reimports_to_the_same_actions(seeds, slug, ext):
    area = Area.objects.get(slug=slug)
    export = plan_export(area)
    data = WRITERS[ext](export)
    parsed = parse_plan(data, f"{slug}.{ext}", registry=registry())
    actions = list(
        Action.objects.filter(version=export.version)
        .select_related("section")
        .prefetch_related("leads")
        .order_by("position")
    )
    assert len(actions) == {"south-west-essex": 64, "england": 47}[slug]
    read, written = [as_read(p) for p in parsed.actions], [as_written(a) for a in actions]
    if ext == "pdf":  # the print layout leaves outcomes to the other formats
        for row in read + written:
            del row["outcomes"]
    assert read == written


def test_excel_plan_has_the_template_shape(seeds):
    area = Area.objects.get(slug="england")
    book = openpyxl.load_workbook(io.BytesIO(plan_xlsx(plan_export(area))))
    sheet = book.active
    assert sheet["A1"].value == "England Crisis Care Concordat action plan"
    headings = [cell.value for cell in sheet[5]]
    assert headings == [
        "Ref",
        "Action",
        "Timescale",
        "Start",
        "Due",
        "Lead",
        "Outcomes",
        "Status",
        "RAG",
        "Suggested RAG",
        "Latest progress",
        "Progress date",
    ]
    assert sheet.freeze_panes == "A6"
    assert sheet.print_title_rows == "$5:$5"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.column_dimensions["B"].width == 55
    assert sheet["A6"].value.startswith("1. Commissioning")
    # Section rows are not merged, so that the sheet can be sorted and filtered.
    assert not sheet.merged_cells.ranges
    assert sheet["K6"].fill.fgColor.rgb == "00DDE3E7"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=7)}
    # 1.1 is complete: the system suggests blue, coloured; no RAG was reported.
    suggested = rows["1.1"][9]
    assert suggested.value == "Blue"
    assert suggested.fill.fgColor.rgb == "001D70B8"
    assert rows["1.1"][8].value is None
    # The timescale as written (seed 001's start and finish joined), then real dates.
    assert rows["1.5"][2].value == "From April 2014 – 2015/16"
    assert rows["1.5"][3].value == datetime(2014, 4, 1)
    assert rows["1.5"][4].value == datetime(2016, 3, 31)
    assert rows["1.5"][4].number_format == "dd/mm/yyyy"
    assert book.properties.title == "England Crisis Care Concordat action plan"
    assert book.properties.creator == "England"


def test_reported_rag_cells_are_coloured(history):
    area, _v1, _v2 = history
    sheet = openpyxl.load_workbook(io.BytesIO(plan_xlsx(plan_export(area)))).active
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=6)}
    rag = rows["1.2"][8]
    assert (rag.value, rag.fill.fgColor.rgb) == ("Amber", "00F47738")
    assert (rag.font.color.rgb, rag.font.bold) == ("000B0C0C", True)


def test_word_board_paper_is_an_accessible_document(seeds):
    area = Area.objects.get(slug="south-west-essex")
    data = plan_docx(plan_export(area))
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == "South West Essex Crisis Care Concordat action plan"
    assert document.core_properties.language == "en-GB"
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[:4] == [
        ("Heading 1", "South West Essex Crisis Care Concordat action plan"),
        ("Heading 2", "Summary by section"),
        ("Heading 2", "Overdue actions"),
        ("Heading 2", "Recent progress"),
    ]
    assert ("Heading 2", "The action plan") in headings
    for table in document.tables:
        assert (
            table.rows[0]._tr.trPr.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
            )
            is not None
        )
    summary = document.tables[0]
    assert summary.rows[-1].cells[0].text == "All sections"
    assert summary.rows[-1].cells[1].text == "64"
    assert [row.cells[1].text for row in summary.rows[1:6]] == ["34", "6", "13", "3", "8"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert 'w:lang w:val="en-GB"' in styles
    assert "DRAFT" not in "\n".join(p.text for p in document.paragraphs)


def test_draft_exports_say_draft_in_the_document(history):
    area, _v1, _v2 = history
    draft = plan_version_start_draft(area=area, actor=None)
    export = plan_export(area, version=draft, draft=True)
    document = docx.Document(io.BytesIO(plan_docx(export)))
    assert "DRAFT — not published" in document.sections[0].header.paragraphs[0].text
    assert any(p.text.startswith("DRAFT") for p in document.paragraphs)
    sheet = openpyxl.load_workbook(io.BytesIO(plan_xlsx(export))).active
    assert sheet["A1"].value.endswith("DRAFT, not published")
    text = "".join(
        page.extract_text() for page in pdfplumber.open(io.BytesIO(plan_pdf(export))).pages
    )
    assert "DRAFT — not published" in text


def test_seed_003_report_as_word_with_every_milestone(seeds):
    report = ProgressReport.objects.prefetch_related("sections", "milestones").get()
    document = docx.Document(io.BytesIO(report_docx(report)))
    assert document.core_properties.title == "PROJECT PROGRESS REPORT – Crisis Care Concordat"
    assert document.core_properties.language == "en-GB"
    (milestones,) = document.tables
    assert [cell.text for cell in milestones.rows[0].cells] == [
        "Item no.",
        "Milestone",
        "Due date",
        "Status",
    ]
    rows = [[cell.text for cell in row.cells] for row in milestones.rows[1:]]
    assert len(rows) == 16
    assert rows[3] == [
        "3.5,6,7",
        "Review of s136 place of safety provision",
        "January 2015",
        "Complete",
    ]
    assert rows[14] == [
        "2.3",
        "Management of triage enquiries through 111",
        "December 2015",
        "Underway-999 not 111",
    ]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert (
        headings
        == [
            "Milestones",
            "Project aim and objectives",
            "Project status",
            "Progress June-December 2015",
            "Outcomes of the Crisis Concordat work to date",
            "Priorities/targets for next period",
        ]
        or headings[0] == "Project aim and objectives"
    )
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert (
        "83% reduction in use of police cells as place of safety within the first 6 months "
        "(April-September) of 2015/16, compared to the same period last year"
    ) in bullets


def test_seed_003_report_as_tagged_pdf_with_every_milestone(seeds):
    report = ProgressReport.objects.prefetch_related("sections", "milestones").get()
    data = report_pdf(report)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.metadata["Title"] == "PROJECT PROGRESS REPORT – Crisis Care Concordat"
        catalog = {key: resolve1(value) for key, value in pdf.doc.catalog.items()}
    assert catalog["Lang"] == b"en-GB"
    assert "StructTreeRoot" in catalog
    assert catalog["MarkInfo"] == {"Marked": True}
    assert catalog["ViewerPreferences"] == {"DisplayDocTitle": True}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        rows = [row for page in pdf.pages for table in page.extract_tables() for row in table]
    milestone_rows = [
        row for row in rows if " ".join(row[0].split()) != "Item no." and len(row) == 4
    ]
    assert len(milestone_rows) == 16
    assert "Work progressing" in text
    assert re.search(r"Underway-999 not\s+111", text)
