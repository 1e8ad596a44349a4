"""PDF plans: ruled tables over several pages, plans without ruling lines, protected files."""

import io

import pdfplumber
import pytest
from reportlab.lib.pdfencrypt import StandardEncryption

from concordat.imports.pipeline import ImportRefused, parse_plan
from concordat.imports.readers.pdf import _cells

from .documents import generated_plan, pdf_bytes, sample_rows, summary

TITLE = "Kent and Medway Crisis Care Concordat Action Plan"
KPIS = ["Key performance indicators", "• Fewer s136 detentions", "• No under-18s in police cells"]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "without-ruling-lines"])
def test_a_plan_over_several_pages(ruled, registry):
    rows, expected = generated_plan(12, seed=3)
    data = pdf_bytes(rows, ruled=ruled, title=TITLE, after=KPIS)
    plan = parse_plan(data, "plan.pdf", registry=registry)
    assert plan.title == TITLE
    assert plan.area_name == "Kent and Medway"
    assert summary(plan) == expected
    assert [m.name for m in plan.metrics] == [
        "Fewer s136 detentions",
        "No under-18s in police cells",
    ]


def test_wrapped_lines_in_a_cell_are_one_text(registry):
    rows, _expected = generated_plan(4, seed=11)
    plan = parse_plan(pdf_bytes(rows, ruled=False), "plan.pdf", registry=registry)
    for action, row in zip(plan.actions, [r for r in rows if len(r) == 5][1:], strict=True):
        assert action.text == row[1]


def test_a_password_protected_pdf_is_refused():
    data = pdf_bytes(sample_rows(), encrypt="secret")
    with pytest.raises(ImportRefused) as refused:
        parse_plan(data, "plan.pdf")
    assert refused.value.message == (
        "This PDF is password-protected, so it cannot be read. Save an unprotected copy "
        "(or export the plan from Word or Excel) and upload that."
    )


def test_a_pdf_restricted_only_from_printing_is_read(registry):
    data = pdf_bytes(sample_rows(), encrypt=StandardEncryption("", canPrint=0))
    assert len(parse_plan(data, "plan.pdf", registry=registry).actions) == 6


def test_a_pdf_without_a_table_is_refused():
    data = pdf_bytes([["Minutes of the meeting"], ["Nothing was decided."]], ruled=False)
    with pytest.raises(ImportRefused) as refused:
        parse_plan(data, "minutes.pdf")
    assert "could not find a table that looks like an action plan" in refused.value.message


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cells_are_read_exactly_as_pdfplumber_reads_them(seed):
    rows, _expected = generated_plan(scheme="lettered", seed=seed)
    with pdfplumber.open(io.BytesIO(pdf_bytes(rows))) as pdf:
        tables = [table for page in pdf.pages for table in page.find_tables()]
        assert len(tables) >= 2
        for table in tables:
            assert _cells(table)[0] == table.extract()
