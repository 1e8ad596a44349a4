"""OpenDocument plans: .odt tables with their text, .ods sheets."""

import pytest

from concordat.imports.pipeline import ImportRefused, parse_plan

from .documents import ODF_NS, ods_bytes, odt_bytes, sample_rows, zip_bytes


def test_odt_table_preamble_and_kpis(registry):
    data = odt_bytes(
        ["Bristol Crisis Care Concordat Action Plan", "Version 2"],
        sample_rows(),
        ["Key performance indicators", "• Fewer s136 detentions"],
    )
    plan = parse_plan(data, "plan.odt", registry=registry)
    assert (plan.title, plan.area_name, plan.stated_version) == (
        "Bristol Crisis Care Concordat Action Plan",
        "Bristol",
        "Version 2",
    )
    assert [(a.ref, a.section) for a in plan.actions] == [
        ("1.1", 1),
        ("1.2", 1),
        ("2.1", 2),
        ("3.1", 3),
        ("4.1", 4),
        ("5.1", 5),
    ]
    assert [m.name for m in plan.metrics] == ["Fewer s136 detentions"]


def test_ods_picks_the_plan_sheet_or_the_named_one(registry):
    data = ods_bytes({"Notes": [["Read me"]], "Plan": sample_rows()})
    assert len(parse_plan(data, "plan.ods", registry=registry).actions) == 6
    with pytest.raises(ImportRefused) as refused:
        parse_plan(data, "plan.ods", sheet="Actions")
    assert refused.value.message == (
        "The spreadsheet has no sheet called “Actions”. Its sheets are: “Notes”, “Plan”."
    )


def test_merged_and_repeated_cells(registry):
    rows = (
        "<table:table-row><table:table-cell><text:p>No.</text:p></table:table-cell>"
        "<table:table-cell><text:p>Action</text:p></table:table-cell>"
        "<table:table-cell><text:p>Lead</text:p></table:table-cell>"
        "<table:table-cell><text:p>Timescale</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>1.1</text:p></table:table-cell>"
        '<table:table-cell><text:p>First<text:s text:c="2"/>step</text:p>'
        "<text:list><text:list-item><text:p>detail</text:p></text:list-item></text:list>"
        "</table:table-cell>"
        '<table:table-cell table:number-rows-spanned="2"><text:p>Mind</text:p></table:table-cell>'
        "<table:table-cell><text:p>June 2015</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>1.2</text:p></table:table-cell>"
        "<table:table-cell><text:p>Second</text:p></table:table-cell>"
        "<table:covered-table-cell/>"
        "<table:table-cell><text:p>July 2015</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f'<office:body><office:spreadsheet><table:table table:name="Plan">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    data = zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content}
    )
    plan = parse_plan(data, "plan.ods", registry=registry)
    assert [(a.ref, a.text, a.lead) for a in plan.actions] == [
        ("1.1", "First  step\n• detail", "Mind"),
        ("1.2", "Second", "Mind"),
    ]


def test_entity_expansion_is_refused():
    content = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<office:document-content {ODF_NS}><office:body><office:text>"
        "<text:p>&b;</text:p></office:text></office:body></office:document-content>"
    )
    data = zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
    )
    with pytest.raises(ImportRefused):
        parse_plan(data, "plan.odt")


def test_a_spreadsheet_named_odt():
    data = ods_bytes({"Plan": sample_rows()})
    with pytest.raises(ImportRefused) as refused:
        parse_plan(data, "plan.odt")
    assert refused.value.message == (
        "This file is named .odt but it is not an OpenDocument text file. Check that you chose "
        "the right file."
    )
