"""Refs in any scheme, and section rows mapped onto the five Concordat sections."""

import pytest

from concordat.imports.refs import next_ref, read_ref, ref_section
from concordat.imports.sections import read_section_heading


@pytest.mark.parametrize(
    ("raw", "ref", "new"),
    [
        ("1.1", "1.1", False),
        ("1.1.", "1.1", False),
        ("1 10", "1.10", False),
        ("3.20'", "3.20", False),
        ("2.4*", "2.4", True),
        ("*2.4", "2.4", True),
        ("1:a", "1:a", False),
        ("A2", "A2", False),
        ("A2.1", "A2.1", False),
        ("1.2.3", "1.2.3", False),
        ("12", "12", False),
        ("1a", "1a", False),
        ("(c)", "c", False),
        (" 4.7 ", "4.7", False),
    ],
)
def test_refs(raw, ref, new):
    found = read_ref(raw)
    assert (found.ref, found.raw, found.new) == (ref, raw.strip(), new)


@pytest.mark.parametrize(
    "text", ["", "Commissioning", "1. Commissioning", "2015", "Review of 1.1", "N/A", "TBC"]
)
def test_not_refs(text):
    assert read_ref(text) is None


def test_ref_sections():
    assert [ref_section(r) for r in ("3.4", "B2", "1:a", "7.1", "c", "")] == [
        3,
        2,
        1,
        None,
        None,
        None,
    ]
    assert next_ref(["3.1", "3.2", "4.1"], 3) == "3.3"
    assert next_ref(["3.20"], 4) == "4.1"


@pytest.mark.parametrize(
    ("text", "number", "label"),
    [
        ("1.", 1, "1"),
        ("2.   ACCESS TO SUPPORT BEFORE CRISIS POINT", 2, "2"),
        ("2. Access t", 2, "2"),
        ("Section A – Commissioning to allow earlier intervention", 1, "A"),
        ("Section C: Urgent and emergency access to crisis care", 3, "C"),
        ("Section 4 - Quality of treatment and care when in crisis", 4, "4"),
        ("B. Access to support before crisis point", 2, "B"),
        ("Recovery and staying well", 5, ""),
        ("Preventing future crises", 5, ""),
        ("Urgent and emergency access to crisis care", 3, ""),
        ("Section E – Staying well", 5, "E"),
        ("Theme 2: Access", 2, "2"),
    ],
)
def test_section_headings(text, number, label):
    heading = read_section_heading(text)
    assert (heading.number, heading.label) == (number, label)


def test_a_plans_own_titles_map_by_meaning_not_letter():
    heading = read_section_heading("Section B – Urgent and emergency access to crisis care")
    assert heading.number == 3


@pytest.mark.parametrize(
    "text",
    [
        "Matching local need with a suitable range of services",
        "Street triage",
        "1.1",
        "Review the protocol with partners.",
    ],
)
def test_not_section_headings(text):
    assert read_section_heading(text) is None
