from datetime import timedelta

import feedparser
import pytest
from icalendar import Calendar

from concordat.core.models import Action

from .world import SECRET

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    # RFC 4287: a feed has id, title, updated and an author; each entry id, title, updated, link.
    assert feed.feed.id and feed.feed.title and feed.feed.updated
    assert feed.feed.get("author") or all(entry.get("author") for entry in feed.entries)
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated and entry.link
    assert SECRET not in response.content.decode()
    return feed


def test_national_feed_lists_every_publication(client, world):
    feed = parse(client.get("/feeds/publications.atom"))
    assert [entry.title for entry in feed.entries] == [
        "Northshire: progress report published (June to December)",
        "Northshire: Version 2 of the action plan published",
        "Northshire: Version 1 of the action plan published",
    ]
    assert len({entry.id for entry in feed.entries}) == 3
    again = feedparser.parse(client.get("/feeds/publications.atom").content)
    assert [entry.id for entry in again.entries] == [entry.id for entry in feed.entries]


def test_area_feed_adds_status_changes_between_versions(client, world):
    feed = parse(client.get("/areas/northshire/feed.atom"))
    titles = [entry.title for entry in feed.entries]
    assert "Northshire: action 2.1 is now in progress" in titles
    assert "Northshire: progress report published (June to December)" in titles
    assert len(titles) == 4
    change = next(entry for entry in feed.entries if "2.1" in entry.title)
    assert "Was not started before Version 2" in change.summary


def test_area_feed_for_an_area_with_nothing_published(client, world):
    feed = parse(client.get("/areas/southshire/feed.atom"))
    assert feed.entries == []
    assert client.get("/areas/nowhere/feed.atom").status_code == 404


def test_due_calendar(client, world):
    response = client.get("/areas/northshire/due.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Crisis Care Concordat//Action plan due dates//EN"
    events = calendar.walk("VEVENT")
    # 1.2 is complete, so only the open actions with a due date are in it.
    assert [str(event["SUMMARY"]).split()[1] for event in events] == ["1.1", "2.1"]
    training = world.action("2.1")
    event = events[1]
    assert str(event["UID"]) == f"{training.identity.uid}@concordat"
    assert event["DTSTART"].dt == training.due
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert event["DTEND"].dt == training.due + timedelta(days=1)
    assert event["DTSTAMP"].dt is not None
    assert SECRET not in response.content.decode()


def test_due_calendar_uids_are_stable_across_versions(client, world):
    first = Calendar.from_ical(client.get("/areas/northshire/due.ics").content)
    triage = Action.objects.get(version=world.v1, ref="1.1")
    assert f"{triage.identity.uid}@concordat" in [str(e["UID"]) for e in first.walk("VEVENT")]


def test_due_calendar_of_an_area_without_a_published_plan(client, world):
    calendar = Calendar.from_ical(client.get("/areas/southshire/due.ics").content)
    assert calendar.walk("VEVENT") == []
    assert client.get("/areas/nowhere/due.ics").status_code == 404
