"""Upload, preview and confirm reuse one parsed result: the file is read once at upload, and
again only when its reading options change (issue 14)."""

import pytest

from concordat.core.models import Action, PlanVersion
from concordat.imports import pipeline, session, views

from .web import UploadFolder, make_world, preview_url, signed_in, token_of, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(monkeypatch):
    """Every call of the parsing pipeline the import views make."""
    calls = []

    def counted(*args, **kwargs):
        calls.append(kwargs.get("financial_year"))
        return pipeline.parse_plan(*args, **kwargs)

    monkeypatch.setattr(views, "parse_plan", counted)
    return calls


def digest(client, token):
    return session.PendingUpload(**client.session[session.SESSION_KEY][token]).options_digest()


def test_the_file_is_read_once_for_every_preview_and_the_confirmation(client, reads):
    world = make_world()
    editor = signed_in(client, world.editor)
    token = token_of(upload(editor, world.area))
    assert reads == [None]
    for _ in range(3):
        assert "Street triage pilot." in editor.get(preview_url(world.area, token)).content.decode()
    response = editor.post(
        preview_url(world.area, token, "confirm"),
        {"digest": digest(editor, token), "base_version": ""},
    )
    assert response.status_code == 302
    assert reads == [None]
    assert PlanVersion.objects.count() == 1
    assert Action.objects.count() == 4


def test_new_reading_options_read_it_once_more_and_replace_the_kept_result(client, reads):
    world = make_world()
    editor = signed_in(client, world.editor)
    token = token_of(upload(editor, world.area))
    columns = {"column_0": "ref", "column_1": "action", "column_2": "timescale"}
    changed = {**columns, "column_3": "", "column_4": "status", "financial_year": "2015/16"}
    assert editor.post(preview_url(world.area, token), changed).status_code == 302
    assert reads == [None, 2015]
    page = editor.get(preview_url(world.area, token)).content.decode()
    assert page.count("No lead is given for this action.") == 4
    assert reads == [None, 2015]
    assert UploadFolder().names(suffix=".parsed.json") == [f"{token}.parsed.json"]


def test_a_missing_kept_result_is_read_again_from_the_file(client, reads):
    world = make_world()
    editor = signed_in(client, world.editor)
    token = token_of(upload(editor, world.area))
    UploadFolder().delete(f"{token}.parsed.json")
    assert editor.get(preview_url(world.area, token)).status_code == 200
    assert editor.get(preview_url(world.area, token)).status_code == 200
    assert reads == [None, None]


@pytest.mark.parametrize(
    "name",
    [
        "d29_ardenshire_two_level.odt",
        "d36_kennetside_quarterly.xlsx",
        "d40_soarshire_completed_removed.pdf",
        "d43_sowe_brag_progress.docx",
        "d46_wharfeton_objectives.csv",
    ],
)
def test_what_is_kept_reads_back_exactly_as_it_was_parsed(name):
    """Every field of a parsed plan (dates, sets, nested actions, leads, doubts, what was not
    imported) survives being kept as JSON in the shared storage between the steps."""
    import json
    from dataclasses import asdict
    from pathlib import Path

    from concordat.imports.parsed import ParsedPlan

    path = Path(__file__).parent / "corpus" / name
    parsed = pipeline.parse_plan(path.read_bytes(), name, registry=[])
    text = json.dumps(asdict(parsed), default=session._json_default)

    assert session._revive(ParsedPlan, json.loads(text)) == parsed
    assert parsed.actions and parsed.has_columns
