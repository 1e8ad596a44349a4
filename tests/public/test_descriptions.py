"""Every public page says what it holds in a meta description (search results show it): its
own words, naming the area, action, report or organisation it is about."""

import html
import re

import pytest
from django.utils import timezone

from .helpers import page

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
DEFAULT = (
    "The action plans of England's local Crisis Care Concordat groups: what each area "
    "promised, who leads each action, when it is due and what has been delivered."
)


def description(client, path, status=200):
    found = DESCRIPTION.findall(page(client, path, status))
    assert len(found) == 1, f"{path} has {len(found)} meta descriptions"
    return html.unescape(found[0])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/areas/northshire/plan/",
            "The Crisis Care Concordat action plan Northshire has published: every action, "
            "who leads it, when it is due and the latest progress.",
        ),
        (
            "/areas/northshire/plan/actions/2.1/",
            "Action 2.1 of Northshire's Crisis Care Concordat plan, with its progress history: "
            "Train control room staff in de-escalation",
        ),
        (
            "/areas/northshire/",
            "Northshire's Crisis Care Concordat: its published action plan, how far each action "
            "has got, its progress reports and outcome measures.",
        ),
        (
            "/areas/northshire/plan/versions/",
            "Every published version of Northshire's Crisis Care Concordat action plan, and what "
            "changed between them.",
        ),
        (
            "/areas/northshire/plan/compare/?from=1&to=2",
            "What changed in Northshire's Crisis Care Concordat action plan between two published "
            "versions: actions added, removed and rewritten.",
        ),
        (
            "/areas/northshire/reports/",
            "The progress reports Northshire's Crisis Care Concordat group has published.",
        ),
        (
            "/areas/northshire/metrics/",
            "The outcome figures Northshire's Crisis Care Concordat group has recorded, against "
            "its baseline and target, with a year-earlier comparison.",
        ),
        (
            "/metrics/section-136-detentions-test/",
            "Section 136 detentions: the figures each Crisis Care Concordat area has recorded for "
            "this outcome measure.",
        ),
        (
            "/organisations/northshire-police/",
            "The Crisis Care Concordat actions Northshire Police leads, area by area, and how far "
            "each has got.",
        ),
        (
            "/search/?q=triage",
            "Search results for “triage” in every published Crisis Care Concordat action plan, "
            "progress update and progress report.",
        ),
        (
            "/search/",
            "Search every published Crisis Care Concordat action plan, progress update and "
            "progress report.",
        ),
        (
            "/cookies/",
            "The cookies Crisis Care Concordat action plans sets, what each is for and how long it "
            "lasts.",
        ),
    ],
)
def test_pages_about_one_thing_name_it(client, world, path, expected):
    assert description(client, path) == expected


def test_a_version_and_a_report_say_which(client, world):
    published = timezone.localtime(world.v1.published_at).strftime("%-d %B %Y")
    assert description(client, "/areas/northshire/plan/versions/1/") == (
        f"Version 1 of Northshire's Crisis Care Concordat action plan, as published on {published}."
    )
    assert description(client, f"/areas/northshire/reports/{world.report.pk}/") == (
        "Northshire progress report, autumn: the progress report of Northshire's Crisis Care "
        "Concordat group for June to December, with its milestones and outcomes."
    )


PUBLIC_PAGE_TYPES = [
    "/",
    "/areas/",
    "/areas/northshire/",
    "/areas/northshire/plan/",
    "/areas/northshire/plan/actions/1.1/",
    "/areas/northshire/plan/versions/",
    "/areas/northshire/plan/versions/1/",
    "/areas/northshire/plan/compare/?from=1&to=2",
    "/areas/northshire/reports/",
    "/areas/northshire/metrics/",
    "/metrics/",
    "/metrics/section-136-detentions-test/",
    "/organisations/",
    "/organisations/northshire-police/",
    "/search/?q=triage",
    "/good-practice/",
    "/downloads/",
    "/api/",
    "/api/docs",
    "/cookies/",
    "/accessibility-statement/",
    "/privacy/",
]


def test_every_public_page_type_has_its_own_description(client, world):
    found = {path: description(client, path) for path in PUBLIC_PAGE_TYPES}
    found[f"/areas/northshire/reports/{world.report.pk}/"] = description(
        client, f"/areas/northshire/reports/{world.report.pk}/"
    )

    for path, text in found.items():
        assert text != DEFAULT, f"{path} shows the default description"
        assert 50 <= len(text) <= 200, f"{path}: {len(text)} characters"
        assert "\n" not in text and "{" not in text, path
    assert len(set(found.values())) == len(found)


def test_pages_without_their_own_keep_the_default(client, db):
    assert description(client, "/accounts/login/") == DEFAULT
    assert description(client, "/no-such-page/", status=404) == DEFAULT


def test_a_description_is_escaped(client, world):
    text = description(client, "/search/?q=%22%3E%3Cscript%3E")
    assert text.startswith('Search results for “"><script>” in')
    raw = client.get("/search/?q=%22%3E%3Cscript%3E").content.decode()
    assert '"><script>' not in raw
