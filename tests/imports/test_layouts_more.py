"""Issue 9: more classes of layout, none of them in the corpus, so that the importer is held to
the class and not to the documents it was measured on. Every word is new."""

import datetime
from datetime import date

import pytest

from .documents import csv_bytes, docx_bytes, ods_bytes
from .styled import Cell, styled_xlsx
from .test_layouts import assert_nothing_lost, read


def test_a_section_row_merged_across_from_a_lead_column_placed_first(registry):
    rows = [
        ["Harbourside Crisis Care Concordat – Delivery Plan 2016/17"],
        ["Lead Organisation", "Action No.", "Key Action", "Target Date", "Status (RAG)"],
        ["Section 1: Commissioning to allow earlier intervention"],
        ["Harbourside CCG", "1.1", "Commission a crisis house.", datetime.datetime(2016, 12, 31)],
        ["Section 2: Access to support before crisis point"],
        ["Harbourside Council", "2.1", "Open the access line.", datetime.datetime(2017, 3, 31)],
        ["Harbourside Trust", "2.2", "Share crisis plans with GPs.", "Ongoing", "Complete"],
    ]
    data = styled_xlsx(
        {"Plan": rows},
        merges={"Plan": ["A1:E1", "A3:E3", "A5:E5"]},
        formats={"Plan": {"D4": "dd/mm/yyyy", "D6": "dd/mm/yyyy"}},
    )
    plan = read(data, "plan.xlsx", registry)
    assert [(a.ref, a.section, a.lead, a.timescale, a.canonical_status) for a in plan.actions] == [
        ("1.1", 1, "Harbourside CCG", "31/12/2016", ""),
        ("2.1", 2, "Harbourside Council", "31/03/2017", ""),
        ("2.2", 2, "Harbourside Trust", "Ongoing", "complete"),
    ]
    assert [a.section_raw for a in plan.actions][:2] == [
        "Section 1: Commissioning to allow earlier intervention",
        "Section 2: Access to support before crisis point",
    ]
    assert_nothing_lost(plan, data, "plan.xlsx")


def test_the_column_of_sentences_is_the_action_under_a_heading_that_names_nothing(registry):
    heading = ["Objective", "How we will do it", "Who", "When", "Measure of success"]
    data = docx_bytes(
        [
            ("p", "Kestrel Vale Crisis Care Action Plan"),
            ("p", "Commissioning to allow earlier intervention and responsive crisis services"),
            (
                "table",
                [
                    heading,
                    [
                        "Better crisis commissioning",
                        "Review every crisis contract against the Concordat.",
                        "Kestrel Vale CCG",
                        "March 2016",
                        "Review reported to the board",
                    ],
                    ["", "Pool the crisis team's budget with the council.", "CCG", "2016/17", ""],
                ],
            ),
            ("p", "Urgent and emergency access to crisis care"),
            (
                "table",
                [
                    heading,
                    [
                        "No one held in police cells",
                        "Open a second health-based place of safety.",
                        "Kestrel Vale Trust",
                        "Summer 2016",
                        "No s136 detentions in cells",
                    ],
                ],
            ),
        ]
    )
    plan = read(data, "plan.docx", registry)
    assert plan.columns == {
        "Objective": "subtheme",
        "How we will do it": "action",
        "Who": "lead",
        "When": "timescale",
        "Measure of success": "performance_indicator",
    }
    assert [(a.section, a.subtheme, a.text, a.due) for a in plan.actions] == [
        (
            1,
            "Better crisis commissioning",
            "Review every crisis contract against the Concordat.",
            date(2016, 3, 31),
        ),
        (
            1,
            "Better crisis commissioning",
            "Pool the crisis team's budget with the council.",
            date(2017, 3, 31),
        ),
        (
            3,
            "No one held in police cells",
            "Open a second health-based place of safety.",
            date(2016, 8, 31),
        ),
    ]
    assert_nothing_lost(plan, data, "plan.docx")


def test_a_concordat_theme_column_gives_the_section_not_the_sub_theme(registry):
    rows = [
        ["Concordat theme", "Ref", "Actions", "Lead", "Timescale", "RAG"],
        ["Access to support before crisis point", "A1", "Weekend crisis line.", "Trust", "Q3", "G"],
        ["", "A2", "Street triage in the town centre.", "Police", "Q4", "A"],
        [
            "Quality of treatment and care when in crisis",
            "Q1",
            "Audit crisis plans.",
            "Trust",
            "",
            "R",
        ],
    ]
    data = docx_bytes([("p", "Marlow Heath plan"), ("table", rows, [((1, 0), (2, 0))])])
    plan = read(data, "plan.docx", registry)
    assert plan.columns["Concordat theme"] == "section"
    assert [(a.ref, a.section, a.subtheme, a.rag) for a in plan.actions] == [
        ("A1", 2, "", "green"),
        ("A2", 2, "", "amber"),
        ("Q1", 4, "", "red"),
    ]


def test_refs_with_a_letter_code_and_a_hyphen(registry):
    data = csv_bytes(
        [
            ["ID", "Action", "Responsible officer", "Deadline", "Status"],
            ["CC-01", "Agree a crisis pathway for under-18s.", "CAMHS lead", "Sep 2016", "Done"],
            ["CC-02", "Commission a recovery college.", "Commissioner", "Mar 2017", "Not started"],
            ["MH-1.2", "Publish the plan online.", "Comms officer", "Jun 2016", "On track"],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert [(a.ref, a.section, a.canonical_status) for a in plan.actions] == [
        ("CC-01", None, "complete"),
        ("CC-02", None, "not_started"),
        ("MH-1.2", None, "in_progress"),
    ]


def test_a_ref_that_the_refs_below_extend_heads_a_group_of_actions(registry):
    rows = [
        ["Ref", "Action", "Lead", "Timescale", "Progress"],
        ["1", "Commissioning to allow earlier intervention and responsive crisis services"],
        ["1.1", "Joint commissioning"],
        ["1.1.1", "Set up a joint commissioning group.", "CCG", "April 2016", "Met twice"],
        ["1.1.2", "Agree shared outcomes.", "CCG", "June 2016", "Draft agreed"],
        ["1.2", "Write the crisis strategy.", "Council", "May 2016", ""],
        ["2", "Access to support before crisis point"],
        ["2.1", "Advice and information"],
        ["2.1.1", "Publish a directory of services.", "Council", "May 2016", "Live"],
    ]
    data = ods_bytes({"Plan": rows})
    plan = read(data, "plan.ods", registry)
    assert [(a.ref, a.section, a.subtheme, a.lead) for a in plan.actions] == [
        ("1.1.1", 1, "Joint commissioning", "CCG"),
        ("1.1.2", 1, "Joint commissioning", "CCG"),
        ("1.2", 1, "", "Council"),
        ("2.1.1", 2, "Advice and information", "Council"),
    ]
    assert_nothing_lost(plan, data, "plan.ods")


def test_a_section_row_under_the_heading_row_and_a_key_in_letters(registry):
    rows = [
        ["Action Plan 2016/17"],
        ["Key: G = on track, A = some slippage, R = off track, B = complete"],
        ["Ref", "Actions", "Lead", "Timescale", "Status/RAG"],
        ["Theme 1: Commissioning"],
        ["1a", "Review crisis contracts.", "CCG", "Q1", "B"],
        ["1b", "Pool budgets.", "CCG and council", "Q3", "A"],
        ["Theme 4: Quality of treatment and care when in crisis"],
        ["4a", "Audit crisis care.", "Trust", "Ongoing", "G"],
    ]
    data = ods_bytes({"Plan": rows})
    plan = read(data, "plan.ods", registry)
    assert list(plan.columns) == ["Ref", "Actions", "Lead", "Timescale", "Status/RAG"]
    assert [(a.ref, a.section, a.rag, a.canonical_status) for a in plan.actions] == [
        ("1a", 1, "blue", "complete"),
        ("1b", 1, "amber", "in_progress"),
        ("4a", 4, "green", "in_progress"),
    ]
    assert [a.due for a in plan.actions] == [date(2016, 6, 30), date(2016, 12, 31), None]
    assert_nothing_lost(plan, data, "plan.ods")


def test_a_fill_only_rag_column_beside_a_status_column(registry):
    rows = [
        ["ID", "Action", "Lead", "Deadline", "Status", "RAG"],
        [
            "1",
            "Crisis pathway for under-18s.",
            "CAMHS",
            "Sep 2016",
            "In progress",
            Cell("", fill="FFC000"),
        ],
        ["2", "Recovery college.", "CCG", "Mar 2017", "Not started", Cell("", fill="FF0000")],
    ]
    data = styled_xlsx({"Actions": rows})
    plan = read(data, "plan.xlsx", registry)
    assert [(a.status, a.canonical_status, a.rag) for a in plan.actions] == [
        ("In progress", "in_progress", "amber"),
        ("Not started", "not_started", "red"),
    ]


def _record(ref, action, lead, when, status):
    return (
        "table",
        [[f"Action {ref}", action], ["Lead", lead], ["Timescale", when], ["Status", status]],
    )


def test_one_small_table_per_action(registry):
    data = docx_bytes(
        [
            ("p", "Northholm crisis care action plan"),
            ("p", "1. Commissioning"),
            _record("1.1", "Commission crisis beds.", "CCG", "March 2016", "On track"),
            _record("1.2", "Review the s136 suite.", "Trust", "June 2016", "Complete"),
            ("p", "2. Access to support before crisis point"),
            _record("2.1", "Open the crisis line.", "Trust", "2016/17", "Not started"),
        ]
    )
    plan = read(data, "plan.docx", registry)
    assert plan.columns == {
        "Ref": "ref",
        "Action": "action",
        "Lead": "lead",
        "Timescale": "timescale",
        "Status": "status",
    }
    assert [
        (a.ref, a.section, a.text, a.lead, a.due, a.canonical_status) for a in plan.actions
    ] == [
        ("1.1", 1, "Commission crisis beds.", "CCG", date(2016, 3, 31), "in_progress"),
        ("1.2", 1, "Review the s136 suite.", "Trust", date(2016, 6, 30), "complete"),
        ("2.1", 2, "Open the crisis line.", "Trust", date(2017, 3, 31), "not_started"),
    ]
    assert plan.not_imported == []


def test_a_table_turned_on_its_side(registry):
    rows = [
        ["Ref", "1.1", "1.2", "2.1"],
        ["Action", "Commission crisis beds.", "Review the s136 suite.", "Open the crisis line."],
        ["Lead", "CCG", "Trust", "Trust"],
        ["Timescale", "March 2016", "June 2016", "2016/17"],
    ]
    data = docx_bytes([("p", "Plan"), ("table", rows)])
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section, a.text, a.lead, a.timescale) for a in plan.actions] == [
        ("1.1", 1, "Commission crisis beds.", "CCG", "March 2016"),
        ("1.2", 1, "Review the s136 suite.", "Trust", "June 2016"),
        ("2.1", 2, "Open the crisis line.", "Trust", "2016/17"),
    ]
    assert_nothing_lost(plan, data, "plan.docx")


def test_actions_written_as_labelled_paragraphs(registry):
    lines = [
        "Northholm Crisis Care Concordat action plan 2015/16",
        "Agreed by the partners in March 2015.",
        "1. Commissioning to allow earlier intervention",
        "Action 1.1: Commission crisis beds for young people.",
        "Lead: CCG",
        "Timescale: March 2016",
        "Progress: Tender out.",
        "Action 1.2: Review the s136 suite.",
        "Lead: Trust",
        "Timescale: Q2",
        "2. Access to support before crisis point",
        "Action 2.1: Open the crisis line all hours.",
        "Lead: Trust and Mind",
        "Progress: Not started",
        "Signed: the partners",
    ]
    data = docx_bytes([("p", line) for line in lines])
    plan = read(data, "plan.docx", registry)
    assert plan.title == "Northholm Crisis Care Concordat action plan 2015/16"
    assert [(a.ref, a.section, a.lead, a.timescale, a.due, a.progress) for a in plan.actions] == [
        ("1.1", 1, "CCG", "March 2016", date(2016, 3, 31), "Tender out."),
        ("1.2", 1, "Trust", "Q2", date(2015, 9, 30), None),
        ("2.1", 2, "Trust and Mind", "", None, "Not started"),
    ]
    assert plan.actions[2].canonical_status == "not_started"
    assert "Signed: the partners" in plan.trailing
    assert plan.not_imported == []


def test_a_form_with_labels_but_no_action_is_no_plan(registry):
    from concordat.imports.errors import ImportRefused

    data = docx_bytes([("table", [["Name", "A. Person"], ["Lead", "CCG"], ["Date", "May 2016"]])])
    with pytest.raises(ImportRefused):
        read(data, "form.docx", registry)
