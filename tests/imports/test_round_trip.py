"""Round trip: a published plan's CSV export (/areas/<slug>/plan.csv) re-imports to the same
actions, for both seed plans."""

import pytest
from django.core.management import call_command

from concordat.core.models import PlanVersion, ProgressUpdate
from concordat.core.services import plan_version_import
from concordat.core.text import collapse_whitespace
from concordat.imports.pipeline import parse_plan
from concordat.imports.preview import build_preview, organisation_registry

SEED_AREAS = ["england", "south-west-essex"]


@pytest.fixture
def seeds(db):
    call_command("load_seeds", verbosity=0)


def exported(client, slug):
    response = client.get(f"/areas/{slug}/plan.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return parse_plan(data, f"{slug}-plan.csv", registry=organisation_registry())


def published(slug):
    version = PlanVersion.objects.select_related("plan__area").get(
        plan__area__slug=slug, state=PlanVersion.State.PUBLISHED
    )
    actions = list(
        version.actions.select_related("section").prefetch_related("leads__organisation")
    )
    return version, sorted(actions, key=lambda a: a.position)


def latest_note(action):
    update = ProgressUpdate.objects.filter(identity_id=action.identity_id).order_by("-created_at")
    note = update.values_list("note", flat=True).first()
    return collapse_whitespace(note) if note else None


def written(action):
    """What a person wrote or the register links, for an imported Action."""
    return {
        "ref": action.ref,
        "section": action.section.number if action.section else None,
        "subtheme": action.subtheme,
        "text": action.text,
        "timescale": action.timescale,
        "lead": action.lead,
        "organisations": [
            lead.organisation.name for lead in sorted(action.leads.all(), key=lambda x: x.position)
        ],
        "status": action.status,
        "canonical_status": action.canonical_status,
        "ongoing": action.ongoing,
        "progress": latest_note(action),
    }


def read_back(parsed_action):
    return {
        "ref": parsed_action.ref,
        "section": parsed_action.section,
        "subtheme": parsed_action.subtheme,
        "text": parsed_action.text,
        "timescale": parsed_action.timescale,
        "lead": parsed_action.lead,
        "organisations": [
            m.organisation_name for m in parsed_action.lead_matches if m.organisation_id
        ],
        "status": parsed_action.status,
        "canonical_status": parsed_action.canonical_status,
        "ongoing": parsed_action.ongoing,
        "progress": collapse_whitespace(parsed_action.progress) if parsed_action.progress else None,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SEED_AREAS)
def test_the_plan_csv_reimports_to_the_same_actions(seeds, client, slug):
    version, actions = published(slug)
    parsed = exported(client, slug)
    assert len(parsed.actions) == len(actions) == {"england": 47, "south-west-essex": 64}[slug]
    assert [read_back(a) for a in parsed.actions] == [written(a) for a in actions]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SEED_AREAS)
def test_the_reimported_csv_continues_every_action_and_adds_no_progress(seeds, client, slug):
    version, actions = published(slug)
    parsed = exported(client, slug)
    comparison = build_preview(version.plan.area, parsed).comparison
    assert comparison.base == version
    assert (comparison.added, comparison.removed) == ([], [])
    updates = ProgressUpdate.objects.count()
    draft = plan_version_import(area=version.plan.area, parsed=parsed, actor=None)
    assert dict(draft.actions.values_list("ref", "identity_id")) == {
        a.ref: a.identity_id for a in actions
    }
    # Each progress note in the CSV is the action's latest already: none is added twice.
    assert ProgressUpdate.objects.count() == updates
    draft.delete()


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SEED_AREAS)
def test_the_plan_csv_reimports_to_the_same_dates_outcomes_and_rag(seeds, client, slug):
    _version, actions = published(slug)
    parsed = exported(client, slug)
    assert [(a.start, a.due, a.outcomes, a.rag) for a in parsed.actions] == [
        (a.start, a.due, a.outcomes, a.rag) for a in actions
    ]
