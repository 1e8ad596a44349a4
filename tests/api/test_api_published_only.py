"""Nothing unpublished is ever served: every endpoint, JSON and CSV, against the world's drafts."""

from datetime import timedelta

import pytest

from concordat.api.api import api

from .world import SECRET

pytestmark = pytest.mark.django_db


def list_paths():
    schema = api.get_openapi_schema()
    return sorted(path for path in schema["paths"] if "{" not in path)


def test_every_listing_is_covered():
    paths = list_paths()
    assert "/api/actions" in paths and "/api/actions.csv" in paths
    assert len(paths) == 24  # questions, verdicts and evidence added their pairs


@pytest.mark.parametrize("path", list_paths())
@pytest.mark.parametrize("query", ["", "?all_versions=true&limit=500"])
def test_no_listing_serves_unpublished_text(client, world, path, query):
    response = client.get(path + query)
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    assert SECRET not in body
    assert "southshire" not in body or path.startswith("/api/areas")


def test_detail_endpoints_refuse_unpublished_records(client, world):
    assert client.get(f"/api/versions/northshire/{world.draft.number}").status_code == 404
    assert client.get("/api/versions/southshire/1").status_code == 404
    assert client.get(f"/api/reports/{world.draft_report.pk}").status_code == 404
    published = client.get(f"/api/reports/{world.report.pk}")
    assert published.status_code == 200
    assert SECRET not in published.content.decode()


def test_versions_list_published_versions_with_counts(client, world):
    body = client.get("/api/versions").json()
    assert [(v["area"], v["number"], v["action_count"]) for v in body["items"]] == [
        ("northshire", 1, 3),
        ("northshire", 2, 3),
    ]
    detail = client.get("/api/versions/northshire/2").json()
    assert detail["label"] == "Version 2"


def test_updates_are_those_of_published_versions(client, world):
    body = client.get("/api/updates").json()
    assert [u["note"] for u in body["items"]] == [
        "Street triage pilot began in the town centre.",
        "Two training days held for control room staff.",
    ]
    # Imported from a document that gave no date: undated, not dated by its publication.
    assert body["items"][0]["date"] is None
    assert body["items"][1]["date"] == (world.today - timedelta(days=5)).isoformat()
    since = client.get(f"/api/updates?since={world.today - timedelta(days=600)}").json()
    assert [u["note"] for u in since["items"]] == ["Two training days held for control room staff."]
    training = world.action("2.1").identity.uid
    only = client.get(f"/api/updates?action={training}").json()
    assert only["count"] == 1 and only["items"][0]["version"] == 2


def test_reports_with_sections_and_milestones(client, world):
    body = client.get("/api/reports").json()
    assert [r["title"] for r in body["items"]] == ["Northshire progress report, autumn"]
    detail = client.get(f"/api/reports/{world.report.pk}").json()
    assert detail["overall_status"] == "work_progressing"
    assert detail["sections"] == [
        {
            "key": "narrative",
            "title": "Narrative",
            "body": "Street triage now covers the whole county.",
        }
    ]
    assert detail["milestones"][0]["refs"] == ["1.1"]


def test_metrics_leave_out_definitions_from_unpublished_plans(client, world):
    slugs = [m["slug"] for m in client.get("/api/metrics?limit=500").json()["items"]]
    assert "s136-detentions" in slugs
    assert "secret-kpi" not in slugs
    values = client.get("/api/metric-values?area=northshire").json()
    assert [(v["metric"], v["value"]) for v in values["items"]] == [("s136-detentions", "12.0000")]


def test_registry_endpoints(client, world):
    areas = client.get("/api/areas").json()["items"]
    by_slug = {area["slug"]: area for area in areas}
    assert by_slug["northshire"]["latest_version"] == 2
    assert by_slug["southshire"]["latest_version"] is None
    assert client.get("/api/areas/nowhere").status_code == 404
    organisations = client.get("/api/organisations").json()["items"]
    assert {"northshire-mind", "northshire-police"} <= {o["slug"] for o in organisations}
    assert client.get("/api/organisations/northshire-police").json()["name"] == "Northshire Police"
    sections = client.get("/api/sections").json()
    assert [s["number"] for s in sections] == [1, 2, 3, 4, 5]
