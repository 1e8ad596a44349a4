"""The build keeps only the CSS the site uses (frontend/purge.mjs): every class the pages put
in their HTML keeps its rules, and what the scripts add at run time stays too."""

import json
import re

import pytest
from django.conf import settings

from tests.factories import make_area_lead
from tests.public.world import build_world

DIST = settings.BASE_DIR / "static" / "dist"
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


@pytest.fixture(scope="module")
def report():
    path = DIST / "purge-report.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: build the front end first (npm run build).")
    return json.loads(path.read_text())


@pytest.fixture(scope="module")
def css():
    return (DIST / "css" / "main.css").read_text()


@pytest.fixture
def world(db):
    return build_world()


def classes(html):
    return {name for value in CLASS_ATTRIBUTE.findall(html) for name in value.split()}


def assert_nothing_purged(client, report, paths, method="get", data=None):
    removed = set(report["removed_classes"])
    for path in paths:
        response = getattr(client, method)(path, data or {})
        assert response.status_code in (200, 400, 404), f"{path} answered {response.status_code}"
        html = response.content.decode()
        if method == "post":
            assert "govuk-error-summary" in html, f"{path} showed no errors"
        lost = classes(html) & removed
        assert not lost, f"{path} uses classes the purge removed: {sorted(lost)}"


PUBLIC = [
    "/",
    "/areas/",
    "/areas/?region=bogus",
    "/areas/northshire/",
    "/areas/westshire/",
    "/areas/northshire/plan/",
    "/areas/northshire/plan/?status=bogus",
    "/areas/northshire/plan/?status=in_progress&overdue=on",
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
    "/search/?q=",
    "/good-practice/",
    "/downloads/",
    "/api/",
    "/api/docs",
    "/cookies/",
    "/accessibility-statement/",
    "/privacy/",
    "/accounts/login/",
    "/no-such-page/",
]


def test_public_pages_keep_every_class_they_use(client, world, report):
    paths = [*PUBLIC, f"/areas/northshire/reports/{world.report.pk}/"]
    assert_nothing_purged(client, report, paths)


def test_forms_with_errors_keep_their_error_styles(client, world, report):
    assert_nothing_purged(client, report, ["/accounts/login/"], method="post")


def test_workspace_pages_keep_every_class_they_use(client, world, report):
    lead = make_area_lead(world.north)
    client.force_login(lead)
    action = world.action("1.1", version=world.draft)
    assert_nothing_purged(
        client,
        report,
        [
            "/workspace/",
            "/workspace/northshire/",
            "/workspace/northshire/actions/new/",
            f"/workspace/northshire/actions/{action.pk}/",
            f"/workspace/northshire/actions/{action.pk}/edit/",
            f"/workspace/northshire/actions/{action.pk}/progress/",
            "/workspace/northshire/order/",
            "/workspace/northshire/updates/",
            "/workspace/northshire/details/",
            "/workspace/northshire/history/",
            "/workspace/northshire/changes/",
            "/workspace/northshire/submit/",
            "/workspace/northshire/import/",
            "/workspace/reminders/",
            "/accounts/",
        ],
    )
    assert_nothing_purged(
        client, report, [f"/workspace/northshire/actions/{action.pk}/edit/"], method="post"
    )


def test_the_purge_removes_what_no_page_uses(report, css):
    removed = set(report["removed_classes"])
    unused_components = [
        "govuk-accordion",
        "govuk-tabs",
        "govuk-header__logotype",
        "govuk-exit-this-page__button",
        "govuk-task-list",
    ]
    for unused in unused_components:
        assert unused in removed
        assert f".{unused}" not in css
    # GOV.UK Frontend compiles to about 150 KiB; the site uses about half of it.
    assert len(css.encode()) < 90 * 1024


@pytest.mark.parametrize(
    "name",
    [
        # Added by frontend/js/supported.js before the page is drawn.
        "govuk-frontend-supported",
        # Added by the scripts of GOV.UK Frontend components the templates use.
        "govuk-checkboxes__conditional--hidden",
        "govuk-radios__conditional--hidden",
        "govuk-skip-link-focused-element",
        # Made from data in templates: kept by the concordat-* safelist.
        "concordat-rag--amber",
        "concordat-bar__segment--w63",
        "concordat-bar-legend__swatch--complete",
    ],
)
def test_classes_added_at_run_time_are_kept(css, report, name):
    assert f".{name}" in css
    assert name not in report["removed_classes"]


def test_rules_on_link_addresses_are_kept(css):
    # Printing shows where links go; addresses are not words the purge could find.
    assert '@media print{[href^="/"].govuk-link::after' in css
