"""The public's voice in the API (JSON and CSV), the OpenAPI document and the downloads ZIP,
with personal data left out."""

import csv
import io
import json
import zipfile

from concordat.api.downloads import build_downloads
from concordat.core.services import evidence_add_link
from concordat.voice import services

from .conftest import make_question


def _csv(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def _published(world):
    question = make_question(
        world, body="Why does it close at 10 pm?", state="published", reply="Funding."
    )
    make_question(world, body="UNANSWERED-SECRET", state="accepted")
    return question


def test_questions_listing(client, world):
    question = _published(world)
    data = client.get("/api/questions").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["id"] == question.pk
    assert item["area"] == "riverside"
    assert item["action_uid"] == str(world.action("1.1").identity.uid)
    assert item["action_ref"] == "1.1"
    assert item["report_id"] is None
    assert item["question"] == "Why does it close at 10 pm?"
    assert item["reply"] == "Funding."
    assert "email" not in item and "asker" not in item
    rows = _csv(client, "/api/questions.csv")
    assert [(r["id"], r["question"], r["reply"]) for r in rows] == [
        (str(question.pk), "Why does it close at 10 pm?", "Funding.")
    ]
    assert list(rows[0]) == [
        "id",
        "area",
        "action_uid",
        "action_ref",
        "report_id",
        "asked_on",
        "question",
        "reply",
        "replied_on",
    ]
    assert client.get("/api/questions?area=hillside").json()["count"] == 0
    uid = world.action("1.2").identity.uid
    assert client.get(f"/api/questions?action={uid}").json()["count"] == 0


def test_verdicts_listing(client, world, reviewer):
    services.verdict_record(
        panel=world.panel, action=world.action("1.1"), actor=reviewer, rag="red", note="Closed"
    )
    item = client.get("/api/verdicts").json()["items"][0]
    assert {k: item[k] for k in ("area", "panel", "panel_kind", "rag", "note", "area_rag")} == {
        "area": "riverside",
        "panel": "Riverside lived-experience panel",
        "panel_kind": "lived_experience",
        "rag": "red",
        "note": "Closed",
        "area_rag": "amber",
    }
    assert item["disagrees"] is True
    assert "recorded_by" not in json.dumps(item) and reviewer.email not in json.dumps(item)
    rows = _csv(client, "/api/verdicts.csv")
    assert rows[0]["disagrees"] == "true"
    assert rows[0]["area_rag"] == "amber"


def test_evidence_listing(client, world, area_editor):
    evidence = evidence_add_link(
        update=world.update, actor=area_editor, title="Opening", url="https://cafe.example/"
    )
    item = client.get("/api/evidence").json()["items"][0]
    assert item["id"] == evidence.pk
    assert item["update_id"] == world.update.pk
    assert item["kind"] == "link"
    assert item["url"] == "https://cafe.example/"
    assert area_editor.email not in json.dumps(item)
    assert _csv(client, "/api/evidence.csv")[0]["title"] == "Opening"


def test_openapi_lists_the_new_listings(client, world):
    paths = client.get("/api/openapi.json").json()["paths"]
    for name in ("questions", "verdicts", "evidence"):
        assert f"/api/{name}" in paths
        assert f"/api/{name}.csv" in paths
    params = {p["name"] for p in paths["/api/questions"]["get"]["parameters"]}
    assert {"area", "action", "since", "limit", "offset"} <= params


def test_downloads_zip_has_the_voice_without_personal_data(world, reviewer, area_editor, tmp_path):
    _published(world)
    services.verdict_record(
        panel=world.panel, action=world.action("1.1"), actor=reviewer, rag="red", note="Closed"
    )
    evidence_add_link(
        update=world.update, actor=area_editor, title="Opening", url="https://cafe.example/"
    )
    path, counts = build_downloads(path=tmp_path / "open.zip")
    assert (counts["questions.csv"], counts["verdicts.csv"], counts["evidence.csv"]) == (1, 1, 1)
    with zipfile.ZipFile(path) as archive:
        everything = "\n".join(archive.read(name).decode() for name in archive.namelist())
        assert "questions.csv" in archive.read("README.txt").decode()
    assert "Why does it close at 10 pm?" in everything
    for private in ("UNANSWERED-SECRET", "asker@example.org", reviewer.email, area_editor.email):
        assert private not in everything
