"""Issue 9: the classes of layout the third held-back corpus set (d39-d48) showed the importer
reading wrong, each built here in words of its own, so that the rule is held and not the
documents: a data row whose words happen to name columns, a column of Concordat aims merged
down instead of section rows, workstreams named in the plan's own words, numbered local
section headings, a status as a note's last sentence with its line break lost, a colour key
whose pairs end with their sentence, financial years written '15-16', and a lead's
'Working with:' partners."""

from datetime import date

from .documents import csv_bytes, docx_bytes
from .styled import Cell, styled_xlsx
from .test_layouts import assert_nothing_lost, read

GREEN, AMBER, RED, BLUE = "00B050", "FFC000", "FF0000", "0070C0"


def test_a_last_row_whose_words_name_columns_is_still_an_action(registry):
    # "Parish housing leads" names the lead column, "Q2 2016/17" a quarter and "Not
    # started." the start: read alone the row looks like headings, under the heading row
    # already met it is an action.
    rows = [
        ["Group", "Action", "Lead", "Timescale", "Progress", "RAG"],
        ["Crisis support", "Open an evening drop-in at the library", "Oxley Mind",
         "March 2017", "Room booked for January.", "G"],
        ["", "Write a shared tenancy-sustainment plan with landlords",
         "Parish housing leads", "Q2 2016/17", "Not started.", "R"],
    ]  # fmt: skip
    data = csv_bytes(rows)
    plan = read(data, "plan.csv", registry)
    assert [(a.text[:20], a.lead, a.timescale, a.canonical_status) for a in plan.actions] == [
        ("Open an evening drop", "Oxley Mind", "March 2017", ""),
        ("Write a shared tenan", "Parish housing leads", "Q2 2016/17", "not_started"),
    ]
    assert_nothing_lost(plan, data, "plan.csv")


def test_a_column_of_concordat_aims_merged_down_gives_each_action_its_section(registry):
    rows = [
        ["Concordat aim", "Action", "Lead", "Timescale", "Progress"],
        ["Access to support before crisis point", "Publish a directory of evening support",
         "Bramley CCG", "June 2016", "Draft with the printers"],
        ["", "Train pharmacists to spot a crisis", "Bramley LPC", "Sept 2016", "Two sessions"],
        ["Urgent and emergency access to crisis care", "Agree a conveyance protocol",
         "Bramley Ambulance Service", "May 2016", "Signed"],
        ["Recovery and staying well", "Offer a follow-up call within two days of discharge",
         "Bramley Trust", "April 2016", "Calls started"],
    ]  # fmt: skip
    merges = [((1, 0), (2, 0))]
    data = docx_bytes([("p", "Bramley progress report"), ("table", rows, merges)])
    plan = read(data, "plan.docx", registry)
    assert [(a.section, a.text[:12]) for a in plan.actions] == [
        (2, "Publish a di"),
        (2, "Train pharma"),
        (3, "Agree a conv"),
        (5, "Offer a foll"),
    ]
    assert_nothing_lost(plan, data, "plan.docx")


def test_workstreams_in_the_plans_own_words_map_to_the_section_they_are_about(registry):
    rows = [
        ["Thornvale crisis tracker"],
        ["Workstream", "Ref", "Action", "Owner", "Due", "RAG"],
        ["Street triage and places of safety", "T1.1", "Run a triage car on Friday nights",
         "Thornvale Police", "Apr-16", Cell("G", fill=GREEN)],
        ["", "T1.2", "Stop taking under-18s to police cells", "Thornvale Police", "Jun-16",
         Cell("A", fill=AMBER)],
        ["Hospital liaison", "T2.1", "Put a liaison nurse in the emergency department",
         "Thornvale FT", "Sep-16", Cell("R", fill=RED)],
        ["Dignity and respect", "T3.1", "Ask people detained what would have helped",
         "Thornvale Healthwatch", "Dec-16", Cell("B", fill=BLUE)],
        ["After discharge", "T4.1", "Offer peer support for six weeks after discharge",
         "Thornvale Recovery College", "Mar-17", Cell("G", fill=GREEN)],
    ]  # fmt: skip
    data = styled_xlsx({"Tracker": rows}, merges={"Tracker": ["A1:F1", "A3:A4"]})
    plan = read(data, "plan.xlsx", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [
        ("T1.1", 3),
        ("T1.2", 3),
        ("T2.1", 3),
        ("T3.1", 4),
        ("T4.1", 5),
    ]
    assert_nothing_lost(plan, data, "plan.xlsx")


def test_numbered_local_headings_give_the_section_they_are_about_not_their_number(registry):
    heading = ["No.", "Action", "Timescale", "Led By"]
    data = docx_bytes(
        [
            ("p", "Ashcombe crisis work streams"),
            ("p", "1. Ashcombe Street Triage"),
            ("table", [heading, ["1", "Extend street triage to weekends", "2016", "Police"]]),
            ("p", "2. Early Help in the Community"),
            ("table", [heading, ["1", "Open a safe haven in the market town", "2016", "Mind"]]),
            ("p", "3. Dignity in Care"),
            ("table", [heading, ["1", "Review restraint on the wards", "2017", "Trust"]]),
            ("p", "4. Prison Mental Health"),
            ("table", [heading, ["1", "Agree screening at reception", "2017", "NHS England"]]),
        ]
    )
    plan = read(data, "plan.docx", registry)
    assert [(a.ref, a.section) for a in plan.actions] == [
        ("1", 3),
        ("1", 2),
        ("1", 4),
        ("1", None),
    ]
    assert_nothing_lost(plan, data, "plan.docx")


def test_a_status_as_the_last_sentence_of_a_note_without_its_line_break(registry):
    rows = [
        ["Ref", "Action", "Lead", "By when", "Progress", "RAG"],
        ["1.1", "Agree a data-sharing protocol", "Oakfield CCG", "March 2016",
         "Signed by all partners in February. Complete", "Green"],
        ["1.2", "Publish the crisis pathway", "Oakfield Trust", "June 2016",
         "Draft out to consultation; leaflet planned.", "Amber"],
    ]  # fmt: skip
    plan = read(csv_bytes(rows), "plan.csv", registry)
    assert [(a.ref, a.canonical_status, a.rag) for a in plan.actions] == [
        ("1.1", "complete", "green"),
        ("1.2", "", "amber"),
    ]


def test_a_colour_key_pair_ends_with_its_sentence(registry):
    rows = [
        ["Ref", "Action", "Lead", "Time-scale", "Progress (RAG)"],
        ["1a", "Open a crisis house in the north of the borough", "Eastvale Council",
         "2016/17", "R – no building yet"],
        ["1b", "Run a carers' support group", "Eastvale Carers", "2015/16",
         "Complete – meets monthly"],
        ["Key: G – green, A – amber, R – red. Finished actions say Complete instead."],
    ]  # fmt: skip
    data = csv_bytes(rows)
    plan = read(data, "plan.csv", registry)
    assert [(a.ref, a.rag, a.canonical_status) for a in plan.actions] == [
        ("1a", "red", ""),
        ("1b", "", "complete"),
    ]
    assert_nothing_lost(plan, data, "plan.csv")


def test_financial_years_written_with_two_two_digit_years(registry):
    rows = [
        ["No.", "Action", "Timescale", "Led By"],
        ["1", "Agree the crisis pathway", "15-16", "Hollin CCG"],
        ["2", "Open the crisis café", "Q2 16-17", "Hollin Mind"],
        ["3", "Audit the pathway", "By Q4 15-16", "Hollin CCG"],
        ["4", "Hold the review on 14-15 March 2016", "14-15 March 2016", "Hollin CCG"],
    ]  # fmt: skip
    plan = read(csv_bytes(rows), "plan.csv", registry)
    assert [(a.ref, a.due) for a in plan.actions] == [
        ("1", date(2016, 3, 31)),
        ("2", date(2016, 9, 30)),
        ("3", date(2016, 3, 31)),
        ("4", date(2016, 3, 15)),
    ]


def test_working_with_partners_in_a_lead_cell_name_no_organisation_working(registry):
    rows = [
        ["No.", "Action", "Timescale", "Led By"],
        ["1", "Agree the crisis pathway", "2016", "Larch CCG\nWorking with: Larch Council, Mind"],
    ]  # fmt: skip
    plan = read(csv_bytes(rows), "plan.csv", registry)
    names = [match.text for match in plan.actions[0].lead_matches]
    assert names == ["Larch CCG", "Larch Council", "Mind"]
