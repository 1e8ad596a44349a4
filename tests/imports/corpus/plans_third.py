"""Corpus documents 39 onwards: a third held-back set, written after the importer work began.

Each copies the layout conventions of a real published 2014-16 local Crisis Care Concordat plan
or progress report that documents 01-38 do not copy (named in its `layout`); every word is new
and the areas, people and bodies are invented. They were written without reading or running the
importer, and have no pins: the lead measures them once, after the importer work. The truth of
each action is typed by hand beside its row, as in plans_held.py.
"""

from datetime import date

import writers as w
from parts import AMBER, BLUE, GREEN, RED, SHADE, Doc, cells, head, merged
from plans_held import act

WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}
FILL = {"green": GREEN, "amber": AMBER, "red": RED, "blue": BLUE}


# === 39 Nottingham-style version 1: auto-numbered sections, 'Working with:' leads ===========


def doc_trentholme():
    city, county = "Trentholme City", "Trentholmeshire"
    plan = [
        (
            "Commissioning to allow earlier intervention and responsive crisis services for all "
            "ages",
            "Matching local need with a suitable range of services",
            [
                act("1", "Public Health and the CCGs to commission suicide awareness training "
                    "for staff in pharmacies, job centres and sports clubs", "15-16",
                    f"{city} Council\nWorking with: {city} CCG\n{county} County Council\n"
                    f"Working with: all {county} CCGs and Mind", "2016-03-31", 1,
                    outcome="-To spot people at risk sooner\n-To cut the stigma of asking "
                    "for help"),
                act("2", "To merge the existing crisis meetings into one Partnership Board "
                    "that steers the work streams of the Concordat\nTerms of reference and "
                    "membership to be agreed during Q1 15-16.", "Q1 15-16",
                    f"{city} CCG\nWorking with: all signatories to the declaration",
                    "2015-06-30", 1,
                    outcome="-To bring primary, community and hospital care round one table"),
            ],
        ),
        (
            "Access to support before crisis point",
            "Early intervention – protecting people whose circumstances make them vulnerable",
            [
                act("3", "To write an engagement plan for all ages so that people who use "
                    "crisis services help shape the Concordat work\nA paid lived experience "
                    "lead will run it.", "Q2 15-16", f"{county} Healthwatch\nWorking with: "
                    f"{city} CCG", "2015-09-30", 2,
                    outcome="-To hear from groups that services seldom reach"),
                act("4", "To extend the crisis line so that carers and professionals can "
                    "ring it as well as people in crisis", "Q3 15-16",
                    f"{county} Healthcare NHS FT", "2015-12-31", 2,
                    outcome="-One number for everyone who is worried\n-Fewer calls to 999 "
                    "about mental health"),
            ],
        ),
        (
            "Urgent and emergency access to crisis care",
            "Improved quality of response when people are detained under Section 135 and 136 "
            "of the Mental Health Act 1983",
            [
                act("5", "To keep the street triage car on the road seven evenings a week "
                    "and add a second car at weekends", "16-17",
                    f"{county} Police\nWorking with: {county} Healthcare NHS FT",
                    "2017-03-31", 3,
                    outcome="-Fewer people detained under section 136"),
                act("6", "To agree with the ambulance service a target time for taking "
                    "people to the place of safety", "By Q4 15-16",
                    "East Midshire Ambulance Service\nWorking with: both CCGs",
                    "2016-03-31", 3,
                    outcome="-People travel by ambulance, not in a police van"),
                act("7", "To make sure no one under 18 waits in a police cell for a "
                    "Mental Health Act assessment", "Ongoing",
                    f"{county} Police\nWorking with: children's services of both councils",
                    None, 3, outcome="-Young people are assessed somewhere safe"),
            ],
        ),
        (
            "Quality of treatment and care when in crisis",
            "Service User/Patient safety and safeguarding",
            [
                act("8", "To offer joint training on the Mental Health Act to police "
                    "officers, AMHPs and ambulance crews", "Q4 15-16",
                    f"{county} County Council\nWorking with: {county} Police",
                    "2016-03-31", 4,
                    outcome="-Each service understands the others' duties"),
                act("9", "To ask people who have been through a section 136 detention what "
                    "it was like, and report what they say to the Partnership Board",
                    "15-16", f"{county} Healthwatch", "2016-03-31", 4,
                    outcome="-Care improves from what people tell us"),
            ],
        ),
        (
            "Recovery and staying well / preventing future crises",
            "Joint planning for prevention of crises",
            [
                act("10", "To give everyone leaving the crisis team a written plan that says "
                    "who to contact if things get worse again", "Q2 15-16",
                    f"{county} Healthcare NHS FT", "2015-09-30", 5,
                    outcome="-People know where to turn"),
                act("11", "To fund peer mentors for people with a history of repeated "
                    "crises", "16-17", f"{city} CCG\nWorking with: Mind in {city}",
                    "2017-03-31", 5, outcome="-Fewer repeat crises"),
            ],
        ),
    ]  # fmt: skip
    document = w.docx_document()
    w.docx_paragraph(
        document,
        f"{city} and {county} action plan to enable delivery of shared goals of the "
        "Mental Health Crisis Care Concordat",
        bold=True,
    )
    w.docx_paragraph(
        document, f"{city} and {county} Crisis Care Concordat Action Plan – version 1", bold=True
    )
    w.docx_paragraph(
        document,
        f"This plan covers {city} and {county}. Partners wrote it after a shared workshop in "
        "October 2014 and a task and finish group has checked it since. It is a working "
        "document: we will change it as the work moves on, and report progress to both "
        "Health and Wellbeing Boards.",
    )
    w.docx_paragraph(document, "Please send comments on the plan to:")
    w.docx_paragraph(document, f"Maria Keane\nMental Health Commissioning Manager, {city} CCG")
    actions = []
    for title, sub, items in plan:
        w.docx_paragraph(document, "#W " + title, bold=True)
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes"), merged(sub)]
        for item in items:
            rows.append(cells(item.ref, item.action, item.timescale, item.lead, item.outcome))
            actions.append(item)
        w.docx_table(document, rows, widths=[1.2, 8.5, 2.2, 5.5, 7])
        w.docx_paragraph(document, "")
    return Doc(
        "d39_trentholme_working_with.docx",
        "docx",
        "Nottingham City and Nottinghamshire action plan version 1: a 'live document' "
        "preamble with a contact for comments, section headings in Word's automatic "
        "numbering (the number is not in the text) each over its own table 'No. / Action / "
        "Timescale / Led By / Outcomes' with a merged sub-theme row, refs 1 to 11 running "
        "across sections, lead cells naming a lead and then 'Working with:' partners on "
        "further lines, a second paragraph inside some action cells, outcomes typed as "
        "'-' lines, timescales '15-16', 'Q1 15-16', 'By Q4 15-16'; no status or RAG",
        True,
        w.docx_bytes(document),
        actions,
    )


# === 40 Leicester, Leicestershire and Rutland-style plan: completed actions removed =========


def doc_soarshire():
    area = "Soarley, Soarshire and Rutmere"

    def r(ref, section, action, when, due, lead, progress, rag, status=""):
        item = act(ref, action, when, lead, due, section, rag=rag, status=status,
                   progress=progress)  # fmt: skip
        return item

    plan = [
        (
            "Commissioning to allow earlier intervention and responsive crisis services",
            [
                r("1.2", 1, "Agree one specification for crisis resolution and home treatment "
                  "across the three CCGs, so that the service is the same wherever people live",
                  "March 2016", "2016-03-31", "West Soarshire CCG (lead commissioner)",
                  "Draft specification shared with the trust in December. The three CCGs "
                  "have agreed the hours and the response times; staffing levels are still "
                  "being costed and will go to the January meeting of the board.", "amber"),
                r("1.4", 1, "Use the mental health dashboard to report section 136 use, "
                  "conveyance times and repeat detentions to the Partnership Board",
                  "Quarterly", None, "Soarshire Partnership NHS Trust and Soarshire Police",
                  "The dashboard now has six months of data. The board receives it at each "
                  "meeting and it has been shared with the two Health and Wellbeing Boards.",
                  "green"),
            ],
        ),
        (
            "Access to support before crisis point",
            [
                r("2.1", 2, "Open the central access point to self-referral by phone and "
                  "online, for people of all ages", "By end of June 2016", "2016-06-30",
                  "Soarshire Partnership NHS Trust",
                  "Phone self-referral live since November. The online form is waiting for a "
                  "security check by the trust's information governance team, which has been "
                  "delayed twice.", "amber"),
                r("2.3", 2, "Fund a crisis sanctuary in Soarley city centre open from 6pm to "
                  "midnight", "Q4 2015/16", "2016-03-31",
                  "Soarley City CCG and Soarley City Council",
                  "Bids invited in October; none met the specification. The partners will "
                  "talk to two local charities about a joint bid.", "red"),
            ],
        ),
        (
            "Urgent and emergency access to crisis care",
            [
                r("3.1", 3, "Keep the triage car running every night of the week and review "
                  "its hours against demand", "Ongoing", None,
                  "Soarshire Police and Soarshire Partnership NHS Trust",
                  "Car runs 4pm to 2am every day. Review of demand by hour done in September; "
                  "no change needed.", "green"),
                r("3.2", 3, "Build a second assessment room at the health-based place of "
                  "safety so that people are not turned away when it is full",
                  "Sept 2016", "2016-09-30", "Soarshire Partnership NHS Trust",
                  "Capital funding agreed by NHS England. Design work started; building "
                  "expected to start in April 2016.", "amber"),
                r("3.5", 3, "Agree a protocol with British Transport Police for people "
                  "detained at the city's railway station", "March 2016", "2016-03-31",
                  "British Transport Police",
                  "Protocol agreed and signed by all partners in December.\nComplete",
                  "green", "complete"),
            ],
        ),
        (
            "Quality of treatment and care when in crisis",
            [
                r("4.2", 4, "Train emergency department staff at the two acute hospitals in "
                  "caring for people in mental health crisis", "2016/17", "2017-03-31",
                  "Soarshire Hospitals NHS Trust",
                  "Training package written with the liaison team; the first sessions are "
                  "booked for February.", "amber"),
            ],
        ),
        (
            "Recovery and staying well / preventing future crises",
            [
                r("5.1", 5, "Extend the recovery college to Rutmere with courses in the "
                  "market towns", "Sept 2016", "2016-09-30", "Soarshire Partnership NHS Trust",
                  "Two venues found. The course list is being written with students who "
                  "have lived experience.", "green"),
                r("5.3", 5, "Give people with both mental health and drug or alcohol needs a "
                  "single care plan agreed by both services", "2016/17", "2017-03-31",
                  "Soarshire County Council Public Health",
                  "Not started: waiting for the new substance misuse contract, which begins "
                  "in April 2016.", "red", "not_started"),
            ],
        ),
    ]  # fmt: skip
    story = [
        w.pdf_paragraph(f"{area} action plan to enable delivery of shared goals of the Mental "
                        "Health Crisis Care Concordat", size=13, bold=True),
        w.pdf_paragraph(f"The partner agencies in {area} signed the local declaration at an "
                        "event held on 14th October 2014. This high level plan supports their "
                        "continuing commitment to the Concordat principles and was last "
                        "updated in January 2016. Completed actions have been removed. For "
                        "further information telephone 01632 960418."),
        w.pdf_paragraph("Working in Partnership", bold=True, size=11),
        w.pdf_paragraph(f"The Mental Health Partnership Board for {area} oversees this plan. "
                        "It is chaired by the deputy chief officer of West Soarshire CCG, and "
                        "a GP is its clinical lead."),
        w.pdf_paragraph("Detailed Action Plans", bold=True, size=11),
        w.pdf_paragraph("Several pieces of work sit in the wider mental health programme as "
                        "well as in this plan. The named lead for each one holds the detailed "
                        "working plan."),
    ]  # fmt: skip
    rows = [head("Ref", "What we will do", "Lead", "By when", "Progress at January 2016", "RAG")]
    actions = []
    for title, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in items:
            rows.append(
                cells(item.ref, item.action, item.lead, item.timescale, item.progress,
                      WORDS[item.rag], fills={5: FILL[item.rag]})
            )  # fmt: skip
            actions.append(item)
    story.append(w.pdf_table(rows, [34, 190, 120, 60, 300, 45], font_size=9))
    story.append(w.pdf_paragraph("RAG ratings were agreed by the Partnership Board at its "
                                 "January 2016 meeting.", size=8))  # fmt: skip
    return Doc(
        "d40_soarshire_completed_removed.pdf",
        "pdf",
        "Leicester, Leicestershire and Rutland plan last updated January 2016 with completed "
        "actions removed (so refs 1.2, 1.4, 2.1, 2.3 … have gaps), 'Working in Partnership' "
        "and 'Detailed Action Plans' text before the table, one table spanning pages with "
        "its heading row 'Ref / What we will do / Lead / By when / Progress at January 2016 "
        "/ RAG' repeated, shaded section rows, RAG words on colour, a note under the table, "
        "'Complete' as the last line of a progress note; running header and page footer",
        True,
        w.pdf_bytes(
            story,
            header=f"{area} Crisis Care Concordat action plan – January 2016",
            footer="Page {page}",
        ),  # fmt: skip
        actions,
    )


# === 41 Kirklees-style version 1: two CCG footprints, a footprint column, lettered refs ======


def doc_colnedale():
    trust = "South Pennine Partnership NHS FT"
    plan = [
        (
            "Commissioning to allow earlier intervention and responsive crisis services",
            [
                act("C1", "Bring crisis activity for both footprints into one quarterly report "
                    "for the Concordat group", "Q2 2015/16", "GC CCG and NC CCG commissioners",
                    "2015-09-30", 1, outcome="Commissioners see the whole picture",
                    cells={"fp": "Both"}),
                act("C2", "Review the contract for the crisis team in the north of the "
                    "district against the Concordat standards", "March 2016", "NC CCG",
                    "2016-03-31", 1, outcome="Crisis standards written into the contract",
                    cells={"fp": "NC"}),
            ],
        ),
        (
            "Access to support before crisis point",
            [
                act("A1", "Publish a directory of support for people at risk of crisis, in "
                    "print and online", "Dec 2015", "Colnedale Council Public Health",
                    "2015-12-31", 2, outcome="People and referrers know what is on offer",
                    cells={"fp": "Both"}),
                act("A2", "Run a crisis drop-in at the Greater Colne wellbeing centre on "
                    "Friday and Saturday evenings", "From April 2015", "Colne Valley Mind",
                    None, 2, outcome="Somewhere to go before things reach crisis",
                    cells={"fp": "GC"}),
            ],
        ),
        (
            "Urgent and emergency access to crisis care",
            [
                act("U1", "Place a mental health nurse in the police control room from 4pm "
                    "to midnight", "Q3 2015/16", "West Pennine Police and " + trust,
                    "2015-12-31", 3, outcome="Officers get advice before using section 136",
                    cells={"fp": "Both"}),
                act("U2", "Agree a response time of one hour for the liaison team in the "
                    "emergency department at Colne Royal", "2015/16",
                    "Greater Colne Hospitals NHS FT", "2016-03-31", 3,
                    outcome="Quicker assessment in A&E", cells={"fp": "GC", "merge": True}),
                act("U3", "Extend liaison cover at Colne Royal to 24 hours a day",
                    "March 2016", "Greater Colne Hospitals NHS FT", "2016-03-31", 3,
                    outcome="No one waits overnight for an assessment",
                    cells={"fp": "GC", "merge": "down"}),
            ],
        ),
        (
            "Quality of treatment and care when in crisis",
            [
                act("T1", "Survey people who used the place of safety in the last year and "
                    "their carers", "Q4 2015/16", "Healthwatch Colnedale", "2016-03-31", 4,
                    outcome="What people tell us shapes the service", cells={"fp": "Both"}),
                act("T2", "Train custody staff in the North Colnedale suite in mental health "
                    "awareness", "Dec 2015", "West Pennine Police", "2015-12-31", 4,
                    outcome="People in custody are treated with understanding",
                    cells={"fp": "NC"}),
            ],
        ),
        (
            "Recovery and staying well / preventing future crises",
            [
                act("R1", "Offer every person discharged from the crisis team a follow-up "
                    "call within 48 hours", "From April 2015", trust, None, 5,
                    outcome="Fewer people return in crisis", cells={"fp": "Both"}),
                act("R2", "Agree a housing pathway with the council so that no one leaves "
                    "hospital with nowhere to live", "2015/16",
                    "Colnedale Council Housing Solutions", "2016-03-31", 5,
                    outcome="No discharge to the street", cells={"fp": "Both"}),
            ],
        ),
    ]  # fmt: skip
    odt = w.OdtWriter(footer="Colnedale Crisis Care Concordat Action Plan – Version 1 March 2015")
    odt.paragraph("Colnedale action plan to enable delivery of shared goals of the Mental "
                  "Health Crisis Care Concordat", bold=True)  # fmt: skip
    odt.paragraph("Version 1 March 2015")
    odt.heading("Mental Health Crisis Care Concordat - Colnedale Action Plan")
    odt.heading("Introduction", level=2)
    odt.paragraph(
        "The Concordat is a national agreement between the services that care for "
        "and support people in a mental health crisis. It covers four main areas:"
    )
    odt.paragraph("•W Access to support before crisis point\n•W Urgent and emergency access "
                  "to crisis care\n•W Quality of treatment and care when in crisis\n•W "
                  "Recovery and staying well")  # fmt: skip
    odt.paragraph(
        "Colnedale spans two hospital footprints: Greater Colne (GC) CCG works with "
        "its western neighbour, and North Colnedale (NC) CCG with its eastern one. "
        "The last column of the plan shows which footprint each action covers."
    )
    odt.paragraph("The partners signed the regional declaration in December 2014.")
    rows = [head("Ref", "Action", "Lead", "Timescale", "Outcome", "GC / NC")]
    actions = []
    for title, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in items:
            lead = w.MERGE_UP if item.cells.get("merge") == "down" else item.lead
            rows.append(cells(item.ref, item.action, lead, item.timescale, item.outcome,
                              item.cells["fp"]))  # fmt: skip
            actions.append(item)
    odt.table(rows, name="Plan")
    odt.paragraph("GC – Greater Colne CCG area; NC – North Colnedale CCG area; Both – the "
                  "whole district.")  # fmt: skip
    return Doc(
        "d41_colnedale_footprints.odt",
        "odt",
        "Kirklees action plan version 1 (March 2015): title and version lines, an "
        "introduction with a bulleted list of the four Concordat areas and a note on the "
        "district's two CCG footprints, one table with shaded section rows, refs lettered by "
        "section (C1, A1, U1, T1, R1) restarting at 1, a last column of short footprint "
        "codes (GC / NC / Both) explained under the table, a lead cell merged down over two "
        "actions; no status or RAG",
        True,
        odt.bytes(),
        actions,
    )


# === 42 Calderdale-style plan 'at 31st March 2016': two-row heading, date cells, status ======


def doc_hebbleton():
    colours = {"Complete": GREEN, "In progress": AMBER, "Not started": RED}
    canon = {"Complete": "complete", "In progress": "in_progress", "Not started": "not_started"}
    rags = {"Complete": "green", "In progress": "amber", "Not started": "red"}

    def r(ref, section, action, when, due, lead, update, word):
        shown = when if isinstance(when, str) else when.strftime("%d/%m/%Y")
        item = act(f"{ref:.1f}", action, shown, lead, due, section, status=canon[word],
                   rag=rags[word], progress=update)  # fmt: skip
        item.cells = {"number": ref, "value": when, "word": word}
        return item

    plan = [
        (
            "Commissioning to allow earlier intervention and responsive crisis services",
            [
                r(1.1, 1, "Set up the Hebbleton Mental Health Innovation Hub as the group "
                  "that owns this plan", date(2015, 6, 30), "2015-06-30",
                  "Hebbleton CCG", "Hub meets monthly; all partners attend.", "Complete"),
                r(1.2, 1, "Pool crisis data from police, ambulance and the trust in one "
                  "monthly return", date(2016, 3, 31), "2016-03-31",
                  "Hebbleton CCG Business Intelligence",
                  "Police and trust data pooled; ambulance data from April.", "In progress"),
            ],
        ),
        (
            "Access to support before crisis point",
            [
                r(2.1, 2, "Open a safe space in Hebbleton town centre for people in distress "
                  "at night", date(2016, 1, 31), "2016-01-31", "Hebbleton Council and Mind",
                  "Safe space opened on 29 January, Thursday to Sunday nights.", "Complete"),
                r(2.2, 2, "Give GPs direct phone access to a psychiatrist for advice",
                  date(2016, 9, 30), "2016-09-30", "Hebbleton CCG",
                  "Options paper to the Hub in May.", "Not started"),
            ],
        ),
        (
            "Urgent and emergency access to crisis care",
            [
                r(3.1, 3, "Agree with the ambulance trust how people detained under section "
                  "136 are conveyed", date(2015, 12, 31), "2015-12-31",
                  "Pennine Ambulance Service",
                  "Regional agreement signed; local audit of waits under way.", "In progress"),
                r(3.2, 3, "Provide a place of safety for young people in the district",
                  date(2016, 6, 30), "2016-06-30", "South Pennine Partnership NHS FT",
                  "Room identified at the adolescent unit; staffing being agreed.",
                  "In progress"),
                r(3.3, 3, "Keep the crisis team's four-hour response target for urgent "
                  "referrals", "Ongoing", None, "South Pennine Partnership NHS FT",
                  "Met in 94% of cases this year.", "In progress"),
            ],
        ),
        (
            "Quality of treatment and care when in crisis",
            [
                r(4.1, 4, "Review every use of police custody as a place of safety at the "
                  "Hub", date(2015, 9, 30), "2015-09-30", "West Pennine Police",
                  "Standing item at the Hub since September.", "Complete"),
            ],
        ),
        (
            "Recovery and staying well / preventing future crises",
            [
                r(5.1, 5, "Offer a peer supporter to everyone leaving a mental health ward",
                  date(2016, 12, 31), "2016-12-31", "Hebbleton Council",
                  "Funding bid with the lottery; decision due in July.", "Not started"),
                r(5.2, 5, "Run suicide awareness sessions for employers across the district",
                  date(2016, 3, 31), "2016-03-31", "Hebbleton Council Public Health",
                  "Eleven sessions held; 180 people from 40 employers.", "Complete"),
            ],
        ),
    ]  # fmt: skip
    workbook = w.xlsx_workbook()
    intro = workbook.active
    intro.title = "Introduction"
    lines = [
        "Hebbleton - Action plan to enable delivery of shared goals of the Mental Health "
        "Crisis Care Concordat",
        "",
        "The Concordat is a national agreement between the services that help people in a "
        "mental health crisis.",
        "Hebbleton partners signed the local declaration in December 2014.",
        "The Innovation Hub and the sub-regional Concordat group manage this plan; both have "
        "members from every partner.",
        "The plan is on the next sheet, with each action's status at 31st March 2016.",
    ]
    for number, text in enumerate(lines, start=1):
        if text:
            w.xlsx_put(intro, number, 1, text, bold=number == 1, wrap=False)
    sheet = workbook.create_sheet("Action plan")
    for column, width in zip("ABCDEF", (8, 48, 30, 12, 46, 14), strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(sheet, 1, 1, "Mental Health Crisis Care Concordat - Hebbleton Action Plan (at "
               "31st March 2016)", bold=True, wrap=False)  # fmt: skip
    top = ("Ref", "Action", "Lead", "Target", "Update at", "Status")
    bottom = (None, None, None, "date", "31st March 2016", None)
    for column, (upper, lower) in enumerate(zip(top, bottom, strict=True), start=1):
        w.xlsx_put(sheet, 3, column, upper, bold=True, fill=SHADE)
        if lower:
            w.xlsx_put(sheet, 4, column, lower, bold=True, fill=SHADE)
        else:
            letter = "ABCDEF"[column - 1]
            sheet.merge_cells(f"{letter}3:{letter}4")
    line = 5
    actions = []
    for title, items in plan:
        w.xlsx_put(sheet, line, 1, title, bold=True, wrap=False)
        sheet.merge_cells(f"A{line}:F{line}")
        line += 1
        for item in items:
            w.xlsx_put(sheet, line, 1, item.cells["number"], fmt="0.0")
            w.xlsx_put(sheet, line, 2, item.action)
            w.xlsx_put(sheet, line, 3, item.lead)
            value = item.cells["value"]
            w.xlsx_put(sheet, line, 4, value, fmt=None if isinstance(value, str) else "dd/mm/yyyy")
            w.xlsx_put(sheet, line, 5, item.progress)
            word = item.cells["word"]
            w.xlsx_put(sheet, line, 6, word, fill=colours[word])
            actions.append(item)
            line += 1
    return Doc(
        "d42_hebbleton_two_row_heading.xlsx",
        "xlsx",
        "Calderdale action plan 'at 31st March 2016' as a workbook: an Introduction sheet, "
        "then the plan sheet with a title row and a heading split over two rows ('Target' "
        "over 'date', 'Update at' over '31st March 2016', the other headings merged down "
        "across both rows), section rows merged across, refs 1.1 … stored as numbers, target "
        "dates as real date cells shown dd/mm/yyyy, a Status column of words (Complete, In "
        "progress, Not started) on green, amber and red fills",
        True,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 43 Staffordshire and Stoke-on-Trent-style progress report: BRAG key, aims merged down ===


def doc_sowe():
    key = {"B": ("blue", "complete"), "G": ("green", "in_progress"),
           "A": ("amber", "in_progress"), "R": ("red", "not_started")}  # fmt: skip

    def r(section, action, when, due, lead, progress, letter):
        rag, status = key[letter]
        item = act("", action, when, lead, due, section, rag=rag, status=status,
                   progress=progress)  # fmt: skip
        item.cells = {"letter": letter}
        return item

    plan = [
        (
            "Commissioning for earlier intervention",
            [
                r(1, "Build the crisis plan into the implementation plans of the Sowe and "
                  "Trentbury mental health and wellbeing strategy", "2015/16", "2016-03-31",
                  "Strategic Partnership Board", "Done: the plan is a chapter of the "
                  "strategy's delivery plan.", "B"),
                r(1, "Review the governance of the Concordat against the local system "
                  "resilience groups", "Q3 2015/16", "2015-12-31",
                  "CCG mental health commissioning leads",
                  "Review under way; proposals to the Board in December.", "G"),
            ],
        ),
        (
            "Access to support before crisis point",
            [
                r(2, "Extend the individual placement and support employment service to "
                  "people with anxiety and depression", "March 2016", "2016-03-31",
                  "Trentbury City Council and Jobcentre Plus",
                  "Pilot funded by Jobcentre Plus began in September.", "G"),
                r(2, "Hold engagement events in each locality to hear from people who use "
                  "services and their carers", "Bi-monthly", None,
                  "Service User Voice and locality leads",
                  "Four events held; the next in Leekmoor in January.", "G"),
            ],
        ),
        (
            "Urgent and emergency access to crisis care",
            [
                r(3, "Commission a 24/7 crisis response for children and young people",
                  "2016/17", "2017-03-31", "Sowe and Trentbury CCGs",
                  "No provider yet; options being costed.", "R"),
                r(3, "Reduce the time people wait at the place of safety for an AMHP",
                  "December 2015", "2015-12-31", "Sowe County Council and Trentbury City "
                  "Council", "Out-of-hours AMHP rota strengthened; waits still over four "
                  "hours at weekends.", "A"),
                r(3, "Share crisis plans with the ambulance service through the summary "
                  "care record", "June 2016", "2016-06-30", "Midshire Ambulance Service",
                  "Technical testing complete; information sharing agreement with the "
                  "lawyers.", "A"),
            ],
        ),
        (
            "Quality of treatment and care when in crisis",
            [
                r(4, "Carry out a joint audit of section 136 records across police and "
                  "health", "September 2015", "2015-09-30",
                  "Sowe Police and Combined Healthcare NHS Trust",
                  "Audit done; findings presented in October.", "B"),
            ],
        ),
        (
            "Recovery and staying well / preventing future crises",
            [
                r(5, "Offer a recovery and wellbeing course to everyone discharged from "
                  "the home treatment team", "From January 2016", None,
                  "Combined Healthcare NHS Trust", "Course written; first group starts in "
                  "January.", "G"),
                r(5, "Agree a joint approach with housing providers to tenants at risk of "
                  "crisis", "Q4 2015/16", "2016-03-31", "District housing leads",
                  "Not started.", "R"),
            ],
        ),
    ]  # fmt: skip
    document = w.docx_document()
    w.docx_header_footer(document, footer="Sowe and Trentbury Crisis Care Concordat – "
                         "progress report, December 2015")  # fmt: skip
    w.docx_paragraph(document, "Local Crisis Care Concordat Action Plan Progress Report: "
                     "Supporting Information", bold=True, size=13)  # fmt: skip
    w.docx_paragraph(document, "The plan has been reviewed and each action given a BRAG rating "
                     "for progress. No actions have been added since the last report; the "
                     "partners review progress every two months.")  # fmt: skip
    w.docx_paragraph(document, "#W Background and Local Context", bold=True)
    w.docx_paragraph(document, "The Concordat is part of the Sowe and Trentbury mental health "
                     "and wellbeing strategy. A Strategic Partnership Board oversees it and "
                     "reports to both Health and Wellbeing Boards.")  # fmt: skip
    w.docx_paragraph(document, "#W Engagement", bold=True)
    w.docx_paragraph(document, "We have held events in local communities to hear the views of "
                     "people who use services and their carers, and their comments are "
                     "reflected in the progress notes below.")  # fmt: skip
    w.docx_paragraph(document, "#W Progress against the plan", bold=True)
    w.docx_table(document, [head("Key", "", "", ""),
                          cells("B – complete", "G – on track", "A – started, some delay",
                                "R – not started",
                                fills={0: BLUE, 1: GREEN, 2: AMBER, 3: RED})],
               widths=[5, 5, 5, 5])  # fmt: skip
    w.docx_paragraph(document, "")
    rows = [head("Concordat aim", "Action", "Lead", "Timescale", "Progress", "BRAG")]
    actions = []
    for aim, items in plan:
        for index, item in enumerate(items):
            letter = item.cells["letter"]
            rows.append(cells(aim if index == 0 else w.MERGE_UP, item.action, item.lead,
                              item.timescale, item.progress, letter,
                              fills={5: FILL[item.rag]}))  # fmt: skip
            actions.append(item)
    w.docx_table(document, rows, widths=[4, 8, 4.5, 2.5, 6.5, 1.5])
    return Doc(
        "d43_sowe_brag_progress.docx",
        "docx",
        "Staffordshire and Stoke-on-Trent 'Local Crisis Care Concordat Action Plan Progress "
        "Report: Supporting Information': report text under auto-numbered headings "
        "(Background and Local Context, Engagement), a BRAG key as a one-row table (B "
        "complete, G on track, A started with some delay, R not started), then one table "
        "'Concordat aim / Action / Lead / Timescale / Progress / BRAG' with no ref column, "
        "the aim cell merged down over its actions instead of section rows, BRAG letters "
        "on colour; a footer",
        True,
        w.docx_bytes(document),
        actions,
    )


# === 44 Leeds-style update: a local programme section first, '(new)' refs, RAG fill only ====


def doc_airebridge():
    def r(
        ref, section, action, when, due, lead, outcome, update, rag, new=False, tref=None, more=None
    ):
        item = act(
            ref,
            action,
            when,
            lead,
            due,
            section,
            rag=rag,
            new=new,
            tref=tref,
            outcome=outcome,
            progress=update,
        )
        if more:
            item.taction = action + " " + more
        item.cells = {"more": more}
        return item

    plan = [
        (
            "Leading the programme",
            None,
            [
                r("0.1", None, "Run the crisis and urgent care programme of the Airebridge "
                  "mental health framework as the delivery route for this plan", "Ongoing",
                  None, "Airebridge CCGs Mental Health Commissioning",
                  "One programme, one set of reports", "Programme board meets monthly; "
                  "report to the Health and Wellbeing Board in September.", "green"),
                r("0.2", None, "Publish a yearly update of this plan on the CCG and council "
                  "websites", "October 2015", "2015-10-31", "Airebridge CCGs",
                  "The public can see what has changed", "This document.", "green"),
            ],
        ),
        (
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            1,
            [
                r("1.1", 1, "Write a single service model for urgent mental health care "
                  "across the city", "March 2016", "2016-03-31",
                  "Airebridge CCGs and Airebridge City Council",
                  "A model every partner has agreed", "Draft model tested at two "
                  "workshops with service users and staff in the summer.", "amber"),
                r("1.2 (new)", 1, "Cost the gap between today's crisis services and the "
                  "new model", "Q4 2015/16", "2016-03-31", "Airebridge CCGs Finance",
                  "Partners know what the model needs", "New action added in October "
                  "2015.", "", new=True, tref="1.2"),
            ],
        ),
        (
            "2. Access to support before crisis point",
            2,
            [
                r("2.1", 2, "Keep the evening crisis café running and open it on Sundays",
                  "April 2016", "2016-04-30", "Airebridge Mind",
                  "Fewer people going to A&E in the evening", "Sunday opening funded from "
                  "April; attendance averages 26 a night.", "green"),
                r("2.2", 2, "Let people who already know the crisis team ring it directly "
                  "without a new referral", "December 2015", "2015-12-31",
                  "Airebridge and Wharfe Partnership NHS FT",
                  "Quicker help for people known to services", "Agreed in principle; "
                  "phone system change booked for November.", "amber",
                  more="and give each of them a card with the number"),
            ],
        ),
        (
            "3. Urgent and emergency access to crisis care",
            3,
            [
                r("3.1", 3, "Staff the place of safety with its own team so that ward staff "
                  "are not taken off the wards", "January 2016", "2016-01-31",
                  "Airebridge and Wharfe Partnership NHS FT",
                  "Place of safety always open", "Recruitment of the dedicated team is "
                  "behind; five of nine posts filled.", "red"),
                r("3.2", 3, "Agree a psychiatric liaison response within one hour in both "
                  "emergency departments", "2015/16", "2016-03-31",
                  "Airebridge Teaching Hospitals NHS Trust",
                  "People in A&E assessed within the hour", "Met in 71% of cases in the "
                  "second quarter.", "amber"),
                r("3.3 (new)", 3, "Pilot a mental health nurse with the ambulance service on "
                  "Friday and Saturday nights", "From November 2015", None,
                  "Yorkwold Ambulance Service", "Fewer conveyances to A&E",
                  "New action added in October 2015.", "", new=True, tref="3.3"),
            ],
        ),
        (
            "4. Quality of treatment and care when in crisis",
            4,
            [
                r("4.1", 4, "Ask everyone who uses the place of safety about their care and "
                  "publish the results twice a year", "Six-monthly", None,
                  "Airebridge Healthwatch", "Care shaped by people's experience",
                  "First results published in July.", "green"),
            ],
        ),
        (
            "5. Recovery and staying well / preventing future crises",
            5,
            [
                r("5.1", 5, "Give people leaving hospital a named housing worker where their "
                  "home is at risk", "March 2016", "2016-03-31",
                  "Airebridge City Council Housing",
                  "No one leaves hospital homeless", "Two housing workers now based at the "
                  "mental health unit.", "green"),
                r("5.2", 5, "Offer a recovery course to every carer of someone in the crisis "
                  "service", "2016/17", "2017-03-31", "Airebridge Carers",
                  "Carers able to help the person stay well", "Course planned with the "
                  "recovery college.", "amber"),
            ],
        ),
    ]  # fmt: skip
    story = [
        w.pdf_paragraph("Introduction", bold=True, size=11),
        w.pdf_paragraph("The Concordat is a national agreement between the services that "
                        "support people in a mental health crisis. All partners in Airebridge "
                        "signed the regional declaration in December 2014."),
        w.pdf_paragraph("This plan was drawn up by the city's mental health and urgent care "
                        "commissioners* at a workshop in February 2015 with hospital, mental "
                        "health and voluntary sector providers, people who use services, the "
                        "police, the ambulance service and the council. It holds the actions "
                        "agreed that day and work already under way."),
        w.pdf_paragraph("* The commissioners of the three Airebridge CCGs and the city "
                        "council.", size=8),
        w.pdf_paragraph("New actions added in this update are marked (new). A RAG colour is "
                        "shown where progress has been reviewed."),
    ]  # fmt: skip
    rows = [head("No.", "Action", "Lead", "By When", "Outcome / measure",
                 "Update October 2015", "RAG")]  # fmt: skip
    actions = []
    for title, _section, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in items:
            fills = {6: FILL[item.rag]} if item.rag else {}
            rows.append(cells(item.ref, item.action, item.lead, item.timescale, item.outcome,
                              item.progress, "", fills=fills))  # fmt: skip
            if item.cells["more"]:
                rows.append(cells("", item.cells["more"], "", "", "", "", ""))
            actions.append(item)
    story.append(w.pdf_table(rows, [42, 190, 110, 62, 120, 190, 35], font_size=9))
    return Doc(
        "d44_airebridge_update.pdf",
        "pdf",
        "Leeds action plan 'Update October 2015': the plan's title and update date as a "
        "running header on every page and a bare page number as footer, an introduction "
        "with an asterisked footnote, one table spanning pages (heading 'No. / Action / "
        "Lead / By When / Outcome / measure / Update October 2015 / RAG' repeated), a local "
        "'Leading the programme' section with refs 0.1, 0.2 placed before the five "
        "numbered Concordat sections, new actions marked '(new)' after the ref, RAG as a "
        "fill with no words (blank where not reviewed), a continuation row with an empty "
        "ref finishing an action's text",
        True,
        w.pdf_bytes(
            story,
            header="Airebridge action plan to enable delivery of shared goals of "
            "the Mental Health Crisis Care Concordat – Update October 2015",
            footer="{page}",
        ),  # fmt: skip
        actions,
    )


# === 45 Derbyshire and Derby-style plan: section title inside each table, a glossary ========


def doc_dovecliffe():
    plan = [
        (
            "1. Commissioning to allow earlier intervention and responsive crisis services",
            1,
            [
                act("1.1", "Write crisis care into the mental health strategies of both "
                    "councils and the four CCGs", "By March 2016", "DDCCGs / DCC / DbCC",
                    "2016-03-31", 1, outcome="Crisis care is part of every partner's plan",
                    progress="County strategy published; city strategy out to consultation."),
                act("1.2", "Map places where people in crisis are seen across the county "
                    "and the city, including A&E and custody", "June 2015", "DDHFT",
                    "2015-06-30", 1, outcome="A shared picture of demand",
                    progress="Map drawn and shared with the task group."),
            ],
        ),
        (
            "2. Access to support before crisis point",
            2,
            [
                act("2.1", "Set up a single point of access by phone for urgent mental "
                    "health referrals from GPs", "Autumn 2015", "DDHFT", "2015-11-30", 2,
                    outcome="GPs reach the right team in one call",
                    progress="Live from October for the north of the county."),
                act("2.2", "Offer information, advice and advocacy to people at risk of "
                    "crisis as the Care Act requires", "2015/16", "DCC / DbCC",
                    "2016-03-31", 2, outcome="People get advice before things go wrong",
                    progress="New advocacy contract in place in both council areas."),
            ],
        ),
        (
            "3. Urgent and emergency access to crisis care",
            3,
            [
                act("3.1", "Run a triage car with a police officer and a mental health "
                    "nurse in Dovebury and the north of the county", "From April 2015",
                    "DC / DDHFT", None, 3, outcome="Fewer section 136 detentions",
                    progress="Both cars running; section 136 use down by a quarter."),
                act("3.2", "Open a health-based place of safety in the north of the county",
                    "December 2015", "DDHFT / NDCCG", "2015-12-31", 3,
                    outcome="No one travels across the county to be assessed",
                    progress="Building work done in November; opening delayed by "
                    "staffing."),
                act("3.3", "Open a separate place of safety for under-18s", "December 2015",
                    "DDHFT", "2015-12-31", 3, removed=True, status="superseded",
                    outcome="Young people are not held in adult suites",
                    progress="Merged into action 3.2"),
            ],
        ),
        (
            "4. Quality of treatment and care when in crisis",
            4,
            [
                act("4.1", "Train every custody sergeant in the Mental Health Act and in "
                    "working with people in crisis", "March 2016", "DC", "2016-03-31", 4,
                    outcome="People in custody are treated with understanding",
                    progress="Half of the sergeants trained."),
                act("4.2", "Agree a protocol for people with a learning disability or autism "
                    "who are in crisis", "Spring 2016", "DDCCGs / DCC", "2016-05-31", 4,
                    outcome="Reasonable adjustments at every step",
                    progress="Draft protocol with the learning disability partnership."),
            ],
        ),
        (
            "5. Recovery and staying well / preventing future crises",
            5,
            [
                act("5.1", "Run a suicide prevention plan for people who use the trust's "
                    "services", "Ongoing", "DDHFT", None, 5,
                    outcome="Fewer suicides among people known to services",
                    progress="Plan in place and reviewed by the trust board each quarter."),
                act("5.2", "Support prisoners with mental health needs when they are "
                    "released, as the Care Act now requires", "2015/16", "DCC / DbCC / NPS",
                    "2016-03-31", 5, outcome="Support continues after release",
                    progress="Pathway agreed with the prison and the probation service."),
            ],
        ),
    ]  # fmt: skip
    document = w.docx_document()
    w.docx_paragraph(document, "Template action plan to enable delivery of shared goals of the "
                     "Mental Health Crisis Care Concordat", size=9)  # fmt: skip
    w.docx_paragraph(document, "Dovecliffe and Dovebury Crisis Care Concordat plan", bold=True,
                     size=14)  # fmt: skip
    w.docx_paragraph(document, "Introduction", bold=True)
    w.docx_paragraph(
        document,
        "This plan is for the county of Dovecliffe and the city of "
        "Dovebury. A task group of many agencies wrote it after the partners "
        "signed the declaration at a mental health summit in June 2014.",
    )
    w.docx_paragraph(
        document,
        "It is a high level plan about what the partners will do or buy "
        "together. The police, both councils and the four CCGs each have more "
        "detailed plans beneath it. Abbreviations are explained at the end.",
    )
    actions = []
    for title, _section, items in plan:
        rows = [
            merged(title, shade=SHADE),
            head("No.", "Action", "Timescale", "Led By", "Outcomes", "Progress"),
        ]
        for item in items:
            rows.append(cells(item.ref, item.action, item.timescale, item.lead, item.outcome,
                              item.progress, strike=item.removed))  # fmt: skip
            actions.append(item)
        w.docx_table(document, rows, widths=[1.2, 8, 2.5, 3, 5.5, 6])
        w.docx_paragraph(document, "")
    w.docx_paragraph(document, "Actions struck through have been removed or merged with "
                     "another action.", size=8)  # fmt: skip
    w.docx_paragraph(document, "Abbreviations", bold=True)
    glossary = [
        ("DC", "Dovecliffe Constabulary"),
        ("DCC", "Dovecliffe County Council"),
        ("DbCC", "Dovebury City Council"),
        ("DDCCGs", "the four Dovecliffe and Dovebury clinical commissioning groups"),
        ("DDHFT", "Dovecliffe and Dovebury Healthcare NHS Foundation Trust"),
        ("NDCCG", "North Dovecliffe CCG"),
        ("NPS", "National Probation Service"),
    ]
    w.docx_table(document, [head("Abbreviation", "Meaning")] + [cells(a, b) for a, b in glossary],
                 widths=[3, 12])  # fmt: skip
    return Doc(
        "d45_dovecliffe_glossary.docx",
        "docx",
        "Derbyshire and Derby Crisis Care Concordat plan: the template's title line, an "
        "introduction, one table per Concordat section whose first row is the numbered "
        "section title merged and shaded above its heading row 'No. / Action / Timescale / "
        "Led By / Outcomes / Progress', leads as abbreviations joined with ' / ', a removed "
        "action struck through with a note under the tables, and an Abbreviations table "
        "at the end that is not part of the plan",
        True,
        w.docx_bytes(document),
        actions,
    )


# === 46 Bradford, Airedale and Craven-style multi-agency plan as CSV: objective over actions ==


def doc_wharfeton():
    letters = {"G": "green", "A": "amber", "R": "red"}

    def r(ref, section, objective, action, lead, when, due, progress, status=""):
        first = progress.split(" ", 1)[0]
        item = act(ref, action, when, lead, due, section, rag=letters.get(first, ""),
                   status=status, progress=progress)  # fmt: skip
        item.cells = {"objective": objective}
        return item

    plan = [
        (
            "COMMISSIONING TO ALLOW EARLIER INTERVENTION AND RESPONSIVE CRISIS SERVICES",
            [
                r("1a", 1, "Redesign crisis care as one system across the district",
                  "Review the acute care pathway with the trust, social care and the "
                  "voluntary sector and agree one model", "Wharfeton District Care NHS FT",
                  "Oct 2015", "2015-10-31", "Complete – new model agreed by the "
                  "Mental Health Partnership in October", "complete"),
                r("1b", 1, "", "Make bids for national money jointly, in the name of the "
                  "partnership rather than one agency", "All partners", "Ongoing", None,
                  "G – joint bid for a safe haven won £180,000"),
            ],
        ),
        (
            "ACCESS TO SUPPORT BEFORE CRISIS POINT",
            [
                r("2a", 2, "Out-of-hours help without going to A&E",
                  "Open the ‘Harbour’ crisis support service from 6pm to 2am, seven days a "
                  "week", "Mind in Wharfeton", "Dec 2015", "2015-12-31",
                  "G – open since 1 December; 40 visits in its first fortnight"),
                r("2b", 2, "", "Give NHS and social care staff use of council resources "
                  "such as emergency housing and day centres", "Wharfeton Council Adult "
                  "Social Care", "Mar 2016", "2016-03-31",
                  "A – agreed for housing; day centres still being discussed"),
            ],
        ),
        (
            "URGENT AND EMERGENCY ACCESS TO CRISIS CARE",
            [
                r("3a", 3, "A police response that joins up with health",
                  "Base police officers in the trust’s First Response team", "West "
                  "Ridings Police", "From Sept 2015", None,
                  "G – two officers in the team since September"),
                r("3b", 3, "", "Put mental health liaison workers in the custody suite "
                  "cells at Wharfeton and Aireby", "West Ridings Police and Wharfeton "
                  "District Care NHS FT", "2015/16", "2016-03-31",
                  "R – funding for Aireby not yet agreed"),
                r("3c", 3, "", "Redesign A&E liaison together with social care so that "
                  "assessments and packages start in the department", "Wharfeton Teaching "
                  "Hospitals NHS FT", "Q4 2015/16", "2016-03-31",
                  "A – joint rota drafted"),
            ],
        ),
        (
            "QUALITY OF TREATMENT AND CARE WHEN IN CRISIS",
            [
                r("4a", 4, "No out-of-area placements",
                  "Manage acute beds across the district so that nobody is sent out of the "
                  "area for a bed", "Wharfeton District Care NHS FT", "Ongoing", None,
                  "G – no out-of-area placements for eleven months"),
            ],
        ),
        (
            "RECOVERY AND STAYING WELL / PREVENTING FUTURE CRISES",
            [
                r("5a", 5, "Housing as part of recovery",
                  "Employ a housing discharge worker at the mental health unit", "Aire Valley "
                  "Homes and Wharfeton Council", "Jan 2016", "2016-01-31",
                  "Complete – worker started in January", "complete"),
                r("5b", 5, "", "Offer short residential respite to people who need a break "
                  "to avoid a crisis", "Wharfeton Council Adult Social Care", "2016/17",
                  "2017-03-31", "R – no provider yet"),
            ],
        ),
    ]  # fmt: skip
    out = [
        ["Crisis Care Concordat Multi Agency Action Plan for Wharfeton, Aireby & Cravendale"],
        ["Partners: the three CCGs of Wharfeton, Aireby and Cravendale; Wharfeton Council; "
         "Wharfeton District Care NHS FT; West Ridings Police; Mind in Wharfeton; Voices "
         "Together; Wharfeton Teaching Hospitals NHS FT; Aireby General NHS FT"],
        [],
        ["Ref", "Objective", "Action", "Lead\nAgency", "Time-scale", "Progress\n(RAG)"],
    ]  # fmt: skip
    actions = []
    for title, items in plan:
        out.append([title])
        for item in items:
            out.append([item.ref, item.cells["objective"], item.action, item.lead,
                        item.timescale, item.progress])  # fmt: skip
            actions.append(item)
    out.append([])
    out.append(["RAG: G – green, A – amber, R – red. Finished actions say “Complete” "
                "instead of a letter."])  # fmt: skip
    return Doc(
        "d46_wharfeton_objectives.csv",
        "csv",
        "Bradford, Airedale & Craven 'Crisis Care Concordat Multi Agency Action Plan' saved "
        "as CSV: a title row and a partners row, a heading row whose cells break over two "
        "lines ('Lead / Agency', 'Progress / (RAG)') and 'Time-scale', section rows in "
        "capitals in the first cell, an 'Objective' column filled only on the first action "
        "under it (the broader objective is the sub-theme, the action the specific step), "
        "refs 1a, 1b, 2a … by objective, a 'Progress (RAG)' column starting with the letter "
        "G/A/R or the word 'Complete' before a dash and a note, a RAG note after the table; "
        "Windows-1252 with CRLF",
        True,
        w.csv_bytes(out, encoding="cp1252"),
        actions,
    )


# === 47 Kent and Medway-style tracker: workstreams merged down, BRAG key, month date cells ===


def doc_medwold():
    key = {"B": ("blue", "complete"), "G": ("green", "in_progress"),
           "A": ("amber", "in_progress"), "R": ("red", "not_started")}  # fmt: skip

    def r(ref, section, action, owner, due_cell, due, letter, comment):
        shown = due_cell if isinstance(due_cell, str) else due_cell.strftime("%b-%y")
        rag, status = key[letter]
        item = act(ref, action, shown, owner, due, section, rag=rag, status=status,
                   progress=comment)  # fmt: skip
        item.cells = {"value": due_cell, "letter": letter}
        return item

    streams = [
        (
            "Commissioning and data",
            [
                r("WS1.1", 1, "Agree one set of crisis measures for both CCG areas and the "
                  "two councils", "Medwold CCGs Head of Mental Health Commissioning",
                  date(2016, 3, 1), "2016-03-31", "G", "Measures drafted; to the June board"),
                r("WS1.2", 1, "Include crisis standards in the 2016/17 mental health "
                  "contract", "Medwold CCGs", date(2016, 4, 1), "2016-04-30", "B",
                  "In the signed contract"),
            ],
        ),
        (
            "Early help and prevention",
            [
                r("WS2.1", 2, "Open a safe haven in each of the three largest towns",
                  "Medwold County Council", "Q2 16/17", "2016-09-30", "A",
                  "Two open; third delayed by premises"),
                r("WS2.2", 2, "Offer mental health first aid to the staff of every "
                  "district council", "Medwold Public Health", date(2016, 6, 1),
                  "2016-06-30", "G", "Five of twelve councils trained"),
            ],
        ),
        (
            "Section 136 and places of safety",
            [
                r("WS3.1", 3, "Stop using police cells as a place of safety for adults "
                  "except in exceptional circumstances", "Medwold Police", "Ongoing", None,
                  "G", "Three uses of custody in the last quarter, all reviewed"),
                r("WS3.2", 3, "Add a fourth health-based place of safety in the east of the "
                  "county", "Medwold and Shepstow Partnership NHS Trust", date(2016, 12, 1),
                  "2016-12-31", "R", "No site yet"),
            ],
        ),
        (
            "Liaison and A&E",
            [
                r("WS4.1", 3, "Give every emergency department a psychiatric liaison "
                  "service that meets the Core 24 standard", "Medwold CCGs",
                  date(2017, 3, 1), "2017-03-31", "A", "Two of four departments meet it"),
            ],
        ),
        (
            "Quality and training",
            [
                r("WS5.1", 4, "Run joint training days for police, ambulance and mental "
                  "health staff", "Medwold Police and Southern Coastal Ambulance Service",
                  date(2016, 1, 1), "2016-01-31", "B", "Four days held; 160 staff"),
                r("WS5.2", 4, "Check that people detained under section 136 are told their "
                  "rights in a way they understand", "Medwold and Shepstow Partnership NHS "
                  "Trust", "Q2 16/17", "2016-09-30", "G", "Audit tool agreed"),
            ],
        ),
        (
            "Recovery and discharge",
            [
                r("WS6.1", 5, "Give everyone leaving the crisis service a seven-day "
                  "follow-up", "Medwold and Shepstow Partnership NHS Trust", "Ongoing",
                  None, "G", "Met in 96% of cases"),
                r("WS6.2", 5, "Fund peer support after discharge through the recovery "
                  "college", "Medwold County Council", date(2016, 9, 1), "2016-09-30",
                  "R", "Waiting for the budget decision"),
            ],
        ),
    ]  # fmt: skip
    colours = {"B": BLUE, "G": GREEN, "A": AMBER, "R": RED}
    workbook = w.xlsx_workbook()
    cover = workbook.active
    cover.title = "Cover"
    for number, text in enumerate(
        [
            "Health and Wellbeing Board – 28 June 2016",
            "Mental Health Crisis Care Concordat: progress across Medwold",
            "Report from: Head of Mental Health Commissioning, Medwold CCGs, and the "
            "Superintendent for Partnerships, Medwold Police",
            "The Board is asked to note progress and to support the planned work across "
            "agencies. The tracker is on the third sheet.",
        ],
        start=1,
    ):
        w.xlsx_put(cover, number, 1, text, bold=number <= 2, wrap=False)
    groups = workbook.create_sheet("Workstreams")
    w.xlsx_put(groups, 1, 1, "Workstream", bold=True)
    w.xlsx_put(groups, 1, 2, "Chaired by", bold=True)
    w.xlsx_put(groups, 1, 3, "Meets", bold=True)
    chairs = [
        ("Commissioning and data", "Medwold CCGs", "Monthly"),
        ("Early help and prevention", "Medwold Public Health", "Every two months"),
        ("Section 136 and places of safety", "Medwold Police", "Monthly"),
        ("Liaison and A&E", "Medwold CCGs", "Quarterly"),
        ("Quality and training", "Medwold and Shepstow Partnership NHS Trust", "Quarterly"),
        ("Recovery and discharge", "Medwold County Council", "Every two months"),
    ]
    for number, values in enumerate(chairs, start=2):
        for column, value in enumerate(values, start=1):
            w.xlsx_put(groups, number, column, value)
    sheet = workbook.create_sheet("Action tracker")
    for column, width in zip("ABCDEFG", (26, 9, 50, 34, 10, 8, 36), strict=True):
        sheet.column_dimensions[column].width = width
    w.xlsx_put(sheet, 1, 1, "Medwold Crisis Care Concordat – action tracker, June 2016", bold=True,
               wrap=False)  # fmt: skip
    w.xlsx_put(sheet, 2, 1, "BRAG key: Blue = complete; Green = on track; Amber = started, some "
               "delay; Red = not started", wrap=False)  # fmt: skip
    sheet.merge_cells("A2:G2")
    for column, text in enumerate(
        ("Workstream", "Ref", "Action", "Owner", "Due", "BRAG", "Comments"), start=1
    ):
        w.xlsx_put(sheet, 4, column, text, bold=True, fill=SHADE)
    line = 5
    actions = []
    for name, items in streams:
        w.xlsx_put(sheet, line, 1, name, bold=True)
        if len(items) > 1:
            sheet.merge_cells(f"A{line}:A{line + len(items) - 1}")
        for item in items:
            w.xlsx_put(sheet, line, 2, item.ref)
            w.xlsx_put(sheet, line, 3, item.action)
            w.xlsx_put(sheet, line, 4, item.lead)
            value = item.cells["value"]
            w.xlsx_put(sheet, line, 5, value, fmt=None if isinstance(value, str) else "mmm-yy")
            letter = item.cells["letter"]
            w.xlsx_put(sheet, line, 6, letter, fill=colours[letter])
            w.xlsx_put(sheet, line, 7, item.progress)
            actions.append(item)
            line += 1
    return Doc(
        "d47_medwold_workstreams.xlsx",
        "xlsx",
        "Kent and Medway Crisis Care Concordat progress to the Health and Wellbeing Board "
        "(June 2016) as a workbook: a Cover sheet with the report's summary, a Workstreams "
        "sheet listing each work group and its chair (not actions), then the tracker: a "
        "title, a BRAG key in one merged cell (Blue complete, Green on track, Amber started "
        "with some delay, Red not started), heading 'Workstream / Ref / Action / Owner / "
        "Due / BRAG / Comments', the workstream cell merged down over its actions in place "
        "of Concordat sections (two workstreams map to the same section), refs WS1.1 … by "
        "workstream, due dates as month date cells shown 'Mar-16' and text 'Q2 16/17', "
        "BRAG letters on colour",
        True,
        w.xlsx_bytes(workbook),
        actions,
    )


# === 48 Cumbria-style plan: local work-stream sections, numbers restarting in each =========


def doc_fellshire():
    plan = [
        (
            "1. Fellshire Triage Arrangements",
            3,
            [
                act("1", "Develop a Fellshire triage service, open 24/7 to patients of all "
                    "ages, carers and professionals, that gives access to mental health "
                    "advice by phone and in person", "April 2016", "Fellshire CCG and "
                    "Fellshire Partnership NHS FT", "2016-04-30", 3,
                    outcome="Advice at any hour from someone who knows mental health"),
                act("2", "Link the triage service to the police control room so that "
                    "officers can ask for advice before they detain", "Sept 2015",
                    "Fellshire Constabulary", "2015-09-30", 3,
                    outcome="Fewer detentions under section 136"),
            ],
        ),
        (
            "2. Places of Safety and Section 136",
            3,
            [
                act("1", "Agree one section 136 pathway for the whole county, including the "
                    "two remote valleys where the nearest suite is two hours away",
                    "By April 2016", "Mental Health Partnership Group", "2016-04-30", 3,
                    outcome="The same care wherever someone is detained"),
                act("2", "Record why each person taken to a police station under section "
                    "136 could not go to a health-based place of safety", "Ongoing",
                    "Fellshire Constabulary", None, 3,
                    outcome="The group can see and fix the causes"),
            ],
        ),
        (
            "3. Help Before Crisis",
            2,
            [
                act("1", "Open a self-referral route to the primary care mental health "
                    "teams", "2015-16", "Fellshire Partnership NHS FT", "2016-03-31", 2,
                    outcome="People can ask for help without a GP appointment"),
                act("2", "Fund village-based wellbeing groups in the three most rural "
                    "districts", "Within 6 months", "Fellshire County Council", None, 2,
                    outcome="Less isolation, earlier help"),
            ],
        ),
        (
            "4. Dignity and Quality in Crisis Care",
            4,
            [
                act("1", "Ask people who have been detained, and their carers, to help "
                    "review the section 136 pathway every year", "Annual",
                    "Healthwatch Fellshire", None, 4,
                    outcome="The pathway changes because of what people say"),
                act("2", "Give every acute ward a named link worker from the crisis team",
                    "March 2016", "Fellshire Partnership NHS FT", "2016-03-31", 4,
                    outcome="Smoother moves between crisis team and ward"),
            ],
        ),
        (
            "5. Staying Well after a Crisis",
            5,
            [
                act("1", "Agree with GPs how people are followed up after a crisis "
                    "assessment that does not lead to admission", "Dec 2015",
                    "Fellshire CCG", "2015-12-31", 5,
                    outcome="No one left without a next step"),
            ],
        ),
        (
            "6. Criminal Justice and Mental Health",
            None,
            [
                act("1", "Extend liaison and diversion to both magistrates' courts in the "
                    "county", "2016-17", "Fellshire Criminal Justice and Mental Health "
                    "Steering Group", "2017-03-31", None,
                    outcome="People with mental health needs are identified at court"),
                act("2", "Agree what support people with mental health needs get when they "
                    "leave prison and return to Fellshire", "By April 2016",
                    "National Probation Service and Fellshire County Council",
                    "2016-04-30", None, outcome="Support continues after release"),
            ],
        ),
    ]  # fmt: skip
    odt = w.OdtWriter()
    odt.heading("Fellshire action plan to enable delivery of shared goals of the Mental "
                "Health Crisis Care Concordat")  # fmt: skip
    odt.paragraph("This plan was written as part of the Joint Mental Health Commissioning "
                  "Strategy in Fellshire 2015-20, agreed by Fellshire CCG, Fellshire County "
                  "Council and their partners. A Mental Health Partnership Group oversees "
                  "both.")  # fmt: skip
    odt.paragraph(
        "Read the plan as part of that strategy, not on its own: its actions are "
        "work streams of the strategy. It will change over time; these are the "
        "first priorities agreed by the group, and new actions will be added by "
        "the group and by the Criminal Justice and Mental Health Steering Group."
    )
    actions = []
    for title, _section, items in plan:
        odt.heading(title, level=2)
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes")]
        for item in items:
            rows.append(cells(item.ref, item.action, item.timescale, item.lead, item.outcome))
            actions.append(item)
        odt.table(rows, name=f"Stream{title[0]}")
    return Doc(
        "d48_fellshire_work_streams.odt",
        "odt",
        "Cumbria action plan written as part of a five-year joint commissioning strategy: "
        "preamble saying the actions are work streams of the strategy and the plan will "
        "evolve, then local work-stream headings (Triage Arrangements, Places of Safety, "
        "Help Before Crisis, Dignity and Quality, Staying Well, Criminal Justice) instead of "
        "the Concordat's titles, two of them under the same Concordat section and one that "
        "is none of the five, each over its own table 'No. / Action / Timescale / Led By / "
        "Outcomes' with numbers restarting at 1; timescales '2015-16', 'Within 6 months', "
        "'Annual'; no status or RAG",
        True,
        odt.bytes(),
        actions,
    )


THIRD_BUILDERS = [
    doc_trentholme,
    doc_soarshire,
    doc_colnedale,
    doc_hebbleton,
    doc_sowe,
    doc_airebridge,
    doc_dovecliffe,
    doc_wharfeton,
    doc_medwold,
    doc_fellshire,
]

THIRD_LAYOUT_IDS = {
    "d39_trentholme_working_with.docx": "nottingham-v1-2015",
    "d40_soarshire_completed_removed.pdf": "leicester-leicestershire-rutland-2016",
    "d41_colnedale_footprints.odt": "kirklees-v1-2015",
    "d42_hebbleton_two_row_heading.xlsx": "calderdale-2016",
    "d43_sowe_brag_progress.docx": "staffordshire-stoke-progress-2015",
    "d44_airebridge_update.pdf": "leeds-update-2015",
    "d45_dovecliffe_glossary.docx": "derbyshire-derby-2015",
    "d46_wharfeton_objectives.csv": "bradford-airedale-craven-2015",
    "d47_medwold_workstreams.xlsx": "kent-medway-hwb-2016",
    "d48_fellshire_work_streams.odt": "cumbria-2015",
}
