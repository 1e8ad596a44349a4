"""Issue 9: the classes of layout the second held-back corpus set (d26-d38) showed the importer
reading wrong, each built here in words of its own, so that the rule is held and not the
documents: quarterly update columns, section-numbered four-digit refs, highlighted rows,
colour keys written as coloured cells, the plan's own sections, refs listed together, a
late "Action" column of progress, objectives as sections, dated update headings,
deliverables as actions, refs inside the first column, words beside a RAG colour, and
two-level tables."""

from .documents import csv_bytes, docx_bytes
from .styled import Cell, styled_docx, styled_xlsx
from .test_layouts import assert_nothing_lost, read

GREEN, AMBER, RED, BLUE, YELLOW, SHADE = "00B050", "FFC000", "FF0000", "0070C0", "FFFF00", "D9D9D9"


def test_quarterly_update_and_rag_columns_give_the_latest_quarter_filled_in(registry):
    rows = [
        ["Larkmoor crisis plan – quarterly return"],
        ["Ref", "Action", "Lead", "By when", "Q1 2016/17", "", "Q2 2016/17", ""],
        ["", "", "", "", "Update", "RAG", "Update", "RAG"],
        ["1.1", "Open a crisis café in the town centre", "Larkmoor Mind", "Sept 2016",
         "Premises viewed", Cell("Amber", fill=AMBER), "Café opened in August",
         Cell("Done", fill=BLUE)],
        ["1.2", "Train reception staff in every practice", "Larkmoor CCG", "March 2017",
         "Course written", Cell("Green", fill=GREEN), "", ""],
    ]  # fmt: skip
    merges = {"Plan": ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:H2"]}
    data = styled_xlsx({"Plan": rows}, merges=merges)
    plan = read(data, "plan.xlsx", registry)
    first, second = plan.actions
    assert (first.ref, first.progress, first.rag, first.canonical_status) == (
        "1.1",
        "Café opened in August",
        "blue",
        "complete",
    )
    assert first.extra["Q1 2016/17 Update"] == "Premises viewed"
    assert (second.progress, second.rag) == ("Course written", "green")
    assert_nothing_lost(plan, data, "plan.xlsx")


def test_four_digit_refs_and_a_status_on_the_last_line_of_the_note(registry):
    heading = ["No.", "Action", "Timescale", "Led By", "Progress", "RAG"]
    rows = [
        heading,
        [3001, "Agree a conveyance protocol with the ambulance trust", "June 2016",
         "Ambulance trust", "Protocol signed by all three partners.\nAction Complete",
         Cell("Green", fill=GREEN)],
        [3002, "Report every section 136 detention to the group", "Monthly", "Police",
         "Figures shared since May", Cell("Amber", fill=AMBER)],
    ]  # fmt: skip
    data = styled_xlsx({"Urgent care": rows})
    plan = read(data, "plan.xlsx", registry)
    assert [(a.ref, a.canonical_status, a.rag) for a in plan.actions] == [
        ("3001", "complete", "green"),
        ("3002", "", "amber"),
    ]


def test_a_fill_over_the_whole_row_marks_the_row_and_gives_no_rag(registry):
    def marked(*texts):
        return [Cell(text, fill=YELLOW) for text in texts]

    rows = [
        ["No", "Action", "Lead", "When", "Notes"],
        marked("1", "Publish the crisis line number on every council page", "Council",
               "May 2016", "National must do"),
        ["2", "Agree a crisis plan template", "Trust", "June 2016", Cell("Late", fill=RED)],
    ]  # fmt: skip
    plan = read(styled_docx([("table", rows)]), "plan.docx", registry)
    assert [(a.ref, a.rag) for a in plan.actions] == [("1", ""), ("2", "red")]


def test_whole_rows_coloured_in_several_rag_colours_give_each_action_its_rag(registry):
    def coloured(fill, *texts):
        return [Cell(text, fill=fill) for text in texts]

    rows = [
        ["No", "Action", "Lead", "When", "Notes"],
        coloured(GREEN, "1", "Publish the crisis line number", "Council", "May 2016", "Done"),
        coloured(RED, "2", "Agree a crisis plan template", "Trust", "June 2016", "Stalled"),
    ]
    plan = read(styled_docx([("table", rows)]), "plan.docx", registry)
    assert [(a.ref, a.rag) for a in plan.actions] == [("1", "green"), ("2", "red")]


def test_a_colour_key_of_coloured_cells_gives_statuses_and_is_no_action(registry):
    rows = [
        ["Ref", "Action", "Lead", "Timescale", "Progress"],
        ["", "", "", "", Cell("Not yet begun", fill=RED)],
        ["", "", "", "", Cell("Work in progress", fill=AMBER)],
        ["", "", "", "", Cell("Actions completed", fill=GREEN)],
        ["2.1", "Map the crisis services for young people", "CCG", "Q2",
         Cell("Draft map out", fill=GREEN)],
        ["2.2", "Give each school a named mental health link", "Council", "Q4",
         Cell("", fill=RED)],
    ]  # fmt: skip
    data = styled_xlsx({"Plan": rows})
    plan = read(data, "plan.xlsx", registry)
    assert [(a.ref, a.rag, a.canonical_status) for a in plan.actions] == [
        ("2.1", "green", "complete"),
        ("2.2", "red", "not_started"),
    ]
    assert {item.where for item in plan.not_imported} >= {"Colour key"}
    assert_nothing_lost(plan, data, "plan.xlsx")


def test_a_numbered_section_of_the_plans_own_is_no_concordat_section(registry):
    rows = [
        ["Ref", "Action", "Lead", "By when"],
        ["1. GOVERNANCE OF THE LOCAL PARTNERSHIP"],
        ["1.1", "Set up a partnership board that meets every quarter", "CCG", "June 2016"],
        ["2. ACCESS TO SUPPORT BEFORE CRISIS POINT"],
        ["2.1", "Open a text line for young people", "Trust", "Sept 2016"],
    ]
    data = docx_bytes([("table", rows)])
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [("1.1", None), ("2.1", 2)]


def test_a_numbered_list_before_the_table_gives_no_section(registry):
    data = docx_bytes(
        [
            ("p", "Marlow Fen crisis care plan"),
            ("p", "1. Is written by every partner together and owned by the board."),
            ("p", "4. Covers only the actions that need more than one agency to act."),
            ("table", [
                ["Ref", "Action", "Lead", "By when"],
                ["Urgent and emergency access to crisis care"],
                ["1", "Agree a place of safety for under-18s", "Police", "April 2016"],
            ]),
        ]
    )  # fmt: skip
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [("1", 3)]


def test_one_row_answering_several_refs_keeps_them_as_written(registry):
    rows = [
        ["Item no", "Milestone", "Due date", "Status"],
        ["4.2, 4.3", "Joint training on the Mental Health Act for police and A&E staff",
         "March 2016", "Underway"],
        ["", "Launch the plan at the partners' event in the town hall", "May 2015",
         "Complete"],
        ["1.1", "Appoint an independent chair for the Concordat partnership group",
         "June 2015", "Complete"],
    ]  # fmt: skip
    plan = read(docx_bytes([("table", rows)]), "plan.docx", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [
        ("4.2, 4.3", 4),
        ("", None),
        ("1.1", 1),
    ]


def test_a_late_action_column_after_lead_date_and_rag_holds_the_progress(registry):
    rows = [
        ["Ref", "Actions and Milestones", "By when", "Lead", "RAG", "Action"],
        ["1 New Action", "Recruit two more street triage nurses", "July 2016", "Police",
         "Green", "One nurse in post; second interviewed in May."],
        ["2", "Publish waiting times for assessments", "Sept 2016", "Trust", "Amber",
         "Data collected; not yet published."],
    ]  # fmt: skip
    plan = read(csv_bytes(rows), "plan.csv", registry)
    assert [(a.ref, a.new, a.text, a.progress) for a in plan.actions] == [
        ("1", True, "Recruit two more street triage nurses",
         "One nurse in post; second interviewed in May."),
        ("2", False, "Publish waiting times for assessments",
         "Data collected; not yet published."),
    ]  # fmt: skip


def test_objective_headings_between_tables_are_the_sections(registry):
    heading = ["Ref", "Action", "By when", "Lead"]
    data = docx_bytes(
        [
            ("p", "Ridgewell delivery update"),
            ("p", "Objective 3 – Get people an urgent response when they need one"),
            ("table", [heading, ["1", "Run a crisis line at night", "June 2016", "Trust"]]),
            ("p", "Objective 5 – Help people keep well after a crisis"),
            ("table", [heading, ["1", "Peer calls after discharge", "July 2016", "Mind"]]),
        ]
    )
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [("1", 3), ("1", 5)]


def test_deliverables_beside_outcomes_are_the_actions_and_a_dated_heading_is_progress(
    registry,
):
    rows = [
        ["No.", "Outcomes sought", "Deliverables", "Who", "By when", "Position at Jan 2016"],
        ["1", "Fewer people wait in A&E", "A quiet room for assessments in each hospital",
         "Acute trust", "March 2016", "One room open"],
        ["2", "Children are never held in cells", "A named place of safety for under-18s",
         "Police", "Dec 2015", "Agreed in November"],
    ]  # fmt: skip
    plan = read(csv_bytes(rows), "plan.csv", registry)
    assert [(a.text, a.outcomes, a.progress) for a in plan.actions] == [
        ("A quiet room for assessments in each hospital", ["Fewer people wait in A&E"],
         "One room open"),
        ("A named place of safety for under-18s", ["Children are never held in cells"],
         "Agreed in November"),
    ]  # fmt: skip


def test_refs_at_the_start_of_the_first_column_and_words_beside_a_rag_colour(registry):
    heading = ["What the Concordat asks", "Proposed action", "Timescale", "Lead", "Progress RAG"]
    rows = [
        heading,
        [Cell("Recovery and staying well", fill=SHADE, bold=True)],
        ["D1 Crisis plans for everyone", "Offer a written crisis plan at discharge",
         "March 2016", "Trust",
         Cell("Plan template done: audit of the first fifty plans starts in April", fill=GREEN)],
        ["D2 Housing help", "Place a housing officer in the crisis team", "2016/17",
         "Council", Cell("Complete – officer in post since January", fill=GREEN)],
    ]  # fmt: skip
    data = styled_docx([("table", rows)])
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section, a.text, a.canonical_status, a.rag) for a in plan.actions] == [
        ("D1", 5, "Offer a written crisis plan at discharge", "", "green"),
        ("D2", 5, "Place a housing officer in the crisis team", "complete", "green"),
    ]
    assert plan.actions[0].progress.startswith("Plan template done")
    assert_nothing_lost(plan, data, "plan.docx")


def test_a_two_level_table_reads_each_local_action_under_its_recommendation(registry):
    rows = [
        ["Ref", "Recommended actions", "Proposed local actions", "Led By", "Timescales",
         "Status"],
        [Cell("Urgent and emergency access to crisis care", fill=SHADE, bold=True), "", "", "",
         "", "Leads to be agreed"],
        ["B1", "Enough places of safety for all ages", "• Open a second suite at the unit",
         "Trust", "June 16", "In progress"],
        ["", "", "• Agree that no child is held in a cell", "Police", "", "Complete"],
        ["B2", "Quicker ambulance response", "• Set a response standard for conveyance",
         "Ambulance service", "March 16", "Not started"],
    ]  # fmt: skip
    merges = [((2, 0), (3, 0)), ((2, 1), (3, 1)), ((2, 4), (3, 4))]
    data = styled_docx([("table", rows, merges)])
    plan = read(data, "plan.docx", registry)
    assert [
        (a.ref, a.section, a.text, a.lead, a.timescale, a.canonical_status)
        for a in plan.actions
    ] == [
        ("B1", 3, "• Open a second suite at the unit", "Trust", "June 16", "in_progress"),
        ("B1", 3, "• Agree that no child is held in a cell", "Police", "June 16", "complete"),
        ("B2", 3, "• Set a response standard for conveyance", "Ambulance service", "March 16",
         "not_started"),
    ]  # fmt: skip
    assert [a.subtheme for a in plan.actions][:2] == ["Enough places of safety for all ages"] * 2
    assert_nothing_lost(plan, data, "plan.docx")
