"""Corpus documents 39 onwards: a third held-back set, written after the importer work began.

Each copies the layout conventions of a real published 2014-16 local Crisis Care Concordat plan
or progress report that documents 01-38 do not copy (named in its `layout`); every word is new
and the areas, people and bodies are invented. They were written without reading or running the
importer, and have no pins: the lead measures them once, after the importer work. The truth of
each action is typed by hand beside its row, as in plans_held.py.
"""

from datetime import date

from parts import AMBER, BLUE, GREEN, RED, SHADE, Doc, cells, head, merged
from plans_held import act
from writers import (
    MERGE_UP,
    OdtWriter,
    csv_bytes,
    docx_bytes,
    docx_document,
    docx_header_footer,
    docx_paragraph,
    docx_table,
    pdf_bytes,
    pdf_paragraph,
    pdf_table,
    xlsx_bytes,
    xlsx_put,
    xlsx_workbook,
)

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
    document = docx_document()
    docx_paragraph(
        document,
        f"{city} and {county} action plan to enable delivery of shared goals of the "
        "Mental Health Crisis Care Concordat",
        bold=True,
    )
    docx_paragraph(
        document, f"{city} and {county} Crisis Care Concordat Action Plan – version 1", bold=True
    )
    docx_paragraph(
        document,
        f"This plan covers {city} and {county}. Partners wrote it after a shared workshop in "
        "October 2014 and a task and finish group has checked it since. It is a working "
        "document: we will change it as the work moves on, and report progress to both "
        "Health and Wellbeing Boards.",
    )
    docx_paragraph(document, "Please send comments on the plan to:")
    docx_paragraph(
        document, f"Maria Keane\nMental Health Commissioning Manager, {city} CCG"
    )
    actions = []
    for title, sub, items in plan:
        docx_paragraph(document, "#W " + title, bold=True)
        rows = [head("No.", "Action", "Timescale", "Led By", "Outcomes"), merged(sub)]
        for item in items:
            rows.append(cells(item.ref, item.action, item.timescale, item.lead, item.outcome))
            actions.append(item)
        docx_table(document, rows, widths=[1.2, 8.5, 2.2, 5.5, 7])
        docx_paragraph(document, "")
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
        docx_bytes(document),
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
        pdf_paragraph(f"{area} action plan to enable delivery of shared goals of the Mental "
                      "Health Crisis Care Concordat", size=13, bold=True),
        pdf_paragraph(f"The partner agencies in {area} signed the local declaration at an "
                      "event held on 14th October 2014. This high level plan supports their "
                      "continuing commitment to the Concordat principles and was last "
                      "updated in January 2016. Completed actions have been removed. For "
                      "further information telephone 01632 960418."),
        pdf_paragraph("Working in Partnership", bold=True, size=11),
        pdf_paragraph(f"The Mental Health Partnership Board for {area} oversees this plan. "
                      "It is chaired by the deputy chief officer of West Soarshire CCG, and "
                      "a GP is its clinical lead."),
        pdf_paragraph("Detailed Action Plans", bold=True, size=11),
        pdf_paragraph("Several pieces of work sit in the wider mental health programme as "
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
    story.append(pdf_table(rows, [34, 190, 120, 60, 300, 45], font_size=9))
    story.append(pdf_paragraph("RAG ratings were agreed by the Partnership Board at its "
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
        pdf_bytes(story, header=f"{area} Crisis Care Concordat action plan – January 2016",
                  footer="Page {page}"),  # fmt: skip
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
    odt = OdtWriter(footer="Colnedale Crisis Care Concordat Action Plan – Version 1 March 2015")
    odt.paragraph("Colnedale action plan to enable delivery of shared goals of the Mental "
                  "Health Crisis Care Concordat", bold=True)  # fmt: skip
    odt.paragraph("Version 1 March 2015")
    odt.heading("Mental Health Crisis Care Concordat - Colnedale Action Plan")
    odt.heading("Introduction", level=2)
    odt.paragraph("The Concordat is a national agreement between the services that care for "
                  "and support people in a mental health crisis. It covers four main areas:")
    odt.paragraph("•W Access to support before crisis point\n•W Urgent and emergency access "
                  "to crisis care\n•W Quality of treatment and care when in crisis\n•W "
                  "Recovery and staying well")  # fmt: skip
    odt.paragraph("Colnedale spans two hospital footprints: Greater Colne (GC) CCG works with "
                  "its western neighbour, and North Colnedale (NC) CCG with its eastern one. "
                  "The last column of the plan shows which footprint each action covers.")
    odt.paragraph("The partners signed the regional declaration in December 2014.")
    rows = [head("Ref", "Action", "Lead", "Timescale", "Outcome", "GC / NC")]
    actions = []
    for title, items in plan:
        rows.append(merged(title, shade=SHADE))
        for item in items:
            lead = MERGE_UP if item.cells.get("merge") == "down" else item.lead
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
    workbook = xlsx_workbook()
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
            xlsx_put(intro, number, 1, text, bold=number == 1, wrap=False)
    sheet = workbook.create_sheet("Action plan")
    for column, width in zip("ABCDEF", (8, 48, 30, 12, 46, 14), strict=True):
        sheet.column_dimensions[column].width = width
    xlsx_put(sheet, 1, 1, "Mental Health Crisis Care Concordat - Hebbleton Action Plan (at "
             "31st March 2016)", bold=True, wrap=False)  # fmt: skip
    top = ("Ref", "Action", "Lead", "Target", "Update at", "Status")
    bottom = (None, None, None, "date", "31st March 2016", None)
    for column, (upper, lower) in enumerate(zip(top, bottom, strict=True), start=1):
        xlsx_put(sheet, 3, column, upper, bold=True, fill=SHADE)
        if lower:
            xlsx_put(sheet, 4, column, lower, bold=True, fill=SHADE)
        else:
            letter = "ABCDEF"[column - 1]
            sheet.merge_cells(f"{letter}3:{letter}4")
    line = 5
    actions = []
    for title, items in plan:
        xlsx_put(sheet, line, 1, title, bold=True, wrap=False)
        sheet.merge_cells(f"A{line}:F{line}")
        line += 1
        for item in items:
            xlsx_put(sheet, line, 1, item.cells["number"], fmt="0.0")
            xlsx_put(sheet, line, 2, item.action)
            xlsx_put(sheet, line, 3, item.lead)
            value = item.cells["value"]
            xlsx_put(sheet, line, 4, value, fmt=None if isinstance(value, str) else "dd/mm/yyyy")
            xlsx_put(sheet, line, 5, item.progress)
            word = item.cells["word"]
            xlsx_put(sheet, line, 6, word, fill=colours[word])
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
        xlsx_bytes(workbook),
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
    document = docx_document()
    docx_header_footer(document, footer="Sowe and Trentbury Crisis Care Concordat – "
                       "progress report, December 2015")  # fmt: skip
    docx_paragraph(document, "Local Crisis Care Concordat Action Plan Progress Report: "
                   "Supporting Information", bold=True, size=13)  # fmt: skip
    docx_paragraph(document, "The plan has been reviewed and each action given a BRAG rating "
                   "for progress. No actions have been added since the last report; the "
                   "partners review progress every two months.")  # fmt: skip
    docx_paragraph(document, "#W Background and Local Context", bold=True)
    docx_paragraph(document, "The Concordat is part of the Sowe and Trentbury mental health "
                   "and wellbeing strategy. A Strategic Partnership Board oversees it and "
                   "reports to both Health and Wellbeing Boards.")  # fmt: skip
    docx_paragraph(document, "#W Engagement", bold=True)
    docx_paragraph(document, "We have held events in local communities to hear the views of "
                   "people who use services and their carers, and their comments are "
                   "reflected in the progress notes below.")  # fmt: skip
    docx_paragraph(document, "#W Progress against the plan", bold=True)
    docx_table(document, [head("Key", "", "", ""),
                          cells("B – complete", "G – on track", "A – started, some delay",
                                "R – not started",
                                fills={0: BLUE, 1: GREEN, 2: AMBER, 3: RED})],
               widths=[5, 5, 5, 5])  # fmt: skip
    docx_paragraph(document, "")
    rows = [head("Concordat aim", "Action", "Lead", "Timescale", "Progress", "BRAG")]
    actions = []
    for aim, items in plan:
        for index, item in enumerate(items):
            letter = item.cells["letter"]
            rows.append(cells(aim if index == 0 else MERGE_UP, item.action, item.lead,
                              item.timescale, item.progress, letter,
                              fills={5: FILL[item.rag]}))  # fmt: skip
            actions.append(item)
    docx_table(document, rows, widths=[4, 8, 4.5, 2.5, 6.5, 1.5])
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
        docx_bytes(document),
        actions,
    )


THIRD_BUILDERS = [
    doc_trentholme,
    doc_soarshire,
    doc_colnedale,
    doc_hebbleton,
    doc_sowe,
]

THIRD_LAYOUT_IDS = {
    "d39_trentholme_working_with.docx": "nottingham-v1-2015",
    "d40_soarshire_completed_removed.pdf": "leicester-leicestershire-rutland-2016",
    "d41_colnedale_footprints.odt": "kirklees-v1-2015",
    "d42_hebbleton_two_row_heading.xlsx": "calderdale-2016",
    "d43_sowe_brag_progress.docx": "staffordshire-stoke-progress-2015",
}
