"""Build the import corpus: every document, its truth file and manifest.json.

    .venv/bin/python tests/imports/corpus/build.py

Deterministic: the same code writes byte-identical files. Each document copies the layout of a
real published 2014-16 local Crisis Care Concordat action plan (named in its `layout`); all the
words are new (content.py). The truth of each action (ref, section, status, RAG, due date, new,
removed) is typed by hand beside its row here and in content.py, never derived from the cells.
"""

import json
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import writers as w  # noqa: E402
from content import SECTION_TITLES, Row, row  # noqa: E402
from parts import (  # noqa: E402
    AMBER,
    FILLS,
    GREEN,
    GREY,
    RED,
    SHADE,
    SUB,
    Doc,
    cells,
    head,
    merged,
    placed,
    refresh_tables,
    section_rows,
    template_cells,
    template_values,
)
from plans_held import HELD_BUILDERS, HELD_LAYOUT_IDS  # noqa: E402
from plans_more import LAYOUT_IDS as MORE_LAYOUT_IDS  # noqa: E402
from plans_more import LONG, MORE_BUILDERS  # noqa: E402
from plans_third import THIRD_BUILDERS, THIRD_LAYOUT_IDS  # noqa: E402

# === 01 Lewisham-style Word plan =============================================================


def doc_lewisham():
    area = "Kingsmead"
    plan = {
        1: [
            SUB[1][0],
            row(area, 1, 0, "1.1", "December 2014", "2014-12-31", rag="green", cells={"RAG": "G"}),
            row(area, 1, 1, "1.2", "January 2015", "2015-01-31", rag="green", cells={"RAG": "G"}),
            SUB[1][1],
            row(area, 1, 6, "1.3", "March 2015", "2015-03-31", rag="amber", cells={"RAG": "A"}),
        ],
        2: [
            SUB[2][0],
            row(area, 2, 0, "2.1", "April 2015", "2015-04-30", rag="green", cells={"RAG": "G"}),
            row(area, 2, 4, "2.2", "From June 2015", None, rag="amber", cells={"RAG": "A"}),
        ],
        3: [
            SUB[3][0],
            row(area, 3, 0, "3.1", "Ongoing", None, rag="green", cells={"RAG": "G"}),
            row(area, 3, 1, "3.2", "By March 2016", "2016-03-31", rag="red", cells={"RAG": "R"}),
        ],
        4: [
            SUB[4][1],
            row(area, 4, 0, "4.1", "September 2015", "2015-09-30", rag="amber", cells={"RAG": "A"}),
            row(area, 4, 1, "4.2", "Q3 2015/16", "2015-12-31", cells={"RAG": ""}),
        ],
        5: [
            SUB[5][1],
            row(area, 5, 0, "5.1", "2015/16", "2016-03-31", rag="green", cells={"RAG": "G"}),
            row(area, 5, 1, "5.2", "Spring 2016", "2016-05-31", rag="amber", cells={"RAG": "A"}),
        ],
    }
    document = w.docx_document()
    w.docx_header_footer(document, footer="Kingsmead Crisis Care Concordat Action Plan 2014/15")
    w.docx_paragraph(
        document,
        "Template action plan to enable delivery of shared goals of the "
        "Mental Health Crisis Care Concordat",
        size=9,
    )
    w.docx_paragraph(document, "Kingsmead Council & Kingsmead CCG", bold=True)
    w.docx_paragraph(
        document, "Kingsmead Mental Health Crisis Care Concordat Action Plan", style="Title"
    )
    w.docx_paragraph(
        document,
        "This plan was written by the partners of the Kingsmead crisis "
        "care group during 2014/15. It sets out what each partner will do to improve "
        "help for people of all ages in a mental health crisis, and the group will "
        "review it every quarter.",
    )
    actions = []
    for section, items in plan.items():
        w.docx_paragraph(document, "#W " + SECTION_TITLES[section], style="Heading 2")
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes", "RAG")]
        rows += section_rows(
            items, section, lambda item: template_cells(item, item.cells["RAG"]), actions
        )
        w.docx_table(document, rows, widths=[1.4, 8, 2.6, 4, 6.5, 1.5])
        w.docx_paragraph(document, "")
    return Doc(
        "d01_kingsmead_sections.docx",
        "docx",
        "Lewisham 2014/15 plan: a table per Concordat section under Word auto-numbered "
        "section headings, sub-theme rows merged across, RAG as letters G/A/R",
        False,
        w.docx_bytes(document),
        actions,
    )


# === 02 Croydon-style Word plan ===============================================================


def doc_croydon():
    area = "Eastbrook"
    custom_1a = Row(
        "1:a",
        "Invite each partner to nominate a senior member and confirm attendance",
        "March 2015",
        "Joanne Pike, Eastbrook CCG",
        "2015-03-31",
        status="complete",
        outcome="All partners represented",
        cells={"RAG/Comments": "Complete"},
    )
    custom_1b = Row(
        "1:b",
        "Agree terms of reference, including clinical leadership of the group",
        "26th May 2015",
        "Joanne Pike, Eastbrook CCG",
        "2015-05-26",
        status="complete",
        outcome="Clear governance for the plan",
        cells={"RAG/Comments": "Complete"},
    )
    custom_3a = Row(
        "3:a",
        "Print wallet cards with the crisis number for pharmacies and libraries",
        "October 2015",
        "Eastbrook Partnership NHS FT",
        "2015-10-31",
        status="in_progress",
        outcome="The number reaches people who never see a GP",
        cells={"RAG/Comments": "Ongoing"},
    )
    plan = {
        1: [
            SUB[1][0],
            row(
                area,
                1,
                0,
                "1",
                "March 2015",
                "2015-03-31",
                status="complete",
                cells={"RAG/Comments": "Complete and ongoing"},
            ),
            custom_1a,
            custom_1b,
            row(
                area,
                1,
                1,
                "2",
                "From August 2015",
                None,
                rag="amber",
                cells={
                    "RAG/Comments": "Amber – approved by the CCG, councils to sign off in January"
                },
            ),
        ],
        2: [
            SUB[2][0],
            row(
                area,
                2,
                0,
                "3",
                "December 2015",
                "2015-12-31",
                rag="green",
                status="in_progress",
                cells={"RAG/Comments": "Green – on track"},
            ),
            custom_3a,
        ],
        3: [
            SUB[3][0],
            row(
                area,
                3,
                0,
                "4",
                "Ongoing",
                None,
                rag="red",
                cells={"RAG/Comments": "Red – no funding identified yet"},
            ),
            row(
                area,
                3,
                4,
                "5",
                "April 2016",
                "2016-04-30",
                status="not_started",
                cells={"RAG/Comments": "Not started"},
            ),
        ],
        4: [
            SUB[4][0],
            row(
                area,
                4,
                0,
                "6",
                "31/03/2016",
                "2016-03-31",
                rag="green",
                cells={"RAG/Comments": "Green"},
            ),
        ],
        5: [
            SUB[5][1],
            row(
                area,
                5,
                0,
                "7",
                "Ongoing",
                None,
                status="complete",
                cells={
                    "RAG/Comments": "Complete and ongoing – now part of the trust's "
                    "standard discharge process"
                },
            ),
            row(
                area,
                5,
                9,
                "8",
                "September 2015",
                "2015-09-30",
                status="complete",
                cells={"RAG/Comments": "Completed"},
            ),
        ],
    }
    document = w.docx_document()
    w.docx_paragraph(
        document,
        "Template action plan to enable delivery of shared goals of the "
        "Mental Health Crisis Care Concordat",
        size=9,
    )
    w.docx_paragraph(
        document,
        "Eastbrook Mental Health Crisis Concordat Action Plan 2015-2016",
        bold=True,
        size=14,
    )
    w.docx_paragraph(document, "Updated October 2015", bold=True)
    actions = []
    for section, items in plan.items():
        w.docx_paragraph(document, f"{section}. {SECTION_TITLES[section]}", bold=True)
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes", "RAG/Comments")]
        rows += section_rows(
            items, section, lambda item: template_cells(item, item.cells["RAG/Comments"]), actions
        )
        w.docx_table(document, rows, widths=[1.2, 7, 2.6, 3.5, 6, 5])
        w.docx_paragraph(document, "")
    return Doc(
        "d02_eastbrook_rag_comments.docx",
        "docx",
        "Croydon 2015-16 plan (updated October 2015): a table per section, refs 1, 1:a, "
        "1:b running across sections, a RAG/Comments column holding words",
        False,
        w.docx_bytes(document),
        actions,
    )


# === 03 Camden and Islington-style refreshed plan with stars and a completed annex ==========


def doc_camden():
    area = "Northgate"
    lettered = Row(
        "1.1.",
        "Partners' strategic plans should include the aim of meeting Concordat standards for "
        "crisis care, in particular:\na) the joint strategic needs assessment\nb) the mental "
        "health trust's clinical strategy\nc) CCG and council commissioning intentions",
        "As strategies are reviewed but no later than March 2016",
        "Northgate CCG and Northgate Council",
        "2016-03-31",
        tref="1.1",
        outcome="Crisis care written into every partner's plans",
        progress="JSNA chapter drafted; trust strategy consultation in November",
    )
    titles = {
        1: "1. Commissioning, strategy and infrastructure to support responsive high quality "
        "crisis services",
        2: "2. Getting help early: access to support before crisis point",
        3: "3. Urgent and emergency access to crisis care",
        4: "4. Quality of treatment and care in crisis",
        5: "5. Recovery, staying well and preventing future crises",
    }
    plan = {
        1: [
            lettered,
            row(area, 1, 3, "*1.2", "Quarterly", None, new=True, tref="1.2"),
            row(area, 1, 9, "1.3", "Ongoing", None),
        ],
        2: [
            row(area, 2, 0, "2.1.", "Oct-15", "2015-10-31", tref="2.1"),
            row(area, 2, 9, "2.2*", "December '15", "2015-12-31", new=True, tref="2.2"),
        ],
        3: [
            row(area, 3, 0, "3.1", "Ongoing", None),
            row(area, 3, 8, "3.3", "From January 2016", None),
        ],
        4: [
            row(area, 4, 2, "4.1", "March 2016", "2016-03-31"),
            row(area, 4, 6, "4.2 *", "2016/17", "2017-03-31", new=True, tref="4.2"),
        ],
        5: [row(area, 5, 1, "5.1", "Summer 2016", "2016-08-31")],
    }
    annex = {
        3: [
            row(
                area,
                3,
                1,
                "3.2",
                "April 2015",
                "2015-04-30",
                status="complete",
                progress="Completed April 2015: no under-18s held in cells since",
            )
        ],
        5: [
            row(
                area,
                5,
                0,
                "5.2",
                "June 2015",
                "2015-06-30",
                status="complete",
                progress="Completed June 2015 and now routine",
            )
        ],
    }
    document = w.docx_document()
    w.docx_paragraph(document, "Northgate and Riverside Crisis Care Concordat", bold=True, size=14)
    w.docx_paragraph(document, "Local Action Plan", bold=True)
    w.docx_paragraph(
        document,
        "Northgate and Riverside Crisis Care Concordat action plan refreshed October 2015",
        bold=True,
    )
    w.docx_paragraph(
        document,
        "Our first plan was agreed with partners in the autumn of 2014. "
        "We refreshed it in October 2015 with people who use services and carers, "
        "and added new areas of work.",
    )
    w.docx_paragraph(
        document, "Newly added actions are indicated with a * next to the action number."
    )
    w.docx_paragraph(
        document,
        "Please note that actions which are fully completed move to "
        "'Appendix A' completed actions.",
    )
    header = ("No.", "Action", "Due by", "Led By", "Outputs", "Update")
    actions = []
    tables, appendix = refresh_tables(plan, annex, titles, header, actions)
    for section, rows in tables.items():
        w.docx_paragraph(document, titles[section], bold=True)
        w.docx_table(document, rows, widths=[1.2, 8, 3, 3.5, 5, 5])
        w.docx_paragraph(document, "")
    w.docx_paragraph(document, "Appendix A – completed actions", style="Heading 1")
    w.docx_table(document, appendix, widths=[1.2, 8, 3, 3.5, 5, 5])
    return Doc(
        "d03_northgate_refresh_annex.docx",
        "docx",
        "Camden and Islington plan refreshed October 2015: the plan's own section "
        "titles, * marks new actions before or after the ref, lettered lists inside "
        "cells, completed actions moved to an Appendix A with its own section rows",
        False,
        w.docx_bytes(document),
        actions,
    )


# === 04 Doncaster-style progress update as PDF ================================================


def doc_doncaster():
    area = "Ashford Vale"
    more = (
        " Next steps agreed at the partnership group; figures will be added to the "
        "quarterly dashboard and reported to the Health and Wellbeing Board."
    )

    def r(section, index, ref, timescale, due, rag, word, status="", more=more):
        item = row(
            area, section, index, ref, timescale, due, rag=rag, status=status, tref=ref.rstrip(".")
        )
        item.progress = item.progress + "." + more
        item.cells = {"RAG": word}
        return item

    plan = {
        1: [
            SUB[1][0],
            r(1, 1, "1.", "2014", "2014-12-31", "green", "GREEN"),
            r(1, 4, "2.", "2014/15", "2015-03-31", "green", "GREEN"),
            SUB[1][1],
            r(1, 6, "3.", "Q3 2015/16", "2015-12-31", "amber", "AMBER"),
        ],
        2: [
            SUB[2][0],
            r(2, 1, "4.", "March 2016", "2016-03-31", "amber", "AMBER"),
            r(2, 5, "5.", "2015/16", "2016-03-31", "green", "GREEN", more=LONG),
        ],
        3: [
            SUB[3][0],
            r(3, 2, "6.", "Ongoing", None, "amber", "AMBER"),
            r(3, 3, "7.", "April 2016", "2016-04-30", "red", "RED"),
            r(3, 1, "8.", "2014/15", "2015-03-31", "blue", "BLUE – complete", "complete"),
        ],
        4: [
            SUB[4][0],
            r(4, 0, "9.", "Ongoing", None, "green", "GREEN"),
            r(4, 7, "10.", "From October 2015", None, "amber", "AMBER"),
        ],
        5: [
            SUB[5][1],
            r(5, 0, "11.", "2015/16", "2016-03-31", "green", "GREEN"),
            r(5, 5, "12.", "January 2016", "2016-01-31", "amber", "AMBER"),
        ],
    }
    rows = [
        head(
            "No.",
            "Action",
            "Timescale",
            "Led By",
            "Outcomes",
            "Summary progress against actions (include outcome measures where relevant)",
            "Red/Amber/\nGreen (RAG)",
        )
    ]
    actions = []
    for section, items in plan.items():
        rows.append(merged(f"{section}. {SECTION_TITLES[section]}", shade=SHADE))
        rows += section_rows(
            items,
            section,
            lambda item: template_cells(item, item.progress, item.cells["RAG"]),
            actions,
            sub=lambda title: merged(title, bold=False),
        )
    story = [
        w.pdf_paragraph("Ashford Vale Health & Wellbeing Board", bold=True, size=11),
        w.pdf_paragraph(
            "Action plan to enable delivery of shared goals of The Mental Health "
            "Crisis Care Concordat"
        ),
        w.pdf_paragraph(
            "Ashford Vale Crisis Care Concordat Action Plan – Progress Update 31 October 2015",
            bold=True,
        ),
        w.pdf_table(rows, [32, 136, 66, 80, 120, 226, 70], font_size=10),
    ]
    data = w.pdf_bytes(
        story,
        header="Ashford Vale Crisis Care Concordat – Progress Update October 2015",
        footer="Page {page}",
    )
    return Doc(
        "d04_ashford_vale_progress.pdf",
        "pdf",
        "Doncaster progress update of 31 October 2015: one table for the whole plan "
        "spanning pages (heading row repeated, rows split across page breaks), shaded "
        "section rows, refs 1., 2., 3. running across sections, 'Summary progress "
        "against actions' and 'Red/Amber/Green (RAG)' columns with RAG words",
        False,
        data,
        actions,
    )


# === 05 Wiltshire-style plan saved as CSV (UTF-8, CRLF, line breaks in cells) ================


def doc_wiltshire():
    area = "Thornbury"
    first = Row(
        "1.",
        "Use the Concordat group's gap analysis of crisis care to write and keep this "
        "action plan up to date",
        "This is an ongoing continuous improvement process. Action plans are updated as "
        "required and at least quarterly.",
        "Chair of Thornbury Crisis Concordat action group",
        None,
        tref="1",
        outcome="This plan adds to work already under way.\nA performance dashboard will "
        "show the improvements.",
    )
    plan = {
        1: [
            SUB[1][0],
            first,
            SUB[1][1],
            row(
                area,
                1,
                6,
                "2.",
                "Operational by June 2015.",
                "2015-06-30",
                tref="2",
                outcome="1. To keep crisis beds local\n2. To stop placements out of county",
            ),
        ],
        2: [
            SUB[2][0],
            row(area, 2, 2, "3.", "By end of March 2016", "2016-03-31", tref="3"),
            row(area, 2, 8, "4.", "Ongoing", None, tref="4"),
        ],
        3: [
            SUB[3][0],
            row(area, 3, 0, "5.", "From April 2015 – 12 month pilot", None, tref="5"),
            row(area, 3, 6, "6.", "September 2015", "2015-09-30", tref="6"),
        ],
        4: [
            SUB[4][1],
            row(area, 4, 1, "7.", "Autumn 2015", "2015-11-30", tref="7"),
            row(area, 4, 5, "8.", "December 2015", "2015-12-31", tref="8"),
        ],
        5: [
            SUB[5][0],
            row(area, 5, 3, "9.", "2015-16", "2016-03-31", tref="9"),
            row(area, 5, 7, "10.", "Winter 2015", "2016-02-29", tref="10"),
        ],
    }
    out = [["Action plan for the Thornbury Mental Health Crisis Care Concordat"], []]
    actions = []
    for section, items in plan.items():
        out.append([f"{section}. {SECTION_TITLES[section]}"])
        out.append(["No.", "Action", "Timescale", "Led By", "Outcomes"])
        out += section_rows(items, section, template_values, actions, sub=lambda title: [title])
    out.append([])
    out.append(["Plan agreed by the Thornbury Crisis Concordat group, 12 March 2015"])
    return Doc(
        "d05_thornbury_dots.csv",
        "csv",
        "Wiltshire plan: section row and heading row repeated before each section, "
        "refs '1.', '2.' running across sections, numbered lists inside cells, prose "
        "timescales; saved as CSV in UTF-8 with CRLF line ends",
        False,
        w.csv_bytes(out, encoding="utf-8"),
        actions,
    )


# === 06 South Gloucestershire v2.4-style workbook, lettered themes, plan on the third sheet ==


def doc_south_glos():
    area = "Southmead Vale"
    key_status = {"green": "complete", "amber": "in_progress", "red": "not_started"}

    def r(section, index, ref, when, due, rag, fmt=None):
        item = row(
            area,
            section,
            index,
            ref,
            when if isinstance(when, str) else "",
            due,
            rag=rag,
            status=key_status.get(rag, ""),
        )
        item.cells = {"value": when, "fmt": fmt}
        if fmt == "mmm-yy":
            item.timescale = when.strftime("%b-%y")
        elif fmt == "dd/mm/yyyy":
            item.timescale = when.strftime("%d/%m/%Y")
        return item

    themes = [
        (
            "Theme: Access to support before crisis",
            2,
            "A1. Early Intervention – protecting people whose circumstances make them vulnerable",
            [
                r(2, 0, "A1.1.1", date(2015, 9, 30), "2015-09-30", "green", "mmm-yy"),
                r(2, 3, "A1.1.2", "Ongoing", None, "amber"),
                r(2, 1, "A1.2.1", date(2016, 3, 31), "2016-03-31", "red", "dd/mm/yyyy"),
            ],
        ),
        (
            "Theme: Urgent and emergency access to crisis care",
            3,
            "B1. Improved response when people are detained under section 136",
            [
                r(3, 1, "B1.1.1", "2015/16", "2016-03-31", "green"),
                r(3, 5, "B1.1.2", "Q4 2015/16", "2016-03-31", "amber"),
            ],
        ),
        (
            "Theme: Quality of treatment and care when in crisis",
            4,
            "C1. Review police use of places of safety",
            [r(4, 0, "C1.1.1", "Mar-16", "2016-03-31", "green")],
        ),
        (
            "Theme: Recovery and staying well",
            5,
            "D1. Preventing future crises",
            [r(5, 2, "D1.1.1", date(2016, 1, 31), "2016-01-31", "amber", "mmm-yy")],
        ),
        (
            "Theme: Commissioning and partnership working",
            1,
            "E1. Joint commissioning",
            [
                r(1, 5, "E1.1.1", "Ongoing", None, "green"),
                r(1, 2, "E1.1.2", "June 2016", "2016-06-30", ""),
            ],
        ),
    ]
    workbook = w.xlsx_workbook()
    intro = workbook.active
    intro.title = "Introduction"
    lines = [
        "Southmead Vale Mental Health Crisis Care Concordat – Action Plan v2.4",
        "",
        "The Concordat is a national agreement between the services that help people in a "
        "mental health crisis.",
        "• Access to support before crisis point – help is there at any hour and people are "
        "taken seriously.",
        "• Urgent and emergency access to crisis care – a mental health crisis is as urgent "
        "as a physical one.",
        "• Quality of treatment and care when in crisis – dignity, respect and a safe place.",
        "• Recovery and staying well – support after a crisis so that it does not happen again.",
        "This plan will change over time. Please send comments to the crisis concordat lead "
        "at Southmead Vale CCG.",
    ]
    for number, text in enumerate(lines, start=1):
        if text:
            w.xlsx_put(intro, number, 1, text, bold=number == 1, wrap=False)
    key = workbook.create_sheet("Key")
    w.xlsx_put(key, 1, 1, "RAG rating", bold=True)
    for number, (word, meaning, fill) in enumerate(
        [
            ("GREEN", "achieved", GREEN),
            ("AMBER", "in progress/ongoing", AMBER),
            ("RED", "no progress", RED),
        ],
        start=2,
    ):
        w.xlsx_put(key, number, 1, word, fill=fill)
        w.xlsx_put(key, number, 2, meaning)
    sheet = workbook.create_sheet("Action plan")
    for column, width in zip("ABCDEF", (10, 50, 40, 28, 14, 8), strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(
        sheet,
        1,
        1,
        "Southmead Vale Mental Health Crisis Care Concordat – Action Plan v2.4",
        bold=True,
        wrap=False,
    )
    sheet.merge_cells("A1:F1")
    w.xlsx_put(
        sheet,
        2,
        1,
        "RAG rating GREEN = achieved  AMBER = in progress/ongoing  RED = no progress",
        wrap=False,
    )
    sheet.merge_cells("A2:F2")
    line = 4
    actions = []
    for theme, section, sub, items in themes:
        w.xlsx_put(sheet, line, 1, theme, bold=True, fill=SHADE)
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=6)
        w.xlsx_put(sheet, line + 1, 1, sub, bold=True)
        sheet.merge_cells(start_row=line + 1, start_column=1, end_row=line + 1, end_column=6)
        for column, text in enumerate(
            ("Ref", "Focus", "Outcomes", "Lead By", "Timescales", "RAG"), start=1
        ):
            w.xlsx_put(sheet, line + 2, column, text, bold=True)
        line += 3
        for item in placed(items, section):
            w.xlsx_put(sheet, line, 1, item.ref)
            w.xlsx_put(sheet, line, 2, item.action)
            w.xlsx_put(sheet, line, 3, item.outcome)
            w.xlsx_put(sheet, line, 4, item.lead)
            w.xlsx_put(sheet, line, 5, item.cells["value"], fmt=item.cells["fmt"])
            if item.rag:
                w.xlsx_put(sheet, line, 6, None, fill=FILLS[item.rag])
            actions.append(item)
            line += 1
        line += 1
    return Doc(
        "d06_southmead_lettered.xlsx",
        "xlsx",
        "South Gloucestershire v2.4 plan: lettered themes (Access first, Commissioning "
        "last), sub-theme rows, refs A1.1.1, Focus column for the action, RAG key row "
        "and RAG as fill colour only; in a workbook whose plan is on the third sheet "
        "after Introduction and Key sheets, with real date cells",
        False,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 07 Northamptonshire-style Word plan, greyed removed actions, colour-fill RAG ============


def doc_northants():
    area = "Northfield"
    key_status = {"green": "complete", "amber": "in_progress", "red": "not_started"}

    def r(section, index, ref, when, due, rag, removed=False):
        status = "superseded" if removed else key_status.get(rag, "")
        return row(area, section, index, ref, when, due, rag=rag, status=status, removed=removed)

    plan = {
        1: [
            SUB[1][0],
            r(1, 2, "1.1", "May 2015", "2015-05-31", "green"),
            r(1, 7, "1.2", "March 2016", "2016-03-31", "amber"),
            r(1, 4, "1.3", "April 2015", "2015-04-30", "", removed=True),
        ],
        2: [
            SUB[2][0],
            r(2, 6, "2.1", "Q2 2015/16", "2015-09-30", "amber"),
            r(2, 7, "2.2", "2016/17", "2017-03-31", "red"),
        ],
        3: [
            SUB[3][0],
            r(3, 2, "3.1", "Ongoing", None, "amber"),
            r(3, 9, "3.2", "Monthly", None, "green"),
            r(3, 7, "3.3", "October 2015", "2015-10-31", "", removed=True),
        ],
        4: [SUB[4][1], r(4, 4, "4.1", "December 2015", "2015-12-31", "amber")],
        5: [
            SUB[5][1],
            r(5, 4, "5.1", "2015/16", "2016-03-31", "green"),
            r(5, 8, "5.2", "June 2016", "2016-06-30", "red"),
        ],
    }
    document = w.docx_document()
    w.docx_paragraph(document, "Northfield action plan", bold=True, size=14)
    w.docx_paragraph(
        document,
        "to enable delivery of shared goals of the Mental Health Crisis Care Concordat",
        bold=True,
    )
    w.docx_paragraph(
        document,
        "Updated October 2015: Red – Not yet started, Amber – Ongoing, "
        "Green – Completed / Grey shading indicates actions removed or absorbed into "
        "a different action.",
    )
    w.docx_paragraph(
        document,
        "This plan sets local improvements against the national themes. It aims to improve:",
    )
    for text in (
        "the focus on the person in crisis and their carer when a crisis is defined and resolved",
        "clarity about who people can call at any hour of the day or night",
        "planning after a crisis, so that the next one is less likely or less severe",
    ):
        w.docx_paragraph(document, "•W " + text)
    actions = []
    for section, items in plan.items():
        w.docx_paragraph(document, "#W " + SECTION_TITLES[section], bold=True)
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes", "Rag Rating")]
        rows += section_rows(
            items,
            section,
            lambda item: (
                template_cells(item, "", shade=GREY)
                if item.removed
                else template_cells(item, "", fills={5: FILLS.get(item.rag)})
            ),
            actions,
        )
        w.docx_table(document, rows, widths=[1.2, 8, 2.6, 4, 6.5, 1.8])
        w.docx_paragraph(document, "")
    return Doc(
        "d07_northfield_grey_removed.docx",
        "docx",
        "Northamptonshire plan updated October 2015: colour key above the plan (Red not "
        "started, Amber ongoing, Green completed, grey removed), Word bullets in the "
        "preamble, auto-numbered section headings, 'Rag Rating' as cell colour only, "
        "removed actions shaded grey",
        False,
        w.docx_bytes(document),
        actions,
    )


# === 08 County Durham and Darlington-style refreshed plan in OpenDocument ===================


def doc_durham():
    area = "Wearfield"
    shared_lead = "Wearfield Constabulary and Wearfield and Darlby NHS FT"
    plan = {
        1: [
            row(
                area,
                1,
                0,
                "1.1",
                "Sept 15",
                "2015-09-30",
                rag="green",
                lead="Wearfield North CCG",
                cells={"RAG": "Green"},
            ),
            row(area, 1, 3, "1.2", "end Q2", "2015-09-30", rag="amber", cells={"RAG": "Amber"}),
        ],
        2: [
            row(area, 2, 2, "2.1", "Q3", "2015-12-31", rag="green", cells={"RAG": "Green"}),
            row(area, 2, 4, "2.2", "Jan", "2016-01-31", rag="red", cells={"RAG": "Red"}),
        ],
        3: [
            row(
                area,
                3,
                0,
                "3.1",
                "Apr-15",
                "2015-04-30",
                status="complete",
                lead=shared_lead,
                cells={"RAG": "Complete"},
            ),
            row(
                area,
                3,
                8,
                "3.2",
                "Q4",
                "2016-03-31",
                rag="amber",
                lead=shared_lead,
                cells={"RAG": "Amber", "merged_lead": True},
            ),
        ],
        4: [row(area, 4, 8, "4.1", "Nov 15", "2015-11-30", rag="green", cells={"RAG": "Green"})],
        5: [
            row(area, 5, 6, "5.1", "end Q1", "2015-06-30", rag="green", cells={"RAG": "Green"}),
            row(area, 5, 9, "5.2", "Sept 15", "2015-09-30", rag="amber", cells={"RAG": "Amber"}),
        ],
    }
    odt = w.OdtWriter(footer="County Wearfield and Darlby Crisis Care Concordat – refreshed plan")
    odt.paragraph("REFRESHED – REFRESHED – REFRESHED", bold=True)
    odt.heading(
        "County Wearfield and Darlby Mental Health Crisis Care Concordat Local Action Plan 2015/16"
    )
    odt.paragraph("Members of the Concordat:", bold=True)
    members = [
        (
            "Wearfield North Clinical Commissioning Group (CCG)",
            "North Eastern Ambulance Service NHS Foundation Trust",
        ),
        ("Darlby CCG", "Wearfield Constabulary"),
        ("Wearfield County Council", "British Transport Police"),
        ("Darlby Borough Council / Darlby Health & Wellbeing Board", "Mind in Wearfield"),
        (
            "Wearfield Mental Health Partnership Board\nSub groups:\n•W Mental Health Provider "
            "Forum\n•W Dual Diagnosis Implementation Group\n•W Children and Young People's "
            "Emotional Wellbeing Group",
            "Healthwatch Wearfield",
        ),
        ("Wearfield and Darlby NHS Foundation Trust", "Darlby Samaritans"),
    ]
    odt.table([cells(a, b) for a, b in members], name="Members")
    odt.heading("1. Overview & Background", level=2)
    odt.paragraph(
        "The national Concordat was launched in 2014. Its partners agreed to join up "
        "their response to people in a mental health crisis in Wearfield and Darlby."
    )
    odt.paragraph(
        "This refreshed plan for 2015/16 keeps the actions still open from the first "
        "plan and adds new work agreed at the stakeholder event in June 2015."
    )
    odt.heading("2. Action Plan", level=2)
    rows = [head("Ref", "Action", "Lead", "Timescale", "Progress Update", "RAG")]
    actions = []
    for section, items in plan.items():
        rows.append(merged(SECTION_TITLES[section], shade=SHADE))
        for item in placed(items, section):
            lead = w.MERGE_UP if item.cells.get("merged_lead") else item.lead
            rows.append(
                cells(item.ref, item.action, lead, item.timescale, item.progress, item.cells["RAG"])
            )
            actions.append(item)
    odt.table(rows, name="Plan")
    return Doc(
        "d08_wearfield_members.odt",
        "odt",
        "County Durham and Darlington refreshed plan: REFRESHED banner, a members table "
        "(organisations in two columns, a bulleted list in one cell) and overview text "
        "before the plan, one table with shaded section rows, Lead before Timescale, "
        "RAG words, short dates ('Sept 15', 'end Q2', 'Q3', 'Jan') with the financial "
        "year only in the title, a lead cell merged down over two actions",
        False,
        odt.bytes(),
        actions,
    )


LAYOUT_IDS = {
    "d01_kingsmead_sections.docx": "lewisham-2014",
    "d02_eastbrook_rag_comments.docx": "croydon-2015",
    "d03_northgate_refresh_annex.docx": "camden-islington-2015",
    "d04_ashford_vale_progress.pdf": "doncaster-2015",
    "d05_thornbury_dots.csv": "wiltshire-2015",
    "d06_southmead_lettered.xlsx": "south-gloucestershire-v2.4",
    "d07_northfield_grey_removed.docx": "northamptonshire-2015",
    "d08_wearfield_members.odt": "durham-darlington-refreshed",
    **MORE_LAYOUT_IDS,
    **HELD_LAYOUT_IDS,
    **THIRD_LAYOUT_IDS,
}

BUILDERS = [
    doc_lewisham,
    doc_croydon,
    doc_camden,
    doc_doncaster,
    doc_wiltshire,
    doc_south_glos,
    doc_northants,
    doc_durham,
    *MORE_BUILDERS,
    *HELD_BUILDERS,
    *THIRD_BUILDERS,
]


def main():
    documents = []
    for builder in BUILDERS:
        doc = builder()
        (HERE / doc.file).write_bytes(doc.data)
        stem = Path(doc.file).stem
        truth = {
            "format": doc.format,
            "layout": doc.layout,
            "held_back": doc.held_back,
            "actions": [action.truth() for action in doc.actions],
        }
        (HERE / f"{stem}.truth.json").write_text(
            json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        documents.append(
            {
                "file": doc.file,
                "format": doc.format,
                "layout": doc.layout,
                "held_back": doc.held_back,
                "layout_id": LAYOUT_IDS[doc.file],
                "actions": len(doc.actions),
            }
        )
    manifest = {"documents": documents}
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(documents)} documents, {sum(d['actions'] for d in documents)} actions")


if __name__ == "__main__":
    main()
