"""Progress reports: the list and one report with its sections and milestones."""

from concordat.reports.models import ProgressReport

from .helpers import page
from .world import SECRET


def hampshire_report():
    return ProgressReport.objects.get(area__slug="hampshire-and-isle-of-wight")


def test_report_shows_its_milestones(client, seeds):
    report = hampshire_report()

    html = page(client, f"/areas/hampshire-and-isle-of-wight/reports/{report.pk}/")

    assert (
        '<h1 class="govuk-heading-xl">PROJECT PROGRESS REPORT – Crisis Care Concordat</h1>' in html
    )
    milestones = list(report.milestones.all())
    assert f"{len(milestones)} milestones, with the plan actions they belong to" in html
    for milestone in milestones:
        assert milestone.text.split("\n")[0] in html
    # Refs as the report ties them; Hampshire has no published plan to link them to.
    assert '<td class="govuk-table__cell"> 3.5, 3.6, 3.7 </td>' in html
    assert "Review of s136 place of safety provision" in html
    assert "Underway-999 not 111" in html


def test_report_shows_status_people_and_sections(client, seeds):
    report = hampshire_report()

    html = page(client, f"/areas/hampshire-and-isle-of-wight/reports/{report.pk}/")

    assert '<strong class="govuk-tag govuk-tag--grey">Work progressing</strong>' in html
    assert "As written: Work Progressing" in html
    assert "1 June 2015 to 31 December 2015" in html
    assert "Emily Holloway, Ros Cassy" in html
    assert "Outcomes of the Crisis Concordat work to date</h2>" in html
    # The section's bullet lines are rendered as a list.
    bullets = '<ul class="govuk-list govuk-list--bullet">'
    assert f"{bullets}<li>83% reduction in use of police cells" in html
    assert ">Priorities/targets for next period</h2>" in html


def test_report_list(client, seeds):
    report = hampshire_report()

    html = page(client, "/areas/hampshire-and-isle-of-wight/reports/")

    address = f"/areas/hampshire-and-isle-of-wight/reports/{report.pk}/"
    assert f'href="{address}">PROJECT PROGRESS REPORT' in html
    assert "June-December 2015" in html
    assert "Work progressing" in html


def test_milestone_refs_link_to_published_actions(client, world):
    html = page(client, f"/areas/northshire/reports/{world.report.pk}/")

    assert '<a class="govuk-link" href="/areas/northshire/plan/actions/1.1/">1.1</a>' in html
    # No action 9.9 in the plan: the ref is shown, not linked.
    assert '<td class="govuk-table__cell"> 9.9 </td>' in html
    assert "Street triage now covers the whole county." in html


def test_draft_reports_and_other_areas_reports_are_not_found(client, world):
    page(client, f"/areas/northshire/reports/{world.draft_report.pk}/", status=404)
    page(client, f"/areas/southshire/reports/{world.report.pk}/", status=404)
    page(client, "/areas/northshire/reports/999999/", status=404)
    page(client, "/areas/nowhere/reports/", status=404)
    listing = page(client, "/areas/northshire/reports/")
    assert SECRET not in listing
    assert "Northshire progress report, autumn" in listing
    assert "has not published a progress report yet" in page(client, "/areas/westshire/reports/")
