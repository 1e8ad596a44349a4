"""Issue 9: the layouts local plans really have, class by class (items 2 to 7), each with every
piece of its text accounted for (item 1). The documents are written here, modelled on the
layouts of published 2014-16 local Concordat plans; every word is new."""

import datetime
from datetime import date

import pytest

from concordat.core.text import collapse_whitespace
from concordat.imports.coverage import document_texts, visible_text
from concordat.imports.pipeline import parse_plan
from concordat.imports.readers import read_document

from .documents import csv_bytes
from .styled import Cell, styled_docx, styled_odt, styled_pdf, styled_xlsx

PLAN = ["No.", "Action", "Timescale", "Lead", "Status"]


def read(data, name, registry, **options):
    return parse_plan(data, name, registry=registry, **options)


def rows_of(plan):
    return [
        (a.ref, a.section, a.text, a.lead, a.timescale, a.status, a.canonical_status, a.rag)
        for a in plan.actions
    ]


def assert_nothing_lost(plan, data, name):
    """Every cell and paragraph the readers found is somewhere in the parsed plan's JSON."""
    extension = "." + name.rsplit(".", 1)[1]
    visible = visible_text(plan)
    missing = [
        (where, text)
        for where, text in document_texts(read_document(data, extension))
        if collapse_whitespace(text) and collapse_whitespace(text) not in visible
    ]
    assert missing == []


# --- item 1: nothing is lost ----------------------------------------------------------------


def test_rag_words_are_kept_as_status_or_progress_and_a_fill_gives_only_the_rag(registry):
    rows = [
        ["Ref", "Action", "Timescale", "Lead", "RAG/Comments"],
        ["1", "Open a second place of safety.", "March 2016", "SEPT", "Complete"],
        [
            "2",
            "Agree an escalation protocol.",
            "Q3 2015/16",
            "SEPT",
            "Amber – approved by the CCG, councils to sign off in January",
        ],
        ["3", "Publish one crisis number.", "June 2015", "Mind", Cell("", fill="FF0000")],
    ]
    data = styled_docx([("table", rows)])
    plan = read(data, "plan.docx", registry)
    first, second, third = plan.actions
    assert (first.status, first.canonical_status, first.rag, first.rag_raw) == (
        "Complete",
        "complete",
        "",
        "Complete",
    )
    assert (second.rag, second.status, second.progress) == (
        "amber",
        "",
        "approved by the CCG, councils to sign off in January",
    )
    assert (third.rag, third.rag_from, third.status, third.canonical_status) == (
        "red",
        "fill",
        "",
        "",
    )
    assert_nothing_lost(plan, data, "plan.docx")


def test_text_around_the_plan_is_preamble_trailing_or_not_imported(registry):
    data = styled_docx(
        [
            ("p", "Thornfield Crisis Care Concordat Action Plan 2015/16"),
            ("p", "Contents"),
            ("table", [["Section", "Page"], ["Introduction", "2"], ["Action plan", "3"]]),
            ("table", [PLAN, ["1.1", "Agree a joint plan.", "June 2015", "Mind", "Complete"]]),
            ("p", "Signed on behalf of the partners"),
            (
                "table",
                [["Organisation", "Name", "Date"], ["Thornfield CCG", "A. Chair", "1/12/15"]],
            ),
        ],
        header="Thornfield Crisis Care Concordat",
        footer="Page 1",
    )
    plan = read(data, "plan.docx", registry)
    assert [a.ref for a in plan.actions] == ["1.1"]
    assert plan.preamble == "Thornfield Crisis Care Concordat Action Plan 2015/16\nContents"
    assert plan.trailing == (
        "Signed on behalf of the partners\nOrganisation | Name | Date\n"
        "Thornfield CCG | A. Chair | 1/12/15"
    )
    assert [(n.where, n.text) for n in plan.not_imported] == [
        ("Page header", "Thornfield Crisis Care Concordat"),
        ("Page footer", "Page 1"),
        ("Table 1, row 1", "Section | Page"),
        ("Table 1, row 2", "Introduction | 2"),
        ("Table 1, row 3", "Action plan | 3"),
    ]
    data_json = plan.to_json()
    assert data_json["not_imported"][0] == {
        "where": "Page header",
        "text": "Thornfield Crisis Care Concordat",
    }
    assert data_json["trailing"] == plan.trailing
    assert data_json["financial_year"] == 2015
    assert_nothing_lost(plan, data, "plan.docx")


# --- item 2: columns by meaning ---------------------------------------------------------------


def test_an_objective_beside_the_steps_is_the_sub_theme(registry):
    data = csv_bytes(
        [
            ["Objective", "Actions required", "Responsible", "By when", "RAG/Comments"],
            [
                "Fewer people held in police cells",
                "Open a second place of safety.",
                "Kent Police",
                "March 2016",
                "Green",
            ],
            ["", "Agree an escalation protocol.", "SEPT", "Q3", "Amber"],
        ]
    )
    plan = read(data, "plan.csv", registry, financial_year=2015)
    assert plan.columns == {
        "Objective": "subtheme",
        "Actions required": "action",
        "Responsible": "lead",
        "By when": "timescale",
        "RAG/Comments": "rag",
    }
    assert [(a.subtheme, a.text, a.due, a.rag) for a in plan.actions] == [
        (
            "Fewer people held in police cells",
            "Open a second place of safety.",
            date(2016, 3, 31),
            "green",
        ),
        (
            "Fewer people held in police cells",
            "Agree an escalation protocol.",
            date(2015, 12, 31),
            "amber",
        ),
    ]


def test_headings_in_capitals_and_other_words(registry):
    data = csv_bytes(
        [
            ["FOCUS", "WHAT WILL BE\nDONE", "WHO", "TIME-SCALE", "Rag Rating", "Update / comments"],
            [
                "Young people",
                "Commission crisis outreach for under-18s.",
                "CCG",
                "2015/16",
                "G",
                "Specification agreed",
            ],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert plan.columns == {
        "FOCUS": "subtheme",
        "WHAT WILL BE DONE": "action",
        "WHO": "lead",
        "TIME-SCALE": "timescale",
        "Rag Rating": "rag",
        "Update / comments": "progress",
    }
    action = plan.actions[0]
    assert (action.text, action.rag, action.progress) == (
        "Commission crisis outreach for under-18s.",
        "green",
        "Specification agreed",
    )


def test_a_timescale_heading_gives_the_financial_year(registry):
    data = csv_bytes(
        [
            [
                "Intervention",
                "Lead agency",
                "Timescale 2015/16 unless otherwise specified",
                "Red/Amber/Green (RAG)",
                "Summary progress against actions",
            ],
            ["Street triage at weekends.", "Essex Police", "Q2", "Green", "Running since June."],
            ["A crisis café run by peers.", "Mind", "Jan", "Amber", ""],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert plan.financial_year is None
    assert [(a.timescale, a.due, a.rag) for a in plan.actions] == [
        ("Q2", date(2015, 9, 30), "green"),
        ("Jan", date(2016, 1, 31), "amber"),
    ]
    assert plan.columns["Summary progress against actions"] == "progress"


def test_a_column_without_a_heading_is_read_by_its_cells(registry):
    rows = [
        ["Ref", "Action", "Lead", "Timescale", ""],
        ["1.1", "Map services.", "Mind", "June 2015", Cell("", fill="00B050")],
        ["1.2", "Agree a plan.", "Mind", "July 2015", Cell("", fill="FFC000")],
        ["1.3", "Pool budgets.", "CCG", "2016/17", Cell("", fill="FF0000")],
    ]
    plan = read(styled_xlsx({"Plan": rows}), "plan.xlsx", registry)
    assert [a.rag for a in plan.actions] == ["green", "amber", "red"]


# --- item 3: the table found among everything else -----------------------------------------


def test_a_workbook_whose_plan_is_on_its_third_sheet(registry):
    data = styled_xlsx(
        {
            "Cover": [["Thornfield Crisis Care Concordat"], ["Action plan workbook"]],
            "Notes": [["How to read this plan"], ["Each action has a lead and a date."]],
            "Plan": [
                ["Thornfield Crisis Care Concordat Action Plan 2015/16"],
                ["Version 2"],
                ["RAG key", "Red = not started", "Amber = in progress", "Green = complete"],
                ["Ref", "Action", "Due", "Lead", "RAG"],
                ["1. Commissioning"],
                ["1.1", "Agree a plan.", datetime.datetime(2015, 3, 31), "NHS England", "Green"],
                ["1.2", "Pool budgets.", datetime.datetime(2015, 5, 1), "NHS England", "Red"],
            ],
            "Glossary": [["Term", "Meaning"], ["PHE", "Public Health England"]],
        },
        formats={"Plan": {"C6": "d mmmm yyyy", "C7": "mmm-yy"}},
        merges={"Plan": ["A5:E5"]},
    )
    plan = read(data, "plan.xlsx", registry)
    assert (plan.title, plan.stated_version, plan.financial_year) == (
        "Thornfield Crisis Care Concordat Action Plan 2015/16",
        "Version 2",
        2015,
    )
    assert [(a.ref, a.timescale, a.due, a.rag, a.canonical_status) for a in plan.actions] == [
        ("1.1", "31 March 2015", date(2015, 3, 31), "green", "complete"),
        ("1.2", "May-15", date(2015, 5, 31), "red", "not_started"),
    ]
    assert [(n.where, n.text) for n in plan.not_imported] == [
        ("Sheet “Cover”, row 1", "Thornfield Crisis Care Concordat"),
        ("Sheet “Cover”, row 2", "Action plan workbook"),
        ("Sheet “Notes”, row 1", "How to read this plan"),
        ("Sheet “Notes”, row 2", "Each action has a lead and a date."),
        ("Colour key", "RAG key | Red = not started | Amber = in progress | Green = complete"),
    ]
    assert plan.trailing == "Term | Meaning\nPHE | Public Health England"
    assert_nothing_lost(plan, data, "plan.xlsx")


def test_a_table_per_section_with_headings_between_and_a_kpi_table_after(registry):
    header = ["No.", "Action", "Timescale", "Led By", "Outcomes", "RAG"]
    data = styled_docx(
        [
            ("p", "Key: Red – not started, Amber – in progress, Green – complete"),
            (
                "numbered",
                ["Commissioning to allow earlier intervention and responsive crisis services"],
                "decimal",
                "%1.",
            ),
            ("table", [header, ["1.1", "Agree a plan.", "June 2015", "CCG", "One plan", "G"]]),
            ("p", "Access to support before crisis point"),
            ("table", [header, ["2.1", "Crisis café.", "From April 2015", "Mind", "Fewer", "A"]]),
            ("p", "Key performance indicators"),
            (
                "table",
                [["Indicator", "Baseline", "Target"], ["Section 136 detentions", "40", "20"]],
            ),
        ]
    )
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section, a.section_raw, a.rag, a.canonical_status) for a in plan.actions] == [
        (
            "1.1",
            1,
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            "green",
            "complete",
        ),
        ("2.1", 2, "Access to support before crisis point", "amber", "in_progress"),
    ]
    assert [m.name for m in plan.metrics] == ["Section 136 detentions"]
    assert_nothing_lost(plan, data, "plan.docx")


# --- item 4: sections as the plan gives them ------------------------------------------------


def test_a_local_section_first_and_sections_in_another_order_map_by_title(registry):
    rows = [
        PLAN,
        [Cell("1. Equality and diversity duties", fill="D9D9D9", bold=True)],
        ["1", "Publish an equality impact assessment.", "June 2015", "CCG", "Complete"],
        [Cell("2. Access to support before crisis point", fill="D9D9D9", bold=True)],
        ["2", "Run a crisis line every night.", "Ongoing", "Mind", "On track"],
        [Cell("3. Commissioning to allow earlier intervention", fill="D9D9D9", bold=True)],
        ["3", "Agree pooled budgets.", "2015/16", "Council", "Not started"],
        [Cell("4. Recovery and staying well", fill="D9D9D9", bold=True)],
        ["4", "Peer support after discharge.", "Spring 2016", "Recovery College", "Underway"],
    ]
    data = styled_docx([("table", rows)])
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section, a.section_raw) for a in plan.actions] == [
        ("1", None, "1. Equality and diversity duties"),
        ("2", 2, "2. Access to support before crisis point"),
        ("3", 1, "3. Commissioning to allow earlier intervention"),
        ("4", 5, "4. Recovery and staying well"),
    ]
    assert plan.to_json()["actions"][0]["section_title"] == "1. Equality and diversity duties"


def test_lettered_sections_map_by_title_not_letter(registry):
    data = csv_bytes(
        [
            PLAN,
            ["Section A – Urgent and emergency access to crisis care"],
            ["A1", "Street triage.", "Ongoing", "Essex Police", "Underway"],
            ["Section B – Access to support before crisis point"],
            ["B1", "Crisis café.", "June 2015", "Mind", "Complete"],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [("A1", 3), ("B1", 2)]


def test_a_ref_that_disagrees_with_its_section_row_is_flagged(registry):
    data = csv_bytes(
        [
            PLAN,
            ["1. Commissioning to allow earlier intervention and responsive crisis services"],
            ["1.1", "Map services.", "June 2015", "NHS England", "Complete"],
            ["2. Access to support before crisis point"],
            ["2.1", "Crisis line.", "May 2015", "Mind", "Underway"],
            ["3.4", "A ref from another section.", "May 2015", "Mind", "Underway"],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [("1.1", 1), ("2.1", 2), ("3.4", 2)]
    assert plan.actions[2].doubts == [
        "The ref 3.4 points to section 3, but the action sits under “2. Access to support "
        "before crisis point” (section 2). It was read as section 2; check it."
    ]
    assert plan.actions[0].doubts == plan.actions[1].doubts == []


def test_refs_running_1_2_3_across_sections_take_no_section_from_the_ref(registry):
    rows = [
        PLAN,
        [Cell("Access to support before crisis point", bold=True, fill="BDD7EE")],
        ["1", "Crisis line.", "May 2015", "Mind", "Underway"],
        ["2", "Crisis café.", "June 2015", "Mind", "Complete"],
        [Cell("Urgent and emergency access to crisis care", bold=True, fill="BDD7EE")],
        ["3", "Street triage.", "Ongoing", "Essex Police", "Underway"],
        [Cell("Quality of treatment and care when in crisis", bold=True, fill="BDD7EE")],
        ["5", "Audit s136 waits.", "Q3 2015/16", "CQC", "Not started"],
    ]
    data = styled_odt(["Hartwell crisis plan"], rows, header="Hartwell Concordat – draft")
    plan = read(data, "plan.odt", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [("1", 2), ("2", 2), ("3", 3), ("5", 4)]
    assert [(n.where, n.text) for n in plan.not_imported] == [
        ("Page header", "Hartwell Concordat – draft")
    ]
    assert all(a.doubts == [] for a in plan.actions)


def test_word_numbering_gives_the_section_numbers_not_in_the_text(registry):
    data = styled_docx(
        [
            (
                "numbered",
                [
                    "Our own priorities for the county",
                    "Access to support before crisis point",
                    "Urgent and emergency access to crisis care",
                ],
                "upperLetter",
                "Section %1:",
            ),
            ("table", [PLAN, ["1", "Agree the plan.", "June 2015", "Mind", "Complete"]]),
        ]
    )
    plan = read(data, "plan.docx", registry)
    assert plan.preamble.split("\n") == [
        "Section A: Our own priorities for the county",
        "Section B: Access to support before crisis point",
        "Section C: Urgent and emergency access to crisis care",
    ]
    assert (plan.actions[0].section, plan.actions[0].section_raw) == (
        3,
        "Section C: Urgent and emergency access to crisis care",
    )


# --- item 5: refs and rows ---------------------------------------------------------------------


def test_new_marks_roman_numerals_and_rows_without_refs(registry):
    data = csv_bytes(
        [
            ["Ref", "Action", "Timescale", "Lead", "Status"],
            ["1. Commissioning"],
            ["i", "Map services.", "June 2015", "NHS England", "Complete"],
            ["ii*", "Agree a plan.", "July 2015", "NHS England", "Complete"],
            ["NEW iii", "Pool budgets.", "2016/17", "NHS England", "Not started"],
            ["2. Access to support before crisis point"],
            ["i", "Crisis line.", "May 2015", "Mind", "Underway"],
            ["ii (new)", "Crisis café.", "May 2015", "Mind", "Underway"],
            ["", "Text service for young people.", "September 2015", "Kooth", "Not started"],
            ["iii", "Peer support for carers of", "Ongoing", "Carers", "On track"],
            ["", "people in crisis, with a helpline.", "", "Trust", ""],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert [(a.ref, a.ref_raw, a.new, a.section) for a in plan.actions] == [
        ("i", "i", False, 1),
        ("ii", "ii*", True, 1),
        ("iii", "NEW iii", True, 1),
        ("i", "i", False, 2),
        ("ii", "ii (new)", True, 2),
        ("", "", False, 2),
        ("iii", "iii", False, 2),
    ]
    assert plan.actions[5].text == "Text service for young people."
    assert (plan.actions[6].text, plan.actions[6].lead) == (
        "Peer support for carers of people in crisis, with a helpline.",
        "Carers Trust",
    )
    # Refs that restart in each section are not duplicates.
    assert not any("also used" in w.message for w in plan.warnings)


def test_refs_stored_as_numbers_in_excel_keep_3_10(registry):
    data = styled_xlsx(
        {
            "Plan": [
                ["Ref", "Action", "Due", "Lead", "Status"],
                [3.8, "Eighth.", "May 2015", "Mind", "Ongoing"],
                [3.9, "Ninth.", "May 2015", "Mind", "Ongoing"],
                [3.1, "Tenth.", "June 2015", "Mind", "Ongoing"],
                [3.11, "Eleventh.", "June 2015", "Mind", "Ongoing"],
            ]
        }
    )
    plan = read(data, "plan.xlsx", registry)
    assert [(a.ref, a.ref_raw) for a in plan.actions] == [
        ("3.8", "3.8"),
        ("3.9", "3.9"),
        ("3.10", "3.1"),
        ("3.11", "3.11"),
    ]
    assert plan.actions[2].doubts == [
        "The ref was stored as the number 3.1; it follows 3.9, so it was read as 3.10."
    ]


@pytest.mark.parametrize("kind", ["docx", "xlsx", "odt", "pdf"])
def test_struck_through_and_grey_actions_are_kept_and_marked_removed(kind, registry):
    struck = [Cell(text, strike=True) for text in ("1.2", "Struck.", "May 2015", "Mind", "")]
    rows = [
        PLAN,
        ["1.1", "Kept.", "June 2015", "Mind", "Underway"],
        struck,
        ["1.3", Cell("Greyed out.", grey=True), "May 2015", "Mind", ""],
    ]
    build = {
        "docx": lambda: styled_docx([("table", rows)]),
        "xlsx": lambda: styled_xlsx({"Plan": rows}),
        "odt": lambda: styled_odt([], rows),
        "pdf": lambda: styled_pdf(rows),
    }[kind]
    plan = read(build(), f"plan.{kind}", registry)
    assert [(a.ref, a.removed, a.canonical_status) for a in plan.actions] == [
        ("1.1", False, "in_progress"),
        ("1.2", True, "superseded"),
        ("1.3", True, "superseded"),
    ]
    assert plan.to_json()["actions"][1]["removed"] is True
    assert plan.actions[1].doubts == [
        "This action is struck through or greyed out in the document: it was read as removed "
        "from the plan."
    ]


def test_a_lead_merged_down_and_a_completed_annex_with_section_rows(registry):
    data = styled_docx(
        [
            (
                "table",
                [
                    PLAN,
                    ["1. Commissioning"],
                    ["1.1", "First.", "June 2015", "Shared lead team", "Underway"],
                    ["1.2", "Second.", "July 2015", "", "Underway"],
                    ["1.3", "Third.", "July 2015", "Mind", "Underway"],
                ],
                [((2, 3), (3, 3))],
            ),
            ("p", "Appendix A – completed actions"),
            (
                "table",
                [
                    PLAN,
                    ["3. Urgent and emergency access to crisis care"],
                    ["3.1", "Done thing.", "March 2015", "Police", ""],
                    ["5. Recovery and staying well"],
                    ["5.1", "Other done thing.", "2014/15", "Mind", "Complete"],
                ],
            ),
        ]
    )
    plan = read(data, "plan.docx", registry)
    assert [
        (a.ref, a.section, a.lead, a.from_appendix, a.canonical_status) for a in plan.actions
    ] == [
        ("1.1", 1, "Shared lead team", False, "in_progress"),
        ("1.2", 1, "Shared lead team", False, "in_progress"),
        ("1.3", 1, "Mind", False, "in_progress"),
        ("3.1", 3, "Police", True, "complete"),
        ("5.1", 5, "Mind", True, "complete"),
    ]
    assert_nothing_lost(plan, data, "plan.docx")


# --- item 7: files as people save them ---------------------------------------------------------


CSV_ROWS = [
    ["No.", "Action", "Timescale", "Lead", "Status"],
    ["1.1", "Café for people in crisis – £20,000 a year.", "By 31/03/2016", "Mind", "Ongoing"],
    ["1.2", "Review the s136 suite:\n• staffing\n• hours", "Winter 2014", "SEPT", "Delayed"],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_in_each_encoding_with_crlf_and_line_breaks_in_cells(encoding, registry):
    text = "\r\n".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in CSV_ROWS
    )
    data = text.replace("\n", "\r\n").replace("\r\r\n", "\r\n").encode(encoding)
    if encoding == "utf-8-sig":
        assert data.startswith(b"\xef\xbb\xbf")
    plan = read(data, "plan.csv", registry)
    assert [(a.ref, a.text, a.due) for a in plan.actions] == [
        ("1.1", "Café for people in crisis – £20,000 a year.", date(2016, 3, 31)),
        ("1.2", "Review the s136 suite:\n• staffing\n• hours", date(2015, 2, 28)),
    ]
    assert plan.actions[1].outcomes == []


def test_word_bullets_and_typed_bullets_read_the_same(registry):
    rows = [
        PLAN,
        [
            "1.1",
            Cell("Review the pathway:", lines=["for adults", "for young people"]),
            "Q3 2015/16",
            "Mind",
            "",
        ],
        ["1.2", "Review the pathway:\n• for adults\n• for young people", "Q3 2015/16", "Mind", ""],
    ]
    plan = read(styled_docx([("table", rows)]), "plan.docx", registry)
    assert plan.actions[0].text == "Review the pathway:\nfor adults\nfor young people"
    assert plan.actions[1].text == "Review the pathway:\n• for adults\n• for young people"


def test_a_pdf_table_over_pages_with_running_header_and_footer(registry):
    titles = [
        "Commissioning to allow earlier intervention",
        "Access to support before crisis point",
        "Urgent and emergency access to crisis care",
    ]
    rows = [["No.", "Action", "Timescale", "Lead", "Progress update"]]
    for s, title in enumerate(titles, start=1):
        rows.append([f"{s}. {title}"])
        for n in range(1, 7):
            note = "Progress so far has been good and steady. " * (6 if n % 2 else 1)
            action = f"Action {s}.{n}: " + "agree and deliver a crisis pathway with partners " * 3
            rows.append([f"{s}.{n}", action.strip(), "March 2016", "Mind", note.strip()])
    data = styled_pdf(
        rows, title="Hartwell Crisis Care Concordat Action Plan", running_header="Hartwell plan"
    )
    plan = read(data, "plan.pdf", registry)
    expected = [(r[0], int(r[0][0]), r[1], r[4]) for r in rows[1:] if len(r) == 5]

    assert [(a.ref, a.section, a.text, a.progress) for a in plan.actions] == expected
    assert plan.title == "Hartwell Crisis Care Concordat Action Plan"
    pages = sorted(n.text for n in plan.not_imported if n.where == "Page footer")
    assert pages[0] == "Page 1" and len(pages) >= 2
    assert ("Page header", "Hartwell plan") in [(n.where, n.text) for n in plan.not_imported]


def test_a_priority_rank_where_the_ref_goes_starts_an_action_and_is_kept(registry):
    data = csv_bytes(
        [
            PLAN,
            ["Priority 1", "Open a crisis café.", "June 2015", "Mind", "Complete"],
            ["Priority 3", "Publish a directory of support", "June 2015", "Council", "Underway"],
            ["Priority 2", "Train GPs.", "2016", "CCG", "Not started"],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert [(a.ref, a.ref_raw, a.text) for a in plan.actions] == [
        ("", "Priority 1", "Open a crisis café."),
        ("", "Priority 3", "Publish a directory of support"),
        ("", "Priority 2", "Train GPs."),
    ]
    assert plan.not_imported == []


def test_refs_numbered_by_word_and_a_lead_merged_down_in_a_workbook(registry):
    rows = [
        PLAN,
        [Cell("", numbered=True), "First.", "June 2015", "Mind", "Complete"],
        [Cell("", numbered=True), "Second.", "July 2015", "SEPT", "Complete"],
    ]
    plan = read(styled_docx([("table", rows)]), "plan.docx", registry)
    assert [(a.ref, a.ref_raw, a.text) for a in plan.actions] == [
        ("1", "1.", "First."),
        ("2", "2.", "Second."),
    ]
    sheet = [
        PLAN,
        ["1.1", "First.", "June 2015", "Shared team", "Complete"],
        ["1.2", "Second.", "June 2015", "", "Complete"],
        ["1.3", "Third.", "June 2015", "Mind", "Complete"],
    ]
    plan = read(styled_xlsx({"Plan": sheet}, merges={"Plan": ["D2:D3"]}), "plan.xlsx", registry)
    assert [a.lead for a in plan.actions] == ["Shared team", "Shared team", "Mind"]


def test_a_priority_column_a_note_row_and_other_new_marks(registry):
    data = csv_bytes(
        [
            ["Priority", "Action", "Timescale", "Led By", "Outcomes"],
            ["5", "Work with housing providers.", "2015/16", "Council", "Fewer evictions"],
            ["ACTION", "Agreed at the meeting –", "Housing officers joined the teams.", "", ""],
            ["Priority 3", "Train GP practice staff.", "2015/16", "CCG", "Earlier help"],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert plan.columns["Priority"] is None
    first, second = plan.actions
    assert (first.ref, first.timescale, first.extra) == (
        "",
        "2015/16",
        {
            "Priority": "5",
            "ACTION (row 3)": "Agreed at the meeting – Housing officers joined the teams.",
        },
    )
    assert (second.ref, second.text, second.extra) == (
        "",
        "Train GP practice staff.",
        {"Priority": "Priority 3"},
    )
    refs = csv_bytes([PLAN, ["†2.1", "Crisis line.", "May 2015", "Mind", "On track"]])
    action = read(refs, "plan.csv", registry).actions[0]
    assert (action.ref, action.ref_raw, action.new) == ("2.1", "†2.1", True)


def test_a_colour_key_without_dashes_and_statuses_written_in_an_update_column(registry):
    rows = [
        ["No", "Action", "Timescale", "Led by", "Update / comments", "RAG"],
        [
            "1.1",
            "Map services.",
            "June 2015",
            "Mind",
            "Group chaired by the DCC",
            Cell("", fill="00B050"),
        ],
        ["1.2", "Agree a plan.", "July 2015", "CCG", "On track – form tested", ""],
        ["1.3", "Pool budgets.", "2016/17", "CCG", "Review under way – options drafted", ""],
        ["1.4", "Train staff.", "2016/17", "CCG", "Not started", ""],
    ]
    data = styled_docx(
        [("p", "Version 23 Key : Red Outstanding, Amber Ongoing, Green Completed"), ("table", rows)]
    )
    plan = read(data, "plan.docx", registry)
    assert [(a.status, a.canonical_status, a.rag) for a in plan.actions] == [
        ("", "complete", "green"),
        ("On track", "in_progress", ""),
        ("", "", ""),
        ("Not started", "not_started", ""),
    ]


@pytest.mark.parametrize(
    "heading", ["Timescale 2015/16 unless otherwise specified", "By when (2015-16)"]
)
def test_an_empty_timescale_under_a_heading_that_gives_the_year(heading, registry):
    data = csv_bytes(
        [
            ["Ref", "Intervention", "Responsible", heading],
            ["i", "Street triage.", "Police", "Q2"],
            ["ii", "Crisis café.", "Mind", ""],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert [(a.timescale, a.due) for a in plan.actions] == [
        ("Q2", date(2015, 9, 30)),
        ("", date(2016, 3, 31)),
    ]
    assert [w.message for w in plan.warnings if w.row == 3] == [
        "No timescale is written; the column's heading gives 2015/16, so it is due 31 March 2016."
    ]


def test_an_empty_timescale_under_a_heading_without_a_year_stays_empty(registry):
    data = csv_bytes(
        [
            ["Ref", "Intervention", "Responsible", "Timescale"],
            ["1", "Street triage.", "Police", "Q2 2015/16"],
            ["2", "Crisis café.", "Mind", ""],
        ]
    )
    plan = read(data, "plan.csv", registry)
    assert [(a.timescale, a.due) for a in plan.actions] == [
        ("Q2 2015/16", date(2015, 9, 30)),
        ("", None),
    ]
    assert [w.message for w in plan.warnings if w.row == 3] == [
        "No timescale is given for this action."
    ]
