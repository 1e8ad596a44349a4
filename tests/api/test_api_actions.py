import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordat.core.models import Action

from .world import SECRET, build_world, parsed_action, parsed_plan, publish

pytestmark = pytest.mark.django_db


def refs(response):
    assert response.status_code == 200, response.content
    return [item["ref"] for item in response.json()["items"]]


def test_actions_list_the_latest_published_version_only(client, world):
    response = client.get("/api/actions")
    body = response.json()
    assert body["count"] == 3
    assert [(a["ref"], a["version"], a["area"]) for a in body["items"]] == [
        ("1.1", 2, "northshire"),
        ("1.2", 2, "northshire"),
        ("2.1", 2, "northshire"),
    ]
    triage = body["items"][0]
    assert triage["uid"] == str(world.action("1.1").identity.uid)
    assert triage["text"] == "Set up a street triage scheme with the police"
    assert triage["section"] == 3
    assert triage["lead_organisations"] == [
        {"slug": "northshire-police", "name": "Northshire Police"}
    ]
    assert triage["rag"] == "red"
    assert triage["rag_source"] == "suggested"
    assert triage["overdue"] is True
    # Version 2 was published ten days ago: publishing counts as activity.
    assert triage["stale"] is False
    assert triage["latest_update"] == {
        "date": world.v1.published_at.date().isoformat(),
        "note": "Street triage pilot began in the town centre.",
    }
    training = body["items"][2]
    assert training["canonical_status"] == "in_progress"
    assert training["latest_update"]["note"] == "Two training days held for control room staff."
    assert training["stale"] is False
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("section=3", ["1.1"]),
        ("status=complete", ["1.2"]),
        ("status=not_started", []),
        ("rag=red", ["1.1"]),
        ("rag=green", ["1.2"]),
        ("rag=amber", ["2.1"]),
        ("overdue=true", ["1.1"]),
        ("overdue=false", ["1.2", "2.1"]),
        ("stale=true", []),
        ("version=1&stale=true", ["1.1"]),
        ("lead_organisation=northshire-mind", ["1.2"]),
        ("area=southshire", []),
        ("area=northshire&section=4", ["2.1"]),
        ("version=1&status=not_started", ["2.1"]),
    ],
)
def test_action_filters(client, world, query, expected):
    assert refs(client.get(f"/api/actions?{query}")) == expected


def test_updated_since(client, world):
    since = world.today - timedelta(days=6)
    assert refs(client.get(f"/api/actions?updated_since={since.isoformat()}")) == ["2.1"]
    since = world.today - timedelta(days=20)
    assert len(refs(client.get(f"/api/actions?updated_since={since.isoformat()}"))) == 3


def test_all_versions_and_pagination(client, world):
    body = client.get("/api/actions?all_versions=true").json()
    assert body["count"] == 6
    assert [(a["ref"], a["version"]) for a in body["items"]][:2] == [("1.1", 1), ("1.2", 1)]
    page = client.get("/api/actions?limit=1&offset=1").json()
    assert (page["count"], page["limit"], page["offset"]) == (3, 1, 1)
    assert [a["ref"] for a in page["items"]] == ["1.2"]


def test_bad_filter_values_are_refused_with_422(client, world):
    assert client.get("/api/actions?section=9").status_code == 422
    assert client.get("/api/actions?status=done").status_code == 422
    assert client.get("/api/actions?limit=0").status_code == 422
    assert client.get("/api/actions?area=North%20shire").status_code == 422


def test_action_detail_has_its_public_history(client, world):
    training = world.action("2.1")
    body = client.get(f"/api/actions/{training.identity.uid}").json()
    assert body["version"] == 2
    assert body["versions"] == [1, 2]
    assert [u["note"] for u in body["updates"]] == [
        "Two training days held for control room staff."
    ]
    old = client.get(f"/api/actions/{training.identity.uid}/versions/1").json()
    assert old["canonical_status"] == "not_started"


def test_draft_work_never_shows_in_action_detail(client, world):
    triage = world.action("1.1")
    response = client.get(f"/api/actions/{triage.identity.uid}")
    assert response.json()["text"] == "Set up a street triage scheme with the police"
    assert [u["note"] for u in response.json()["updates"]] == [
        "Street triage pilot began in the town centre."
    ]
    assert SECRET not in response.content.decode()
    draft_number = world.draft.number
    assert (
        client.get(f"/api/actions/{triage.identity.uid}/versions/{draft_number}").status_code == 404
    )
    waiting = Action.objects.get(version=world.submitted)
    assert client.get(f"/api/actions/{waiting.identity.uid}").status_code == 404


def test_actions_csv_has_the_same_filters(client, world):
    response = client.get("/api/actions.csv?section=3")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:6] == ["area", "version", "uid", "ref", "section", "subtheme"]
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["ref"] == "1.1"
    assert record["due"] == (world.today - timedelta(days=100)).isoformat()
    assert record["lead_organisations"] == "Northshire Police"
    assert record["rag"] == "red"
    assert record["rag_source"] == "suggested"
    assert record["ongoing"] == "false"
    assert record["latest_update"] == "Street triage pilot began in the town centre."
    complete = client.get("/api/actions.csv?status=complete")
    text = b"".join(complete.streaming_content).decode()
    assert "Fewer admissions | Shorter stays" in text


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_action_list_query_count_does_not_grow_with_the_data(client, world):
    before = _queries(client, "/api/actions?limit=500")
    # the count, the page's ids, its rows, their leads
    assert before == 4
    assert _queries(client, "/api/actions?stale=false&limit=500") == 3  # one query for all ids
    area = world.north.__class__.objects.create(name="Westshire", slug="westshire")
    from concordat.core.services import plan_version_import

    version = plan_version_import(
        area=area,
        actor=None,
        parsed=parsed_plan(
            *[parsed_action(f"1.{n}", f"Action {n}", 1, progress=f"Note {n}") for n in range(1, 30)]
        ),
    )
    publish(version, days_ago=1)
    assert _queries(client, "/api/actions?limit=500") == before
    assert _queries(client, "/api/actions?stale=false&limit=500") == 3
    assert _queries(client, "/api/updates?limit=500") == 3
    assert _queries(client, "/api/areas") == 3


def test_world_builder_is_repeatable_per_test(db):
    world = build_world()
    assert world.v2.number == 2 and world.draft.number == 3


def test_sql_filters_agree_with_the_domain_rules(client, world):
    from concordat.core import rules

    today = world.today
    for item in client.get("/api/actions?all_versions=true").json()["items"]:
        published = {1: world.v1, 2: world.v2}[item["version"]].published_at.date()
        last = item["latest_update"]["date"] if item["latest_update"] else None
        last = published if last is None else max(published, type(today).fromisoformat(last))
        due = None if item["due"] is None else type(today).fromisoformat(item["due"])
        stale = rules.is_stale(
            canonical_status=item["canonical_status"], last_activity=last, on=today
        )
        assert item["stale"] is stale
        assert (item["rag"], item["rag_source"]) == rules.effective_rag(
            reported="green" if item["ref"] == "1.2" else "",
            canonical_status=item["canonical_status"],
            due=due,
            on=today,
            stale=stale,
        )
        for flag, value in (("stale", stale), ("rag", item["rag"])):
            query = f"{flag}={str(value).lower()}" if flag == "stale" else f"rag={value}"
            if flag == "rag" and not value:
                continue
            found = client.get(f"/api/actions?all_versions=true&{query}&limit=500").json()
            assert (item["uid"], item["version"]) in {
                (other["uid"], other["version"]) for other in found["items"]
            }


@pytest.mark.parametrize("since", ["0001-01-01", "1999-12-31", "2999-01-01"])
def test_filter_dates_outside_the_range_are_refused(client, world, since):
    from concordat.core import dates

    response = client.get(f"/api/actions?updated_since={since}")
    assert response.status_code == 422
    assert f"Give a date {dates.range_text()}." in response.content.decode()


def test_control_characters_in_query_values_are_taken_out(client, world):
    response = client.get("/api/actions?area=north%1Bshire")
    assert response.status_code == 200
    plain = client.get("/api/actions?area=northshire").json()
    assert plain["count"] > 0
    assert response.json() == plain
