"""Word plans: several tables, merged cells, lists in cells, preamble, appendix, KPIs."""

from datetime import date

from concordat.imports.pipeline import parse_plan

from .conftest import by_ref
from .documents import docx_bytes

HEADER = ["Ref", "Action", "Timescale", "Lead Agency", "RAG", "Budget"]


def awkward_docx():
    first = [
        HEADER,
        ["Section A – Commissioning to allow earlier intervention"],
        [
            "A1",
            ("bullets", ["Review the crisis pathway:", "for adults", "for young people"]),
            "Q3",
            ("lines", ["SEPT", "BTUH"]),
            "Green",
            "£10,000",
        ],
        ["A2*", "Agree the street triage model.", "By March 2016", "Essex Police", "Amber", ""],
        ["A3", "Publish the local declaration.", "June 2015", "", "Red – late", "None"],
    ]
    second = [
        HEADER,
        ["Section B – Access to support before crisis point"],
        ["Matching local need with a suitable range of services"],
        ["B1", "Crisis line for carers.", "From April 2015", "Mind", "Green", ""],
    ]
    third = [  # the same table again after a page break, without its heading row
        ["B2", "Advocacy for people detained under s136.", "Ongoing", "Healthwatch", "", ""],
    ]
    appendix = [
        ["Ref", "Action", "Lead", "Date completed"],
        ["A0", "Sign the local declaration.", "NHS England", "December 2014"],
    ]
    return docx_bytes(
        [
            ("p", "Hampshire Crisis Care Concordat Action Plan 2015/16"),
            ("p", "Version 3"),
            ("p", "Refreshed October 2015"),
            ("table", first, [((2, 3), (3, 3))]),
            ("table", second),
            ("table", third),
            ("p", "Appendix: completed actions"),
            ("table", appendix),
            ("p", "Key performance indicators"),
            ("bullet", "Section 136 detentions"),
            ("bullet", "Under-18s held in police cells"),
        ]
    )


def test_preamble(registry):
    plan = parse_plan(awkward_docx(), "plan.docx", registry=registry)
    assert plan.title == "Hampshire Crisis Care Concordat Action Plan 2015/16"
    assert plan.area_name == "Hampshire"
    assert plan.stated_version == "Version 3"
    assert plan.stated_date == "Refreshed October 2015"
    assert plan.financial_year == 2015
    assert "Version 3" in plan.preamble


def test_tables_one_after_another(registry):
    plan = parse_plan(awkward_docx(), "plan.docx", registry=registry)
    assert [(a.ref, a.section) for a in plan.actions] == [
        ("A1", 1),
        ("A2", 1),
        ("A3", 1),
        ("B1", 2),
        ("B2", 2),
        ("A0", 1),
    ]
    actions = by_ref(plan)
    assert actions["A2"].new and actions["A2"].ref_raw == "A2*"
    assert actions["B1"].subtheme == "Matching local need with a suitable range of services"
    assert actions["A1"].section_raw == "Section A – Commissioning to allow earlier intervention"


def test_lists_and_line_breaks_in_cells(registry):
    actions = by_ref(parse_plan(awkward_docx(), "plan.docx", registry=registry))
    assert actions["A1"].text == "• Review the crisis pathway:\n• for adults\n• for young people"
    assert actions["A1"].lead == "SEPT\nBTUH"
    assert [m.organisation_name for m in actions["A1"].lead_matches] == [
        "South Essex Partnership University NHS Foundation Trust",
        "Basildon and Thurrock University Hospitals NHS Foundation Trust",
    ]


def test_a_cell_merged_down_leads_both_actions(registry):
    actions = by_ref(parse_plan(awkward_docx(), "plan.docx", registry=registry))
    assert actions["A2"].lead == actions["A1"].lead == "SEPT\nBTUH"
    assert actions["A3"].lead == ""


def test_bare_quarter_takes_the_plans_financial_year(registry):
    actions = by_ref(parse_plan(awkward_docx(), "plan.docx", registry=registry))
    assert actions["A1"].timescale == "Q3"
    assert actions["A1"].due == date(2015, 12, 31)


def test_rag_unknown_columns_and_columns_map(registry):
    plan = parse_plan(awkward_docx(), "plan.docx", registry=registry)
    actions = by_ref(plan)
    assert (actions["A1"].rag_raw, actions["A1"].rag) == ("Green", "green")
    assert (actions["A3"].rag_raw, actions["A3"].rag) == ("Red – late", "red")
    assert actions["A1"].extra == {"Budget": "£10,000"}
    assert actions["A3"].extra == {"Budget": "None"}
    assert plan.columns == {
        "Ref": "ref",
        "Action": "action",
        "Timescale": "timescale",
        "Lead Agency": "lead",
        "RAG": "rag",
        "Budget": None,
        "Lead": "lead",
        "Date completed": "timescale",
    }


def test_appendix_actions_count_as_complete(registry):
    actions = by_ref(parse_plan(awkward_docx(), "plan.docx", registry=registry))
    assert actions["A0"].from_appendix
    assert actions["A0"].canonical_status == "complete"
    assert actions["A0"].timescale == "December 2014"
    assert not any(actions[ref].from_appendix for ref in ("A1", "A2", "A3", "B1", "B2"))


def test_kpi_paragraphs_after_the_last_table(registry):
    plan = parse_plan(awkward_docx(), "plan.docx", registry=registry)
    assert [(m.name, m.kind) for m in plan.metrics] == [
        ("Section 136 detentions", "hard"),
        ("Under-18s held in police cells", "hard"),
    ]


def test_warnings_point_at_rows(registry):
    plan = parse_plan(awkward_docx(), "plan.docx", registry=registry)
    messages = {(w.ref, w.message) for w in plan.warnings}
    assert ("A3", "No lead is given for this action.") in messages
    assert (
        "B2",
        "“Healthwatch” is not in the organisation register; it will be offered as a new "
        "organisation.",
    ) in messages
    assert next(w.row for w in plan.warnings if w.ref == "A3") == 5


def test_section_titles_written_as_paragraphs_before_each_table(registry):
    header = ["No.", "Action", "Timescale", "Lead"]
    data = docx_bytes(
        [
            ("p", "Access to support before crisis point"),
            ("table", [header, ["1", "Directory of support.", "June 2015", "Mind"]]),
            ("p", "Urgent and emergency access to crisis care"),
            ("table", [header, ["2", "Street triage.", "Ongoing", "Essex Police"]]),
        ]
    )
    plan = parse_plan(data, "plan.docx", registry=registry)
    assert [(a.ref, a.section, a.section_raw) for a in plan.actions] == [
        ("1", 2, "Access to support before crisis point"),
        ("2", 3, "Urgent and emergency access to crisis care"),
    ]


def test_a_kpi_table_after_the_plan_offers_metrics_not_actions(registry):
    data = docx_bytes(
        [
            (
                "table",
                [["No.", "Action", "Timescale", "Lead"], ["1.1", "Map.", "June 2015", "Mind"]],
            ),
            ("p", "Key performance indicators"),
            (
                "table",
                [["Indicator", "Baseline", "Target"], ["Section 136 detentions", "40", "20"]],
            ),
        ]
    )
    plan = parse_plan(data, "plan.docx", registry=registry)
    assert [a.ref for a in plan.actions] == ["1.1"]
    assert plan.actions[0].text == "Map."
    assert [(m.name, m.text) for m in plan.metrics] == [
        ("Section 136 detentions", "Section 136 detentions | 40 | 20")
    ]
