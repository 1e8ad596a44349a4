import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordat.core import verdict
from concordat.core.models import Action
from concordat.core.selectors.published import public_updates
from concordat.core.services import plan_version_import
from concordat.core.services.updates import progress_update_post
from tests.factories import make_area, parsed_action, parsed_plan, publish

from .world import SECRET, build_world

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
    # Its only note came from a document without a date: undated, never recent, so the
    # action is not updated in the last six months, however recently its version came out.
    assert triage["stale"] is True
    assert triage["latest_update"] == {
        "date": None,
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
        ("stale=true", ["1.1"]),
        ("stale=false", ["1.2", "2.1"]),
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
    # Publishing a version is not an update, and 1.1's undated note never counts.
    since = world.today - timedelta(days=400)
    assert refs(client.get(f"/api/actions?updated_since={since.isoformat()}")) == ["2.1"]


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


def test_action_list_query_count_does_not_grow_with_the_data(client, world, page_cache_off):
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


@pytest.mark.parametrize("offset_days", [0, -3, 30, 200, -390])
def test_sql_filters_agree_with_the_verdict(client, world, offset_days, monkeypatch):
    """The API's SQL twins (stale, suggested RAG, overdue, updated since) pick exactly the
    actions the one verdict picks, and each record says what the verdict says."""
    on = world.today + timedelta(days=offset_days)
    extra = make_area("Eastshire")
    statuses = ["in_progress", "not_started", "complete", "superseded", ""]
    version = plan_version_import(
        area=extra,
        actor=None,
        parsed=parsed_plan(
            *[
                parsed_action(
                    f"1.{n}",
                    f"Action {n}",
                    1 + n % 5,
                    canonical_status=statuses[n % 5],
                    rag=["", "red", "", "amber", "blue", ""][n % 6],
                    due=None if n % 4 == 0 else world.today + timedelta(days=40 * (n % 7) - 120),
                    progress=f"Imported note {n}" if n % 3 == 0 else None,
                )
                for n in range(1, 25)
            ]
        ),
    )
    publish(version, days_ago=2)
    for n, action in enumerate(version.actions.order_by("position"), start=1):
        if n % 2:
            progress_update_post(
                action=action, actor=None, note=f"Note {n}", on=world.today - timedelta(days=9 * n)
            )
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: on)

    items = client.get("/api/actions?all_versions=true&limit=500").json()["items"]
    judged = {}
    for item in items:
        action = Action.objects.get(identity__uid=item["uid"], version__number=item["version"])
        last = verdict.latest_update(public_updates().filter(identity_id=action.identity_id))
        expected = verdict.action_verdict(action, last_update=last, on=on)
        judged[(item["uid"], item["version"])] = expected
        assert item["stale"] is expected.stale, item["ref"]
        assert item["overdue"] is expected.overdue, item["ref"]
        assert (item["rag"], item["rag_source"]) == (expected.rag, expected.rag_source)
        shown = item["latest_update"]
        assert (shown["date"] if shown else None) == (
            expected.last_update_on.isoformat() if expected.last_update_on else None
        )

    def picked(query):
        found = client.get(f"/api/actions?all_versions=true&limit=500&{query}").json()
        return {(other["uid"], other["version"]) for other in found["items"]}

    for flag in ("stale", "overdue"):
        for value in (True, False):
            expected = {key for key, v in judged.items() if getattr(v, flag) is value}
            assert picked(f"{flag}={str(value).lower()}") == expected, (flag, value)
    for rag in ("red", "amber", "green", "blue"):
        assert picked(f"rag={rag}") == {key for key, v in judged.items() if v.rag == rag}, rag
    since = verdict.recent_cutoff(on)
    assert picked(f"updated_since={since.isoformat()}") == {
        key for key, v in judged.items() if v.updated_recently
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
