"""Excel plans: the sheet with the plan, or the one named; merged cells; dates and numbers."""

import io
from datetime import date, datetime

import openpyxl
import pytest

from concordat.imports.pipeline import ImportRefused, parse_plan

from .conftest import by_ref
from .documents import xlsx_bytes

HEADER = ["Ref", "Action", "Due by", "Lead Organisation(s)", "Progress (RAG)", "Update"]


def workbook():
    plan = [
        ["Thurrock Crisis Care Concordat action plan"],
        HEADER,
        ["1. Commissioning"],
        ["1.1", "Joint protocol.", "June 2015", "Thurrock Council", "Green", "Agreed in May."],
        ["1.2", "Crisis café.", "Q4 2015/16", "Mind", "Amber", ""],
    ]
    return xlsx_bytes(
        {"Cover": [["About this plan"], ["Contact the Concordat group"]], "Plan 2015": plan},
        merges={"Plan 2015": ["A3:F3"]},
    )


def test_the_sheet_holding_the_plan_is_chosen(registry):
    plan = parse_plan(workbook(), "plan.xlsx", registry=registry)
    assert plan.title == "Thurrock Crisis Care Concordat action plan"
    assert [(a.ref, a.section, a.timescale) for a in plan.actions] == [
        ("1.1", 1, "June 2015"),
        ("1.2", 1, "Q4 2015/16"),
    ]
    actions = by_ref(plan)
    assert (actions["1.1"].rag, actions["1.1"].progress) == ("green", "Agreed in May.")
    assert actions["1.2"].progress is None
    assert actions["1.2"].due == date(2016, 3, 31)
    assert plan.columns["Progress (RAG)"] == "rag"
    assert plan.columns["Update"] == "progress"
    assert plan.columns["Lead Organisation(s)"] == "lead"


def test_a_named_sheet_is_read(registry):
    with pytest.raises(ImportRefused) as refused:
        parse_plan(workbook(), "plan.xlsx", registry=registry, sheet="Cover")
    assert "could not find a table that looks like an action plan" in refused.value.message
    plan = parse_plan(workbook(), "plan.xlsx", registry=registry, sheet="plan 2015")
    assert len(plan.actions) == 2


def test_a_missing_sheet_is_named_with_the_ones_there(registry):
    with pytest.raises(ImportRefused) as refused:
        parse_plan(workbook(), "plan.xlsx", registry=registry, sheet="Actions")
    assert refused.value.message == (
        "The workbook has no sheet called “Actions”. Its sheets are: “Cover”, “Plan 2015”."
    )


def test_dates_and_numbers_as_excel_stores_them(registry):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["No.", "Action", "Timescale", "Led by", "Status"])
    ws.append([1.1, "First.", datetime(2015, 3, 31), "NHS England", "Complete"])
    ws.append([1.1, "Tenth.", datetime(2015, 4, 1), "NHS England", "Ongoing"])
    ws["A3"].number_format = "0.00"
    ws.append([2, "Second section.", datetime(2015, 5, 1), "PHE", "Underway"])
    ws["C4"].number_format = "mmm-yy"
    buffer = io.BytesIO()
    book.save(buffer)
    plan = parse_plan(buffer.getvalue(), "plan.xlsx", registry=registry)
    assert [(a.ref, a.timescale, a.due) for a in plan.actions] == [
        ("1.1", "31/03/2015", date(2015, 3, 31)),
        ("1.10", "01/04/2015", date(2015, 4, 1)),
        ("2", "May-15", date(2015, 5, 31)),
    ]
