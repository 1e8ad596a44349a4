"""Drafts never appear on a public page: a draft of the national plan with an action changed
and a progress note posted leaves every public page as it was."""

import pytest

from concordat.core.models import Action, PlanVersion
from concordat.core.services import action_update, plan_version_start_draft, progress_update_post
from concordat.reports.models import ProgressReport

from .helpers import card_titles, csv_rows, page

MARK = "DRAFT-ONLY-7Q"

PAGES = [
    "/",
    "/areas/",
    "/areas/england/",
    "/areas/england/plan/",
    "/areas/england/plan/?status=superseded",
    "/areas/england/plan/actions/3.8/",
    "/areas/england/plan/versions/",
    "/areas/england/plan/versions/1/",
    "/areas/england/plan/compare/",
    "/organisations/",
    "/organisations/care-quality-commission/",
    "/areas/hampshire-and-isle-of-wight/reports/",
]


@pytest.fixture
def draft(seeds):
    england = PlanVersion.objects.get(plan__area__slug="england", state="published")
    draft = plan_version_start_draft(area=england.plan.area, actor=None)
    action = Action.objects.get(version=draft, ref="3.8")
    action_update(
        action=action,
        actor=None,
        text=f"{MARK} rewritten action",
        status=f"{MARK} withdrawn",
        canonical_status="superseded",
    )
    progress_update_post(
        action=action, actor=None, note=f"{MARK} note waiting for approval", needs_approval=True
    )
    return draft


def test_draft_changes_appear_on_no_public_page(client, draft):
    assert draft.number == 2
    for path in PAGES:
        html = page(client, path)
        assert MARK not in html, path
    # The published wording and status of 3.8 are still what the public sees.
    html = page(client, "/areas/england/plan/actions/3.8/")
    assert "As written: ONGOING – IN FINAL STAGES" in html
    published_superseded = Action.objects.filter(
        version__plan__area__slug="england",
        version__state="published",
        canonical_status="superseded",
    ).count()
    html = page(client, "/areas/england/plan/?status=superseded")
    assert f"{published_superseded} of 47 actions match the filters" in html
    assert "3.8" not in card_titles(html)


def test_draft_version_address_is_not_found(client, draft):
    page(client, "/areas/england/plan/versions/2/", status=404)
    html = page(client, "/areas/england/plan/compare/?from=1&to=2")
    assert "Choose a published version to compare to" in html
    assert MARK not in html


def test_draft_is_not_in_the_csv(client, draft):
    rows, body = csv_rows(client.get("/areas/england/plan.csv"))

    assert len(rows) == 47
    assert MARK not in body


def test_draft_report_is_hidden(client, seeds):
    report = ProgressReport.objects.create(
        area_id=ProgressReport.objects.get().area_id, title=f"{MARK} report"
    )

    page(client, f"/areas/hampshire-and-isle-of-wight/reports/{report.pk}/", status=404)
    assert MARK not in page(client, "/areas/hampshire-and-isle-of-wight/reports/")
    assert MARK not in page(client, "/areas/hampshire-and-isle-of-wight/")
    assert MARK not in page(client, "/")
