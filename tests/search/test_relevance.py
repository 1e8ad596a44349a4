"""Relevance against the source documents: for each query, the action that must come first."""

import pytest
from django.core.management import call_command

from concordat.core.models import Action
from concordat.search.index import rebuild
from concordat.search.selectors import search, similar_actions

pytestmark = pytest.mark.django_db

FIRST = [
    ("street triage", "england", "3.17"),
    ("liaison and diversion", "england", "5.4"),
    ("GP CAMHS crisis line", "south-west-essex", "3.4"),
    ("information sharing", "england", "3.15"),
    ("health based places of safety", "england", "3.10"),
    ("Association of Ambulance Chief Executives", "south-west-essex", "3.1"),
    ("out of hours AMHP", "england", "3.6"),
    ("crisis resolution home treatment", "south-west-essex", "2.4"),
    ("advance care plans", "south-west-essex", "5.5"),
    ("111 mental health", "south-west-essex", "1.24"),
]


def test_queries_against_the_seeds_rank_the_right_action_first():
    call_command("load_seeds", verbosity=0)
    rebuild()
    wrong = []
    for query, area, ref in FIRST:
        page, _ = search(query)
        first = page.object_list[0].document if page.object_list else None
        got = (first.kind, first.area.slug, first.ref) if first else None
        if got != ("action", area, ref):
            wrong.append(f"{query!r}: expected {area} {ref}, got {got}")
    assert not wrong, "\n".join(wrong)

    page, total = search("street triage")
    assert total == 9
    refs = [r.document.ref for r in page.object_list]
    # The four actions about street triage come before any progress note or report text.
    assert refs[0] == "3.17"
    assert set(refs[:4]) == {"3.17", "5.4", "3.5", "1.1"}

    planning = Action.objects.get(version__plan__area__slug="south-west-essex", ref="3.5")
    similar = similar_actions(planning)
    assert (similar[0].document.area.slug, similar[0].document.ref) == ("england", "3.17")
    assert similar[0].document.canonical_status == "complete"
    assert all(item.document.area.slug != "south-west-essex" for item in similar)
