"""The same plans written in every format read back to the same actions."""

import pytest

from concordat.imports.pipeline import parse_plan

from .documents import (
    csv_bytes,
    docx_bytes,
    generated_plan,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    sample_rows,
    summary,
    xlsx_bytes,
)

BUILDERS = {
    "docx": lambda rows: (docx_bytes([("table", rows)]), "plan.docx"),
    "xlsx": lambda rows: (xlsx_bytes({"Plan": rows}), "plan.xlsx"),
    "csv": lambda rows: (csv_bytes(rows), "plan.csv"),
    "txt": lambda rows: (csv_bytes(rows, delimiter="\t"), "plan.txt"),
    "pdf": lambda rows: (pdf_bytes(rows), "plan.pdf"),
    "pdf-without-ruling-lines": lambda rows: (pdf_bytes(rows, ruled=False), "plan.pdf"),
    "ods": lambda rows: (ods_bytes({"Plan": rows}), "plan.ods"),
    "odt": lambda rows: (odt_bytes([], rows), "plan.odt"),
}
SAMPLE = [
    ("1.1", 1, "NHS England", "By March 2015", "Complete"),
    ("1.2", 1, "LGA/ADASS", "From April 2015", "On track"),
    ("2.1", 2, "Mind", "June 2015", "Not started"),
    ("3.1", 3, "Essex Police", "Ongoing", "Underway"),
    ("4.1", 4, "CQC", "Q3 2015/16", "Ongoing"),
    ("5.1", 5, "SEPT", "December 2015", "Complete"),
]


@pytest.mark.parametrize("kind", BUILDERS)
def test_sample_plan(kind, registry):
    data, name = BUILDERS[kind](sample_rows())
    plan = parse_plan(data, name, registry=registry)
    assert summary(plan) == SAMPLE
    assert plan.columns == {
        "No.": "ref",
        "Action": "action",
        "Timescale": "timescale",
        "Lead": "lead",
        "Status": "status",
    }
    assert plan.actions[0].text == "Map crisis services across the county."
    assert [m.organisation_name for m in plan.actions[1].lead_matches] == [
        "Local Government Association",
        "Association of Directors of Adult Social Services",
    ]


@pytest.mark.parametrize("scheme", ["dotted", "lettered", "colon"])
@pytest.mark.parametrize("kind", BUILDERS)
def test_generated_plans_read_exactly(kind, scheme, registry):
    rows, expected = generated_plan(scheme=scheme, seed=len(kind) + len(scheme))
    data, name = BUILDERS[kind](rows)
    plan = parse_plan(data, name, registry=registry)
    got = summary(plan)
    right = sum(1 for pair in zip(got, expected, strict=False) if pair[0] == pair[1])
    assert len(got) == len(expected) == 40
    assert right / len(expected) >= 0.95, [
        p for p in zip(got, expected, strict=False) if p[0] != p[1]
    ]
    assert got == expected
    subthemes = [a.subtheme for a in plan.actions]
    assert subthemes[:2] == ["", ""]
    assert subthemes[2] == "Matching local need with a suitable range of services"


def test_a_200_action_plan_reads_whole(registry):
    rows, expected = generated_plan(40, seed=7)
    for kind in ("docx", "xlsx", "csv"):
        data, name = BUILDERS[kind](rows)
        plan = parse_plan(data, name, registry=registry)
        assert summary(plan) == expected, kind
