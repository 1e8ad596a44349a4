"""Canonical status and RAG from the words plans use, including every status in seeds 001 and
003."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordat.core.models.plans import CanonicalStatus, Rag
from concordat.core.statuses import canonical_status, is_grey, rag_from_colour, read_rag

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETE = "complete"
SUPERSEDED = "superseded"


def test_values_are_the_model_choices():
    assert {NOT_STARTED, IN_PROGRESS, COMPLETE, SUPERSEDED} == set(CanonicalStatus.values)
    assert {"red", "amber", "green", "blue"} == set(Rag.values)


DESIGN_WORDS = [
    ("Ongoing", IN_PROGRESS),
    ("On track", IN_PROGRESS),
    ("Underway", IN_PROGRESS),
    ("Near completion", IN_PROGRESS),
    ("In final stages", IN_PROGRESS),
    ("Complete", COMPLETE),
    ("Completed", COMPLETE),
    ("Achieved", COMPLETE),
    ("Complete and ongoing", COMPLETE),
    ("COMPLETE / ONGOING", COMPLETE),
    ("ONGOING / COMPLETE", COMPLETE),
    ("Superseded", SUPERSEDED),
    ("COMPLETE/ SUPERSEDED", SUPERSEDED),
    ("Now merged with action 3.3", SUPERSEDED),
    ("No longer being taken forward", SUPERSEDED),
    ("Not started", NOT_STARTED),
    ("Not yet started", NOT_STARTED),
    ("Planned", NOT_STARTED),
    ("Not due", NOT_STARTED),
]


@pytest.mark.parametrize(("text", "expected"), DESIGN_WORDS, ids=[t for t, _ in DESIGN_WORDS])
def test_design_words(text, expected):
    assert canonical_status(text) == expected


VARIANTS = [
    ("ONGOING – IN FINAL STAGES", IN_PROGRESS),
    ("ONGOING/ ON TRACK", IN_PROGRESS),
    ("Underway-999 not 111", IN_PROGRESS),
    ("Near Completion ", IN_PROGRESS),
    ("on-going", IN_PROGRESS),
    ("Under way", IN_PROGRESS),
    ("In progress", IN_PROGRESS),
    ("Work Progressing", IN_PROGRESS),
    ("Delayed", IN_PROGRESS),
    ("Not yet complete", IN_PROGRESS),
    ("Partially achieved", IN_PROGRESS),
    ("Incomplete", IN_PROGRESS),
    ("complete.", COMPLETE),
    ("  COMPLETED  \n", COMPLETE),
    ("comple ted", COMPLETE),
    ("Complete (blue)", COMPLETE),
    ("Blue", COMPLETE),
    ("Done", COMPLETE),
    ("Superseded – see 3.3", SUPERSEDED),
    ("Merged into action 2.1", SUPERSEDED),
    ("Action ‘withdrawn’", SUPERSEDED),
    ("Not yet due", NOT_STARTED),
    ("Yet to start", NOT_STARTED),
    ("Green - on track", IN_PROGRESS),
    ("Amber: delayed", IN_PROGRESS),
]


@pytest.mark.parametrize(("text", "expected"), VARIANTS, ids=[t for t, _ in VARIANTS])
def test_case_punctuation_and_trailing_words_do_not_matter(text, expected):
    assert canonical_status(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "See 1.4 above", "Feb ’16 agenda", "G", "RAG: R"])
def test_blank_or_not_understood(text):
    assert canonical_status(text) == ""


# Seed 001: the Status column of all 47 actions.
SEED_001 = [
    ("1.1", "COMPLETE", COMPLETE),
    ("1.2", "COMPLETE / ONGOING", COMPLETE),
    ("1.3", "ONGOING/ ON TRACK", IN_PROGRESS),
    ("1.4", "ONGOING", IN_PROGRESS),
    ("1.5", "ONGOING", IN_PROGRESS),
    ("1.6", "ONGOING", IN_PROGRESS),
    ("1.7", "ONGOING", IN_PROGRESS),
    ("1.8", "COMPLETE", COMPLETE),
    ("1.9", "ONGOING", IN_PROGRESS),
    ("1.10", "COMPLETE/ SUPERSEDED", SUPERSEDED),
    ("1.11", "COMPLETE / ONGOING", COMPLETE),
    ("1.12", "COMPLETE", COMPLETE),
    ("2.1", "ONGOING", IN_PROGRESS),
    ("2.2", "ONGOING", IN_PROGRESS),
    ("2.3", "ONGOING", IN_PROGRESS),
    ("2.4", "ONGOING", IN_PROGRESS),
    ("3.1", "COMPLETE / ONGOING", COMPLETE),
    ("3.2", "COMPLETE / ONGOING", COMPLETE),
    ("3.3", "COMPLETE / ONGOING", COMPLETE),
    ("3.4", "ONGOING", IN_PROGRESS),
    ("3.5", "COMPLETE / ONGOING", COMPLETE),
    ("3.6", "ONGOING", IN_PROGRESS),
    ("3.7", "ONGOING", IN_PROGRESS),
    ("3.8", "ONGOING – IN FINAL STAGES", IN_PROGRESS),
    ("3.9", "ONGOING", IN_PROGRESS),
    ("3.10", "COMPLETE", COMPLETE),
    ("3.11", "COMPLETE", COMPLETE),
    ("3.12", "ONGOING", IN_PROGRESS),
    ("3.13", "COMPLETE/ ONGOING", COMPLETE),
    ("3.14", "COMPLETE", COMPLETE),
    ("3.15", "ONGOING", IN_PROGRESS),
    ("3.16", "COMPLETE", COMPLETE),
    ("3.17", "COMPLETE", COMPLETE),
    ("3.18", "ONGOING", IN_PROGRESS),
    ("3.19", "ONGOING", IN_PROGRESS),
    ("3.20", "ONGOING", IN_PROGRESS),
    ("4.1", "COMPLETE", COMPLETE),
    ("4.2", "COMPLETE", COMPLETE),
    ("4.3", "COMPLETE", COMPLETE),
    ("4.4", "COMPLETE", COMPLETE),
    ("4.5", "COMPLETE", COMPLETE),
    ("4.6", "COMPLETE", COMPLETE),
    ("4.7", "COMPLETE", COMPLETE),
    ("5.1", "ONGOING", IN_PROGRESS),
    ("5.2", "ONGOING", IN_PROGRESS),
    ("5.3", "ONGOING / COMPLETE", COMPLETE),
    ("5.4", "ONGOING", IN_PROGRESS),
]


@pytest.mark.parametrize(("ref", "text", "expected"), SEED_001, ids=[r for r, _, _ in SEED_001])
def test_seed_001_statuses(ref, text, expected):
    assert canonical_status(text) == expected
    assert read_rag(text) == ""  # none of them gives a RAG


def test_seed_001_has_all_47_actions():
    assert len({ref for ref, _, _ in SEED_001}) == 47


# Seed 003: the Status column of the milestones table.
SEED_003 = [
    ("Complete", COMPLETE),
    ("Near Completion ", IN_PROGRESS),
    ("Underway", IN_PROGRESS),
    ("Underway-999 not 111", IN_PROGRESS),
    ("Feb ’16 agenda", ""),  # a date on an agenda, not a status: a person reads it
]


@pytest.mark.parametrize(("text", "expected"), SEED_003, ids=[t for t, _ in SEED_003])
def test_seed_003_statuses(text, expected):
    assert canonical_status(text) == expected


RAGS = [
    ("Red", "red"),
    ("RED", "red"),
    ("R", "red"),
    ("Amber", "amber"),
    ("A", "amber"),
    ("Green", "green"),
    ("G", "green"),
    ("g.", "green"),
    ("Blue", "blue"),
    ("B", "blue"),
    ("Amber/Green", "amber"),
    ("Green/Amber", "amber"),
    ("Red - Amber", "red"),
    ("A/G", "amber"),
    ("R / A", "red"),
    ("Complete (blue)", "blue"),
    ("Green - on track", "green"),
    ("Amber: delayed", "amber"),
    ("RAG: R", "red"),
    ("RAG rating - A, waiting on funding", "amber"),
    ("rag status g", "green"),
]


@pytest.mark.parametrize(("text", "expected"), RAGS, ids=[t for t, _ in RAGS])
def test_read_rag(text, expected):
    assert read_rag(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Complete",
        "ONGOING",
        "A plan is in place",  # "a" the word is not amber
        "Reduced use of police cells",
        "Blue light services trained",
        "Greenwich",
    ],
)
def test_read_rag_finds_none(text):
    assert read_rag(text) == ""


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(
            st.sampled_from(
                ["complete", "ongoing", "not", "started", "superseded", "rag", "r", "a", "g", "b",
                 "red", "amber", "green", "blue", "/", "-", "–", ":", " ", "’", "near", "light"]
            ),
            max_size=10,
        ).map(" ".join),
    )
)  # fmt: skip
def test_never_raises_and_answers_only_known_values(text):
    assert canonical_status(text) in {"", *CanonicalStatus.values}
    assert read_rag(text) in {"", *Rag.values}


@pytest.mark.parametrize(
    ("colour", "rag"),
    [
        ("FF0000", "red"),
        ("FFC7CE", "red"),  # Excel's pale "Bad"
        ("FFC000", "amber"),
        ("FFFF00", "amber"),
        ("FFEB9C", "amber"),  # Excel's "Neutral"
        ("00B050", "green"),
        ("C6EFCE", "green"),  # Excel's "Good"
        ("92D050", "green"),
        ("0070C0", "blue"),
        ("FF00B050", "green"),  # ARGB, as openpyxl gives it
        ("#FF0000", "red"),
        ("D9D9D9", ""),  # grey shading
        ("FFFFFF", ""),
        ("000000", ""),
        ("7030A0", ""),  # purple
        ("", ""),
        ("not a colour", ""),
    ],
)
def test_rag_from_colour(colour, rag):
    assert rag_from_colour(colour) == rag


@pytest.mark.parametrize(
    ("colour", "grey"),
    [("808080", True), ("A6A6A6", True), ("BFBFBF", True), ("D9D9D9", True), ("000000", False),
     ("FFFFFF", False), ("FF0000", False), ("F2F2F2", False), ("", False)],
)  # fmt: skip
def test_is_grey(colour, grey):
    assert is_grey(colour) is grey


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No progress", "not_started"),
        ("Removed", "superseded"),
        ("Absorbed into 3.2", "superseded"),
        ("In place", "complete"),
        ("In place – needs development", "in_progress"),
        ("Needs further work", "in_progress"),
    ],
)
def test_words_from_colour_keys_and_local_plans(text, expected):
    assert canonical_status(text) == expected
