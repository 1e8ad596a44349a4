import re
from datetime import timedelta
from urllib.parse import urlsplit

import feedparser
import pytest
from icalendar import Calendar
from lxml import etree

from concordat.core.models import Action

from .world import SECRET

pytestmark = pytest.mark.django_db


ATOM = "{http://www.w3.org/2005/Atom}"
RFC_3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def check_atom_rules(content):
    """RFC 4287's rules read straight off the XML: the Atom namespace; feed and each entry
    with exactly one id (an absolute IRI), title and updated (an RFC 3339 date-time); an
    entry's link, and an author for every entry (its own or the feed's)."""
    root = etree.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    feed_has_author = root.find(f"{ATOM}author") is not None
    for element in [root, *root.iter(f"{ATOM}entry")]:
        for name in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{name}")) == 1, (element.tag, name)
        assert urlsplit(element.findtext(f"{ATOM}id")).scheme, element.findtext(f"{ATOM}id")
        assert RFC_3339.match(element.findtext(f"{ATOM}updated"))
        if element is not root:
            assert element.find(f"{ATOM}link").get("href").startswith("http")
            assert feed_has_author or element.find(f"{ATOM}author") is not None


def check_icalendar_lines(content):
    """RFC 5545's line rules: CRLF endings and no line longer than 75 octets."""
    assert content.endswith(b"\r\n")
    for line in content[:-2].split(b"\r\n"):
        assert b"\n" not in line
        assert len(line) <= 75, line


def parse(response):
    assert response.status_code == 200
    check_atom_rules(response.content)
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
    # Every public progress update is an entry too.
    assert titles.count("Northshire: progress on action 1.1") == 1
    assert titles.count("Northshire: progress on action 2.1") == 1
    assert len(titles) == 6
    change = next(
        entry
        for entry in feed.entries
        if entry.title == "Northshire: action 2.1 is now in progress"
    )
    assert "Was not started before Version 2" in change.summary
    progress = next(
        entry for entry in feed.entries if entry.title == "Northshire: progress on action 2.1"
    )
    assert progress.summary == "Two training days held for control room staff."


def test_area_feed_for_an_area_with_nothing_published(client, world):
    feed = parse(client.get("/areas/southshire/feed.atom"))
    assert feed.entries == []
    assert client.get("/areas/nowhere/feed.atom").status_code == 404


def test_due_calendar(client, world):
    response = client.get("/areas/northshire/due.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    check_icalendar_lines(response.content)
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


def test_feeds_and_calendars_link_to_the_configured_site_address(client, world, settings):
    """Both build links the same way, from CONCORDAT_SITE_URL, whatever Host the request
    names."""
    settings.SITE_URL = "https://concordat.example.org/"
    atom = client.get("/areas/northshire/feed.atom", HTTP_HOST="localhost")
    root = etree.fromstring(atom.content)
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "https://concordat.example.org/areas/northshire/",
        "self": "https://concordat.example.org/areas/northshire/feed.atom",
    }
    entries = [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]
    assert "https://concordat.example.org/areas/northshire/plan/versions/2/" in entries
    assert all(
        href.startswith("https://concordat.example.org/areas/northshire/") for href in entries
    )
    national = etree.fromstring(
        client.get("/feeds/publications.atom", HTTP_HOST="localhost").content
    )
    assert {link.get("rel"): link.get("href") for link in national.findall(f"{ATOM}link")} == {
        "alternate": "https://concordat.example.org/",
        "self": "https://concordat.example.org/feeds/publications.atom",
    }
    calendar = Calendar.from_ical(
        client.get("/areas/northshire/due.ics", HTTP_HOST="localhost").content
    )
    assert [str(event["URL"]) for event in calendar.walk("VEVENT")] == [
        "https://concordat.example.org/areas/northshire/plan/actions/1.1/",
        "https://concordat.example.org/areas/northshire/plan/actions/2.1/",
    ]
    assert "localhost" not in atom.content.decode()
