"""Corpus documents 26-38: a second held-back set, built after the importer was tuned on 01-25.

Each copies the layout of a real published 2014-16 local Crisis Care Concordat plan or progress
report that documents 01-25 do not copy (named in its `layout`); every word is new and the areas,
people and most bodies are invented. The truth of each action is typed by hand beside its row,
as in build.py and plans_more.py.
"""

from datetime import date

import writers as w
from content import Row
from parts import AMBER, BLUE, FILLS, GREEN, RED, SHADE, Doc, cells, head, merged

YELLOW, PURPLE = "FFFF00", "7030A0"


def act(ref, action, timescale, lead, due, section, **kwargs):
    """One action as the document shows it, with the truth typed beside it."""
    return Row(
        ref=ref, action=action, timescale=timescale, lead=lead, due=due, section=section, **kwargs
    )


# === 26 Birmingham-style position statement: current position, gap, proposed action ==========


def doc_brenthall():
    def r(ref, section, rec, now, gap, action, when, due, lead, outcome, progress, rag, status=""):
        item = act(
            ref,
            action,
            when,
            lead,
            due,
            section,
            status=status,
            rag=rag,
            outcome=outcome,
            progress=progress,
        )
        item.cells = {"rec": f"{ref} {rec}", "now": now, "gap": gap}
        return item

    plan = [
        (
            "Access to support before crisis point – Early intervention",
            [
                r(
                    "A1",
                    2,
                    "Single point of access to a multi-disciplinary mental health team",
                    "Brenthall and Marsh Partnership NHS FT opened a single point of access for "
                    "adults in April 2015.\nChildren under 16 are seen by the children's "
                    "hospital duty team until 8pm.",
                    "The adult route is new and has not been reviewed.\nNothing for children "
                    "after 8pm.",
                    "•W Review how the adult single point of access is working, using six "
                    "months of referral data\n•W Extend the children's duty line to 24 hours "
                    "within the 0–25 service contract",
                    "Review November 2015\n24 hour line March 2016",
                    "2016-03-31",
                    "Brenthall and Marsh Partnership NHS FT\nJoint Commissioning Team",
                    "•W I only have to be referred once and I reach the right team\n•W My "
                    "child can get help at night",
                    "Review done: referrals reach the right team first time in nine cases "
                    "out of ten",
                    "green",
                ),
                r(
                    "A2",
                    2,
                    "A joined-up response from services, with strong links between agencies",
                    "Police and the trust meet monthly.\nThere is no shared list of people at "
                    "risk.",
                    "Agencies cannot see crisis plans out of hours.",
                    "•W Agree an information sharing protocol for crisis plans between police, "
                    "ambulance and the trust\n•W Give the street triage team read access to "
                    "crisis plans",
                    "Protocol signed January 2016",
                    "2016-01-31",
                    "Brenthall Police\nWest Midshire Ambulance Service\nBrenthall and Marsh "
                    "Partnership NHS FT",
                    "•W The people who come to help me know my crisis plan",
                    "Protocol with the three legal teams; signing delayed",
                    "amber",
                ),
                r(
                    "A3",
                    2,
                    "Peer support",
                    "Two peer support groups run by Mind in Brenthall.",
                    "No peer support in the north of the city.",
                    "•W Commission a third peer support group in the north of the city\n•W "
                    "Train ten experts by experience as peer supporters",
                    "Group open April 2016\nTraining from September 2015",
                    "2016-04-30",
                    "Brenthall City Council\nMind in Brenthall",
                    "•W I can talk to someone who has been there",
                    "Not started – funding bid submitted",
                    "red",
                    "not_started",
                ),
            ],
        ),
        (
            "Urgent and emergency access to crisis care",
            [
                r(
                    "B1",
                    3,
                    "People detained under section 136 are assessed in a health-based place "
                    "of safety",
                    "One health-based place of safety with two rooms at the Oakfield Unit.",
                    "Young people are still taken to custody when both rooms are full.",
                    "•W Open a third assessment room at the Oakfield Unit\n•W Agree that no "
                    "one under 18 is taken to a police cell",
                    "Third room October 2015\nUnder-18 agreement in place",
                    "2015-10-31",
                    "Brenthall and Marsh Partnership NHS FT\nBrenthall Police",
                    "•W If I am detained I am taken to a hospital, not a cell",
                    "Complete – third room open since October; no under-18s in cells this year",
                    "green",
                    "complete",
                ),
                r(
                    "B2",
                    3,
                    "Ambulance response to mental health calls",
                    "Ambulance crews convey people detained under section 136 when a vehicle "
                    "is free.",
                    "The average wait for an ambulance at night is over an hour.",
                    "•W Set a 30 minute response standard for section 136 conveyance\n•W "
                    "Report waiting times to the Concordat group every quarter",
                    "Standard agreed December 2015\nQuarterly reports thereafter",
                    "2015-12-31",
                    "West Midshire Ambulance Service",
                    "•W An ambulance comes quickly when I need one",
                    "Standard agreed; night waits still long",
                    "amber",
                ),
            ],
        ),
        (
            "Quality of treatment and care when in crisis",
            [
                r(
                    "C1",
                    4,
                    "Review police use of places of safety",
                    "The police collect custody figures but do not share them.",
                    "No joint review of why people end up in custody.",
                    "•W Hold a joint monthly review of every section 136 detention that ends "
                    "in custody",
                    "Monthly from June 2015",
                    None,
                    "Brenthall Police\nJoint Commissioning Team",
                    "•W Lessons from my detention are learned",
                    "Reviews running; findings go to the Concordat group",
                    "green",
                ),
                r(
                    "C2",
                    4,
                    "Service user and carer safety and safeguarding",
                    "Carers are not always told when someone is taken to a place of safety.",
                    "No agreed way of telling carers.",
                    "•W Write a carers' leaflet for the place of safety\n•W Add a prompt to "
                    "contact the carer to the place of safety checklist",
                    "Leaflet February 2016\nChecklist March 2016",
                    "2016-03-31",
                    "Brenthall Carers Centre\nBrenthall and Marsh Partnership NHS FT",
                    "•W My family knows where I am and who to call",
                    "",
                    "",
                ),
            ],
        ),
        (
            "Recovery and staying well / preventing future crises",
            [
                r(
                    "D1",
                    5,
                    "Joint planning to prevent crises",
                    "Crisis plans are written only for people on the care programme approach.",
                    "People not on the care programme approach leave crisis care with no plan.",
                    "•W Offer a written crisis plan to everyone leaving the home treatment "
                    "team\n•W Audit a sample of plans every six months",
                    "From January 2016\nFirst audit July 2016",
                    "2016-07-31",
                    "Brenthall and Marsh Partnership NHS FT",
                    "•W I leave with a plan I helped to write",
                    "Template agreed with service users",
                    "amber",
                ),
                r(
                    "D2",
                    5,
                    "Housing and work support after a crisis",
                    "An employment adviser works with the early intervention team.",
                    "No housing adviser anywhere in the crisis pathway.",
                    "•W Place a housing options officer with the home treatment team two days "
                    "a week",
                    "2016/17",
                    "2017-03-31",
                    "Brenthall City Council Housing",
                    "•W I do not lose my home because of a crisis",
                    "Red – post not yet funded",
                    "red",
                ),
            ],
        ),
    ]
    document = w.docx_document()
    w.docx_header_footer(
        document, footer="Brenthall Mental Health Concordat – position statement, December 2015"
    )
    w.docx_paragraph(document, "Mental Health Concordat – Brenthall Position Statement", bold=True,
                     size=14)  # fmt: skip
    w.docx_paragraph(document, "and action plan, refreshed December 2015", bold=True)
    w.docx_paragraph(
        document,
        "The Brenthall Concordat group wrote this statement in the autumn of 2014. For each "
        "thing the Concordat recommends it says what Brenthall already has, where the gap is "
        "and what the partners will do to close it. The last column gives progress and a red, "
        "amber or green rating, reviewed at each meeting of the group.",
    )
    rows = [
        head(
            "What is recommended",
            "Currently available in Brenthall",
            "Current gap in Brenthall",
            "Proposed action",
            "Timescale",
            "Lead",
            "Outcomes; people will be able to say",
            "Progress\nRAG",
        )
    ]
    actions = []
    for title, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in items:
            fills = {7: FILLS[item.rag]} if item.rag else {}
            rows.append(
                cells(
                    item.cells["rec"],
                    item.cells["now"],
                    item.cells["gap"],
                    item.action,
                    item.timescale,
                    item.lead,
                    item.outcome,
                    item.progress,
                    fills=fills,
                )
            )
            actions.append(item)
    w.docx_table(document, rows, widths=[3.2, 3.6, 3.2, 4.6, 2.4, 3.0, 3.6, 3.0])
    return Doc(
        "d26_brenthall_position.docx",
        "docx",
        "Birmingham Mental Health Concordat position statement: one landscape table with "
        "'What is recommended / Currently available / Current gap / Proposed action / "
        "Timescale / Lead / Outcomes; people will be able to say / Progress RAG' columns, the "
        "ref (A1, B2) written at the start of the recommendation cell, lettered Concordat "
        "sections without commissioning as shaded rows, proposed actions as Word bullets, "
        "several dates on separate lines in one timescale cell, progress words on a RAG fill",
        True,
        w.docx_bytes(document),
        actions,
    )


# === 28 Hampshire-style project progress report with a milestones table =====================


def doc_hambourne():
    def m(ref, milestone, when, due, status_word, status, section):
        item = act(ref, milestone, when, "", due, section, status=status)
        item.cells = {"Status": status_word}
        return item

    milestones = [
        m("", "Right Here Right Now guidance circulated to all members", "", None, "Complete",
          "complete", None),
        m("1.3", "Appoint an independent chair of the Concordat steering group",
          "December 2014", "2014-12-31", "Complete", "complete", 1),
        m("1.6", "Area declarations signed off by all essential signatories", "December 2014",
          "2014-12-31", "Complete", "complete", 1),
        m("3.5, 3.6, 3.7", "Review of section 136 place of safety provision", "January 2015",
          "2015-01-31", "Complete", "complete", 3),
        m("1.2", "Recruit the Concordat project manager", "April 2015", "2015-04-30",
          "Complete", "complete", 1),
        m("1.4", "Develop an all-age crisis strategy", "October 2015", "2015-10-31",
          "Near completion", "in_progress", 1),
        m("", "Launch the Concordat across the four areas", "June 2015", "2015-06-30",
          "Complete", "complete", None),
        m("1.8", "Local area groups write local area action plans", "October 2015",
          "2015-10-31", "Complete", "complete", 1),
        m("4.5", "Agree a minimum data set across services", "December 2015 / January 2016",
          "2016-01-31", "Underway", "in_progress", 4),
        m("1.7", "Identify the training needs of each team", "September 2015", "2015-09-30",
          "Underway", "in_progress", 1),
        m("2.2", "Share learning from the wellbeing centres", "September 2015", "2015-09-30",
          "Deferred to February ’16 meeting", "", 2),
        m("2.3", "Triage crisis calls through 111", "December 2015", "2015-12-31",
          "Underway – 999 not 111", "in_progress", 2),
        m("", "Map crisis services and providers", "", None, "Complete", "complete", None),
    ]  # fmt: skip
    document = w.docx_document(landscape=False)
    w.docx_header_footer(document, footer="Hambourne and Isle of Ryde Crisis Care Concordat")
    w.docx_paragraph(document, "PROJECT PROGRESS REPORT – Crisis Care Concordat", bold=True,
                     size=14)  # fmt: skip
    form = [
        cells("Project Manager:", "Helen Marsh"),
        cells("Report author:", "Helen Marsh, Tom Driscoll"),
        cells("Date of update:", "December 15"),
    ]
    w.docx_table(document, form, widths=[4.5, 11.5], header_repeat=False)
    w.docx_paragraph(document, "")
    aims = (
        "The Mental Health Crisis Care Concordat was published in February 2014. It is a "
        "joint statement of what people in a mental health crisis should be able to expect "
        "from the public services that respond to them.\nThe Concordat is arranged around:\n"
        "•W Commissioning to allow earlier intervention and responsive crisis services\n"
        "•W Access to support before crisis point\n"
        "•W Urgent and emergency access to crisis care\n"
        "•W The right quality of treatment and care when in crisis\n"
        "•W Recovery and staying well, and preventing future crises"
    )
    w.docx_table(document, [cells("Project aim and objectives:"), cells(aims)], widths=[16],
                 header_repeat=False)  # fmt: skip
    w.docx_paragraph(document, "")
    status = [
        cells("Project Status:", ""),
        cells("On schedule", ""),
        cells("Work Progressing", "x"),
        cells("Behind Schedule/ Reschedule", ""),
    ]
    w.docx_table(document, status, widths=[8, 8], header_repeat=False)
    w.docx_paragraph(
        document,
        "A small group of professionals began the work; in October 2014 a Hambourne and Isle "
        "of Ryde steering group was set up with an independent chair. It has members from "
        "every CCG, the mental health and acute trusts, the four councils, the police, the "
        "ambulance service and the voluntary sector, and reports to the four Health and "
        "Wellbeing Boards.",
    )
    w.docx_paragraph(
        document,
        "Five local area groups now have their own action plans, which feed the overall "
        "plan for Hambourne and the Isle of Ryde. The plans are live documents and will be "
        "added to as the project goes on. Steering group meetings are held every two months.",
    )
    rows = [head("Item no:", "Milestone:", "Due date:", "Status:")]
    for item in milestones:
        rows.append(cells(item.ref, item.action, item.timescale, item.cells["Status"]))
    w.docx_table(document, rows, widths=[2.6, 7.4, 3.4, 2.6])
    w.docx_paragraph(document, "")
    w.docx_paragraph(document, "Progress June–December 2015:", bold=True)
    for text in (
        "The Concordat was launched across Hambourne, Southport Water, Ryde and the Isle on "
        "19 June 2015.",
        "Five local area groups have been set up and have agreed their action plans.",
        "Partner agencies have agreed to share information under the safeguarding adults "
        "board's policy.",
        "Mapping of the journey through crisis services has begun; it will inform the gap "
        "analysis.",
    ):
        w.docx_paragraph(document, "•W " + text)
    w.docx_paragraph(document, "Outcomes of the Concordat work to date:", bold=True)
    for text in (
        "80% fewer uses of police cells as a place of safety in April–September 2015 than "
        "in the same months of 2014.",
        "The hospital liaison team at Hambourne General now works until midnight, seven "
        "days a week.",
    ):
        w.docx_paragraph(document, "•W " + text)
    w.docx_paragraph(document, "Priorities/targets for next period", bold=True)
    for text in (
        "Write a Concordat charter with service users and carers",
        "Agree the minimum data set across all services",
        "Circulate the information sharing protocol to staff",
    ):
        w.docx_paragraph(document, "•W " + text)
    return Doc(
        "d28_hambourne_progress_report.docx",
        "docx",
        "Hampshire and Isle of Wight project progress report of December 2015: a portrait "
        "report form (manager, author, date of update, project status ticked with an x, "
        "aims with Word bullets, narrative), then a milestones table 'Item no: / Milestone: / "
        "Due date: / Status:' whose item numbers are the plan's refs (some blank, one "
        "'3.5, 3.6, 3.7'), statuses in words ('Near completion', 'Underway – 999 not 111'), "
        "no lead column, and bulleted progress, outcomes and priorities after it",
        True,
        w.docx_bytes(document),
        milestones,
    )


# === 32 Solihull-style plan: a merged 'Objective' heading over ref and objective ============


def doc_solbrook():
    def r(ref, section, objective, action, when, due, lead, outcome):
        item = act(ref, action, when, lead, due, section, outcome=outcome)
        item.cells = {"objective": objective}
        return item

    plan = [
        (
            "A Early intervention and access to support before crisis point",
            [
                r(
                    "A1",
                    2,
                    "Access to advice and information",
                    "Link the voluntary sector advice and low level support providers to the "
                    "two wellbeing hubs.\nPilot a mental health advice and crisis line linked "
                    "to 111 from February to April 2016, with the option to extend it after "
                    "an interim evaluation.\nBuild a Solbrook web portal with up-to-date "
                    "information on every local service, linked to police and voluntary "
                    "sector sites.",
                    "First hub open June 2015. Second hub April 2016.\nFebruary 2016\nApril 2016",
                    "2016-04-30",
                    "Early Help Commissioner – accountable to ICASS\nMental Health Commissioner",
                    "•W I can find advice and support that helps me stay independent\n•W I "
                    "feel less isolated and more connected with my community",
                ),
                r(
                    "A2",
                    2,
                    "Access to peer support",
                    "Keep growing peer support groups, building on those at the hubs.\n"
                    "Solbrook Independent Advocacy to train 15 experts by experience for a "
                    "City and Guilds award, the first course starting in April 2016.",
                    "Ongoing\nApril 2016",
                    "2016-04-30",
                    "Mental Health and Early Help Commissioners – accountable to ICASS\n"
                    "Solbrook Independent Advocacy",
                    "•W I can talk to someone who understands what I am going through",
                ),
                r(
                    "A3",
                    2,
                    "Support for carers",
                    "Offer every carer of someone in crisis a carer's assessment within a week.",
                    "From January 2016",
                    None,
                    "Carers Trust Solbrook",
                    "•W As a carer I get support in my own right",
                ),
            ],
        ),
        (
            "B Urgent and emergency access to crisis care",
            [
                r(
                    "B1",
                    3,
                    "Place of safety",
                    "Agree with the police that a health-based place of safety is always used "
                    "for under-18s.\nReport every use of police custody as a place of safety "
                    "to the Concordat group.",
                    "December 2015",
                    "2015-12-31",
                    "Solbrook Police\nHeart of Solbrook NHS FT",
                    "•W I am not kept in a police cell because I am unwell",
                ),
                r(
                    "B2",
                    3,
                    "Ambulance response",
                    "Agree conveyance standards with the ambulance service for people "
                    "detained under section 136.",
                    "Q4 2015/16",
                    "2016-03-31",
                    "Midshire Ambulance Service",
                    "•W I am taken to a place of safety in an ambulance, not a police car",
                ),
                r(
                    "B3",
                    3,
                    "Crisis team response",
                    "Extend the crisis resolution team's hours to 24 hours a day, seven days "
                    "a week, for all ages.",
                    "April 2016",
                    "2016-04-30",
                    "Heart of Solbrook NHS FT",
                    "•W I can get help from the crisis team whatever the time",
                ),
            ],
        ),
        (
            "C Quality of treatment and care when in crisis",
            [
                r(
                    "C1",
                    4,
                    "Dignity in A&E",
                    "Open a quiet assessment room in the emergency department at Solbrook General.",
                    "March 2016",
                    "2016-03-31",
                    "Solbrook Hospitals NHS Trust",
                    "•W I wait somewhere calm and private",
                ),
                r(
                    "C2",
                    4,
                    "Advocacy",
                    "Offer independent mental health advocacy to everyone brought to the "
                    "place of safety.",
                    "Summer 2016",
                    "2016-08-31",
                    "Solbrook Independent Advocacy",
                    "•W Someone is on my side when decisions are made about me",
                ),
            ],
        ),
        (
            "D Recovery and staying well – preventing future crises",
            [
                r(
                    "D1",
                    5,
                    "Staying well",
                    "Give everyone discharged from home treatment a written staying well plan.",
                    "Ongoing",
                    None,
                    "Heart of Solbrook NHS FT",
                    "•W I know what to do if I start to become unwell again",
                ),
                r(
                    "D2",
                    5,
                    "Work and housing",
                    "Fund an employment adviser in each community mental health team.\nAgree a "
                    "housing protocol for people leaving hospital.",
                    "June 2016\nSeptember 2016",
                    "2016-09-30",
                    "Solbrook Council",
                    "•W I keep my job and my home",
                ),
            ],
        ),
    ]
    document = w.docx_document()
    w.docx_header_footer(document, footer="Solbrook Crisis Care Concordat action plan 2015/16")
    w.docx_paragraph(document, "Crisis Care Concordat Mental Health Solbrook Action Plan",
                     bold=True, size=14)  # fmt: skip
    w.docx_paragraph(
        document,
        "This plan was agreed by the Solbrook Integrated Commissioning and Strategy Sub-group "
        "(ICASS), which will check progress at each of its meetings.",
    )
    rows = [
        head(
            "Objective",
            "",
            "Action",
            "Timescale",
            "Led by",
            "Outcomes:\npeople will be able to say:",
        )
    ]
    actions = []
    for title, items in plan:
        rows.append(merged(title))
        for item in items:
            rows.append(
                cells(
                    item.ref,
                    item.cells["objective"],
                    item.action,
                    item.timescale,
                    item.lead,
                    item.outcome,
                )
            )
            actions.append(item)
    table = w.docx_table(document, rows, widths=[1.2, 3.5, 9.0, 3.6, 3.8, 5.6])
    table.cell(0, 0).merge(table.cell(0, 1))
    return Doc(
        "d32_solbrook_objectives.docx",
        "docx",
        "Solihull Crisis Care Concordat action plan: an 'Objective' heading merged over two "
        "columns (the ref A1 and a short objective), 'Action / Timescale / Led by / Outcomes: "
        "people will be able to say:' with a line break in the heading, lettered section rows "
        "(A early intervention and access, B urgent care ...), actions of several paragraphs "
        "with the timescale cell holding one line per paragraph ('Ongoing' above a month), "
        "leads 'accountable to ICASS', 'I' statements as Word bullets",
        True,
        w.docx_bytes(document),
        actions,
    )


# === 27 North West London-style delivery update: objectives, refs restarting, RAG fill ======


def doc_westmarch():
    def r(ref, section, action, when, due, lead, rag, note, new=False):
        shown = f"{ref}\nNew Action" if new else ref
        return act(shown, action, when, lead, due, section, rag=rag, new=new, tref=ref,
                   progress=note)  # fmt: skip

    objectives = [
        (
            "Objective 1 – Make sure commissioning, providers, partnerships and "
            "infrastructure are in place to secure delivery",
            1,
            [
                r("1", 1, "Partnership arrangements and governance are robust and are "
                  "reviewed regularly to check they work", "On-going review each quarter",
                  None, "Mental Health Transformation Board\nUrgent Care Board", "green",
                  "The review group met in February and found the arrangements sound.\n"
                  "Next review booked for May; each borough to bring its own summary."),
                r("2", 1, "Relaunch the crisis review group to track this plan and raise "
                  "urgent care issues across the eight boroughs", "June 2016", "2016-06-30",
                  "Crisis Concordat Review Group", "",
                  "Terms of reference drafted.\nQuarterly dates to be set at the April "
                  "meeting.", new=True),
                r("3", 1, "Each borough's joint strategic needs assessment includes crisis "
                  "activity and feeds commissioning plans that close the gaps found",
                  "31.03.2016", "2016-03-31", "CCGs & borough councils", "amber",
                  "Three of the eight boroughs have added crisis data.\nProgramme managers "
                  "to chase the other five with their public health teams."),
            ],
        ),
        (
            "Objective 2 – Make sure people can get help before they reach crisis point",
            2,
            [
                r("1", 2, "Publish one crisis line number for each borough and check that "
                  "it is answered day and night", "Sept 2016", "2016-09-30",
                  "Westmarch Mental Health NHS Trust", "amber",
                  "Line live in five boroughs.\nA call audit is planned for the summer, "
                  "with mystery shoppers recruited through the service user forum."),
                r("2", 2, "GPs can get same-day telephone advice from a consultant "
                  "psychiatrist about a patient at risk of crisis", "End of Q1 2016/17",
                  "2016-06-30", "CCG commissioners\nWestmarch Mental Health NHS Trust",
                  "green", "Pilot running in two practices in each borough; GPs rate it "
                  "highly.\nRoll-out to all practices depends on the consultant rota."),
                r("3", 2, "Review pathways so that people with mental health, physical "
                  "health and drug or alcohol needs get parity of esteem, including "
                  "homeless people and foreign nationals", "March 2017", "2017-03-31",
                  "Borough substance misuse leads\nService users and carers\nWestmarch "
                  "Collaborative", "", "New action.\nCross reference Objective 4 Ref 2.",
                  new=True),
                r("4", 2, "Agree how the crisis line, NHS 111 and the police control room pass "
                  "calls to one another, so that no caller is asked to ring somewhere else",
                  "December 2016", "2016-12-31",
                  "Westmarch Mental Health NHS Trust\nWestmarch Police\nNHS 111 provider",
                  "amber", "Call flows mapped at a workshop in February with people who have "
                  "used the line.\nAn agreement has been drafted for the three services to "
                  "sign.\nThe police want a direct line for officers at the scene; the trust "
                  "will cost this before the April meeting."),
            ],
        ),
        (
            "Objective 3 – Make sure a mental health crisis gets an urgent and emergency "
            "response",
            3,
            [
                r("1", 3, "Agree a 30 minute ambulance response for people detained under "
                  "section 136", "June 2016", "2016-06-30", "Westmarch Ambulance Service",
                  "red", "Response times are not yet reported by borough.\nEscalated to the "
                  "Urgent Care Board in March; the ambulance service will report at the "
                  "June board."),
                r("2", 3, "Open a second health-based place of safety in the east of the "
                  "area", "March 2017", "2017-03-31",
                  "Westmarch Mental Health NHS Trust\nCCG estates lead", "amber",
                  "Site chosen at the Eastfield Centre; capital bid submitted in January."),
            ],
        ),
        (
            "Objective 4 – Make sure the quality of treatment and care in crisis is high",
            4,
            [
                r("1", 4, "Train emergency department staff to respond well to people in "
                  "a mental health crisis", "Dec 2016", "2016-12-31",
                  "Acute trusts' education leads", "green",
                  "210 staff trained so far.\nAn e-learning module was launched in February "
                  "and is now part of induction in four of the five hospitals."),
                r("2", 4, "Include urgent care service specifications in every 2016/17 "
                  "mental health contract", "March 2017", "2017-03-31",
                  "Contract leads\nCCG commissioners", "amber",
                  "Existing specification to be agreed with the providers for the 2016/17 "
                  "contracts."),
            ],
        ),
        (
            "Objective 5 – Help people recover, stay well and avoid future crises",
            5,
            [
                r("1", 5, "Offer a recovery college place to everyone discharged from home "
                  "treatment", "2016/17", "2017-03-31", "Westmarch Recovery College",
                  "green", "Two new college sites opened; enrolment from home treatment is "
                  "rising every month."),
                r("2", 5, "A peer-led follow-up call within 72 hours of discharge from "
                  "crisis services", "October 2016", "2016-10-31", "Mind in Westmarch", "",
                  "New action for 2016/17; funding agreed in principle.", new=True),
            ],
        ),
    ]  # fmt: skip
    story = [
        w.pdf_paragraph(
            "Delivering the Mental Health Crisis Concordat: Westmarch Delivery Update",
            bold=True,
            size=13,
        ),
        w.pdf_paragraph("Date: 16.3.2016", bold=True),
        w.pdf_paragraph(
            "This update covers the eight Westmarch boroughs. It was prepared for the Mental "
            "Health Transformation Board from the returns of each action's lead. New actions "
            "agreed at the February review session are marked under their number.",
            size=9,
        ),
        w.pdf_paragraph(
            "Leads sent their returns by 4 March 2016; where no return came in, the last "
            "update is repeated. The RAG colour is each lead's own rating of the action, and "
            "the last column records what the lead will do next. Actions finished before "
            "January 2016 were reported to the board in December and are not repeated here.",
            size=9,
        ),
        w.pdf_paragraph(
            "Programme Objectives – Actions, Milestones & Progress", bold=True, size=11
        ),  # fmt: skip
    ]
    actions = []
    for title, _section, items in objectives:
        story.append(w.pdf_paragraph(title, bold=True, size=10))
        rows = [head("Ref", "Actions and Milestones", "By when", "Lead", "RAG", "Action")]
        for item in items:
            fills = {4: FILLS[item.rag]} if item.rag else {}
            rows.append(
                cells(
                    item.ref, item.action, item.timescale, item.lead, "", item.progress, fills=fills
                )  # fmt: skip
            )
            actions.append(item)
        story.append(w.pdf_table(rows, [40, 230, 80, 130, 40, 242], font_size=10))
    data = w.pdf_bytes(
        story,
        header="Westmarch Crisis Concordat – Delivery Update",
        footer="Date: 16.3.2016 – page {page}",
    )
    return Doc(
        "d27_westmarch_delivery_update.pdf",
        "pdf",
        "North West London 'Delivering the Mental Health Crisis Concordat: NWL Delivery "
        "Update' of 16.3.2016: a table per programme objective under its heading (objectives "
        "worded unlike the Concordat's section titles), 'Ref / Actions and Milestones / By "
        "when / Lead / RAG / Action' where the last column headed 'Action' holds the progress "
        "notes, refs restarting at 1 under each objective, 'New Action' written under the "
        "number in the ref cell, RAG as fill only, a dotted date '31.03.2016'; landscape PDF "
        "spanning pages with running header and footer",
        True,
        data,
        actions,
    )


# === 30 Oxfordshire-style plan: outcomes before the deliverable, owners' actions at a date ===


def doc_ockford():
    def r(ref, section, outcomes, deliverable, who, when, due, owners, word, rag, status=""):
        item = act(ref, deliverable, when, who, due, section, rag=rag, status=status,
                   outcome=outcomes, progress=owners)  # fmt: skip
        item.cells = {"Status RAG": word}
        return item

    plan = [
        (
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            [
                "Improve partnership working",
                r("1", 1, "1a\n•W Fewer people in mental health crisis using 999, 111 and "
                  "the emergency departments in Ockford and Banmoor\n•W Emergency services "
                  "respond better: the right care at the right time\n1b\n•W Fewer people "
                  "known to mental health services using crisis services",
                  "A local working-together document that sets out a shared approach across "
                  "the urgent care pathway, including data collection, monitoring and "
                  "escalation, so that no one in crisis is turned away because of their "
                  "age, a learning disability, autism, drug or alcohol use or "
                  "homelessness. It will include a shared understanding of who conveys "
                  "people in crisis and who pays.",
                  "OCCG, OHFT, Thames Vale Police, South Central Ambulance", "March 2016",
                  "2016-03-31", "Draft document tested at a desk-top exercise run by the "
                  "police in November. Final version to the January board.", "Amber",
                  "amber"),
                r("2", 1, "2a\n•W People known to services have a crisis plan that every "
                  "agency can see",
                  "Joint crisis planning for people known to mental health services: crisis "
                  "and contingency plans built into care plans, shared with every agency "
                  "involved in the person's care, with a named contact.",
                  "OHFT", "Dec 2015", "2015-12-31", "Crisis plan template agreed. An audit "
                  "shows that 64% of people on the care programme approach have a shared "
                  "plan.", "Green", "green"),
                "Commissioning for all ages",
                r("3", 1, "3a\n•W Children and young people have a crisis offer as good as "
                  "adults'",
                  "A single crisis commissioning plan for children and young people, agreed "
                  "with the local transformation plan for CAMHS and with schools.",
                  "OCCG and Ockford County Council children's commissioners", "April 2016",
                  "2016-04-30", "Transformation plan approved by NHS England; crisis "
                  "chapter being written with young people from the youth forum.", "Amber",
                  "amber"),
            ],
        ),
        (
            "2. Access to support before crisis point",
            [
                "Early help",
                r("4", 2, "4a\n•W GPs get advice the same day",
                  "GP practices can call a duty psychiatrist for same-day advice about a "
                  "patient who may be heading for a crisis.",
                  "OHFT, OCCG", "From April 2016", None, "Rota agreed; starts with the new "
                  "contract year.", "Green", "green"),
                r("5", 2, "5a\n•W Somewhere to go in the evening that is not A&E",
                  "A crisis café open in Ockford city centre on Friday and Saturday "
                  "evenings, run with the voluntary sector and staffed by trained "
                  "volunteers with a mental health worker on call.",
                  "Ockford Mind", "Summer 2016", "2016-08-31", "Premises found; volunteers "
                  "being recruited.", "Amber", "amber"),
            ],
        ),
        (
            "3. Urgent and emergency access to crisis care",
            [
                "Places of safety",
                r("6", 3, "6a\n•W No child held in a police cell",
                  "No one under 18 is taken to a police cell as a place of safety; a named "
                  "place of safety for children is agreed.",
                  "Thames Vale Police, OHFT", "Dec 2015", "2015-12-31", "No under-18s held "
                  "in custody since July.", "Complete", "green", "complete"),
                r("7", 3, "7a\n•W Fewer section 136 detentions in the north of the county",
                  "Street triage extended to cover the north of the county every evening.",
                  "TVP, OHFT", "March 2016", "2016-03-31", "Funding for the north not yet "
                  "agreed.", "Red", "red"),
            ],
        ),
        (
            "4. Quality of treatment and care when in crisis",
            [
                "Dignity and safety",
                r("8", 4, "8a\n•W People wait for an assessment somewhere safe and quiet",
                  "Every emergency department has a safe, quiet room for people waiting for "
                  "a mental health assessment.",
                  "Ockford University Hospitals", "2015/16", "2016-03-31", "Room opened at "
                  "the John Ockford site; Banmoor room planned.", "Amber", "amber"),
                r("9", 4, "9a\n•W Staff from different agencies understand each other's "
                  "roles under the Act",
                  "Joint training on the Mental Health Act for police, ambulance staff and "
                  "approved mental health professionals.",
                  "OHFT, TVP, SCAS, OCC AMHP service", "Jan – Mar 2016", "2016-03-31",
                  "Three sessions booked.", "Green", "green"),
            ],
        ),
        (
            "5. Recovery and staying well / preventing future crises",
            [
                "Life after a crisis",
                r("10", 5, "10a\n•W Fewer people return to crisis services within a year",
                  "People leaving crisis services get help with housing, money and work "
                  "from one named worker.",
                  "Ockford County Council", "Spring 2016", "2016-05-31", "Job description "
                  "agreed.", "Amber", "amber"),
                r("11", 5, "11a\n•W Support from people who have been there",
                  "Peer support workers in every crisis and home treatment team.",
                  "OHFT", "2016/17", "2017-03-31", "Four of six posts filled.", "Green",
                  "green"),
            ],
        ),
    ]  # fmt: skip
    story = [
        w.pdf_paragraph("OCKFORD ACTION PLAN", bold=True, size=14),
        w.pdf_paragraph(
            "Crisis Care Concordat: deliverables agreed by the Ockford partners, with each "
            "owner's actions as at December 2015.",
            size=9,
        ),
        w.pdf_paragraph(
            "The deliverables were agreed at the partners' workshop in March 2015. Each owner "
            "sent an update in December; the status column gives the owner's own rating. The "
            "outcomes are numbered after the deliverable they belong to (1a, 1b), so that the "
            "Health and Wellbeing Board can follow each one through to the measures it will "
            "report.",
            size=9,
        ),
    ]
    header = (
        "No.",
        "Concordat outcomes",
        "Deliverables",
        "Who",
        "By when",
        "Owners actions @ Dec 2015",
        "Status RAG",
    )
    actions = []
    for title, items in plan:
        story.append(w.pdf_paragraph(title, bold=True, size=10))
        rows = [head(*header)]
        for item in items:
            if isinstance(item, str):
                rows.append(merged(item, shade=SHADE))
                continue
            rows.append(
                cells(item.ref, item.outcome, item.action, item.lead, item.timescale,
                      item.progress, item.cells["Status RAG"], fills={6: FILLS[item.rag]})
            )  # fmt: skip
            actions.append(item)
        story.append(w.pdf_table(rows, [28, 150, 200, 90, 55, 170, 69], font_size=9))
    data = w.pdf_bytes(
        story,
        header="OCKFORD ACTION PLAN – Crisis Care Concordat",
        footer="Owners' actions at December 2015 – page {page}",
    )
    return Doc(
        "d30_ockford_deliverables.pdf",
        "pdf",
        "Oxfordshire action plan with owners' actions at December 2015: a table per Concordat "
        "section with sub-theme rows, 'No. / Concordat outcomes / Deliverables / Who / By when "
        "/ Owners actions @ Dec 2015 / Status RAG' where the action is the long 'Deliverables' "
        "prose in the third column after an outcomes column with 1a/1b labels and bullets, "
        "refs running across sections, RAG words on colour; landscape PDF spanning pages with "
        "running header and footer",
        True,
        data,
        actions,
    )


# === 31 Devon-style continuous improvement plan: unheaded ref column, local sections =========


def doc_exmere():
    def r(ref, section, action, when, due, lead, outcome, note="", must=False):
        item = act(ref, action, when, lead, due, section, outcome=outcome, progress=note)
        item.cells = {"must": must}
        return item

    plan = [
        (
            "Governance and guidance",
            [
                r("1", None, "Set up and keep an empowered Exmere-wide multi-agency acute "
                  "care pathway group, informed by people with lived experience, to "
                  "understand need and match services to it", "Mid 2014–end 2016",
                  "2016-12-31", "Martin Hale\nNorth and East Exmere CCG",
                  "•W A shared view of need across the whole county\n•W Decisions taken "
                  "jointly by all agencies", "Group meets monthly"),
                r("2", None, "Agree information sharing principles that every partner signs",
                  "By end Q3 2015/16", "2015-12-31", "Ruth Kerslake\nExmere County Council",
                  "•W Staff know what they can share in a crisis"),
            ],
        ),
        (
            "Commissioning crisis care across Exmere",
            [
                r("3", 1, "Map current crisis provision against the Concordat and cost the "
                  "gaps", "Sep 2015", "2015-09-30", "Martin Hale\nNorth and East Exmere CCG",
                  "•W Commissioners know where the gaps are", "Draft map shared in July"),
                r("4", 1, "Jointly commission a crisis house for the west of the county",
                  "April 2015 – March 2016", "2016-03-31",
                  "Sue Vosper\nExmere County Council\nDr Ian Pike\nWest Exmere CCG",
                  "•W An alternative to admission within reach of the west"),
            ],
        ),
        (
            "Getting help before crisis point",
            [
                r("5", 2, "Publish one crisis telephone number for all ages and all of Exmere",
                  "Ongoing", None, "Dr Kate Lyle\nExmere Partnership NHS Trust",
                  "•W People know who to call at any hour", must=True),
                r("6", 2, "Give GPs a same-day advice line to the crisis team",
                  "Early 2016", "2016-04-30", "Dr Kate Lyle\nExmere Partnership NHS Trust",
                  "•W GPs can act before a crisis", "Business case with the CCG", must=True),
            ],
        ),
        (
            "Urgent and emergency response to people in crisis",
            [
                r("7", 3, "Make sure no one under 18 is held in police custody as a place of "
                  "safety", "31/03/16", "2016-03-31", "Supt Alan Bray\nExmere and Tamar "
                  "Police", "•W No child in a cell", must=True),
                r("8", 3, "Ambulance conveyance for everyone detained under section 136",
                  "Winter 2015", "2016-02-29", "Jo Cann\nPeninsula Ambulance Service",
                  "•W No one taken to hospital in a police car",
                  "Depends on the regional ambulance contract", must=True),
            ],
        ),
        (
            "Care and treatment in crisis",
            [
                r("9", 4, "Review every use of restraint in the place of safety with the "
                  "person afterwards", "Q2 2015/16", "2015-09-30",
                  "Dr Kate Lyle\nExmere Partnership NHS Trust",
                  "•W Less restraint\n•W Lessons learned with the person"),
                r("10", 4, "Offer independent advocacy in the place of safety",
                  "Autumn 2015", "2015-11-30", "Exmere Advocacy",
                  "•W Someone on the person's side"),
            ],
        ),
        (
            "Staying well after a crisis",
            [
                r("11", 5, "Follow up everyone discharged from crisis care within seven days",
                  "2015/16", "2016-03-31", "Dr Kate Lyle\nExmere Partnership NHS Trust",
                  "•W Fewer people return to crisis within a month", must=True),
                r("12", 5, "Peer support groups run by people with lived experience in each "
                  "locality", "Late 2015", "2015-12-31", "Exmere Mind",
                  "•W Support close to home after a crisis", "Three of five running",
                  must=True),
            ],
        ),
        (
            "Workforce and training",
            [
                r("13", None, "Joint Mental Health Act training for police officers, "
                  "paramedics and approved mental health professionals", "From June 2015",
                  None, "Training lead\nExmere Partnership NHS Trust",
                  "•W Staff from each agency understand each other's roles"),
            ],
        ),
    ]  # fmt: skip
    story = [
        w.pdf_paragraph("Version 0.8 (31 Mar 15)", size=9),
        w.pdf_paragraph("FOR FINAL APPROVAL BY 31st MAY", bold=True),
        w.pdf_paragraph(
            "2015 CONTINUOUS IMPROVEMENT ACTION PLAN TO ENABLE DELIVERY OF SHARED GOALS OF THE "
            "MENTAL HEALTH CRISIS CARE CONCORDAT WITHIN EXMERE",
            bold=True,
            size=12,
        ),
        w.pdf_paragraph("This action plan:", bold=True),
    ]
    for number, text in enumerate(
        (
            "Is a local plan written by the Exmere system, from a dialogue between people who "
            "use services and professionals from every agency.",
            "Builds the national 'must dos' into the local plan; they are shown highlighted "
            "in yellow.",
            "Is owned jointly by the public services in Exmere and will be updated continuously.",
            "Covers mainly the actions that can only be taken forward by several agencies "
            "together.",
        ),
        start=1,
    ):
        story.append(w.pdf_paragraph(f"{number}. {text}"))
    rows = [head("", "ACTION", "TIMESCALE", "LED BY", "OUTCOMES/ MEASURES", "NOTES")]
    actions = []
    for title, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in items:
            rows.append(
                cells(item.ref, item.action, item.timescale, item.lead, item.outcome,
                      item.progress, shade=YELLOW if item.cells["must"] else None)
            )  # fmt: skip
            actions.append(item)
    story.append(w.pdf_table(rows, [26, 150, 66, 80, 113, 80], font_size=9))
    data = w.pdf_bytes(
        story,
        header="Exmere Crisis Care Concordat – continuous improvement action plan v0.8",
        footer="Page {page}",
        landscape_page=False,
    )
    return Doc(
        "d31_exmere_continuous.pdf",
        "pdf",
        "Devon continuous improvement action plan version 0.8 (31 March 2015): version and "
        "approval lines and a numbered list before one table whose ref column has no heading "
        "('ACTION / TIMESCALE / LED BY / OUTCOMES/ MEASURES / NOTES'), local section rows of "
        "which some are none of the Concordat's five (governance, workforce), refs running 1 "
        "to 13, national 'must do' rows shaded yellow, person and organisation in the lead "
        "cell, timescales such as 'Mid 2014–end 2016', 'Winter 2015', '31/03/16'; portrait "
        "PDF spanning pages with running header and page numbers",
        True,
        data,
        actions,
    )


# === 29 Warwickshire-style two-level plan: outcomes, recommended and proposed local actions ==


def doc_ardenshire():
    # Each proposed local action is one action; the outcome's ref, the recommended action and
    # some timescales are cells merged down over several of them and belong to each.
    def p(ref, section, proposal, lead, when, due, word, status):
        item = act(ref, "•W " + proposal, when, lead, due, section, status=status)
        item.cells = {"Status": word}
        return item

    plan = [
        (
            "Access to support before crisis point",
            "Leads to be confirmed at the task and finish group, 14 April 2015",
            [
                ("A1", "Early intervention – protecting people whose circumstances make them "
                 "vulnerable", [
                    ("Single point of access to a multi-disciplinary mental health team", [
                        p("A1", 2, "Monitor and review the single point of entry and the "
                          "redesigned referral and assessment pathway", "CCGs", "Ongoing",
                          None, "In progress", "in_progress"),
                        p("A1", 2, "Raise awareness of the single point of access among the "
                          "emergency services", "All agencies", "Ongoing", None, "", ""),
                    ]),
                    ("A joined-up response from services with strong links between "
                     "agencies", [
                        p("A1", 2, "All agencies scope a street triage service for "
                          "Ardenshire", "CCG & Police", "December 15", "2015-12-31",
                          "In progress", "in_progress"),
                        p("A1", 2, "Increase awareness of safe places in town centres",
                          "All agencies", "", None, "Not started", "not_started"),
                        p("A1", 2, "Review the wellbeing hubs and how they link to the "
                          "crisis pathway", "Ardenshire County Council (ACC)/ Public Health",
                          "", None, "", ""),
                    ]),
                ]),
                ("A2", "Access to and new models of effective crisis resolution", [
                    ("Peer support", [
                        p("A2", 2, "Develop an online portal for autistic adults and their "
                          "families", "ACC", "March 16", "2016-03-31", "Complete",
                          "complete"),
                        p("A2", 2, "Grow community befriending through the new small grants "
                          "fund", "ACC/Public Health", "March 16", "2016-03-31",
                          "In progress", "in_progress"),
                    ]),
                ]),
            ],
        ),
        (
            "Urgent and emergency access to crisis care",
            "",
            [
                ("B1", "Improved response when people are detained under Section 135 and 136 "
                 "of the Mental Health Act 1983", [
                    ("Enough health-based places of safety for people of all ages", [
                        p("B1", 3, "Agree a protocol so that no one under 18 is held in "
                          "police custody", "Police / Ardenshire and Tamebridge Partnership "
                          "NHS Trust (ATPT)", "September 15", "2015-09-30", "Complete",
                          "complete"),
                        p("B1", 3, "Collect and share monthly figures on every section 136 "
                          "detention", "Police", "Monthly", None, "In progress",
                          "in_progress"),
                    ]),
                ]),
            ],
        ),
        (
            "Quality of treatment and care when in crisis",
            "",
            [
                ("C1", "Service user and patient safety and safeguarding", [
                    ("Front-line staff trained in mental health awareness", [
                        p("C1", 4, "Deliver joint mental health awareness training for "
                          "police, ambulance and A&E staff", "ATPT", "March 16",
                          "2016-03-31", "In progress", "in_progress"),
                    ]),
                ]),
            ],
        ),
        (
            "Recovery and staying well / preventing future crises",
            "",
            [
                ("D1", "Joint planning for prevention of crises", [
                    ("Crisis plans shared with the person and their GP", [
                        p("D1", 5, "Copy every crisis plan to the person's GP within 48 "
                          "hours", "ATPT / CCGs", "June 16", "2016-06-30", "Not started",
                          "not_started"),
                        p("D1", 5, "Check a sample of crisis plans with people who used the "
                          "service", "Healthwatch Ardenshire", "June 16", "2016-06-30", "",
                          ""),
                    ]),
                ]),
            ],
        ),
    ]  # fmt: skip
    odt = w.OdtWriter(footer="Mental Health Concordat – Ardenshire Action Plan")
    odt.heading("Mental Health Concordat – Ardenshire Action Plan")
    odt.paragraph(
        "The outcomes and recommended actions come from the national Concordat. The proposed "
        "local actions were agreed at the Ardenshire crisis care event in March 2015; the "
        "task and finish group will confirm the leads and timescales still blank."
    )
    rows = [
        head(
            "Concordat Outcomes",
            w.MERGE_LEFT,
            "Recommended actions",
            "Proposed local actions",
            "Led By",
            "Timescales",
            "Status",
        )
    ]
    actions = []
    for title, note, outcomes in plan:
        rows.append(cells(title, *[w.MERGE_LEFT] * 5, note, bold=True, shade=SHADE))
        for ref, outcome, recommendations in outcomes:
            first_of_outcome = True
            for recommendation, proposals in recommendations:
                first_of_recommendation = True
                previous = None
                for item in proposals:
                    same_time = previous is not None and item.timescale == previous.timescale
                    rows.append(
                        cells(
                            ref if first_of_outcome else w.MERGE_UP,
                            outcome if first_of_outcome else w.MERGE_UP,
                            recommendation if first_of_recommendation else w.MERGE_UP,
                            item.action,
                            item.lead,
                            w.MERGE_UP if same_time and item.timescale else item.timescale,
                            item.cells["Status"],
                        )
                    )
                    actions.append(item)
                    first_of_outcome = first_of_recommendation = False
                    previous = item
    odt.table(rows, name="Plan")
    return Doc(
        "d29_ardenshire_two_level.odt",
        "odt",
        "Warwickshire Mental Health Concordat action plan (2015): a two-level table 'Concordat "
        "Outcomes / Recommended actions / Proposed local actions / Led By / Timescales / "
        "Status' with the outcomes heading merged over the ref and outcome columns, Concordat "
        "section rows carrying a note in the Status column, each outcome (A1, B1) merged down "
        "over its recommended actions and each recommended action merged down over its "
        "bulleted proposed local actions, timescales merged down over two actions or blank, "
        "status words",
        True,
        odt.bytes(),
        actions,
    )


# === 33 Suffolk-style plan: partners line, lead body and reporting lines in the lead cell ===


def doc_stourmouth():
    def r(ref, section, title, explanation, when, due, lead, outcome):
        return act(ref, f"{title}\n{explanation}", when, lead, due, section, outcome=outcome)

    plan = [
        (
            "1. Commissioning for early intervention",
            [
                "Matching local needs with a range of services incl. alcohol",
                r("1.1", 1, "Continue developing the mental health joint strategic needs "
                  "assessment", "The needs assessment for children's and young people's "
                  "mental health was finished in 2014 and led to a strategic plan; the "
                  "Children's Emotional Wellbeing Partnership tracks progress against it.",
                  "Annual commissioning cycle", None,
                  "(Lead Body) Public Health and the JSNA steering group\nRosa Franklin\n"
                  "Reporting to Stourmouth Mental Health and Learning Disability Joint "
                  "Commissioning Group",
                  "•W A detailed local needs assessment published in chapters\n•W Early "
                  "signs point to links with deprivation and rural isolation"),
                r("1.2", 1, "Collect and monitor data on sections 135 and 136",
                  "The police can use section 136 to take someone who appears to have a "
                  "mental illness from a public place to a place of safety. Recording every "
                  "use will show partners how often it happens, what it costs and what "
                  "follows.", "March 2016", "2016-03-31",
                  "(LB) Stourmouth Constabulary\nInsp Carl Dane\nReporting to Stourmouth "
                  "Mental Health and Learning Disability Joint Commissioning Group\nBritish "
                  "Transport Police",
                  "•W A joint section 136 protocol in use\n•W Joint detention records kept "
                  "by the trust"),
                r("1.3", 1, "Include alcohol in the crisis pathway", "About a third of the "
                  "people seen in crisis have been drinking; the pathway should say who "
                  "responds and where they are taken.", "September 2015", "2015-09-30",
                  "(LB) Public Health – drug and alcohol commissioning\nMartin Oakes",
                  "•W People who have been drinking are not turned away"),
            ],
        ),
        (
            "2. Access to support before crisis point",
            [
                r("2.1", 2, "One crisis number for all ages", "A single number, answered by "
                  "mental health staff at any hour, for people of any age and for those "
                  "worried about them.", "December 2015", "2015-12-31",
                  "(LB) Stour and Waveney NHS FT\nDr Priya Nair",
                  "•W People know who to call"),
                r("2.2", 2, "GP access to urgent advice", "GPs can reach a psychiatrist "
                  "the same day to talk about a patient who may be close to a crisis.",
                  "Q3 2015/16", "2015-12-31", "(LB) Stourmouth CCGs\nDr Tim Holt, GP lead",
                  "•W Fewer emergency referrals made without advice"),
            ],
        ),
        (
            "3. Urgent and emergency access to crisis care",
            [
                r("3.1", 3, "A place of safety for young people", "A room at the Orwell "
                  "Unit adapted and staffed so that no one under 18 is taken to a police "
                  "cell.", "April 2016", "2016-04-30",
                  "(LB) Stour and Waveney NHS FT\nReporting to the Children's Trust Joint "
                  "Commissioning Group", "•W No child held in police custody"),
                r("3.2", 3, "Conveyance by ambulance, not police car", "Agree with the "
                  "ambulance service how quickly it will come for someone detained under "
                  "section 136.", "2015/16", "2016-03-31",
                  "(LB) East of Stour Ambulance Service",
                  "•W People are taken to a place of safety in an ambulance"),
            ],
        ),
        (
            "4. Quality of treatment and care when in crisis",
            [
                r("4.1", 4, "Learn from serious incidents together", "Partners review "
                  "serious incidents involving people in crisis jointly and share what they "
                  "learn.", "Ongoing", None,
                  "(Lead Body) Stourmouth Safeguarding Adults Board",
                  "•W The same mistakes are not repeated"),
            ],
        ),
        (
            "5. Recovery and staying well",
            [
                r("5.1", 5, "A recovery college", "Courses on staying well written and "
                  "taught with people who have used services.", "From October 2015", None,
                  "(LB) Stour and Waveney NHS FT\nRecovery college manager",
                  "•W People learn skills to stay well"),
                r("5.2", 5, "Follow-up after discharge", "Everyone leaving crisis care is "
                  "contacted within seven days and offered support from the voluntary "
                  "sector.", "April 2016", "2016-04-30", "(LB) Stourmouth CCGs\nMind in "
                  "Stourmouth", "•W Fewer people return to crisis"),
            ],
        ),
    ]  # fmt: skip
    odt = w.OdtWriter(header="Stourmouth Mental Health Crisis Concordat")
    odt.heading("Stourmouth Mental Health Crisis Concordat")
    odt.paragraph("Partners;")
    odt.paragraph("Dr Alan Brede MP (Stourmouth Central) Joanna Rook MP (Stour Valley)")
    rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes")]
    actions = []
    for title, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in items:
            if isinstance(item, str):
                rows.append(merged(item, bold=False))
                continue
            rows.append(cells(item.ref, item.action, item.timescale, item.lead, item.outcome))
            actions.append(item)
    odt.table(rows, name="Plan")
    return Doc(
        "d33_stourmouth_lead_body.odt",
        "odt",
        "Suffolk Mental Health Crisis Concordat plan: a 'Partners;' line naming MPs above one "
        "table 'No. / Action / Timescale / Led By / Outcomes' with numbered section rows "
        "('Commissioning for early intervention') and a sub-theme row, each action a title "
        "line followed by an explanatory paragraph, the lead cell holding '(Lead Body)' or "
        "'(LB)', a named person and 'Reporting to' lines, 'Annual commissioning cycle' as a "
        "timescale, bulleted outcomes",
        True,
        odt.bytes(),
        actions,
    )


# === 34 Cambridgeshire and Peterborough-style plan as CSV: people as leads, a row titled ====


def doc_fenbridge():
    plan = [
        (
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            1,
            [
                "Matching local need with a suitable range of services",
                (
                    "Governance of Crisis Concordat Group",
                    act("", "We have set up two groups:\n• Crisis Concordat Roundtable, "
                        "chaired by the Police and Crime Commissioner and the chair of the "
                        "CCG, which holds the Delivery Group to account.\n• Delivery Group, "
                        "co-chaired by Fenbridge Constabulary and Mind.\n• The Delivery "
                        "Group reviews its terms of reference every six months.", "", "",
                        None, 1),
                ),
                act("1.", "New emergency initiatives such as section 136 capacity, street "
                    "triage and crisis houses.\n• Street triage is part of a joint bid to "
                    "the CCG and Fenbridge Constabulary\n• The PCC is in talks with a "
                    "housing association about crisis house places",
                    "1 Year project April 2015 – March 2016 to be led by the Project "
                    "Manager.", "Sarah Holt, Jon Ellery, Kevin Varga & FMFT", "2016-03-31",
                    1, tref="1",
                    outcome="• Fewer people held in police cells under s136\n• Fewer repeat "
                    "s136 detentions\n• Crisis house places across the county"),
                "Improving mental health crisis services",
                act("2.", "Make sure the Concordat is built into these strategies and "
                    "action plans:\n• the adult and older people's social care mental health "
                    "strategy\n• the Fenbridge suicide prevention strategy\n• the CCG's "
                    "mental health commissioning strategy", "Ongoing",
                    "Claire Dunmore (Fenbridge County Council) and Dr Raj Mistry (FMCCG)",
                    None, 1, tref="2",
                    outcome="• Crisis care is part of every partner's plans"),
            ],
        ),
        (
            "2. Access to support before crisis point",
            2,
            [
                "Early intervention – protecting people whose circumstances make them "
                "vulnerable",
                act("3.", "First Response: a crisis line for all ages, open 24/7 and to "
                    "self-referral, so that people can get help without going to A&E",
                    "Q3 15/16", "Dr Helen Barr, FMFT", "2015-12-31", 2, tref="3",
                    outcome="• Fewer people in crisis attending A&E"),
                act("4.", "Two crisis cafés (sanctuaries) open in the evenings in Fenbridge "
                    "and Marshborough", "By December 2015",
                    "Mind in Fenbridge and Marshborough – Tina Lowe", "2015-12-31", 2,
                    tref="4", outcome="• Somewhere safe to go out of hours"),
            ],
        ),
        (
            "3. Urgent and emergency access to crisis care",
            3,
            [
                act("5.", "Mental health nurses in the police control room every evening",
                    "Sept 2015", "Insp Dave Moss, Fenbridge Constabulary; Kevin Varga, FMFT",
                    "2015-09-30", 3, tref="5",
                    outcome="• Officers get advice before using s136"),
                act("6.", "A second section 136 suite at Marshborough so that no one waits "
                    "in custody", "31/03/16", "FMFT estates – Paul Aske", "2016-03-31", 3,
                    tref="6", outcome="• No one held in a cell for want of a suite"),
            ],
        ),
        (
            "4. Quality of treatment and care when in crisis",
            4,
            [
                act("7.", "Train custody sergeants and control room staff in mental health "
                    "awareness", "Q4 15/16", "Sgt Lisa Crane, Fenbridge Constabulary",
                    "2016-03-31", 4, tref="7", outcome="• Staff recognise a crisis"),
                act("8.", "Tell carers within 24 hours when the person they care for is "
                    "detained", "April 2016", "Carers Trust Fenbridge – Mo Patel",
                    "2016-04-30", 4, tref="8", outcome="• Families are not left in the dark"),
            ],
        ),
        (
            "5. Recovery and staying well / preventing future crises",
            5,
            [
                act("9.", "Follow-up support after a section 136 assessment for people who "
                    "are not admitted", "2015/16", "Kevin Varga, FMFT and Mind", "2016-03-31",
                    5, tref="9", outcome="• People are not discharged with nothing"),
                act("10.", "A recovery college open to people who use services, carers and "
                    "staff", "From January 2016", "FMFT Recovery College – Ann Fry", None, 5,
                    tref="10", outcome="• People learn to manage their own recovery"),
            ],
        ),
    ]  # fmt: skip
    out = [
        ["Actions to enable delivery of shared goals within Fenbridge & Marshborough."],
        [],
    ]
    actions = []
    for title, _section, items in plan:
        out.append([title])
        out.append(["No.", "Action", "Timescale", "Led By", "Outcomes"])
        for item in items:
            if isinstance(item, str):
                out.append([item])
                continue
            label = ""
            if isinstance(item, tuple):
                label, item = item
            out.append([label or item.ref, item.action, item.timescale, item.lead,
                        item.outcome])  # fmt: skip
            actions.append(item)
    out.append([])
    out.append(["Fenbridge & Marshborough Crisis Care Concordat – £40,000 from the PCC’s fund "
                "supports actions 1 and 4."])  # fmt: skip
    return Doc(
        "d34_fenbridge_people_leads.csv",
        "csv",
        "Cambridgeshire and Peterborough 'Actions to enable delivery of shared goals' saved "
        "as CSV: each section's title row and heading row 'No. / Action / Timescale / Led By "
        "/ Outcomes', sub-theme rows, a governance row whose No. cell holds a title instead "
        "of a number, refs '1.' to '10.' running across sections, typed '• ' bullets in "
        "action and outcome cells, people and organisations in the lead cell, timescales "
        "'1 Year project April 2015 – March 2016 …', 'Q3 15/16', '31/03/16'; Windows-1252 "
        "with CRLF and line breaks inside cells",
        True,
        w.csv_bytes(out, encoding="cp1252"),
        actions,
    )


# === 38 Sandwell-style co-produced plan as CSV: quotes from people under each theme =========


def doc_sandwick():
    def r(ref, section, action, when, due, lead, outcome):
        return act(ref, action, when, lead, due, section, outcome=outcome)

    plan = [
        (
            "1. Access to support before crisis point",
            [
                "My mental health wellbeing plan",
                "“I am the expert in my own life. I know myself better than any doctor, but "
                "I am given very little say in the decisions that matter. I won’t just "
                "accept things any more.”",
                r("1", 2, "We will write our own mental health wellbeing plans, with a peer "
                  "supporter if we want one, and services will read them", "By June 2016",
                  "2016-06-30", "Changing Lives Together and Sandwick Partnership NHS FT",
                  "People say what helps them before a crisis happens"),
                r("2", 2, "GPs will ask to see our wellbeing plan at every review",
                  "2016/17", "2017-03-31", "Sandwick and Tameford CCG",
                  "Plans are used, not filed"),
                "Someone to talk to at any hour",
                "“At three in the morning there is nobody. You ring the number and it goes "
                "to a machine.”",
                r("3", 2, "A crisis line answered by a person, day and night, with peer "
                  "workers on the late shift", "April 2016", "2016-04-30",
                  "Sandwick Partnership NHS FT", "Every call answered by a person"),
                r("4", 2, "A list of safe places open in the evenings, written with us and "
                  "kept up to date", "From May 2016", None,
                  "Sandwick Council for Voluntary Service", "People know where they can go"),
            ],
        ),
        (
            "2. Urgent and emergency access to crisis care",
            [
                "Being treated as a person",
                "“When the police came they were kind, but the cell was the worst night of "
                "my life.”",
                r("5", 3, "No one will be taken to a police cell because they are in a "
                  "mental health crisis", "Ongoing", None,
                  "Tameford Police and Sandwick Partnership NHS FT",
                  "No one held in a cell as a place of safety"),
                r("6", 3, "Ambulance crews will have training written and given by people "
                  "with lived experience", "Autumn 2016", "2016-11-30",
                  "Tameford Ambulance Service", "Crews know what helps"),
            ],
        ),
        (
            "3. Quality of treatment and care when in crisis",
            [
                "Dignity in A&E",
                "“I waited nine hours on a plastic chair and nobody told me what was "
                "happening.”",
                r("7", 4, "People waiting in A&E for a mental health assessment will be told "
                  "what is happening every hour", "March 2016", "2016-03-31",
                  "Sandwick General Hospital NHS Trust", "Nobody is left wondering"),
                r("8", 4, "A quiet room for mental health assessments in both emergency "
                  "departments", "2016/17", "2017-03-31", "Sandwick General Hospital NHS "
                  "Trust", "Assessments happen somewhere calm"),
            ],
        ),
        (
            "4. Recovery and staying well",
            [
                "Life after a crisis",
                "“Recovery is having a job, a home and friends, not just fewer symptoms.”",
                r("9", 5, "A peer-led recovery group in every town in the borough",
                  "By December 2016", "2016-12-31", "Changing Lives Together",
                  "Support close to home"),
                r("10", 5, "Housing and benefits advice offered before anyone leaves "
                  "hospital", "September 2016", "2016-09-30",
                  "Sandwick Council Housing and Welfare Rights",
                  "Nobody leaves hospital to lose their home"),
            ],
        ),
    ]  # fmt: skip
    out = [
        ["Sandwick action plan to enable delivery of shared goals of the Mental Health Crisis "
         "Care Concordat"],
        ["This action plan is in draft at the present time."],
        ["The plan was co-produced by people who have lived through a mental health crisis. "
         "It sets out their priorities for how services and support in Sandwick need to "
         "improve. It rests on these beliefs:\n• We need to end the stigma around mental "
         "health.\n• Recovery should be normal: a life in the community where what we give "
         "is valued.\n• We are the experts in our own mental health."],
        ["“No one should be shut out because of their mental health. I know what that feels "
         "like, and I don’t want anyone else to feel it.”"],
        ["A Mental Health People’s Parliament, led by members with lived experience, will "
         "check that the plan is delivered."],
        [],
    ]  # fmt: skip
    actions = []
    for title, items in plan:
        out.append([title])
        out.append(["No.", "Action", "Timescale", "Led By", "Outcomes"])
        for item in items:
            if isinstance(item, str):
                out.append([item])
                continue
            out.append([item.ref, item.action, item.timescale, item.lead, item.outcome])
            actions.append(item)
    return Doc(
        "d38_sandwick_co_produced.csv",
        "csv",
        "Sandwell co-produced draft action plan saved as CSV: preamble of beliefs with typed "
        "bullets and a quotation, then sections numbered 1 to 4 from Access to Recovery (no "
        "commissioning section, so their numbers are not the Concordat's), each with its "
        "heading row, themed sub-heading rows each followed by a quotation from a person "
        "with lived experience in curly quotes, 'We will …' actions numbered 1 to 10 across "
        "sections; UTF-8 with a byte-order mark and CRLF",
        True,
        w.csv_bytes(out, encoding="utf-8-sig"),
        actions,
    )


# === 35 Hull and East Riding-style working draft: a colour key inside the heading ============


def doc_ouseby():
    key = {
        "red": ("Action not started yet", "not_started"),
        "amber": ("Action underway on timescale", "in_progress"),
        "green": ("Action completed", "complete"),
    }

    def r(ref, section, action, lead, when, due, indicator, product, progress, rag):
        item = act(ref, action, when, lead, due, section, rag=rag, status=key[rag][1],
                   progress=progress)  # fmt: skip
        item.cells = {"number": float(ref), "indicator": indicator, "product": product}
        return item

    plan = [
        (
            "1. PARTNERSHIP WORKING TO DEVELOP AND DELIVER THE CRISIS CARE CONCORDAT ACTION "
            "PLAN",
            "Key Outcome: Partners sign the declaration and agree a joint action plan",
            None,
            [
                r("1.1", None, "Hold a stakeholder event so that every partner can sign the "
                  "declaration", "Ouseby CCG / East Wold Council", "Dec 14", "2014-12-31",
                  "Signatures on the national website", "Stakeholder event November 2014",
                  "Event held; all partners signed", "green"),
                r("1.2", None, "Set up an Ouseby and East Wold working group to draft the "
                  "action plan", "Ouseby CCG / East Wold Council", "Sept 14", "2014-09-30",
                  "Group set up", "Terms of reference", "Group meets monthly", "green"),
                r("1.3", None, "Set up a force-wide Concordat group with the police and both "
                  "banks of the estuary", "Wold Police", "Jan 15", "2015-01-31",
                  "Group set up", "Quarterly meetings", "Established", "green"),
                r("1.4", None, "Involve service users and carers in reviewing the plan",
                  "Concordat action group", "Q2", "2015-09-30",
                  "Way of involving people agreed", "Engagement plan",
                  "In development; two carers' meetings held so far", "amber"),
                r("1.5", None, "Agree the action plan and publish it on the Concordat "
                  "website", "Concordat action group", "Q4 2014/15\nQ3 2015/16",
                  "2015-12-31", "Plan on website", "Refreshed plan",
                  "Refreshed plan to go up at the end of October 2015", "amber"),
            ],
        ),
        (
            "2. ACCESS TO SUPPORT BEFORE CRISIS POINT",
            "Key Outcome: When I need urgent help to avert a crisis, I and the people close to "
            "me know who to contact at any hour of the day or night, and I am taken seriously",
            "Review the care pathway before crisis point so that services can be reached at "
            "the right time and in the right place, focusing on these areas:",
            [
                r("2.1", 2, "Develop a single point of contact for mental health services",
                  "Wold Coast NHS FT\nEast Wold only", "Q3", "2015-12-31",
                  "Single number live", "Single point of contact",
                  "Number agreed; phone system being installed", "amber"),
                r("2.2", 2, "Give every GP practice a named link worker in the community "
                  "mental health team", "Ouseby CCG", "March", "2016-03-31",
                  "All practices have a link worker", "List of link workers", "", "red"),
                r("2.3", 2, "Check that the crisis team's number is on every care plan",
                  "Wold Coast NHS FT", "Q1 2016/17", "2016-06-30", "Audit result",
                  "Audit report", "Audit tool written", "amber"),
            ],
        ),
        (
            "3. URGENT AND EMERGENCY ACCESS TO CRISIS CARE",
            "Key Outcome: If I need emergency help for my mental health it is treated as "
            "urgently as a physical emergency",
            None,
            [
                r("3.1", 3, "Agree a protocol for conveying people detained under section 136 "
                  "by ambulance", "Wold and Coast Ambulance Service", "Q2", "2015-09-30",
                  "% of s136 conveyed by ambulance", "Conveyance protocol",
                  "Protocol signed in August", "green"),
                r("3.2", 3, "Make sure no one under 18 is taken to a police cell as a place "
                  "of safety", "Wold Police / Wold Coast NHS FT", "Q4 2014/15\nQ4 2015/16",
                  "2016-03-31", "Under-18s in police cells (never event)",
                  "Place of safety protocol", "None since April", "amber"),
            ],
        ),
        (
            "4. QUALITY OF TREATMENT AND CARE WHEN IN CRISIS",
            "Key Outcome: I am treated with dignity and respect by staff who understand what "
            "I need",
            None,
            [
                r("4.1", 4, "Run joint Mental Health Act training for police, ambulance staff "
                  "and approved mental health professionals", "East Wold Council AMHP "
                  "service", "Jan", "2016-01-31", "Staff trained", "Training programme",
                  "First course booked", "amber"),
            ],
        ),
        (
            "5. RECOVERY AND STAYING WELL",
            "Key Outcome: I get the support I need to recover and to stay well",
            None,
            [
                r("5.1", 5, "Agree a discharge checklist covering housing, money and a "
                  "follow-up call", "Wold Coast NHS FT / Ouseby Council housing", "Q4",
                  "2016-03-31", "Checklist in use", "Discharge checklist", "", "red"),
            ],
        ),
    ]  # fmt: skip
    workbook = w.xlsx_workbook()
    sheet = workbook.active
    sheet.title = "Action Plan"
    for column, width in zip("ABCDEFG", (7, 48, 26, 18, 26, 22, 30), strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(sheet, 1, 1, "Ouseby and East Wold Mental Health Crisis Care Concordat Action Plan",
               bold=True, wrap=False)  # fmt: skip
    sheet.merge_cells("A1:G1")
    w.xlsx_put(sheet, 2, 1, "WORKING DRAFT OCTOBER 2015 v8", bold=True, wrap=False)
    headings = (
        "No.",
        "Action",
        "Lead Agency + Footprint\nif not whole area",
        "Timescale\n2015/16 unless otherwise specified",
        "Performance Indicator",
        "Product",
    )
    for column, text in enumerate(headings, start=1):
        w.xlsx_put(sheet, 4, column, text, bold=True)
        sheet.merge_cells(start_row=4, start_column=column, end_row=8, end_column=column)
    w.xlsx_put(sheet, 4, 7, "Progress", bold=True)
    for offset, (text, fill) in enumerate(
        (
            ("Action not started yet", RED),
            ("Action underway on timescale", AMBER),
            ("Action completed", GREEN),
            ("Action overdue", PURPLE),
        ),
        start=5,
    ):
        w.xlsx_put(sheet, offset, 7, text, fill=fill)
    line = 9
    actions = []
    for title, outcome, intro, items in plan:
        for text, bold in ((title, True), (outcome, False), (intro, False)):
            if text:
                w.xlsx_put(sheet, line, 1, text, bold=bold, fill=SHADE if bold else None)
                sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=7)
                line += 1
        for item in items:
            values = (
                item.cells["number"],
                item.action,
                item.lead,
                item.timescale,
                item.cells["indicator"],
                item.cells["product"],
                item.progress or None,
            )
            for column, value in enumerate(values, start=1):
                w.xlsx_put(
                    sheet, line, column, value, fill=FILLS[item.rag] if column == 7 else None
                )
            actions.append(item)
            line += 1
    glossary = workbook.create_sheet("Abbreviations")
    for number, (short, long) in enumerate(
        (
            ("AMHP", "Approved mental health professional"),
            ("CCG", "Clinical commissioning group"),
            ("s136", "Section 136 of the Mental Health Act 1983"),
        ),
        start=1,
    ):
        w.xlsx_put(glossary, number, 1, short, bold=True)
        w.xlsx_put(glossary, number, 2, long)
    return Doc(
        "d35_ouseby_colour_key.xlsx",
        "xlsx",
        "Hull and East Riding Mental Health Crisis Care Concordat action plan, working draft "
        "October 2015 v8, kept as a workbook: title and draft lines, headings merged down "
        "over five rows ('Lead Agency + Footprint if not …', 'Timescale 2015/16 unless "
        "otherwise specified', 'Performance Indicator', 'Product') with the colour key (not "
        "started, underway on timescale, completed, overdue) in the rows under 'Progress', "
        "capitalised numbered sections (a local partnership section first) each with a 'Key "
        "Outcome:' row and sometimes an introduction row, refs stored as numbers, short "
        "dates ('Dec 14', 'Sept 14', 'Q2', 'Jan') and two quarters in one cell, progress words "
        "on the key's colours",
        True,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 36 Berkshire-style plan updated every quarter: an update and a RAG column per quarter ===


def doc_kennetside():
    words = {"green": "Green", "amber": "Amber", "red": "Red", "blue": "Complete"}

    def r(ref, section, action, when, due, lead, outcome, quarters, fmt=None):
        # quarters: (update, rag) for June, September, December 2015 and March 2016
        latest = [q for q in quarters if q[0] or q[1]][-1]
        rag = latest[1]
        item = act(ref, action, when if isinstance(when, str) else when.strftime("%d/%m/%y"),
                   lead, due, section, rag=rag, status="complete" if rag == "blue" else "",
                   outcome=outcome, progress=latest[0], tref=ref.rstrip("."))  # fmt: skip
        item.cells = {"value": when, "fmt": fmt, "quarters": quarters}
        return item

    none = ("", "")
    plan = [
        (
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            "Matching local need with a suitable range of services – commissioners",
            [
                r("1.", 1, "Kennet General Hospital NHS FT and KHFT to write a joint business "
                  "case for a liaison psychiatry service for all ages at Kennet General "
                  "Hospital", "June 2015", "2015-06-30",
                  "Kennet General Hospital NHS FT/KHFT/East Kennetside CCGs",
                  "Everyone attending A&E with a mental health need can have an assessment",
                  [("Business case written", "amber"), ("£380k agreed by the CCGs", "green"),
                   ("Recruiting staff; service starts in February", "green"), none]),
                r("2.", 1, "Evaluate the children's psychological medicine pilot in both "
                  "emergency departments", "May 2015", "2015-05-31", "East Kennetside CCGs",
                  "Young people who self-harm are assessed quickly",
                  [("Pilot delayed by recruitment", "red"),
                   ("Pilot running since August; too early to evaluate", "amber"), none,
                   none]),
                r("3.", 1, "Write parity of esteem business cases for investment in 2015/16",
                  "June 2015", "2015-06-30", "East Kennetside and Kennetside West CCGs",
                  "More capacity in mental health urgent care",
                  [("Cases submitted", "green"), ("Funding agreed", "blue"), none, none]),
            ],
        ),
        (
            "2. Access to support before crisis point",
            "Early intervention",
            [
                r("4.", 2, "A mental health nurse works with the police in the west of the "
                  "county to advise on people who may need help", date(2016, 3, 31),
                  "2016-03-31", "Kennetside Healthcare NHS FT (KHFT)",
                  "Fewer people detained under section 136 in the west",
                  [("Nurse in post three days a week", "amber"),
                   ("Nurse in post four days a week", "green"),
                   ("Now five days a week", "green"), none], fmt="dd/mm/yy"),
                r("5.", 2, "Crisis line answered by mental health staff 24 hours a day",
                  "On-going", None, "KHFT", "People can talk to someone at any hour",
                  [none, ("Line extended to midnight", "amber"),
                   ("24 hour cover since November", "blue"), none]),
            ],
        ),
        (
            "3. Urgent and emergency access to crisis care",
            "Improved response to people detained under the Mental Health Act",
            [
                r("6.", 3, "The emergency duty service responds within four hours so that "
                  "people get care in good time", "September 2015", "2015-09-30",
                  "Kennetside unitary councils", "Timely social care response out of hours",
                  [("Response times not recorded", "red"),
                   ("Review by the four councils under way", "red"),
                   ("Review report due in January", "red"), none]),
                r("7.", 3, "Place of safety assessments start within three hours of arrival",
                  date(2015, 12, 31), "2015-12-31", "KHFT/Thames Vale Police",
                  "Shorter waits in the place of safety",
                  [("Average wait 4 hours 10 minutes", "amber"),
                   ("Average wait 3 hours 20 minutes", "amber"),
                   ("Average 2 hours 40 minutes", "green"), none], fmt="dd/mm/yy"),
            ],
        ),
        (
            "4. Quality of treatment and care when in crisis",
            "Drug and alcohol",
            [
                r("8.", 4, "Keep a high return on investment in preventing drug and alcohol "
                  "related hospital admissions", "2015/16", "2016-03-31",
                  "Drug and alcohol action teams", "Fewer admissions related to drink or "
                  "drugs",
                  [("Plans in each council", "amber"),
                   ("Allocation for each council not yet known", "red"),
                   ("Still waiting for allocations", "red"), none]),
            ],
        ),
        (
            "5. Recovery and staying well / preventing future crises",
            "Joint planning for prevention of crises",
            [
                r("9.", 5, "Everyone leaving the crisis team has a relapse prevention plan",
                  "December 2015", "2015-12-31", "KHFT", "Fewer people return to crisis",
                  [("Template agreed", "amber"), ("Audit planned", "amber"),
                   ("Audit shows 71% have a plan", "amber"), none]),
                r("10.", 5, "Support into work for people recovering from a crisis",
                  "March 2016", "2016-03-31", "Kennetside councils and Jobcentre Plus",
                  "More people back in work", [none, none,
                  ("Scheme designed with Jobcentre Plus", "green"), none]),
            ],
        ),
    ]  # fmt: skip
    workbook = w.xlsx_workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    for column, width in zip("ABCDEFGHIJKLM", (6, 44, 12, 26, 30) + (28, 9) * 4, strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(sheet, 1, 1, "KENNETSIDE ACTION PLAN – Crisis Care Concordat", bold=True,
               wrap=False)  # fmt: skip
    w.xlsx_put(sheet, 2, 1, "The partners update this plan every quarter. This version: "
               "December 2015.", wrap=False)  # fmt: skip
    for column, text in enumerate(("No.", "Action", "Timescale", "Led By", "Outcomes"), 1):
        w.xlsx_put(sheet, 4, column, text, bold=True)
        sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    for number, quarter in enumerate(
        ("June 2015", "September 2015", "December 2015", "March 2016"), start=1
    ):
        column = 4 + 2 * number
        w.xlsx_put(sheet, 4, column, f"Quarter {number}\n({quarter})", bold=True)
        sheet.merge_cells(start_row=4, start_column=column, end_row=4, end_column=column + 1)
        w.xlsx_put(sheet, 5, column, "Update", bold=True)
        w.xlsx_put(sheet, 5, column + 1, "RAG", bold=True)
    line = 6
    actions = []
    for title, sub, items in plan:
        for text, fill in ((title, SHADE), (sub, None)):
            w.xlsx_put(sheet, line, 1, text, bold=True, fill=fill, wrap=False)
            sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=13)
            line += 1
        for item in items:
            w.xlsx_put(sheet, line, 1, item.ref)
            w.xlsx_put(sheet, line, 2, item.action)
            w.xlsx_put(sheet, line, 3, item.cells["value"], fmt=item.cells["fmt"])
            w.xlsx_put(sheet, line, 4, item.lead)
            w.xlsx_put(sheet, line, 5, item.outcome)
            for number, (update, rag) in enumerate(item.cells["quarters"], start=1):
                column = 4 + 2 * number
                if update:
                    w.xlsx_put(sheet, line, column, update)
                if rag:
                    w.xlsx_put(sheet, line, column + 1, words[rag],
                               fill=BLUE if rag == "blue" else FILLS[rag])  # fmt: skip
            actions.append(item)
            line += 1
    return Doc(
        "d36_kennetside_quarterly.xlsx",
        "xlsx",
        "Berkshire Crisis Care Concordat action plan, updated by the partners every quarter "
        "(June and September 2015 versions published), kept as one wide workbook sheet: "
        "'No. / Action / Timescale / Led By / Outcomes' merged down over two heading rows "
        "beside four quarters each merged over an 'Update' and a 'RAG' column, RAG words on "
        "colour, the latest quarter filled in being the current one (some actions last "
        "updated in an earlier quarter), merged section and sub-theme rows, refs '1.' to "
        "'10.' running across sections, date cells shown as '31/03/16'",
        True,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 37 Herefordshire-style plan as a workbook with a sheet per Concordat section ============


def doc_wyeford():
    colours = {"Green": GREEN, "Amber": AMBER, "Red": RED}

    def r(ref, section, action, when, due, lead, outcome, progress, word, fmt=None):
        shown = when if isinstance(when, str) else when.strftime("%B %Y")
        complete = progress.endswith("Action Complete")
        item = act(str(ref), action, shown, lead, due, section, rag=word.lower(),
                   status="complete" if complete else "", outcome=outcome,
                   progress=progress)  # fmt: skip
        item.cells = {"number": ref, "value": when, "fmt": fmt, "RAG": word}
        return item

    sheets = [
        (
            "Commissioning",
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            "Matching local need with a suitable range of services",
            [
                r(1001, 1, "Buy a one-stop information, advice and signposting service",
                  date(2015, 4, 1), "2015-04-30", "Wyeford Council",
                  "A community hub that gives joined-up information and advice",
                  "New wellbeing information service in place with a provider; online "
                  "service live and three community hubs opened in 2015/16.\nAction Complete",
                  "Green", fmt="mmmm yyyy"),
                r(1002, 1, "Write a suicide prevention strategy", date(2016, 4, 1),
                  "2016-04-30", "All", "Lower risk for vulnerable people",
                  "The partnership working party now reviews every suicide and attempt in "
                  "the county to learn from them.", "Green", fmt="mmmm yyyy"),
                r(1003, 1, "Agree a suicide recording template for GP practices", "June 2015",
                  "2015-06-30", "Wyeford Clinical Commissioning Group",
                  "Better information for suicide prevention planning",
                  "Template sent to every practice; the CCG is following up.\nAction "
                  "Complete", "Green"),
            ],
        ),
        (
            "Access",
            "2. Access to support before crisis point",
            "Early intervention – protecting people whose circumstances make them vulnerable",
            [
                r(2001, 2, "Keep easy access to the Samaritans referral scheme", "Ongoing",
                  None, "Samaritans", "A listening service that helps avert a crisis",
                  "Information about the scheme is now given out in police custody.",
                  "Green"),
                r(2002, 2, "Run mental health first aid courses for front-line council staff",
                  "March 2016", "2016-03-31", "Wyeford Council Public Health",
                  "Staff spot the signs of a crisis", "Four courses held; 60 staff trained.",
                  "Amber"),
            ],
        ),
        (
            "Urgent care",
            "3. Urgent and emergency access to crisis care",
            "Improved quality of response when people are detained under Section 135 and 136",
            [
                r(3001, 3, "Open a health-based place of safety for under-18s",
                  "December 2015", "2015-12-31",
                  "Wye Valley Hospitals NHS Trust and Marches Partnership NHS FT",
                  "No young person held in a police cell",
                  "Room found at the county hospital; staffing model agreed.", "Amber"),
                r(3002, 3, "Street triage pilot on Friday and Saturday nights",
                  "From September 2015", None, "West Marches Police",
                  "Fewer section 136 detentions", "Pilot started on 4 September.", "Green"),
                r(3003, 3, "Agree ambulance response standards for section 136",
                  "Q4 2015/16", "2016-03-31", "West Marches Ambulance Service",
                  "People conveyed by ambulance, not police car",
                  "No progress; waiting for a regional agreement.", "Red"),
            ],
        ),
        (
            "Quality",
            "4. Quality of treatment and care when in crisis",
            "Service user and patient safety and safeguarding",
            [
                r(4001, 4, "Review how carers are involved when someone is in crisis",
                  "January 2016", "2016-01-31", "Wyeford Carers Centre",
                  "Carers are listened to", "Survey of 40 carers completed.", "Amber"),
            ],
        ),
        (
            "Recovery",
            "5. Recovery and staying well / preventing future crises",
            "Staying well",
            [
                r(5001, 5, "Recovery college courses in Wyeford and the market towns",
                  "2015/16", "2016-03-31", "Marches Partnership NHS FT",
                  "People learn to manage their own wellbeing",
                  "Courses running in Wyeford, Leomere and Ross Cross.\nAction Complete",
                  "Green"),
                r(5002, 5, "Peer mentors for people leaving the crisis team", "Spring 2016",
                  "2016-05-31", "Mind in Wyeford", "Support from someone who has been there",
                  "Funding bid submitted.", "Amber"),
            ],
        ),
    ]  # fmt: skip
    workbook = w.xlsx_workbook()
    contents = workbook.active
    contents.title = "Contents"
    w.xlsx_put(contents, 1, 1, "Wyeford Action Plan to enable delivery of shared goals of the "
               "Mental Health Crisis Care Concordat", bold=True, wrap=False)  # fmt: skip
    w.xlsx_put(contents, 2, 1, "As of October 2015", wrap=False)
    w.xlsx_put(contents, 4, 1, "Sheet", bold=True)
    w.xlsx_put(contents, 4, 2, "Concordat section", bold=True)
    for number, (name, title, _sub, _items) in enumerate(sheets, start=5):
        w.xlsx_put(contents, number, 1, name)
        w.xlsx_put(contents, number, 2, title, wrap=False)
    actions = []
    for name, title, sub, items in sheets:
        sheet = workbook.create_sheet(name)
        for column, width in zip("ABCDEFG", (8, 40, 14, 26, 34, 44, 9), strict=True):
            sheet.column_dimensions[column].width = width
        w.xlsx_put(sheet, 1, 1, "Wyeford Action Plan", bold=True, wrap=False)
        w.xlsx_put(sheet, 2, 1, "to enable delivery of shared goals of the Mental Health Crisis "
                   "Care Concordat", wrap=False)  # fmt: skip
        w.xlsx_put(sheet, 3, 1, title, bold=True, wrap=False)
        w.xlsx_put(sheet, 4, 1, "As of October 2015", wrap=False)
        for column, text in enumerate(
            ("No.", "Action", "Timescale", "Led By", "Outcomes",
             "Summary progress against actions", "RAG"),
            start=1,
        ):  # fmt: skip
            w.xlsx_put(sheet, 6, column, text, bold=True)
        w.xlsx_put(sheet, 7, 1, sub, bold=True, fill=SHADE, wrap=False)
        sheet.merge_cells("A7:G7")
        for line, item in enumerate(items, start=8):
            w.xlsx_put(sheet, line, 1, item.cells["number"])
            w.xlsx_put(sheet, line, 2, item.action)
            w.xlsx_put(sheet, line, 3, item.cells["value"], fmt=item.cells["fmt"])
            w.xlsx_put(sheet, line, 4, item.lead)
            w.xlsx_put(sheet, line, 5, item.outcome)
            w.xlsx_put(sheet, line, 6, item.progress)
            w.xlsx_put(sheet, line, 7, item.cells["RAG"], fill=colours[item.cells["RAG"]])
            actions.append(item)
    return Doc(
        "d37_wyeford_section_sheets.xlsx",
        "xlsx",
        "Herefordshire action plan (as of October 2015) kept as a workbook with a contents "
        "sheet and then one sheet per Concordat section, each with title rows, the section "
        "title, 'As of October 2015', the heading row 'No. / Action / Timescale / Led By / "
        "Outcomes / Summary progress against actions / RAG' and a sub-theme row; four-digit "
        "refs (1001, 2001 …) stored as numbers, 'Action Complete' as the last line of the "
        "progress note, RAG words on colour, month date cells shown as 'April 2015'",
        True,
        w.xlsx_bytes(workbook),
        actions,
    )


HELD_BUILDERS = [
    doc_brenthall,
    doc_westmarch,
    doc_hambourne,
    doc_ardenshire,
    doc_ockford,
    doc_exmere,
    doc_solbrook,
    doc_stourmouth,
    doc_fenbridge,
    doc_ouseby,
    doc_kennetside,
    doc_wyeford,
    doc_sandwick,
]

HELD_LAYOUT_IDS = {
    "d26_brenthall_position.docx": "birmingham-position-2015",
    "d27_westmarch_delivery_update.pdf": "north-west-london-delivery-2016",
    "d28_hambourne_progress_report.docx": "hampshire-progress-report-2015",
    "d29_ardenshire_two_level.odt": "warwickshire-2015",
    "d30_ockford_deliverables.pdf": "oxfordshire-2015",
    "d31_exmere_continuous.pdf": "devon-v0.8-2015",
    "d32_solbrook_objectives.docx": "solihull-2015",
    "d33_stourmouth_lead_body.odt": "suffolk-2015",
    "d34_fenbridge_people_leads.csv": "cambridgeshire-peterborough-2015",
    "d35_ouseby_colour_key.xlsx": "hull-east-riding-v8-2015",
    "d36_kennetside_quarterly.xlsx": "berkshire-quarterly-2015",
    "d37_wyeford_section_sheets.xlsx": "herefordshire-2015",
    "d38_sandwick_co_produced.csv": "sandwell-2015",
}
