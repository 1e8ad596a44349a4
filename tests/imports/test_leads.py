"""Lead text split into the organisations it names and matched to the registry."""

import pytest

from concordat.imports.leads import LeadMatcher, RegistryEntry, is_generic


@pytest.fixture(scope="module")
def matcher():
    from .conftest import build_registry

    return LeadMatcher(build_registry())


def names(matcher, text):
    return [m.organisation_name or f"new: {m.text}" for m in matcher.match(text)]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (
            "LGA ADASS",
            ["Local Government Association", "Association of Directors of Adult Social Services"],
        ),
        (
            "DH/NHS England/PHE/ HO",
            ["Department of Health", "NHS England", "Public Health England", "Home Office"],
        ),
        ("RCN for DH.", ["Royal College of Nursing", "Department of Health"]),
        (
            "Association of Ambulance Chief Executives (AACE).",
            ["Association of Ambulance Chief Executives"],
        ),
        (
            "Royal College of Psychiatry and College of Emergency Medicine.",
            ["Royal College of Psychiatrists", "College of Emergency Medicine"],
        ),
        (
            "SEPT & Essex Police with Basildon Mind",
            [
                "South Essex Partnership University NHS Foundation Trust",
                "Essex Police",
                "Basildon Mind",
            ],
        ),
        ("Thurrock BC /\nEssex CC", ["Thurrock Council", "Essex County Council"]),
        ("All concordat stakeholders", []),
        ("CCGs/LAs", []),
        ("District Councils /VSOs", []),
        ("Police", []),
        ("NHS England and partners", ["NHS England"]),
        ("College of Social Work", ["new: College of Social Work"]),
        ("Dr Jane Smith (SEPT)", ["South Essex Partnership University NHS Foundation Trust"]),
        ("", []),
    ],
)
def test_leads(matcher, lead, expected):
    assert names(matcher, lead) == expected


def test_exact_matches_score_100(matcher):
    matches = matcher.match("PHE (with NHS England/RC Psych/RCGP)")
    assert [(m.text, m.score, m.proposed_new) for m in matches] == [
        ("PHE", 100.0, False),
        ("NHS England", 100.0, False),
        ("RC Psych", 100.0, False),
        ("RCGP", 100.0, False),
    ]


def test_misspellings_match_with_their_score(matcher):
    [match] = matcher.match("Royal Colege of Psychiatrists")
    assert match.organisation_name == "Royal College of Psychiatrists"
    assert 88 <= match.score < 100
    assert not match.proposed_new


@pytest.mark.parametrize(
    "lead",
    ["Sussex Police", "East London NHS Foundation Trust", "Kent County Council", "Thurrock"],
)
def test_near_names_are_proposed_never_merged(matcher, lead):
    [match] = matcher.match(lead)
    assert (match.organisation_id, match.proposed_new, match.text) == (None, True, lead)


def test_abbreviations_match_only_in_capitals():
    matcher = LeadMatcher([RegistryEntry(1, "College of Policing", ("College of Policing", "CoP"))])
    assert [m.organisation_id for m in matcher.match("CoP")] == [1]
    assert [m.organisation_id for m in matcher.match("COP")] == [1]
    assert matcher.match("the local cop shop") == []


def test_generic_words():
    assert is_generic("All Concordat stake holders")
    assert is_generic("South West Essex CCG’s".replace("’", "'"))
    assert is_generic("CAMHS providers")
    assert not is_generic("Healthwatch")
