"""Corpus documents 09-25 (build.py writes them with 01-08). Same conventions: each copies the
layout of a real published plan; the words and the truth values are typed here by hand."""

from datetime import date

import writers as w
from content import SECTION_TITLES, Row, row
from parts import (
    AMBER,
    BLUE,
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

LONG = (
    " The group heard from three people who had used the service and from two carers; "
    "their comments are in the minutes. Waiting times, the number of people seen out of "
    "hours and the outcome of each contact are now collected every month. A short report "
    "will go to the urgent care board, and the chair will write to any partner whose "
    "figures are missing. The next review will look at people under 18 separately."
)
CAPS = {number: title.upper() for number, title in SECTION_TITLES.items()}


# === 09 Gloucestershire-style continuous plan: contents, local section first, revised dates ==


def doc_gloucestershire():
    area = "Glenshire"
    key = {"green": "complete", "amber": "in_progress", "red": ""}  # Red "Outstanding"

    def r(section, index, ref, when, due, rag, person, **kwargs):
        item = row(area, section, index, ref, when, due, rag=rag, status=key[rag], **kwargs)
        item.lead = f"{person}\n{item.lead}"
        item.outcome = "\n".join("•W " + part for part in (item.outcome, item.progress))
        return item

    local = [
        r(0, 0, "1.1", "By May 2016", "2016-05-31", "amber", "Zara Patel"),
        r(0, 1, "1.2", "July 2016", "2016-07-31", "red", "Jenny Marsh"),
    ]
    plan = [
        (
            "2. COMMISSIONING TO ALLOW EARLIER INTERVENTION AND RESPONSIVE CRISIS SERVICES",
            1,
            [
                SUB[1][0],
                r(
                    1,
                    3,
                    "2.1",
                    "April 2015\nRevised date:\nApril 2017",
                    "2017-04-30",
                    "amber",
                    "Karl Groves",
                ),
                r(1, 7, "2.2", "March 2016", "2016-03-31", "green", "Lesley Tran"),
            ],
        ),
        (
            "3. ACCESS TO SUPPORT BEFORE CRISIS POINT",
            2,
            [
                r(2, 1, "3.1", "December 2015", "2015-12-31", "green", "Owen Price"),
                r(2, 6, "3.2", "2016/17", "2017-03-31", "red", "Priya Shah"),
            ],
        ),
        (
            "4. URGENT AND EMERGENCY CARE ACCESS TO CARE",
            3,
            [
                SUB[3][0],
                r(3, 6, "4.1", "Ongoing", None, "green", "Insp. Dave Cole"),
                r(
                    3,
                    4,
                    "4.2",
                    "September 2015 Revised date: Dec 2015",
                    "2015-12-31",
                    "amber",
                    "Dr Amy Lowe",
                ),
            ],
        ),
        (
            "5. QUALITY OF TREATMENT AND CARE WHEN IN CRISIS",
            4,
            [r(4, 3, "5.1", "By end of June 2016", "2016-06-30", "amber", "Rachel Hine")],
        ),
        (
            "6. RECOVERY AND STAYING WELL/PREVENTING FUTURE CRISES",
            5,
            [
                r(5, 2, "6.1", "2015/16", "2016-03-31", "green", "Tom Ashby"),
                r(5, 8, "6.2", "From September 2015", None, "amber", "Sgt Lee Ford"),
            ],
        ),
    ]
    completed = [
        (
            "2. COMMISSIONING TO ALLOW EARLIER INTERVENTION AND RESPONSIVE CRISIS SERVICES",
            1,
            [r(1, 0, "2.3", "October 2014", "2014-10-31", "green", "Karl Groves")],
        ),
        (
            "4. URGENT AND EMERGENCY CARE ACCESS TO CARE",
            3,
            [r(3, 1, "4.3", "April 2015", "2015-04-30", "green", "Insp. Dave Cole")],
        ),
    ]
    document = w.docx_document()
    w.docx_header_footer(
        document, footer="Glenshire Crisis Care Concordat action plan – version 23"
    )
    w.docx_paragraph(
        document, "Version 23 (June 2016) Key : Red Outstanding, Amber Ongoing, Green Completed"
    )
    w.docx_paragraph(
        document,
        "2014 CONTINUOUS ACTION PLAN TO ENABLE DELIVERY OF SHARED GOALS OF "
        "THE MENTAL HEALTH CRISIS CARE CONCORDAT WITHIN GLENSHIRE",
        bold=True,
        size=14,
    )
    w.docx_paragraph(document, "Table of Contents", bold=True)
    contents = [
        ("1", "EQUALITY ACT 2010 DUE REGARD ACTIONS", "3"),
        ("2", CAPS[1], "3 – 9"),
        ("3", CAPS[2], "10"),
        ("4", "URGENT AND EMERGENCY CARE ACCESS TO CARE", "11 – 14"),
        ("5", CAPS[4], "14 – 15"),
        ("6", "RECOVERY AND STAYING WELL/PREVENTING FUTURE CRISES", "15 – 16"),
        ("", "COMPLETED ACTIONS", "17 – 34"),
    ]
    w.docx_table(
        document,
        [head("Section", "Item", "Page Number")] + [cells(*entry) for entry in contents],
        widths=[2, 18, 3],
    )
    w.docx_paragraph(document, "")
    rows = [head("NO", "ACTION", "TIMESCALE", "LED BY", "OUTCOMES", "RAG")]
    actions = []

    def add(item):
        fill = FILLS.get(item.rag)
        rows.append(
            cells(
                item.ref, item.action, item.timescale, item.lead, item.outcome, "", fills={5: fill}
            )
        )
        actions.append(item)

    rows.append(
        merged(
            "EQUALITY ACT 2010 DUE REGARD ACTIONS (see attached Due Regard Statement, July 2014)",
            shade=SHADE,
        )
    )
    for item in placed(local, None):
        add(item)
    for title, section, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in placed(items, section):
            if isinstance(item, str):
                rows.append(merged(item, bold=False))
            else:
                add(item)
    rows.append(merged("COMPLETED ACTIONS", shade="A6A6A6"))
    for title, section, items in completed:
        rows.append(merged(title, shade=SHADE))
        for item in placed(items, section):
            item.status = "complete"
            add(item)
    w.docx_table(document, rows, widths=[1.2, 8, 3, 3.6, 7, 1.4])
    return Doc(
        "d09_glenshire_continuous.docx",
        "docx",
        "Gloucestershire continuous plan version 23: version and colour key line, a "
        "table of contents, one table in capitals with a local Equality Act section "
        "first and the Concordat sections numbered 2 to 6, person and organisation in "
        "the lead cell, Word bullets in outcomes, 'Revised date:' inside timescales, RAG "
        "as fill only, a completed actions part at the end with its own section rows",
        True,
        w.docx_bytes(document),
        actions,
    )


# === 10 Sunderland-style working document: priorities, ACTION rows, sections reordered ======


def doc_sunderland():
    area = "Wearmouth"

    def r(section, index, priority, when, due, update, **kwargs):
        item = row(area, section, index, "", when, due, **kwargs)
        item.cells = {"Priority": priority, "update": update}
        first, second = item.outcome, item.progress
        item.outcome = f"1. {first}\n2. {second}"
        return item

    plan = [
        (
            "1. Access to Support Before Crisis Point",
            2,
            "“I will know who to contact at any time, 24 hours per day, seven days per week”",
            [
                r(
                    2,
                    8,
                    "5",
                    "2015/16",
                    "2016-03-31",
                    "Above set to priority 5 – The locality teams "
                    "now include housing officers; two of three are co-located.",
                ),
                r(
                    2,
                    2,
                    "Priority 3",
                    "2015/16",
                    "2016-03-31",
                    "Above set to priority 3 – Training "
                    "template in place and the first event held; all providers are welcome.",
                ),
                r(2, 5, "1", "31/03/2016", "2016-03-31", ""),
            ],
        ),
        (
            "2. Urgent and Emergency Access to Crisis Care",
            3,
            "“If I need emergency help, it is treated as urgently as a physical emergency”",
            [
                r(
                    3,
                    0,
                    "2",
                    "Q4 2015/16",
                    "2016-03-31",
                    "Above set to priority 2 – Street triage extended to weekends from October.",
                ),
                r(
                    3,
                    2,
                    "4",
                    "Ongoing",
                    None,
                    "Above set to priority 4 – Ambulance response times "
                    "reported monthly to the group.",
                ),
            ],
        ),
        (
            "3. Recovery and Staying Well",
            5,
            "",
            [
                r(
                    5,
                    1,
                    "1",
                    "September 2016",
                    "2016-09-30",
                    "Above set to priority 1 – Prospectus for the second term published.",
                )
            ],
        ),
        (
            "4. Commissioning",
            1,
            "",
            [
                r(
                    1,
                    1,
                    "2",
                    "2015/16",
                    "2016-03-31",
                    "Above set to priority 2 – Gap analysis shared with the urgent care board.",
                )
            ],
        ),
        (
            "5. Quality of Treatment and Care when in Crisis",
            4,
            "",
            [
                r(
                    4,
                    5,
                    "3",
                    "Q3 2015/16",
                    "2015-12-31",
                    "Above set to priority 3 – Joint training dates set for the new year.",
                ),
                r(4, 8, "", "Ongoing", None, ""),
            ],
        ),
    ]
    odt = w.OdtWriter(header="Wearmouth Crisis Care Concordat Action Plan – WORKING DOC")
    odt.paragraph(
        "Wearmouth Crisis Care Concordat Action Plan – WORKING DOC – Meeting 13th November 2015",
        bold=True,
    )
    odt.paragraph(
        "This working document brings together the actions agreed by the Wearmouth "
        "partners. Each action has a priority from 1 (highest) to 5, and the ACTION "
        "rows record what was agreed at the last meeting."
    )
    actions = []
    for title, section, quote, items in plan:
        odt.paragraph(title, bold=True)
        if quote:
            odt.paragraph(quote)
        rows = [head("Priority", "Action", "Timescale", "Led By", "Outcomes")]
        for item in placed(items, section):
            rows.append(
                cells(item.cells["Priority"], item.action, item.timescale, item.lead, item.outcome)
            )
            if item.cells["update"]:
                label, _, rest = item.cells["update"].partition(" – ")
                rows.append(cells("ACTION", label + " –", rest, "", ""))
            actions.append(item)
        odt.table(rows, name=f"Section{section}")
    return Doc(
        "d10_wearmouth_priorities.odt",
        "odt",
        "Sunderland working document of November 2015: sections in another order "
        "(Access first, Commissioning fourth) under headings outside the tables, "
        "'I' statements, a priority rank instead of a ref (some 'Priority 3'), numbered "
        "outcomes in cells, and an 'ACTION' row under an action recording what the "
        "meeting agreed",
        True,
        odt.bytes(),
        actions,
    )


# === 11 A 'Section A – access to support' plan with Priority & status ========================


def doc_section_letters():
    area = "Fenmarsh"

    def r(
        section, index, ref, when, due, priority, status, comment="", merged_lead=False, **kwargs
    ):
        item = row(area, section, index, ref, when, due, status=status, **kwargs)
        item.cells = {
            "Priority & status": priority,
            "Comments": comment,
            "merged_lead": merged_lead,
        }
        item.outcome = "• " + item.outcome + "\n• " + item.progress
        return item

    plan = [
        (
            "Section A – access to support before a crisis",
            2,
            [
                SUB[1][0],
                r(
                    2,
                    0,
                    "A1",
                    "In place 12 months (October 2016)",
                    "2016-10-31",
                    "In place – needs development",
                    "in_progress",
                    "Funding for the second year agreed in principle",
                ),
                r(
                    2,
                    9,
                    "A1",
                    "By 1 April 2016",
                    "2016-04-01",
                    "High – not started",
                    "not_started",
                    "This needs to be agreed by 1 April 2016 and then promoted widely",
                ),
                r(2, 6, "A2", "2016/17", "2017-03-31", "Medium – on track", "in_progress"),
            ],
        ),
        (
            "Section B – urgent and emergency access to crisis care",
            3,
            [
                r(
                    3,
                    3,
                    "B1",
                    "March 2017",
                    "2017-03-31",
                    "High – in progress",
                    "in_progress",
                    "Capital bid submitted",
                ),
                r(3, 5, "B2", "Complete", None, "Complete", "complete"),
            ],
        ),
        (
            "Section C – quality of treatment and care when in crisis",
            4,
            [
                r(4, 4, "C1", "December 2015", "2015-12-31", "Medium – underway", "in_progress"),
                r(4, 9, "C2", "Autumn 2015", "2015-11-30", "Low – achieved", "complete"),
            ],
        ),
        (
            "Section D – recovery and staying well",
            5,
            [
                r(
                    5,
                    7,
                    "D1",
                    "From April 2016",
                    None,
                    "Medium – not yet started",
                    "not_started",
                    lead="Fenmarsh Council Public Health and Mind in Fenmarsh",
                ),
                r(
                    5,
                    4,
                    "D2",
                    "2015-16",
                    "2016-03-31",
                    "High – near completion",
                    "in_progress",
                    lead="Fenmarsh Council Public Health and Mind in Fenmarsh",
                    merged_lead=True,
                ),
            ],
        ),
        (
            "Section E – commissioning and partnership working",
            1,
            [r(1, 8, "E1", "Twice a year", None, "High – ongoing", "in_progress")],
        ),
    ]
    document = w.docx_document()
    w.docx_paragraph(
        document, "Fenmarsh Crisis Care Concordat – local action plan 2015/16", bold=True, size=14
    )
    w.docx_paragraph(
        document,
        "NOTE – the Concordat asks every area to make crisis care the same "
        "wherever and whenever people ask for it. The Fenmarsh group has agreed to "
        "concentrate on three things: consistent quality, services commissioned in "
        "line with the Concordat, and sharing what works across the county. The plan "
        "covers children, young people and adults.",
    )
    actions = []
    for title, section, items in plan:
        w.docx_paragraph(document, title, bold=True, size=12)
        rows = [
            head(
                "Number",
                "Action",
                "Priority & status",
                "Timescale",
                "Led by",
                "Outcomes",
                "Comments",
            )
        ]
        for item in placed(items, section):
            if isinstance(item, str):
                rows.append(merged(item))
                continue
            rows.append(
                cells(
                    item.ref,
                    item.action,
                    item.cells["Priority & status"],
                    item.timescale,
                    w.MERGE_UP if item.cells["merged_lead"] else item.lead,
                    item.outcome,
                    item.cells["Comments"],
                )
            )
            actions.append(item)
        w.docx_table(document, rows, widths=[1.4, 6, 3, 3, 3.5, 5.5, 4])
        w.docx_paragraph(document, "")
    return Doc(
        "d11_fenmarsh_section_letters.docx",
        "docx",
        "A 2015 local plan with lettered sections ('Section A – access to support before "
        "a crisis'; published on docest.com): lettered section headings outside the "
        "tables, refs A1, A1, A2 (one repeated), a 'Priority & status' column, typed "
        "'• ' bullets in outcomes, a Comments column",
        False,
        w.docx_bytes(document),
        actions,
    )


# === 12 North Essex-style plan as PDF with a KPI table at the base ===========================


def doc_north_essex():
    area = "Esterby"

    def r(section, index, ref, when, due, rag, word, status="", **kwargs):
        item = row(area, section, index, ref, when, due, rag=rag, status=status, **kwargs)
        item.cells = {"Progress (RAG)": word}
        return item

    plan = {
        1: [
            r(1, 0, "1.1", "April 2015", "2015-04-30", "green", "Green – group meets six weekly"),
            r(
                1,
                2,
                "1.2",
                "Q1 2016/17",
                "2016-06-30",
                "amber",
                "Amber – data sharing agreement still being signed",
            ),
        ],
        2: [
            r(2, 1, "2.1", "September 2015", "2015-09-30", "green", "Green – complete", "complete"),
            r(2, 3, "2.2", "January – March 2016", "2016-03-31", "amber", "Amber"),
        ],
        3: [
            r(3, 0, "3.1", "Ongoing", None, "green", "Green – pilot running"),
            r(
                3,
                2,
                "3.2",
                "31 December 2015",
                "2015-12-31",
                "red",
                "Red – not started; ambulance trust reviewing its categories",
                "not_started",
            ),
            r(3, 7, "3.3", "Summer 2015", "2015-08-31", "amber", "Amber"),
        ],
        4: [
            r(4, 1, "4.1", "March 2016", "2016-03-31", "green", "Green"),
            r(4, 9, "4.2", "2015/16", "2016-03-31", "amber", "Amber – bid for capital money made"),
        ],
        5: [
            r(5, 5, "5.1", "From November 2015", None, "green", "Green – on track", "in_progress"),
            r(5, 0, "5.2", "Ongoing", None, "green", "Green"),
        ],
    }
    story = [
        w.pdf_paragraph(
            "North Esterby action plan to enable delivery of shared goals of the "
            "Mental Health Crisis Care Concordat",
            bold=True,
            size=12,
        ),
        w.pdf_paragraph(
            "North Esterby Crisis Care Concordat Action Plan: An Introduction", bold=True
        ),
        w.pdf_paragraph(
            "Esterby signed one declaration for the whole county in December 2014 and "
            "agreed to write three local plans because the county is large. This plan "
            "covers the north of the county: the towns of Colbury, Hartwell and "
            "Milbrook and the villages around them."
        ),
        w.pdf_paragraph(
            "The plan follows the Concordat's four themes and adds a section on "
            "commissioning. At the end of the document are the indicators the group "
            "will use to judge success; each action is also given a RAG rating at "
            "every meeting."
        ),
    ]
    actions = []
    for section, items in plan.items():
        story.append(w.pdf_paragraph(f"{section}. {SECTION_TITLES[section]}", bold=True))
        rows = [head("Ref", "Action", "Lead", "Timescale", "Outcome", "Progress (RAG)")]
        for item in placed(items, section):
            rows.append(
                cells(
                    item.ref,
                    item.action,
                    item.lead,
                    item.timescale,
                    item.outcome,
                    item.cells["Progress (RAG)"],
                )
            )
            actions.append(item)
        story.append(w.pdf_table(rows, [32, 210, 120, 85, 160, 150], font_size=9))
    story.append(w.pdf_paragraph("Key Performance Indicators", bold=True))
    kpis = [
        ("1", "Section 136 detentions", "Number a quarter", "58", "Fall of 10%"),
        ("2", "Police cells used as a place of safety", "Number a quarter", "11", "Fewer than 3"),
        ("3", "Under-18s held in police cells", "Number a year", "2", "None"),
        ("4", "Ambulance conveyance within 30 minutes for s136", "% of calls", "41%", "75%"),
        ("5", "Crisis team face to face within four hours", "% of referrals", "82%", "95%"),
    ]
    story.append(
        w.pdf_table(
            [head("KPI", "Measure", "Unit", "Baseline 2014/15", "Target 2015/16")]
            + [cells(*kpi) for kpi in kpis],
            [32, 300, 120, 120, 120],
        )
    )
    data = w.pdf_bytes(
        story, header="North Esterby Crisis Care Concordat Action Plan", footer="Page {page}"
    )
    return Doc(
        "d12_north_esterby_kpi.pdf",
        "pdf",
        "North Essex plan: an introduction, a table per section under section headings, "
        "'Progress (RAG)' holding colour words and comments, and a table of key "
        "performance indicators at the base; PDF with running header and page footer",
        False,
        data,
        actions,
    )


# === 13 Pan-Lancashire-style plan: signatory table, struck-through removed actions ===========


def doc_lancashire():
    area = "Lonsdale"

    def r(section, index, ref, when, due, update, status="", **kwargs):
        item = row(area, section, index, ref, when, due, status=status, **kwargs)
        item.cells = {"update": update}
        return item

    steps = Row(
        "1.2 (new)",
        "•W Agree one referral form for crisis services across the county\n•W Test the form "
        "with GPs and the police\n•W Publish it on every partner's website",
        "March 2016",
        "Lonsdale CCGs (lead: Blackmere CCG)",
        "2016-03-31",
        new=True,
        tref="1.2",
        cells={"update": "On track – form tested with two practices"},
        status="in_progress",
    )
    plan = {
        1: [
            r(
                1,
                0,
                "1.1",
                "Sept 15",
                "2015-09-30",
                "Complete – group chaired by the DCC",
                "complete",
            ),
            steps,
        ],
        2: [
            r(
                2,
                0,
                "†2.1",
                "Q3 2015/16",
                "2015-12-31",
                "Delayed – awaiting funding",
                new=True,
                tref="2.1",
            ),
            r(
                2,
                3,
                "2.2",
                "December 2015",
                "2015-12-31",
                "No longer being taken forward – merged with 3.2",
                "superseded",
                removed=True,
            ),
        ],
        3: [
            r(3, 6, "3.1", "From January 2016", None, "On track", "in_progress"),
            r(3, 5, "3.2", "March 2016", "2016-03-31", "Complete", "complete"),
        ],
        4: [
            r(4, 0, "4.1", "2015/16", "2016-03-31", "Ongoing – 70% trained", "in_progress"),
            r(4, 2, "4.2", "June 2016", "2016-06-30", "Not started", "not_started"),
        ],
        5: [
            r(5, 3, "5.1", "2016/17", "2017-03-31", ""),
            r(
                5,
                9,
                "5.2",
                "May 2016",
                "2016-05-31",
                "Superseded by the county suicide prevention strategy",
                "superseded",
                removed=True,
            ),
        ],
    }
    document = w.docx_document()
    w.docx_paragraph(document, "“working together for better care” – Lonsdale Action Plan", size=10)
    w.docx_paragraph(
        document,
        "Pan-Lonsdale Action Plan to Enable Delivery of Shared outcomes of "
        "Mental Health Crisis Care Concordat",
        bold=True,
        size=14,
    )
    w.docx_paragraph(
        document, "Partner Agencies / Signatories to the Lonsdale Action plan.", bold=True
    )
    signatories = [
        ("Blackmere CCG", "Debra Knowles, Chief Operating Officer"),
        ("Blackmere Borough Council", "Harold Carr, Chief Executive"),
        ("Lonsdale Care NHS Foundation Trust", "Helen Tyrer, Chief Executive"),
        ("Lonsdale Constabulary", "Andrew Rhys, Deputy Chief Constable"),
        ("North West Ambulance Service", "Robert Williams, Chief Executive"),
        ("Mind in Lonsdale", "Stewart Lucan, Chief Executive"),
        ("Healthwatch Lonsdale", "Gillian Brown, Chief Executive"),
    ]
    w.docx_table(
        document,
        [head("Organisation", "Signatory", "Signature")]
        + [cells(org, name, "") for org, name in signatories],
        widths=[7, 8, 5],
    )
    w.docx_paragraph(document, "Introduction and Background", style="Heading 2")
    w.docx_paragraph(
        document,
        "The partners above signed the Lonsdale declaration in December "
        "2014. This plan says what each of them will do, and by when. Struck-through "
        "actions have been removed from the plan and are kept here for the record.",
    )
    w.docx_paragraph(document, "† action added at the March 2016 review")
    actions = []
    for section, items in plan.items():
        w.docx_paragraph(
            document, f"Section {section}: {SECTION_TITLES[section]}", style="Heading 3"
        )
        rows = [head("Ref", "What will be done", "Who", "By when", "Update / comments")]
        for item in placed(items, section):
            rows.append(
                cells(
                    item.ref,
                    item.action,
                    item.lead,
                    item.timescale,
                    item.cells["update"],
                    strike=item.removed,
                )
            )
            actions.append(item)
        w.docx_table(document, rows, widths=[1.6, 10, 5, 3, 6])
        w.docx_paragraph(document, "")
    return Doc(
        "d13_lonsdale_signatories.docx",
        "docx",
        "Pan-Lancashire plan: a table of partner agencies and their signatories before "
        "the plan, 'What will be done / Who / By when / Update / comments' headings, "
        "'(new)' and '†' marks, an action written as Word bullet steps, removed "
        "actions struck through",
        True,
        w.docx_bytes(document),
        actions,
    )


# === 14 Swindon-style plan saved as Windows-1252 CSV =========================================


def doc_swindon():
    area = "Kingsdown"
    title = "Kingsdown Mental Health Crisis Care Concordat – Action Plan March 2015"
    camhs = Row(
        "5",
        "Complete the children and young people's mental health needs assessment and write "
        "the CAMHS strategy",
        "September 2015",
        "Children & Families Commissioner / Public Health (Kingsdown Borough Council)",
        "2015-09-30",
        taction="Complete the children and young people's mental health needs assessment and "
        "write the CAMHS strategy and make sure the crisis pathway for young people is in it",
        outcome="A clear direction for CAMHS; crisis care included",
        progress="Action: awaiting final sign off from the HWBB – review at the November meeting",
    )
    triage = row(
        area,
        3,
        0,
        "54",
        "1 Year project – evaluation at 9 months (May 2016)",
        "2016-05-31",
        progress="Now in its third week.\nAbout 105 contacts a week, "
        "including face to face in Kingsdown.\nOne avoidable s136 detention.",
    )
    plan = [
        (
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            1,
            [
                SUB[1][0],
                camhs,
                ["", "and make sure the crisis pathway for young people is in it", "", "", "", ""],
                triage,
            ],
        ),
        (
            "2. Access to support before crisis point",
            2,
            [
                row(
                    area,
                    2,
                    4,
                    "9",
                    "November 2015",
                    "2015-11-30",
                    progress="Café open Friday and Saturday; £25,000 from the PCC’s fund",
                ),
                row(area, 2, 0, "", "Ongoing", None, progress="Number printed on 4,000 cards"),
            ],
        ),
        (
            "3. Urgent and emergency access to crisis care",
            3,
            [
                row(
                    area,
                    3,
                    2,
                    "12",
                    "2 November 2015",
                    "2015-11-02",
                    progress="Review under way – a specialist paramedic response is being "
                    "considered",
                ),
                row(area, 3, 5, "3", "By the end of 2015", "2015-12-31"),
            ],
        ),
        (
            "4. Quality of treatment and care when in crisis",
            4,
            [row(area, 4, 8, "17", "Dec 2015", "2015-12-31", progress="Carers’ policy revised")],
        ),
        (
            "5. Recovery and staying well / preventing future crises",
            5,
            [
                row(
                    area,
                    5,
                    1,
                    "21",
                    "2015–16",
                    "2016-03-31",
                    progress="Prospectus with 12 courses – first term full",
                ),
                row(area, 5, 6, "22", "Spring 2016", "2016-05-31"),
            ],
        ),
    ]
    out = []
    actions = []
    header = ["No.", "Action", "Timescale", "Led By", "Outcomes", "Update"]
    for section_title, section, items in plan:
        out.append([title])
        out.append([section_title])
        out.append(header)
        for item in placed(items, section):
            if isinstance(item, str):
                out.append([item])
            elif isinstance(item, list):
                out.append(item)
            else:
                out.append(template_values(item, item.progress))
                actions.append(item)
    return Doc(
        "d14_kingsdown_cp1252.csv",
        "csv",
        "Swindon plan of March 2015: the title repeated as a running header row and the "
        "heading row repeated before each section, refs out of sequence (5, 54, 9, 12, "
        "3), a row with no ref, a continuation row finishing the action above, "
        "'Action:' updates with line breaks; saved as CSV in Windows-1252 with CRLF",
        True,
        w.csv_bytes(out, encoding="cp1252"),
        actions,
    )


# === 15 County Durham-style refreshed plan as CSV in UTF-8 with a byte-order mark ===========


def doc_durham_csv():
    area = "Teesford"

    def r(section, index, ref, when, due, word, rag="", status=""):
        item = row(area, section, index, ref, when, due, rag=rag, status=status)
        item.progress = item.progress + ".\nNext update at the May meeting."
        item.cells = {"RAG": word}
        return item

    plan = {
        1: [
            r(1, 1, "1.1", "Sept 16", "2016-09-30", "Green", "green"),
            r(1, 6, "1.2", "end Q3", "2016-12-31", "Amber", "amber"),
        ],
        2: [
            r(2, 1, "2.1", "Q2", "2016-09-30", "Green", "green"),
            r(2, 7, "2.2", "Feb", "2017-02-28", "Red", "red"),
        ],
        3: [
            r(3, 4, "3.1", "Jun-16", "2016-06-30", "Complete", status="complete"),
            r(3, 9, "3.2", "Q4", "2017-03-31", "Amber", "amber"),
        ],
        4: [r(4, 5, "4.1", "Oct 16", "2016-10-31", "Green", "green")],
        5: [
            r(5, 4, "5.1", "end Q1", "2016-06-30", "Green", "green"),
            r(5, 7, "5.2", "Dec 16", "2016-12-31", "Amber", "amber"),
        ],
    }
    out = [
        ["REFRESHED – REFRESHED – REFRESHED"],
        ["Teesford and Skerne Mental Health Crisis Care Concordat Local Action Plan 2016/17"],
        ["Members of the Concordat:"],
        ["Teesford CCG", "North Eastern Ambulance Service NHS Foundation Trust"],
        ["Skerne CCG", "Teesford Constabulary"],
        ["Teesford Borough Council", "Mind in Teesford"],
        [],
        ["Ref", "Action", "Lead", "Timescale", "Progress Update", "RAG"],
    ]
    actions = []
    for section, items in plan.items():
        out.append([SECTION_TITLES[section]])
        for item in placed(items, section):
            out.append(
                [item.ref, item.action, item.lead, item.timescale, item.progress, item.cells["RAG"]]
            )
            actions.append(item)
    data = b"\xef\xbb\xbf" + w.csv_bytes(out, encoding="utf-8")
    return Doc(
        "d15_teesford_bom.csv",
        "csv",
        "County Durham and Darlington refreshed plan saved as CSV: banner, title with "
        "the financial year, members in two columns, one heading row, section rows as "
        "one cell, Lead before Timescale, RAG words, short dates ('Sept 16', 'end Q3', "
        "'Feb'); UTF-8 with a byte-order mark, CRLF, line breaks inside cells",
        False,
        data,
        actions,
    )


# === 16 Bristol plan's sections and refs kept in a workbook with cover and glossary sheets ===


def doc_bristol_workbook():
    area = "Severnside"

    def r(section, index, ref, when, due, objective, word, rag, fmt=None, **kwargs):
        item = row(area, section, index, ref, "", due, rag=rag, **kwargs)
        item.cells = {"value": when, "fmt": fmt, "objective": objective, "RAG": word}
        if fmt == "dd/mm/yyyy":
            item.timescale = when.strftime("%d/%m/%Y")
        elif fmt == "mmm-yy":
            item.timescale = when.strftime("%b-%y")
        else:
            item.timescale = when
        return item

    join = Row("", "and agree how it links with NHS 111", "", "", None)
    plan = {
        1: [
            r(
                1,
                0,
                "1.1",
                date(2015, 6, 30),
                "2015-06-30",
                "Shared leadership",
                "Green",
                "green",
                "dd/mm/yyyy",
            ),
            r(1, 8, "1.2", "Ongoing", None, w.MERGE_UP, "Green", "green"),
            r(
                1,
                6,
                "1.5.1",
                "Q3 2015/16",
                "2015-12-31",
                "Crisis alternatives to admission",
                "Amber",
                "amber",
            ),
            r(
                1,
                7,
                "1.5.2",
                date(2016, 3, 31),
                "2016-03-31",
                w.MERGE_UP,
                "Red",
                "red",
                "mmm-yy",
            ),
        ],
        2: [
            r(
                2,
                0,
                "2.1",
                "Sept 15",
                "2015-09-30",
                "One number to call",
                "Amber",
                "amber",
                taction=pooled_text(area, 2, 0) + " and agree how it links with NHS 111",
            ),
            join,
            r(2, 4, "2.2", "Ongoing", None, "Places to go", "Green", "green"),
        ],
        3: [
            r(
                3,
                8,
                "3.1",
                date(2015, 12, 31),
                "2015-12-31",
                "A response at any hour",
                "Amber",
                "amber",
                "dd/mm/yyyy",
            ),
            r(3, 1, "3.2", "2015/16", "2016-03-31", "No one in a police cell", "Green", "green"),
        ],
        4: [r(4, 1, "4.1", "Q4 2015/16", "2016-03-31", "Hearing from people", "Red", "red")],
        5: [
            r(5, 3, "5.1", "Ongoing", None, "Joined-up care", "Green", "green"),
            r(
                5,
                5,
                "5.2",
                date(2016, 1, 31),
                "2016-01-31",
                w.MERGE_UP,
                "Amber",
                "amber",
                "mmm-yy",
            ),
        ],
    }
    workbook = w.xlsx_workbook()
    cover = workbook.active
    cover.title = "Cover"
    for number, text in enumerate(
        [
            "Severnside Crisis Care Concordat",
            "Action plan – version 4",
            "Updated quarterly; this version to June 2015",
            "",
            "Owner: Severnside Crisis Concordat group",
        ],
        start=1,
    ):
        if text:
            w.xlsx_put(cover, number, 1, text, bold=number == 1, wrap=False)
    glossary = workbook.create_sheet("Glossary")
    for number, (term, meaning) in enumerate(
        [
            ("Term", "Meaning"),
            ("AMHP", "Approved mental health professional"),
            ("CRHTT", "Crisis resolution and home treatment team"),
            ("HBPoS", "Health-based place of safety"),
            ("S136", "Section 136 of the Mental Health Act 1983"),
        ],
        start=1,
    ):
        w.xlsx_put(glossary, number, 1, term, bold=number == 1)
        w.xlsx_put(glossary, number, 2, meaning, bold=number == 1)
    sheet = workbook.create_sheet("Action plan")
    for column, width in zip("ABCDEFGH", (8, 22, 45, 26, 12, 30, 30, 8), strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(sheet, 1, 1, "Severnside Crisis Care Concordat Action Plan", bold=True, wrap=False)
    w.xlsx_put(sheet, 2, 1, "Version 4 – June 2015", wrap=False)
    headings = (
        "Ref",
        "Objective",
        "Actions required",
        "Lead agency",
        "Time-\nscale",
        "Q1 update",
        "Q2 update",
        "RAG",
    )
    for column, text in enumerate(headings, start=1):
        w.xlsx_put(sheet, 4, column, text, bold=True, fill=SHADE)
    line = 5
    actions = []
    for section, items in plan.items():
        w.xlsx_put(sheet, line, 1, f"{section}. {SECTION_TITLES[section]}", bold=True, fill=SHADE)
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=8)
        line += 1
        top = None
        for item in placed(items, section):
            if not item.cells:  # the continuation row
                w.xlsx_put(sheet, line, 3, item.action)
                line += 1
                continue
            w.xlsx_put(sheet, line, 1, item.ref)
            if item.cells["objective"] is w.MERGE_UP:
                sheet.merge_cells(start_row=top, start_column=2, end_row=line, end_column=2)
            else:
                w.xlsx_put(sheet, line, 2, item.cells["objective"])
                top = line
            w.xlsx_put(sheet, line, 3, item.action)
            w.xlsx_put(sheet, line, 4, item.lead)
            w.xlsx_put(sheet, line, 5, item.cells["value"], fmt=item.cells["fmt"])
            w.xlsx_put(sheet, line, 6, item.outcome)
            w.xlsx_put(sheet, line, 7, item.progress)
            w.xlsx_put(sheet, line, 8, item.cells["RAG"], fill=FILLS[item.rag])
            actions.append(item)
            line += 1
    metrics = workbook.create_sheet("Metrics")
    for number, values in enumerate(
        [
            ("Measure", "Q1 2015/16", "Q2 2015/16"),
            ("Section 136 detentions", 41, 37),
            ("Police cells used as a place of safety", 6, 2),
            ("Crisis team seen within 4 hours (%)", 0.81, 0.88),
        ],
        start=1,
    ):
        for column, value in enumerate(values, start=1):
            w.xlsx_put(
                metrics,
                number,
                column,
                value,
                bold=number == 1,
                fmt="0%" if isinstance(value, float) else None,
            )
    return Doc(
        "d16_severnside_workbook.xlsx",
        "xlsx",
        "Bristol plan's Concordat sections and refs (1.1, 1.5.1) kept as the group's "
        "workbook: Cover and Glossary sheets before the plan and a Metrics sheet after "
        "it, title and version rows above the heading row, an Objective column (merged "
        "down) beside 'Actions required', 'Lead agency', 'Time-scale' with a line "
        "break, quarterly update columns, RAG words on colour, date cells, a "
        "continuation row",
        False,
        w.xlsx_bytes(workbook),
        actions,
    )


def pooled_text(area, section, index):
    from content import pooled

    return pooled(area, section, index)[0]


# === 17 South Gloucestershire v3-style sheet: a theme column, refs stored as numbers ========


def doc_south_glos_theme():
    area = "Frome Valley"
    themes = {
        1: "Commissioning to allow earlier intervention",
        2: "Access to support before crisis",
        3: "Urgent and emergency access to crisis care",
        4: "Quality of treatment and care when in crisis",
        5: "Recovery and staying well",
    }
    shared = "County Police and Frome Valley Partnership NHS FT"

    def r(section, index, number, fmt, shown, when, due, focus, when_fmt=None, **kwargs):
        item = row(area, section, index, shown, "", due, **kwargs)
        item.cells = {
            "number": number,
            "fmt": fmt,
            "focus": focus,
            "value": when,
            "when_fmt": when_fmt,
        }
        item.timescale = when.strftime("%B %Y") if when_fmt else when
        return item

    early = "Early intervention – protecting people whose circumstances make them vulnerable"
    s136 = "Improved response when people are detained under section 136"
    rows_ = [
        r(1, 1, 1.1, "General", "1.1", "Sept 15", "2015-09-30", "Understanding local need"),
        r(
            1,
            4,
            1.2,
            "General",
            "1.2",
            date(2016, 3, 31),
            "2016-03-31",
            w.MERGE_UP,
            "mmmm yyyy",
        ),
        r(2, 2, 2.1, "General", "2.1", "2015/16", "2016-03-31", early),
        r(2, 8, 2.2, "General", "2.2", "Ongoing", None, w.MERGE_UP),
        r(3, 0, 3.1, "General", "3.1", "Ongoing", None, s136, lead=shared),
        r(3, 1, 3.2, "General", "3.2", "Q1 2016/17", "2016-06-30", w.MERGE_UP, lead=shared),
        r(
            3,
            2,
            3.3,
            "General",
            "3.3",
            date(2016, 1, 31),
            "2016-01-31",
            w.MERGE_UP,
            "mmmm yyyy",
        ),
        r(3, 3, 3.4, "General", "3.4", "2016/17", "2017-03-31", w.MERGE_UP),
        r(3, 4, 3.5, "General", "3.5", "Sept 15", "2015-09-30", "Urgent care in hospital"),
        r(3, 5, 3.6, "General", "3.6", "Ongoing", None, w.MERGE_UP),
        r(
            3,
            6,
            3.7,
            "General",
            "3.7",
            date(2015, 12, 31),
            "2015-12-31",
            "Advice for police",
            "mmmm yyyy",
        ),
        r(3, 7, 3.8, "General", "3.8", "2015/16", "2016-03-31", w.MERGE_UP),
        r(3, 8, 3.9, "General", "3.9", "Ongoing", None, "Crisis teams"),
        r(3, 9, 3.1, "0.00", "3.10", "Quarterly", None, w.MERGE_UP),
        r(4, 6, 4.1, "General", "4.1", "Q3 2015/16", "2015-12-31", "Sharing information"),
        r(
            5,
            2,
            5.1,
            "General",
            "5.1",
            date(2016, 6, 30),
            "2016-06-30",
            "Peer support",
            "mmmm yyyy",
        ),
    ]
    workbook = w.xlsx_workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for column, width in zip("ABCDEFG", (7, 26, 30, 45, 35, 28, 14), strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(
        sheet,
        1,
        1,
        "Frome Valley Mental Health Crisis Care Concordat – Action Plan v.3",
        bold=True,
        wrap=False,
    )
    w.xlsx_put(
        sheet,
        2,
        1,
        "The plan will change over time; please send comments or additions "
        "to the concordat lead at Frome Valley CCG.",
        wrap=False,
    )
    headings = (
        "Ref",
        "Concordat Theme",
        "Focus",
        "Intervention",
        "Outcomes",
        "Lead Agencies",
        "Timeframe",
    )
    for column, text in enumerate(headings, start=1):
        w.xlsx_put(sheet, 4, column, text, bold=True, fill=SHADE)
    actions = []
    line, focus_top, lead_top = 5, None, None
    for item in rows_:
        w.xlsx_put(sheet, line, 1, item.cells["number"], fmt=item.cells["fmt"])
        w.xlsx_put(sheet, line, 2, themes[item.section])
        if item.cells["focus"] is w.MERGE_UP:
            sheet.merge_cells(start_row=focus_top, start_column=3, end_row=line, end_column=3)
        else:
            w.xlsx_put(sheet, line, 3, item.cells["focus"])
            focus_top = line
        w.xlsx_put(sheet, line, 4, item.action)
        w.xlsx_put(sheet, line, 5, item.outcome)
        if item.lead == shared and lead_top is not None:
            sheet.merge_cells(start_row=lead_top, start_column=6, end_row=line, end_column=6)
        else:
            w.xlsx_put(sheet, line, 6, item.lead)
            lead_top = line if item.lead == shared else None
        w.xlsx_put(sheet, line, 7, item.cells["value"], fmt=item.cells["when_fmt"])
        actions.append(item)
        line += 1
    return Doc(
        "d17_frome_valley_theme.xlsx",
        "xlsx",
        "South Gloucestershire v3 plan: title rows, then one table with a Concordat "
        "Theme column on every row instead of section rows, a broad Focus column "
        "(merged down) beside a specific Intervention column, refs stored as numbers "
        "(3.1 and 3.10, told apart only by the cell's number format), a lead merged "
        "down over two actions, month date cells; on the first sheet",
        False,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 18 Bath and North East Somerset-style review as PDF: forums table, no refs ============


def doc_bath():
    area = "Avonbridge"

    def r(section, index, when, due, objective, word, rag="", status=""):
        item = row(area, section, index, "", when, due, rag=rag, status=status)
        item.cells = {"objective": objective, "RAG": word}
        return item

    plan = {
        1: [
            r(
                1,
                1,
                "March 2016",
                "2016-03-31",
                "Know what crisis care we have and need",
                "Green – draft shared",
                "green",
            ),
            r(
                1,
                5,
                "By September 2015",
                "2015-09-30",
                w.MERGE_UP,
                "Complete",
                status="complete",
            ),
        ],
        2: [
            r(
                2,
                0,
                "Summer 2015",
                "2015-08-31",
                "Help before crisis point",
                "Green – leaflets printed",
                "green",
            ),
            r(2, 3, "Spring 2016", "2016-05-31", w.MERGE_UP, "Amber", "amber"),
            r(
                2,
                8,
                "2015/16",
                "2016-03-31",
                w.MERGE_UP,
                "Red – no provider found yet",
                "red",
            ),
        ],
        3: [
            r(
                3,
                0,
                "Ongoing",
                None,
                "A fast response in an emergency",
                "Green – running five nights",
                "green",
            ),
            r(3, 4, "From April 2016", None, w.MERGE_UP, "Amber", "amber"),
        ],
        4: [
            r(4, 2, "December 2015", "2015-12-31", "Dignity and safety in crisis", "Green", "green")
        ],
        5: [
            r(
                5,
                0,
                "Ongoing",
                None,
                "Staying well after a crisis",
                "Green – 93% in October",
                "green",
            ),
            r(
                5,
                6,
                "Winter 2015/16",
                "2016-02-29",
                w.MERGE_UP,
                "Amber – two beds agreed",
                "amber",
            ),
        ],
    }
    story = [
        w.pdf_paragraph("Mental Health Crisis Concordat", bold=True, size=13),
        w.pdf_paragraph("Review, Action Plan and Declaration", bold=True, size=11),
        w.pdf_paragraph("Avonbridge and North Somerley"),
        w.pdf_paragraph("Updated May 2015"),
        w.pdf_paragraph(
            "P:\\Service Improvement & Performance Team\\Mental Health\\CURRENT "
            "FILES\\Crisis concordat\\review and action plan",
            size=7,
        ),
        w.pdf_paragraph(
            "Please note that this review and plan were updated in January 2015 after "
            "work with services for children and young people."
        ),
        w.pdf_paragraph(
            "Multi-agency forums that support delivery of services/review crisis concordat plan",
            bold=True,
        ),
        w.pdf_table(
            [
                head("Forum name", "Membership", "Meets"),
                cells(
                    "Mental Health and Offenders Forum",
                    "Partnership trust intensive "
                    "team; commissioners; probation; police; Avonbridge Mind; drug and "
                    "alcohol service",
                    "Every two months",
                ),
                cells(
                    "Acute Care Pathway Group",
                    "Partnership trust; acute hospital A&E "
                    "consultant; ambulance service clinical lead; AMHP lead; police",
                    "Quarterly",
                ),
                cells(
                    "Mental Health and Wellbeing Forum",
                    "People who use services; "
                    "carers' group; voluntary sector providers; GP practice managers",
                    "Monthly",
                ),
            ],
            [140, 280, 95],
        ),
        w.pdf_paragraph(""),
        w.pdf_paragraph("Action plan", bold=True, size=11),
    ]
    actions = []
    for section, items in plan.items():
        story.append(w.pdf_paragraph(SECTION_TITLES[section], bold=True))
        rows = [head("Objective", "What will be done", "Who", "By when", "Progress (RAG)")]
        for item in placed(items, section):
            rows.append(
                cells(
                    item.cells["objective"],
                    item.action,
                    item.lead,
                    item.timescale,
                    item.cells["RAG"],
                )
            )
            actions.append(item)
        story.append(w.pdf_table(rows, [95, 190, 95, 60, 75], font_size=9.5))
    data = w.pdf_bytes(
        story,
        header="Avonbridge and North Somerley – Crisis Concordat review and action plan",
        footer="Page {page}",
        landscape_page=False,
    )
    return Doc(
        "d18_avonbridge_review.pdf",
        "pdf",
        "Bath and North East Somerset review, action plan and declaration (updated May "
        "2015): title block with a file path, a table of multi-agency forums before the "
        "plan, then a table per Concordat section with no ref column, an Objective "
        "merged down over its actions, 'What will be done / Who / By when / Progress "
        "(RAG)'; portrait PDF spanning pages with running header and footer",
        True,
        data,
        actions,
    )


# === 19 Bristol-style template plan in OpenDocument =========================================


def doc_bristol():
    area = "Brigstowe"

    def r(section, index, ref, when, due):
        item = row(area, section, index, ref, when, due)
        item.outcome = f"•W {item.outcome}\n•W {item.progress}"
        return item

    plan = {
        1: [
            SUB[1][0],
            r(1, 0, "1.1", "By April 2015", "2015-04-30"),
            r(1, 5, "1.2", "By April 2015", "2015-04-30"),
            r(1, 9, "1.3", "Ongoing", None),
            SUB[1][1],
            r(1, 6, "1.4", "Ongoing", None),
            r(1, 3, "1.5.1", "April 2015 – March 2016", "2016-03-31"),
            r(1, 4, "1.5.2", "Autumn 2015", "2015-11-30"),
        ],
        2: [SUB[2][0], r(2, 2, "2.1", "By end of 2015", "2015-12-31")],
        3: [SUB[3][1], r(3, 6, "3.1", "From May 2015", None)],
        4: [SUB[4][1], r(4, 9, "4.1", "2015", "2015-12-31")],
        5: [SUB[5][0], r(5, 5, "5.1", "Ongoing", None)],
    }
    odt = w.OdtWriter(
        header="Template action plan to enable delivery of shared goals of the "
        "Mental Health Crisis Care Concordat"
    )
    odt.heading("Brigstowe Mental Health Crisis Care Concordat Action Plan")
    rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes")]
    actions = []
    for section, items in plan.items():
        rows.append(merged(f"{section}. {SECTION_TITLES[section]}", shade=SHADE))
        rows += section_rows(
            items, section, template_cells, actions, sub=lambda title: merged(title, bold=False)
        )
    odt.table(rows, name="Plan")
    odt.paragraph("Brigstowe CCG, Brigstowe City Council and partners – March 2015")
    return Doc(
        "d19_brigstowe_template.odt",
        "odt",
        "Bristol plan on the national template: the template's title as a running page "
        "header, one table with numbered section rows and sub-theme rows, refs 1.1 to "
        "1.5.2, bulleted outcomes (list formatting)",
        False,
        odt.bytes(),
        actions,
    )


# === 20 Gloucestershire-style continuous plan kept as a workbook: roman refs, key row ========


def doc_glos_workbook():
    area = "Cotswold Edge"
    key = {"blue": "complete", "green": "in_progress", "amber": "", "red": ""}

    def r(section, index, ref, when, due, rag, word=True, **kwargs):
        item = row(area, section, index, ref, when, due, rag=rag, status=key[rag], **kwargs)
        item.cells = {"RAG": rag.capitalize() if word else None}
        return item

    sections = [
        (
            "1 EQUALITY AND DIVERSITY",
            None,
            [
                r(0, 0, "i", "Q2", "2015-09-30", "green"),
                r(0, 1, "ii", "June", "2015-06-30", "blue"),
            ],
        ),
        (
            "2 COMMISSIONING TO ALLOW EARLIER INTERVENTION AND RESPONSIVE CRISIS SERVICES",
            1,
            [
                r(1, 9, "i", "", "2016-03-31", "amber", word=False),
                r(1, 2, "ii", "January", "2016-01-31", "green"),
                r(1, 6, "iii", "Dec 2016", "2016-12-31", "red"),
            ],
        ),
        (
            "3 ACCESS TO SUPPORT BEFORE CRISIS POINT",
            2,
            [
                r(2, 5, "i", "Q4", "2016-03-31", "green", word=False),
                r(2, 1, "ii", "Revised date: Dec 2015", "2015-12-31", "amber"),
            ],
        ),
        (
            "4 URGENT AND EMERGENCY ACCESS TO CRISIS CARE",
            3,
            [
                r(3, 8, "i", "End of March", "2016-03-31", "green"),
                r(3, 3, "ii", "2016/17", "2017-03-31", "red"),
            ],
        ),
        (
            "5 QUALITY OF TREATMENT AND CARE WHEN IN CRISIS",
            4,
            [r(4, 7, "i", "Q3", "2015-12-31", "blue")],
        ),
        (
            "6 RECOVERY AND STAYING WELL / PREVENTING FUTURE CRISES",
            5,
            [r(5, 1, "i", "September", "2015-09-30", "green")],
        ),
    ]
    completed = [
        (
            "4 URGENT AND EMERGENCY ACCESS TO CRISIS CARE",
            3,
            [r(3, 1, "iii", "May", "2015-05-31", "blue")],
        )
    ]
    workbook = w.xlsx_workbook()
    front = workbook.active
    front.title = "Front sheet"
    for number, text in enumerate(
        [
            "Cotswold Edge Crisis Care Concordat",
            "Version 7 – February 2016",
            "Reviewed every two months by the Mental Health and Wellbeing Partnership Board",
        ],
        start=1,
    ):
        w.xlsx_put(front, number, 1, text, bold=number == 1, wrap=False)
    sheet = workbook.create_sheet("Plan")
    for column, width in zip("ABCDEF", (7, 50, 30, 22, 9, 40), strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(
        sheet,
        1,
        1,
        "Cotswold Edge Crisis Care Concordat Action Plan 2015/16",
        bold=True,
        wrap=False,
    )
    w.xlsx_put(sheet, 2, 1, "Version 7 – February 2016", wrap=False)
    w.xlsx_put(sheet, 3, 1, "Key:", bold=True)
    for column, (text, fill) in enumerate(
        [
            ("Blue – complete", BLUE),
            ("Green – on track", GREEN),
            ("Amber – some delay", AMBER),
            ("Red – significant delay", RED),
        ],
        start=2,
    ):
        w.xlsx_put(sheet, 3, column, text, fill=fill)
    headings = (
        "Ref",
        "INTERVENTION",
        "RESPONSIBLE",
        "Timescale 2015/16 unless otherwise specified",
        "RAG",
        "Comments",
    )
    for column, text in enumerate(headings, start=1):
        w.xlsx_put(sheet, 5, column, text, bold=True)
    line = 6
    actions = []

    def add(title, section, items, complete=False):
        nonlocal line
        w.xlsx_put(sheet, line, 1, title, bold=True, wrap=False)
        line += 1
        for item in placed(items, section):
            w.xlsx_put(sheet, line, 1, item.ref)
            w.xlsx_put(sheet, line, 2, item.action)
            w.xlsx_put(sheet, line, 3, item.lead)
            w.xlsx_put(sheet, line, 4, item.timescale or None)
            w.xlsx_put(sheet, line, 5, item.cells["RAG"], fill=FILLS[item.rag])
            w.xlsx_put(sheet, line, 6, item.progress)
            actions.append(item)
            line += 1

    for title, section, items in sections:
        add(title, section, items)
    line += 1
    w.xlsx_put(sheet, line, 1, "COMPLETED ACTIONS", bold=True, wrap=False)
    line += 1
    for title, section, items in completed:
        add(title, section, items)
    return Doc(
        "d20_cotswold_edge_roman.xlsx",
        "xlsx",
        "Gloucestershire continuous plan structure kept as a workbook: a front sheet, "
        "title, version and a colour key (Blue complete, Green on track, Amber some "
        "delay, Red significant delay) above the heading row, a local equality section "
        "first and the Concordat sections numbered 2 to 6 as bold one-cell rows, roman "
        "numeral refs restarting in each section, 'INTERVENTION / RESPONSIBLE / "
        "Timescale 2015/16 unless otherwise specified' headings with bare months and "
        "quarters (one timescale left empty), RAG as word on colour or colour only, a "
        "completed actions part",
        True,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 21 Croydon-style plan exported as CSV (UTF-8, CRLF) =====================================


def doc_croydon_csv():
    area = "Westbrook"

    def r(section, index, ref, when, due, word, rag="", status="", **kwargs):
        item = row(area, section, index, ref, when, due, rag=rag, status=status, **kwargs)
        item.cells = {"RAG/Comments": word}
        return item

    letter = Row(
        "1:a",
        "Write to each partner asking for a named senior lead",
        "March 2015",
        "Westbrook CCG",
        "2015-03-31",
        status="complete",
        outcome="Every partner has a named lead",
        cells={"RAG/Comments": "Complete"},
    )
    gp = Row(
        "3:a",
        "Add crisis training to the GP protected learning time programme",
        "2016/17",
        "Westbrook CCG Primary Care Team",
        "2017-03-31",
        status="not_started",
        outcome="All practices reached",
        cells={"RAG/Comments": "Not started"},
    )
    plan = {
        1: [
            SUB[1][0],
            r(1, 0, "1", "March 2015", "2015-03-31", "Complete and ongoing", status="complete"),
            letter,
            r(
                1,
                3,
                "2",
                "From September 2015",
                None,
                "Amber\nPolice figures agreed; ambulance figures awaited",
                "amber",
            ),
        ],
        2: [
            SUB[2][0],
            r(
                2,
                2,
                "3",
                "December 2015",
                "2015-12-31",
                "Green\nTwo of four sessions held",
                "green",
            ),
            gp,
        ],
        3: [SUB[3][0], r(3, 1, "4", "Ongoing", None, "Complete", status="complete")],
        4: [
            SUB[4][1],
            r(4, 3, "5", "Q4 2015/16", "2016-03-31", "Red – audit lead on leave", "red"),
        ],
        5: [SUB[5][1], r(5, 2, "6", "Spring 2016", "2016-05-31", "On track", status="in_progress")],
    }
    out = [
        [
            "Template action plan to enable delivery of shared goals of the Mental Health Crisis "
            "Care Concordat"
        ],
        ["Westbrook Mental Health Crisis Concordat Action Plan 2015-2016"],
        ["Updated October 2015"],
    ]
    actions = []
    for section, items in plan.items():
        out.append([f"{section}. {SECTION_TITLES[section]}"])
        out.append(["No.", "Action", "Timescale", "Led By", "Outcomes", "RAG/Comments"])
        out += section_rows(
            items,
            section,
            lambda item: template_values(item, item.cells["RAG/Comments"]),
            actions,
            sub=lambda title: [title],
        )
    return Doc(
        "d21_westbrook_rag_comments.csv",
        "csv",
        "Croydon 2015-16 plan exported as CSV: title rows, each section's title row, "
        "heading row and sub-theme row, refs 1, 1:a, 2, 3:a running across sections, "
        "RAG/Comments words with line breaks inside cells; UTF-8 without BOM, CRLF",
        False,
        w.csv_bytes(out, encoding="utf-8"),
        actions,
    )


# === 22 Lewisham-style plan as a portrait PDF ================================================


def doc_lewisham_pdf():
    area = "Deptwood"

    def r(section, index, ref, when, due, letter, more=""):
        rag = {"G": "green", "A": "amber", "R": "red", "": ""}[letter]
        item = row(area, section, index, ref, when, due, rag=rag)
        item.outcome = f"{item.outcome}. {item.progress}.{more}"
        item.cells = {"RAG": letter}
        return item

    plan = {
        1: [
            SUB[1][0],
            r(1, 0, "1.1", "November 2014", "2014-11-30", "G"),
            r(1, 1, "1.2", "January 2015", "2015-01-31", "A"),
            SUB[1][1],
            r(1, 5, "1.3", "31st March 2015", "2015-03-31", "G"),
        ],
        2: [
            SUB[2][0],
            r(2, 3, "2.1", "From April 2015", None, "A"),
            r(2, 6, "2.2", "June 2015", "2015-06-30", "R"),
        ],
        3: [
            SUB[3][0],
            r(3, 4, "3.1", "October 2015", "2015-10-31", "G"),
            r(3, 7, "3.2", "2015", "2015-12-31", "A"),
        ],
        4: [SUB[4][0], r(4, 2, "4.1", "Ongoing", None, "G", LONG)],
        5: [
            SUB[5][1],
            r(5, 9, "5.1", "September 2015", "2015-09-30", "A"),
            r(5, 3, "5.2", "By December 2015", "2015-12-31", ""),
        ],
    }
    story = [
        w.pdf_paragraph(
            "Template action plan to enable delivery of shared goals of the Mental "
            "Health Crisis Care Concordat",
            size=8,
        ),
        w.pdf_paragraph("LB Deptwood & Deptwood CCG", bold=True),
        w.pdf_paragraph(
            "Deptwood Mental Health Crisis Care Concordat Action Plan", bold=True, size=13
        ),
        w.pdf_paragraph(
            "This multi-agency plan was written during 2014/15 by the Deptwood crisis "
            "concordat development group, which will monitor it and review it with "
            "people who use services."
        ),
    ]
    actions = []
    for section, items in plan.items():
        story.append(w.pdf_paragraph(f"{section}. {SECTION_TITLES[section]}", bold=True))
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes", "RAG")]
        rows += section_rows(
            items, section, lambda item: template_cells(item, item.cells["RAG"]), actions
        )
        story.append(w.pdf_table(rows, [32, 144, 62, 85, 156, 36], font_size=10))
    data = w.pdf_bytes(
        story,
        footer="Deptwood Crisis Care Concordat Action Plan – page {page}",
        landscape_page=False,
    )
    return Doc(
        "d22_deptwood_sections.pdf",
        "pdf",
        "Lewisham 2014/15 plan as a portrait PDF: title block, a table per Concordat "
        "section under its heading, sub-theme rows, RAG letters, tables and rows "
        "breaking across pages, a running footer",
        False,
        data,
        actions,
    )


# === 23 Doncaster-style progress update kept as a workbook ===================================


def doc_doncaster_workbook():
    area = "Thorne Moor"
    shared = "Thorne Moor Council and Thorne Moor CCG"

    def r(section, index, ref, when, due, word, rag, status="", **kwargs):
        item = row(area, section, index, ref, when, due, rag=rag, status=status, **kwargs)
        item.cells = {"RAG": word, "number": int(ref)}
        return item

    training = r(4, 0, "7", "From November 2015", None, "AMBER", "amber")
    training.taction = training.action + " with refresher sessions every year"
    plan = {
        1: [
            SUB[1][0],
            r(1, 2, "1", "2015", "2015-12-31", "GREEN", "green"),
            r(1, 4, "2", "2015/2016", "2016-03-31", "AMBER", "amber"),
        ],
        2: [
            SUB[2][0],
            r(2, 8, "3", "Q4 2015/16", "2016-03-31", "AMBER", "amber", lead=shared),
            r(2, 3, "4", "March 2016", "2016-03-31", "GREEN", "green", lead=shared),
        ],
        3: [
            SUB[3][0],
            r(3, 6, "5", "Ongoing", None, None, "green"),
            r(3, 5, "6", "2014/15", "2015-03-31", "BLUE – COMPLETE", "blue", "complete"),
            ("progress", "(continued) Protocol reviewed after six months; no changes needed."),
        ],
        4: [SUB[4][0], training, ("action", "with refresher sessions every year")],
        5: [
            SUB[5][1],
            r(5, 5, "8", "January 2016", "2016-01-31", "RED", "red"),
            r(5, 0, "9", "2015/16", "2016-03-31", None, "green"),
        ],
    }
    workbook = w.xlsx_workbook()
    sheet = workbook.active
    sheet.title = "Crisis Concordat"
    for column, width in zip("ABCDEFG", (6, 40, 14, 24, 32, 45, 12), strict=True):
        sheet.column_dimensions[column].width = width
    for number, text in enumerate(
        [
            "Thorne Moor Health & Wellbeing Board",
            "Action plan to enable delivery of shared goals of The Mental Health Crisis Care "
            "Concordat",
            "Thorne Moor Crisis Care Concordat Action Plan – Progress Update 31 January 2016",
        ],
        start=1,
    ):
        w.xlsx_put(sheet, number, 1, text, bold=number != 2, wrap=False)
    headings = (
        "No.",
        "Action",
        "Timescale",
        "Led By",
        "Outcomes",
        "Summary progress against actions\n(include outcome measures where relevant)",
        "Red/Amber/\nGreen (RAG)",
    )
    for column, text in enumerate(headings, start=1):
        w.xlsx_put(sheet, 5, column, text, bold=True, fill=SHADE)
    line, lead_top = 6, None
    actions = []
    for section, items in plan.items():
        w.xlsx_put(sheet, line, 1, f"{section}. {SECTION_TITLES[section]}", bold=True, fill=SHADE)
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=7)
        line += 1
        for item in placed(items, section):
            if isinstance(item, str):
                w.xlsx_put(sheet, line, 1, item)
                sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=7)
            elif isinstance(item, tuple):
                w.xlsx_put(sheet, line, 2 if item[0] == "action" else 6, item[1])
            else:
                w.xlsx_put(sheet, line, 1, item.cells["number"])
                w.xlsx_put(sheet, line, 2, item.action)
                w.xlsx_put(sheet, line, 3, item.timescale)
                if item.lead == shared and lead_top is not None:
                    sheet.merge_cells(
                        start_row=lead_top, start_column=4, end_row=line, end_column=4
                    )
                else:
                    w.xlsx_put(sheet, line, 4, item.lead)
                    lead_top = line if item.lead == shared else None
                w.xlsx_put(sheet, line, 5, item.outcome)
                w.xlsx_put(sheet, line, 6, item.progress)
                w.xlsx_put(sheet, line, 7, item.cells["RAG"], fill=FILLS[item.rag])
                actions.append(item)
            line += 1
    return Doc(
        "d23_thorne_moor_progress.xlsx",
        "xlsx",
        "Doncaster progress update kept as a workbook: three title rows, headings with "
        "line breaks ('Summary progress against actions', 'Red/Amber/Green (RAG)'), "
        "merged shaded section rows and sub-theme rows, refs stored as numbers running "
        "across sections, a lead merged down over two actions, RAG words in capitals "
        "on colour, continuation rows finishing an action's text and a progress note",
        True,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 24 Northamptonshire-style plan as a portrait PDF: greyed removed rows ===================


def doc_northants_pdf():
    area = "Nenford"
    key = {"green": "complete", "amber": "in_progress", "red": "not_started", "": ""}

    def r(section, index, ref, when, due, rag, removed=False, more=""):
        item = row(
            area,
            section,
            index,
            ref,
            when,
            due,
            rag=rag,
            removed=removed,
            status="superseded" if removed else key[rag],
        )
        item.progress += more
        return item

    plan = {
        1: [
            r(1, 1, "1.1", "June 2015", "2015-06-30", "green"),
            r(1, 3, "1.2", "Q3 2015/16", "2015-12-31", "amber"),
            r(1, 8, "1.3", "December 2015", "2015-12-31", "", removed=True),
        ],
        2: [
            r(2, 9, "2.1", "April 2016", "2016-04-30", "red"),
            r(2, 4, "2.2", "Ongoing", None, "amber"),
        ],
        3: [
            r(3, 2, "3.1", "2015/16", "2016-03-31", "green"),
            r(3, 5, "3.2", "March 2016", "2016-03-31", "", removed=True),
            r(3, 0, "3.3", "Ongoing", None, "amber", more=LONG),
        ],
        4: [r(4, 5, "4.1", "January 2016", "2016-01-31", "green")],
        5: [
            r(5, 8, "5.1", "2016/17", "2017-03-31", "red"),
            r(5, 2, "5.2", "Spring 2016", "2016-05-31", "amber"),
        ],
    }
    story = [
        w.pdf_paragraph("Nenford action plan", bold=True, size=13),
        w.pdf_paragraph(
            "to enable delivery of shared goals of the Mental Health Crisis Care Concordat",
            bold=True,
        ),
        w.pdf_paragraph(
            "Updated January 2016: Red – Not yet started, Amber – Ongoing, Green – "
            "Completed / Grey shading indicates actions removed or absorbed into a "
            "different action."
        ),
        w.pdf_paragraph(
            "• the person in crisis and their carer are at the centre of every "
            "decision\n• everyone knows who to call at any hour\n• every crisis is "
            "followed by a plan to prevent the next one"
        ),
    ]
    actions = []
    for section, items in plan.items():
        story.append(w.pdf_paragraph(f"{section}. {SECTION_TITLES[section]}", bold=True))
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes", "Rag Rating")]
        for item in placed(items, section):
            text = (
                item.ref,
                item.action,
                item.timescale,
                item.lead,
                f"{item.outcome}. {item.progress}.",
                "",
            )
            if item.removed:
                rows.append(cells(*text, shade=GREY, grey=True))
            else:
                rows.append(cells(*text, fills={5: FILLS.get(item.rag)}))
            actions.append(item)
        story.append(w.pdf_table(rows, [32, 148, 65, 85, 148, 60], font_size=10))
    data = w.pdf_bytes(
        story,
        header="Nenford Crisis Care Concordat action plan – January 2016",
        footer="{page}",
        landscape_page=False,
    )
    return Doc(
        "d24_nenford_grey_removed.pdf",
        "pdf",
        "Northamptonshire plan as a portrait PDF: colour key line (grey = removed), "
        "typed bullets, numbered section headings, a table per section with 'Rag "
        "Rating' as fill only, removed actions in grey on grey shading, tables breaking "
        "across pages, running header and page numbers",
        True,
        data,
        actions,
    )


# === 25 Camden and Islington-style refreshed plan in OpenDocument ===========================


def doc_camden_odt():
    area = "Islebury"
    titles = {
        1: "1. Commissioning, strategy and infrastructure for responsive crisis services",
        2: "2. Help before a crisis",
        3: "3. Help in an emergency",
        4: "4. Good care in a crisis",
        5: "5. Staying well afterwards",
    }
    lettered = Row(
        "1.1.",
        "Commissioners will include the Concordat's standards in:\na) the mental health "
        "commissioning strategy\nb) the urgent care plan\nc) the children's transformation plan",
        "By March 2016",
        "a) Islebury CCG\nb) Urgent Care Board\nc) Children's commissioner",
        "2016-03-31",
        tref="1.1",
        status="in_progress",
        outcome="Crisis care standards written into commissioning",
        progress="a) ON TRACK: strategy drafted\nb) ON TRACK: plan out for comment\nc) ON "
        "TRACK: included in the October refresh",
    )

    def r(section, index, ref, when, due, update, status="", **kwargs):
        return row(area, section, index, ref, when, due, progress=update, status=status, **kwargs)

    plan = {
        1: [
            lettered,
            r(
                1,
                9,
                "*1.2",
                "Quarterly",
                None,
                "ON TRACK: two experts by experience recruited",
                "in_progress",
                new=True,
                tref="1.2",
            ),
        ],
        2: [
            r(
                2,
                7,
                "2.1",
                "Oct-15",
                "2015-10-31",
                "NOT STARTED: bid to the carers' fund in preparation",
                "not_started",
            ),
            r(2, 3, "2.2*", "From January 2016", None, "", new=True, tref="2.2"),
        ],
        3: [r(3, 9, "3.1", "Ongoing", None, "ON TRACK: reviewed at every meeting", "in_progress")],
        4: [r(4, 4, "4.1", "June 2016", "2016-06-30", "ON TRACK", "in_progress")],
        5: [r(5, 6, "*5.1", "2016/17", "2017-03-31", "", new=True, tref="5.1")],
    }
    annex = {
        2: [
            r(
                2,
                0,
                "2.3",
                "April 2015",
                "2015-04-30",
                "COMPLETE: number live since April",
                "complete",
            )
        ],
        4: [r(4, 9, "4.2", "September 2015", "2015-09-30", "COMPLETE", "complete")],
    }
    odt = w.OdtWriter()
    odt.heading("Islebury Crisis Care Concordat – Local Action Plan")
    odt.paragraph("Islebury Crisis Care Concordat action plan refreshed November 2015", bold=True)
    odt.paragraph(
        "We wrote our first plan with partners in 2014 and refreshed it in November "
        "2015. Newly added actions are indicated with a * next to the action number. "
        "Completed actions move to Appendix A."
    )
    header = ("No.", "Action", "Due by", "Led By", "Outputs", "Update")
    actions = []
    tables, appendix = refresh_tables(plan, annex, titles, header, actions)
    for section, rows in tables.items():
        odt.paragraph(titles[section], bold=True)
        odt.table(rows, name=f"Section{section}")
    odt.heading("Appendix A – completed actions", level=2)
    odt.table(appendix, name="AppendixA")
    return Doc(
        "d25_islebury_refresh.odt",
        "odt",
        "Camden and Islington plan refreshed October 2015, in OpenDocument: the plan's "
        "own short section titles, * before or after refs for new actions, an action "
        "and its lead split into lettered parts, 'ON TRACK:' style updates, completed "
        "actions in an Appendix A with section rows",
        False,
        odt.bytes(),
        actions,
    )


MORE_BUILDERS = [
    doc_gloucestershire,
    doc_sunderland,
    doc_section_letters,
    doc_north_essex,
    doc_lancashire,
    doc_swindon,
    doc_durham_csv,
    doc_bristol_workbook,
    doc_south_glos_theme,
    doc_bath,
    doc_bristol,
    doc_glos_workbook,
    doc_croydon_csv,
    doc_lewisham_pdf,
    doc_doncaster_workbook,
    doc_northants_pdf,
    doc_camden_odt,
]

LAYOUT_IDS = {
    "d09_glenshire_continuous.docx": "gloucestershire-v23",
    "d10_wearmouth_priorities.odt": "sunderland-2015",
    "d11_fenmarsh_section_letters.docx": "section-a-priority-status-2015",
    "d12_north_esterby_kpi.pdf": "north-essex-2015",
    "d13_lonsdale_signatories.docx": "pan-lancashire-2015",
    "d14_kingsdown_cp1252.csv": "swindon-2015",
    "d15_teesford_bom.csv": "durham-darlington-refreshed",
    "d16_severnside_workbook.xlsx": "bristol-2015",
    "d17_frome_valley_theme.xlsx": "south-gloucestershire-v3",
    "d18_avonbridge_review.pdf": "bath-ne-somerset-2015",
    "d19_brigstowe_template.odt": "bristol-2015",
    "d20_cotswold_edge_roman.xlsx": "gloucestershire-v23",
    "d21_westbrook_rag_comments.csv": "croydon-2015",
    "d22_deptwood_sections.pdf": "lewisham-2014",
    "d23_thorne_moor_progress.xlsx": "doncaster-2015",
    "d24_nenford_grey_removed.pdf": "northamptonshire-2015",
    "d25_islebury_refresh.odt": "camden-islington-2015",
}
