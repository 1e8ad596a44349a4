"""How rows become actions: continuations, sub-themes, sections, appendix, warnings."""

from concordat.imports.pipeline import parse_plan

from .conftest import by_ref

HEADER = "No.\tAction\tTimescale\tLead\tStatus"


def read(lines, registry=()):
    data = "\n".join(lines).encode("utf-8")
    return parse_plan(data, "plan.txt", registry=registry)


def test_continuation_rows_join_the_cells_above(registry):
    plan = read(
        [
            HEADER,
            "1.1\tDevelop a crisis pathway for\tBy March\tRoyal College\tOngoing",
            "\tchildren and young people\t2016\tof Psychiatrists\t",
            "",
            HEADER,
            "\t• with schools\t\t\t",
            "1.2\tAgree the protocol.\tJune 2015\tSEPT\tComplete",
        ],
        registry,
    )
    first = plan.actions[0]
    assert [a.ref for a in plan.actions] == ["1.1", "1.2"]
    assert first.text == "Develop a crisis pathway for children and young people\n• with schools"
    assert first.timescale == "By March 2016"
    assert first.lead == "Royal College of Psychiatrists"
    assert [m.organisation_name for m in first.lead_matches] == ["Royal College of Psychiatrists"]
    assert first.raw["Lead"] == "Royal College of Psychiatrists"
    assert first.row == 2


def test_sub_theme_rows_and_own_section_titles():
    plan = read(
        [
            HEADER,
            "Urgent and emergency access to crisis care",
            "Street triage",
            "a.\tExtend street triage to weekends.\tFrom April 2015\tEssex Police\tOngoing",
            "Place of safety",
            "b.\tOpen a second s136 suite.\tAutumn 2015\tSEPT\tNot started",
            "Recovery and staying well",
            "c.\tCrisis plans for all.\tOngoing\tSEPT\t",
        ]
    )
    assert [(a.ref_raw, a.section, a.subtheme) for a in plan.actions] == [
        ("a.", 3, "Street triage"),
        ("b.", 3, "Place of safety"),
        ("c.", 5, ""),
    ]
    assert plan.actions[0].section_raw == "Urgent and emergency access to crisis care"


def test_a_row_without_ref_that_reads_as_an_action_is_kept_and_flagged(registry):
    plan = read(
        [
            HEADER,
            "1.1\tMap services.\tJune 2015\tNHS England\tComplete",
            "\tPublish the map online.\tJuly 2015\tNHS England\tNot started",
            "1.2\tAgree the protocol.\tJune 2015\tSEPT\tComplete",
        ],
        registry,
    )
    assert [a.ref for a in plan.actions] == ["1.1", "", "1.2"]
    assert plan.actions[1].text == "Publish the map online."
    assert plan.actions[1].section == 1
    messages = [w.message for w in plan.warnings if w.row == 3]
    assert messages == [
        "This row has no ref: it may be part of the action above that ran over a page break. "
        "Check it."
    ]


def test_duplicate_refs_are_flagged(registry):
    plan = read(
        [
            HEADER,
            "2.1\tFirst.\tJune 2015\tMind\tComplete",
            "2.1\tSecond.\tJuly 2015\tMind\tComplete",
        ],
        registry,
    )
    assert [(w.row, w.ref, w.message) for w in plan.warnings] == [
        (3, "2.1", "The ref 2.1 is also used by the action on row 2."),
    ]


def test_missing_lead_and_unreadable_timescale_are_flagged():
    plan = read([HEADER, "3.1\tFirst.\tWhen funding allows\t\tOngoing"])
    assert [w.message for w in plan.warnings] == [
        "No lead is given for this action.",
        "No date could be read from the timescale “When funding allows”; check it.",
    ]
    assert not plan.actions[0].timescale_understood


def test_missing_timescale_is_flagged(registry):
    plan = read([HEADER, "3.1\tFirst.\t\tMind\tOngoing"], registry)
    assert [w.message for w in plan.warnings] == ["No timescale is given for this action."]


def test_an_appendix_row_marks_completed_actions():
    plan = read(
        [
            HEADER,
            "1.1\tOpen.\tJune 2015\tMind\tOngoing",
            "Appendix A: actions completed since the last version",
            "2.3\tClosed.\tMarch 2015\tMind\t",
        ]
    )
    actions = by_ref(plan)
    assert not actions["1.1"].from_appendix
    assert actions["2.3"].from_appendix
    assert actions["2.3"].canonical_status == "complete"
    assert actions["2.3"].section == 2


def test_section_numbers_in_their_own_cell():
    plan = read(
        [
            HEADER,
            "1\tCommissioning\t\t\t",
            "1.1\tMap services.\tJune 2015\tNHS England\tComplete",
            "2\tAccess to support before crisis point\t\t\t",
            "2.1\tDirectory.\tJuly 2015\tMind\tComplete",
        ]
    )
    assert [(a.ref, a.section, a.section_raw) for a in plan.actions] == [
        ("1.1", 1, "1 Commissioning"),
        ("2.1", 2, "2 Access to support before crisis point"),
    ]


def test_rows_before_the_heading_are_the_preamble():
    plan = read(
        [
            "Leeds Mental Health Crisis Care Concordat Action Plan",
            "Version 2.1 – updated 12/03/2015",
            HEADER,
            "1.1\tMap services.\tJune 2015\tNHS England\tComplete",
        ]
    )
    assert plan.title == "Leeds Mental Health Crisis Care Concordat Action Plan"
    assert plan.area_name == "Leeds"
    assert plan.stated_version == "Version 2.1"
    assert plan.stated_date == "Version 2.1 – updated 12/03/2015"
    assert plan.preamble.startswith("Leeds Mental Health")


def test_column_overrides_change_the_mapping():
    lines = [
        "Ref\tWhat\tWhen\tWho\tNotes",
        "1.1\tMap services.\tJune 2015\tNHS England\tMinuted",
    ]
    plan = read(lines)
    assert plan.columns == {
        "Ref": "ref",
        "What": "action",
        "When": "timescale",
        "Who": "lead",
        "Notes": "progress",
    }
    data = "\n".join(lines).encode()
    plan = parse_plan(data, "plan.txt", column_overrides={"Notes": None, "Who": "status"})
    assert plan.columns["Notes"] is None and plan.columns["Who"] == "status"
    action = plan.actions[0]
    assert (action.status, action.lead, action.progress) == ("NHS England", "", None)
    assert action.extra == {"Notes": "Minuted"}


def test_a_second_heading_row_splits_a_column(registry):
    plan = read(
        [
            "Ref\tAction\tTimescale\t\tLead",
            "\t\tStart\tEnd\t",
            "1.1\tMap services.\tApril 2015\tJune 2015\tNHS England",
        ],
        registry,
    )
    assert plan.columns == {
        "Ref": "ref",
        "Action": "action",
        "Start": "start_date",
        "End": "finish_date",
        "Lead": "lead",
    }
    action = plan.actions[0]
    assert (action.start_text, action.finish_text, action.timescale) == (
        "April 2015",
        "June 2015",
        "April 2015 – June 2015",
    )


def test_an_action_column_wins_over_an_objective_column_which_is_the_sub_theme():
    plan = read(["Objective\tAction\tLead\tBy when", "Safer care\tOpen a suite.\tSEPT\tMay 2015"])
    assert plan.columns["Action"] == "action"
    assert plan.columns["Objective"] == "subtheme"
    assert plan.actions[0].text == "Open a suite."
    assert plan.actions[0].subtheme == "Safer care"
    assert plan.actions[0].extra == {}


def test_refs_written_at_the_start_of_the_action_text(registry):
    plan = read(
        [
            "Action\tLead\tTimescale\tStatus",
            "1.1 Map services.\tNHS England\tJune 2015\tGreen",
            "1.2 (new) Agree a protocol.\tSEPT\tJuly 2015\tRed",
        ],
        registry,
    )
    assert [(a.ref, a.new, a.section, a.text) for a in plan.actions] == [
        ("1.1", False, 1, "1.1 Map services."),
        ("1.2", True, 1, "1.2 (new) Agree a protocol."),
    ]
    assert [(a.rag, a.rag_raw) for a in plan.actions] == [("green", "Green"), ("red", "Red")]
