"""/areas/ and /areas/<slug>/: every area, filterable; one area's dashboard."""

import re

from .helpers import page
from .world import SECRET

ROW_LINK = re.compile(
    r'<th scope="row" class="govuk-table__header">'
    r'<a class="govuk-link" href="/areas/([^/]+)/">'
)


def area_rows(html):
    return ROW_LINK.findall(html)


def test_list_shows_every_area(client, world):
    html = page(client, "/areas/")

    assert area_rows(html) == ["northshire", "southshire", "westshire"]
    assert "3 areas</caption>" in html


def test_filter_by_region(client, world):
    html = page(client, "/areas/?region=south-west")

    assert area_rows(html) == ["southshire", "westshire"]
    assert '<option value="south-west" selected>South West</option>' in html
    assert '<a class="govuk-link" href="/areas/">Clear filters</a>' in html


def test_filter_by_stage(client, world):
    assert area_rows(page(client, "/areas/?stage=declaration_signed")) == ["westshire"]
    assert area_rows(page(client, "/areas/?stage=behind&region=north-west")) == ["northshire"]
    html = page(client, "/areas/?stage=delivering&region=north-west")
    assert "No areas match these filters." in html


def test_invalid_filter_says_so_and_lists_every_area(client, world):
    html = page(client, "/areas/?region=atlantis")

    assert "<title>Error: Areas" in html
    assert "Select a valid choice. atlantis is not one of the available choices." in html
    assert area_rows(html) == ["northshire", "southshire", "westshire"]


def test_dashboard_shows_the_plan_summary(client, world):
    html = page(client, "/areas/northshire/")

    assert '<h1 class="govuk-heading-xl">Northshire</h1>' in html
    assert (
        "Stage: <strong>Behind</strong>: 1 of 3 actions overdue (1 of the 1 already due)</p>"
        in html
    )
    assert "Version 2, published" in html
    # 2.1 (updated 5 days ago) is the one action updated in the last six months; the other
    # two are not: 1.1 (its only note undated, open) and 1.2 (complete, no dated note). The
    # two figures add up to the 3 actions.
    assert "3, of which 1 complete and 1 overdue</dd>" in html
    assert (
        'Updated in the last six months</dt> <dd class="govuk-summary-list__value">1 of 3 actions'
        in html
    )
    assert (
        'Not updated for six months</dt> <dd class="govuk-summary-list__value">2 actions, of '
        "which 1 open</dd>"
    ) in html
    assert "Open actions not updated for six months</h3>" in html
    # The status bar by section: section 3 has 1 action.
    assert "3. Urgent and emergency access to crisis care</a>: 1 action </h4>" in html
    assert 'href="/areas/northshire/plan/actions/1.1/">1.1</a>' in html
    assert 'href="/areas/northshire/plan.csv" download>' in html
    assert SECRET not in html


def test_dashboard_shows_declaration_governance_report_metrics_versions(client, world):
    html = page(client, "/areas/northshire/")

    police = "/organisations/northshire-police/"
    assert f'<a class="govuk-link" href="{police}">Northshire Police</a>' in html
    assert "Reports to the Health and Wellbeing Board." in html
    assert "Pat Chair" in html and "Sam Manager" in html
    assert "Northshire progress report, autumn</a>, June to December." in html
    assert "Overall status: Work progressing." in html
    assert "National measures this area reports" in html
    assert "1 January 2015 to 31 January 2015" in html
    assert 'href="/areas/northshire/plan/versions/2/">Version 2</a>' in html
    assert 'href="/areas/northshire/plan/versions/1/">Version 1</a>' in html
    assert "/plan/versions/3/" not in html


def test_dashboard_of_an_area_without_a_plan(client, world):
    html = page(client, "/areas/westshire/")

    assert "Westshire has not published an action plan yet." in html
    assert "Stage: <strong>Declaration signed, no plan published</strong>" in html
    assert "No progress report has been published yet." in html


def test_seeded_dashboards(client, seeds):
    england = page(client, "/areas/england/")
    assert england.count('href="/organisations/') >= 26
    assert "Every 12 months" in england

    essex = page(client, "/areas/south-west-essex/")
    commissioning = "1. Commissioning to allow earlier intervention and responsive crisis services"
    assert f"{commissioning}</a>: 34 actions" in essex
    assert "Measures in this area's plan</caption>" in essex
    assert "No figures published yet" in essex

    hampshire = page(client, "/areas/hampshire-and-isle-of-wight/")
    assert "PROJECT PROGRESS REPORT – Crisis Care Concordat</a>" in hampshire
    assert "Emily Holloway" in hampshire
    assert "<li>Southampton</li>" in hampshire


def test_unknown_area_is_not_found(client, world):
    html = page(client, "/areas/nowhere/", status=404)
    assert "Page not found" in html
