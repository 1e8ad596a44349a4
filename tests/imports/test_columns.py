"""Column headings as plans write them, mapped onto action fields."""

import pytest

from concordat.imports.columns import Profile, assign_roles, field_for, header_names, is_header_row

ISSUE_3_HEADERS = {
    "No.": "ref",
    "Ref": "ref",
    "Number": "ref",
    "Action ref. no.": "ref",
    "Action": "action",
    "Action text from Crisis Care Concordat": "action",
    "Timescale": "timescale",
    "Due by": "timescale",
    "Start date": "start_date",
    "Finish date": "finish_date",
    "Led By": "lead",
    "Lead Organisation": "lead",
    "Lead Agency + Footprint if not North Bank": "lead",
    "Outcomes": "outcomes",
    "Outputs": "outcomes",
    "Performance Indicator": "performance_indicator",
    "Product": "outcomes",
    "Status": "status",
    "RAG": "rag",
    "RAG/Comments": "rag",
    "Progress (RAG)": "rag",
    "Update": "progress",
    "Highlights and Achievements": "progress",
    "Priority & status": "status",
    "Comments": "progress",
}


@pytest.mark.parametrize(("header", "field"), ISSUE_3_HEADERS.items())
def test_every_heading_issue_3_lists(header, field):
    assert field_for(header) == field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Timescales ", "timescale"),
        ("Timesacle", "timescale"),
        ("Lead organisaton", "lead"),
        ("Led by:", "lead"),
        ("Outcome(s)", "outcomes"),
        ("Progress update (March 2016)", "progress"),
        ("Target date for completion", "timescale"),
        ("Responsible agency / officer", "lead"),
        ("Key performance indicator / measure", "performance_indicator"),
        ("Expected outcomes for people in crisis", "outcomes"),
        ("Budget", None),
        ("Risks", None),
        ("", None),
    ],
)
def test_spellings_never_seen_before(header, field):
    assert field_for(header) == field


def test_each_field_once_and_unmapped_kept():
    names = header_names(["Ref", "Action", "Lead", "Lead partner", "Cost", ""])
    assert names == ["Ref", "Action", "Lead", "Lead partner", "Cost", "Column 6"]
    fields, _doubts = assign_roles(names, [Profile()] * len(names))
    assert fields == ["ref", "action", "lead", None, None, None]


def test_overrides_win():
    names = ["Ref", "Action", "Lead", "Lead partner"]
    fields, _doubts = assign_roles(
        names, [Profile()] * len(names), {"Lead partner": "lead", "Lead": None}
    )
    assert fields == ["ref", "action", None, "lead"]


def test_repeated_headings_are_made_unique():
    assert header_names(["Notes", "Notes", " Notes "]) == ["Notes", "Notes (2)", "Notes (3)"]


def test_heading_rows():
    assert is_header_row(["No.", "Action", "Timescale", "Led By", "Outcomes"])
    assert is_header_row(["Action ref. no.", "Action text from Crisis Care Concordat", "", ""])
    assert not is_header_row(["1.1", "Review the status of the action plan", "June 2015"])
    assert not is_header_row(["Commissioning"])
    assert not is_header_row(["Name", "Email", "Phone"])


def test_a_close_spelling_is_not_another_word():
    assert field_for("Progress date") != "progress"  # not "progress update" misspelt
    assert field_for("Timesacle") == "timescale"
    assert field_for("Lead organisaton") == "lead"


def test_the_cells_never_claim_a_field_another_heading_names():
    from concordat.imports.columns import Profile, assign_roles

    names = ["Ref", "Action", "Lead", "Latest progress", "Progress date"]
    prose = Profile(filled=10, rows=10, long=1.0, mean_length=120)
    profiles = [Profile(), prose, Profile(), prose, Profile()]
    fields, _doubts = assign_roles(names, profiles)
    assert fields == ["ref", "action", "lead", "progress", None]
