"""Seed 001, the national action plan: a PDF table saved as tab-separated text."""

from datetime import date

from concordat.core.models import CanonicalStatus
from concordat.core.text import collapse_whitespace

from .conftest import by_ref

EXPECTED_REFS = (
    [f"1.{n}" for n in range(1, 13)]
    + [f"2.{n}" for n in range(1, 5)]
    + [f"3.{n}" for n in range(1, 21)]
    + [f"4.{n}" for n in range(1, 8)]
    + [f"5.{n}" for n in range(1, 5)]
)


def test_reads_all_47_actions_in_order(national_plan):
    assert [a.ref for a in national_plan.actions] == EXPECTED_REFS
    assert len(national_plan.actions) == 47


def test_sections_follow_the_section_rows(national_plan):
    for action in national_plan.actions:
        assert action.section == int(action.ref.split(".")[0]), action.ref
    actions = by_ref(national_plan)
    assert actions["1.1"].section_raw == (
        "1. Commissioning to allow earlier intervention and responsive crisis services"
    )
    assert actions["2.1"].section_raw.startswith("2. Access t")
    assert actions["2.1"].section_raw.endswith("to support before crisis point")


def test_columns_are_mapped(national_plan):
    assert national_plan.columns == {
        "Action ref. no.": "ref",
        "Action text from Crisis Care Concordat": "action",
        "Start date": "start_date",
        "Finish date": "finish_date",
        "Lead Organisation": "lead",
        "Highlights and Achievements": "progress",
        "Status": "status",
    }


def test_damaged_refs_are_cleaned_and_kept_as_written(national_plan):
    actions = by_ref(national_plan)
    assert actions["1.10"].ref_raw == "1 10"
    assert actions["3.10"].ref_raw == "3 10"
    assert actions["3.20"].ref_raw == "3.20'"
    assert not any(action.new for action in national_plan.actions)


def test_action_4_1_is_recovered_from_its_section_row(national_plan):
    action = by_ref(national_plan)["4.1"]
    assert action.section == 4
    assert action.ref_raw == ""
    assert action.text == "Review of Mental Health Act 1983 Code of Practice."
    assert action.start_text == "Updated Code of Practice published October 2014."
    assert action.lead == "DH."
    assert action.status == "COMPLETE"
    assert action.progress.startswith("The Code has been published and presented to Parliament")
    messages = [w.message for w in national_plan.warnings if w.ref == "4.1"]
    assert any("lost into its section row" in message for message in messages)


def test_status_is_verbatim_beside_its_canonical_value(national_plan):
    actions = by_ref(national_plan)
    assert actions["3.8"].status == "ONGOING – IN FINAL STAGES"
    assert actions["3.8"].canonical_status == CanonicalStatus.IN_PROGRESS
    assert actions["1.1"].status == "COMPLETE"
    assert actions["1.1"].canonical_status == CanonicalStatus.COMPLETE
    assert actions["1.10"].status == "COMPLETE/ SUPERSEDED"
    assert actions["1.3"].status == "ONGOING/ ON TRACK"
    assert actions["5.3"].status == "ONGOING / COMPLETE"


def test_continuation_rows_join_the_action_above(national_plan):
    actions = by_ref(national_plan)
    assert actions["2.2"].lead == "Royal College of General Practitioners"
    assert actions["2.2"].text == (
        "Support, develop and improve GPs knowledge and experience of management of severe "
        "mental illness including physical health and crisis care through the RCGP Curriculum "
        "statement for mental health and the appointment of an RCGP Mental Health Clinical Lead."
    )
    assert actions["3.17"].lead == "Department of Health/Home Office."
    assert actions["3.17"].start_text == "1 year pilot programme : Autumn 2013 to Spring 2015"
    assert actions["3.14"].lead.endswith("Royal College of Psychiatry Interagency group.")
    assert actions["1.9"].text.endswith(
        "understanding of working in multidisciplinary teams to deliver good integrated care."
    )


def _note(actions, ref):
    return collapse_whitespace(actions[ref].progress)


def test_progress_notes_are_whole_across_page_breaks(national_plan):
    actions = by_ref(national_plan)
    note = _note(actions, "1.1")
    assert note.startswith("Research has been completed on how Local Authorities")
    assert "Meeting held in Feb 2015 to discuss development of self-assessment" in note
    assert note.endswith("re mental health services.")

    note = _note(actions, "1.7")
    assert "This action should be informed by 1.4 above" in note
    assert "health science networks are increasingly working in close partnership" in note
    assert note.endswith("National Audits in mental health and including alcohol services .")

    note = _note(actions, "3.8")
    assert note.startswith("Work underway to progress key actions agreed in April 2014.")
    assert "Key issues relating to the absence of national data on AMHP activity" in note
    assert "has been identified by CQC to prepare the final position paper" in note
    assert note.endswith("ensure specialist input to the final content.")

    note = _note(actions, "5.2")
    assert "Work is being undertaken by Patient Participation" in note
    assert "under discussion and a paper to explore this possibility is in the early" in note
    assert note.endswith("UCL AHSN has developed standards for crisis home treatment care.")

    note = _note(actions, "3.3")
    assert note.endswith("Assessments recorded as taking place in dedicated room")
    assert "Data collection to commence 1st August 2014" in note


def test_html_lists_become_bullet_lines(national_plan):
    actions = by_ref(national_plan)
    for ref in ("1.6", "1.7", "3.8", "5.2", "5.4"):
        note = actions[ref].progress
        assert "<li>" not in note and "<ul>" not in note, ref
        assert any(line.startswith("• ") for line in note.split("\n")), ref
    lines = actions["1.6"].progress.split("\n")
    assert lines[0].startswith("• Joint NHSE / CCG assembly position statement")
    assert sum(1 for line in lines if line.startswith("• ")) == 4


def test_leads_are_matched_to_the_registry(national_plan):
    actions = by_ref(national_plan)

    def names(ref):
        return [m.organisation_name for m in actions[ref].lead_matches]

    assert actions["1.1"].lead == "LGA ADASS"
    assert names("1.1") == [
        "Local Government Association",
        "Association of Directors of Adult Social Services",
    ]
    assert names("2.4") == [
        "Department of Health",
        "NHS England",
        "Public Health England",
        "Home Office",
    ]
    assert names("1.2") == [
        "Home Office",
        "National Police Chiefs' Council",
        "Public Health England",
    ]
    assert names("1.8") == [
        "Public Health England",
        "NHS England",
        "Royal College of Psychiatrists",
        "Royal College of General Practitioners",
    ]
    assert names("1.12") == ["Department of Health", "NHS England", "Home Office", "Mind"]
    assert names("3.4") == ["Royal College of Psychiatrists"]
    assert names("4.5") == ["Royal College of Nursing", "Department of Health"]
    assert names("1.10") == ["Home Office"]  # "Police" names no one organisation
    assert all(m.score == 100 and not m.proposed_new for m in actions["2.4"].lead_matches)


def test_unknown_organisations_are_proposed_never_merged(national_plan):
    matches = by_ref(national_plan)["3.6"].lead_matches
    assert [(m.text, m.organisation_id, m.proposed_new) for m in matches][-1] == (
        "College of Social Work",
        None,
        True,
    )
    warnings = [w.message for w in national_plan.warnings if w.ref == "3.6"]
    assert any("College of Social Work" in message for message in warnings)


def test_start_and_finish_columns(national_plan):
    actions = by_ref(national_plan)
    expected = {
        "1.5": ("From April 2014", "2015/16", date(2014, 4, 1), date(2016, 3, 31)),
        "1.6": ("From April 2014", "2014/15", date(2014, 4, 1), date(2015, 3, 31)),
        "3.2": ("Nov-13", "Apr-14", date(2013, 11, 1), date(2014, 4, 30)),
        "3.8": ("April 2014.", "August 2015", date(2014, 4, 1), date(2015, 8, 31)),
        "4.3": ("Oct-13", "Sep-14", date(2013, 10, 1), date(2014, 9, 30)),
        "4.4": ("Sep-13", "Aug-15", date(2013, 9, 1), date(2015, 8, 31)),
        "3.18": ("Summer 2014.", "Autumn 2015.", date(2014, 6, 1), date(2015, 11, 30)),
        "3.4": ("", "By March 2015", None, date(2015, 3, 31)),
        "2.2": ("", "Apr-15", None, date(2015, 4, 30)),
    }
    for ref, (start_text, finish_text, start, due) in expected.items():
        action = actions[ref]
        assert (action.start_text, action.finish_text) == (start_text, finish_text), ref
        assert (action.start, action.due) == (start, due), ref
        assert action.timescale_understood, ref
    assert actions["3.8"].timescale == "April 2014. – August 2015"
    assert actions["3.4"].timescale == "By March 2015"
    assert actions["1.1"].timescale == (
        "Within annual commissio ning cycle (review and update) – Ongoing"
    )


def test_raw_keeps_every_cell(national_plan):
    raw = by_ref(national_plan)["2.2"].raw
    assert raw["Action ref. no."] == "2.2"
    assert raw["Finish date"] == "Apr-15"
    assert raw["Lead Organisation"] == "Royal College of General Practitioners"
    assert set(raw) == set(national_plan.columns)


def test_no_title_and_no_metrics(national_plan):
    assert national_plan.title is None
    assert national_plan.metrics == []
