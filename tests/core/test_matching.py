from concordat.core.matching import Candidate, match_identities

PREVIOUS = [
    Candidate(key="a", ref="1.1", text="Establish baseline data on street triage and s136"),
    Candidate(key="b", ref="1.2", text="Improve collection of qualitative data on experience"),
    Candidate(key="c", ref="2.1", text="Review information provision after self-harm in A&E"),
]


def test_same_ref_and_similar_text_keeps_identity():
    incoming = [("1.1", "Establish baseline data on street triage, s136 and 111")]
    assert match_identities(PREVIOUS, incoming) == ["a"]


def test_same_ref_but_unrelated_text_is_a_new_action():
    incoming = [("1.1", "Launch a charter co-produced with people who use services")]
    assert match_identities(PREVIOUS, incoming) == [None]


def test_renumbered_action_is_matched_by_its_text():
    incoming = [("3.4", "Review information provision after self-harm in A&E")]
    assert match_identities(PREVIOUS, incoming) == ["c"]


def test_each_previous_action_is_used_once():
    incoming = [
        ("1.2", "Improve collection of qualitative data on experience"),
        ("1.3", "Improve collection of qualitative data on experience"),
    ]
    assert match_identities(PREVIOUS, incoming) == ["b", None]


def test_no_previous_version_means_all_new():
    assert match_identities([], [("1.1", "Anything"), ("", "Other")]) == [None, None]
