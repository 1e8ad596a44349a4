from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from concordat.core.models import Area
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.measures.periods import month
from concordat.reports import services
from concordat.reports.models import Metric, MetricValue, ProgressReport
from concordat.reports.services import metric_value_record, progress_report_create
from tests.factories import make_area, parsed_action, parsed_plan
from tests.reports.conftest import moment

pytestmark = pytest.mark.django_db


def enter_months(area, slug, values, year=2015):
    metric = Metric.objects.get(slug=slug)
    for number, value in values.items():
        metric_value_record(
            metric=metric, area=area, period=month(year, number), value=value, actor=None
        )


@pytest.fixture
def measured(area):
    enter_months(area, "police-cells-place-of-safety-adults", {4: 5, 5: 5, 6: 5}, year=2014)
    enter_months(area, "police-cells-place-of-safety-adults", {4: 1, 5: 0, 6: 0})
    enter_months(area, "police-cells-place-of-safety-under-18", {4: 0, 5: 1, 6: 0})
    return area


@pytest.fixture
def riverside_plan(area):
    version = plan_version_import(
        area=area,
        parsed=parsed_plan(
            parsed_action(
                "1.1", "Agree a crisis plan", timescale="May 2015", due=date(2015, 5, 31)
            ),
            parsed_action(
                "2.1",
                "Open a crisis cafe",
                section=2,
                status="Ongoing",
                canonical_status="in_progress",
            ),
        ),
        actor=None,
    )
    return plan_version_publish(version=version, actor=None, now=moment(2015, 3, 1))


# Public pages ------------------------------------------------------------------------------


def test_area_metrics_page_shows_comparisons_flags_and_a_chart_with_its_table(client, measured):
    response = client.get("/areas/riverside/metrics/")
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "93% fewer uses of police cells as a place of safety in April–June 2015 than in "
        "April–June 2014." in page
    )
    assert "Never event: 1 under-18s held in police cells as a place of safety in May 2015." in page
    assert (
        'role="img"' in page
        and '<title id="chart-police-cells-place-of-safety-adults-title">' in page
    )
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">'
        "Values, newest first</caption>" in page
    )


def test_area_metrics_queries_do_not_grow_with_the_data(
    client, measured, django_assert_max_num_queries, page_cache_off
):
    # Six, three for England's medians (their freshness, the areas' populations', then every
    # area's values), and the shared cache's on a miss: a read, then a write (the database
    # cache counts its rows and writes in a savepoint).
    with django_assert_max_num_queries(14) as first:
        client.get("/areas/riverside/metrics/")
    enter_months(measured, "section-136-detentions", {n: n for n in range(1, 13)})
    enter_months(measured, "out-of-area-placements", {n: n for n in range(1, 13)})
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/areas/riverside/metrics/")


def test_metric_page_compares_every_area(
    client, measured, other_area, django_assert_max_num_queries, page_cache_off
):
    enter_months(other_area, "police-cells-place-of-safety-adults", {6: 3})
    third = make_area("Seaside")
    enter_months(third, "police-cells-place-of-safety-adults", {6: 8})
    # Counts are compared per 100,000 residents: with 100,000 each, the counts themselves.
    Area.objects.filter(slug__in=["riverside", "hillside", "seaside"]).update(population=100_000)
    with django_assert_max_num_queries(4):
        response = client.get("/metrics/police-cells-place-of-safety-adults/")
    assert response.status_code == 200
    positions = [
        (p.area.name, p.value, p.rank, p.quartile) for p in response.context["view"].positions
    ]
    assert positions == [("Riverside", 0, 1, 1), ("Hillside", 3, 2, 2), ("Seaside", 8, 3, 3)]
    latest = response.context["view"].latest
    assert (latest.lower, latest.median, latest.upper, latest.areas) == (1.5, 3, 5.5, 3)
    assert "England median and quartiles" in response.content.decode()


def test_metric_index_and_unknown_metric(client, measured):
    page = client.get("/metrics/").content.decode()
    assert "Section 136 detentions" in page and "Never event" in page
    assert client.get("/metrics/no-such-thing/").status_code == 404


def test_area_csv_round_trips_into_the_upload(client, measured, other_area, office_user):
    csv_text = client.get("/areas/riverside/metrics.csv").content.decode()
    assert csv_text.splitlines()[:2] == [
        "metric,period,value,note",
        "police-cells-place-of-safety-adults,Apr 2014,5,",
    ]
    client.force_login(office_user)
    upload = SimpleUploadedFile("values.csv", csv_text.encode(), content_type="text/csv")
    response = client.post("/workspace/hillside/metrics/upload/", {"file": upload})
    assert response.status_code == 302
    assert MetricValue.objects.filter(area=other_area).count() == 9


def test_plan_downloads_are_published_data_only(client, area, riverside_plan):
    for ext, kind in [
        ("xlsx", "spreadsheetml"),
        ("docx", "wordprocessingml"),
        ("odt", "opendocument.text"),
    ]:
        response = client.get(f"/areas/riverside/plan.{ext}")
        assert response.status_code == 200
        assert kind in response["Content-Type"]
        assert response["Content-Disposition"] == (
            f'attachment; filename="riverside-action-plan-version-1.{ext}"'
        )
    assert client.get("/areas/hillside/plan.xlsx").status_code == 404
    assert client.get("/areas/nowhere/plan.docx").status_code == 404


def test_report_downloads_hide_drafts(client, area, office_user):
    draft = progress_report_create(
        area=area, actor=None, title="Riverside report", sections=[("aim", "Aim", "To help.")]
    )
    assert client.get(f"/areas/riverside/reports/{draft.pk}.docx").status_code == 404
    assert client.get(f"/areas/riverside/reports/{draft.pk}.pdf").status_code == 404
    client.force_login(office_user)
    response = client.get(f"/workspace/riverside/reports/{draft.pk}.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-draft.docx"')


def test_published_report_downloads(client, seeds):
    report = ProgressReport.objects.get()
    response = client.get(f"/areas/hampshire-and-isle-of-wight/reports/{report.pk}.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert client.get(f"/areas/south-west-essex/reports/{report.pk}.pdf").status_code == 404


# Workspace ---------------------------------------------------------------------------------


def test_report_workspace_permissions(
    client, area, area_editor, office_user, outsider, other_area_editor, signatory_editor
):
    url = "/workspace/riverside/reports/"
    assert client.get(url).status_code == 302  # asked to sign in
    for user, expected in [
        (area_editor, 200),
        (office_user, 200),
        (outsider, 404),
        (other_area_editor, 404),
        (signatory_editor, 200),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == expected, user
    client.force_login(signatory_editor)
    refused = client.post(url, {"period_start": "01/06/2015", "period_end": "31/12/2015"})
    assert refused.status_code == 403
    assert not ProgressReport.objects.exists()


def test_writing_a_report_from_start_to_submission(
    client, area, riverside_plan, area_editor, area_lead
):
    client.force_login(area_editor)
    response = client.post(
        "/workspace/riverside/reports/", {"period_start": "01/06/2015", "period_end": "31/12/2015"}
    )
    report = ProgressReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/riverside/reports/{report.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert "is linked into the local System Resilience Group" in content  # guidance shown
    assert "Overdue on 31 December 2015:" in content  # drafted from the data
    form = page.context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "period_start": "01/06/2015",
            "period_end": "31/12/2015",
            "date_of_update": "",
            "overall_status": "behind_schedule",
            "section_narrative": "The group met four times.",
            "milestones-TOTAL_FORMS": "1",
            "milestones-INITIAL_FORMS": "0",
            "milestones-0-item_text": "1.1",
            "milestones-0-text": "Agree a crisis plan",
            "milestones-0-due_text": "May 2015",
            "milestones-0-status_text": "Late",
        }
    )
    saved = client.post(f"/workspace/riverside/reports/{report.pk}/", data)
    assert saved.status_code == 302
    report.refresh_from_db()
    assert report.overall_status == "behind_schedule"
    assert report.sections.get(key="narrative").body == "The group met four times."
    assert list(report.milestones.values_list("refs", flat=True)) == [["1.1"]]
    stale = client.post(f"/workspace/riverside/reports/{report.pk}/", data)
    assert stale.status_code == 409
    assert "saved this report after you opened it" in stale.content.decode()
    preview = client.get(f"/workspace/riverside/reports/{report.pk}/preview/")
    assert "The group met four times." in preview.content.decode()
    assert client.post(f"/workspace/riverside/reports/{report.pk}/submit/").status_code == 403
    client.force_login(area_lead)
    assert client.post(f"/workspace/riverside/reports/{report.pk}/submit/").status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted"


def test_only_the_lead_discards_a_draft_report_and_never_from_a_stale_copy(
    client, area, riverside_plan, area_editor, area_lead, outsider, office_user
):
    client.force_login(area_editor)
    client.post(
        "/workspace/riverside/reports/", {"period_start": "01/06/2015", "period_end": "31/12/2015"}
    )
    report = ProgressReport.objects.get()
    url = f"/workspace/riverside/reports/{report.pk}/discard/"
    editing = client.get(f"/workspace/riverside/reports/{report.pk}/").content.decode()
    assert "Discard this draft" not in editing  # the editor is not offered it
    assert client.post(url, {"lock_version": report.lock_version}).status_code == 403
    client.force_login(outsider)
    assert client.post(url, {"lock_version": report.lock_version}).status_code == 404
    client.force_login(office_user)  # reads every area's reports; discards no local one
    assert client.post(url, {"lock_version": report.lock_version}).status_code == 403
    assert ProgressReport.objects.filter(pk=report.pk).exists()

    client.force_login(area_lead)
    page = client.get(f"/workspace/riverside/reports/{report.pk}/").content.decode()
    assert f'name="lock_version" value="{report.lock_version}"' in page
    seen = report.lock_version
    services.progress_report_update(
        report=report, actor=area_editor, lock_version=seen, sections={"narrative": "Kept text"}
    )
    stale = client.post(url, {"lock_version": seen})
    assert stale.status_code == 302
    assert stale["Location"] == f"/workspace/riverside/reports/{report.pk}/"
    shown = client.get(stale["Location"]).content.decode()
    assert "saved this report after you opened it, so it was not discarded." in shown
    assert ProgressReport.objects.get(pk=report.pk).sections.get(key="narrative").body == (
        "Kept text"
    )
    report.refresh_from_db()
    done = client.post(url, {"lock_version": report.lock_version})
    assert done.status_code == 302
    assert not ProgressReport.objects.filter(pk=report.pk).exists()


def test_an_impossible_date_is_explained(client, area, area_editor):
    client.force_login(area_editor)
    response = client.post(
        "/workspace/riverside/reports/", {"period_start": "31/02/2015", "period_end": "31/12/2015"}
    )
    assert response.status_code == 400
    assert (
        "The first day of the period must be a real date, like 31/12/2015"
        in response.content.decode()
    )
    assert not ProgressReport.objects.exists()


def test_entering_and_uploading_values(client, area, area_editor, outsider, signatory_editor):
    metric = Metric.objects.get(slug="section-136-detentions")
    client.force_login(outsider)
    assert client.get("/workspace/riverside/metrics/").status_code == 404
    client.force_login(signatory_editor)
    post = {"metric": metric.pk, "period": "April 2015", "value": "12", "note": ""}
    assert client.post("/workspace/riverside/metrics/values/", post).status_code == 403
    client.force_login(area_editor)
    assert client.post("/workspace/riverside/metrics/values/", post).status_code == 302
    assert MetricValue.objects.get().value == 12
    bad = client.post("/workspace/riverside/metrics/values/", {**post, "period": "Spring"})
    assert bad.status_code == 400
    assert "“Spring” is not a period we can read." in bad.content.decode()
    upload = SimpleUploadedFile(
        "values.csv",
        b"metric,period,value,note\nsection-136-detentions,2015-05,9,\nsection-136-detentions,2015-06,many,\n",
        content_type="text/csv",
    )
    response = client.post("/workspace/riverside/metrics/upload/", {"file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file was not loaded: nothing has been saved" in page
    assert "Line 3: “many” is not a number." in page
    assert MetricValue.objects.count() == 1


def test_draft_plan_download_needs_a_draft_and_permission(
    client, area, riverside_plan, area_editor, outsider
):
    from concordat.core.services import plan_version_start_draft

    client.force_login(area_editor)
    assert client.get("/workspace/riverside/reports/draft-plan.docx").status_code == 404
    plan_version_start_draft(area=area, actor=area_editor)
    response = client.get("/workspace/riverside/reports/draft-plan.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('version-2-draft.xlsx"')
    workspace = client.get("/workspace/riverside/").content.decode()
    for ext in ["docx", "xlsx", "pdf", "odt"]:
        assert f'href="/workspace/riverside/reports/draft-plan.{ext}"' in workspace
    response = client.get("/workspace/riverside/reports/draft-plan.odt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    client.force_login(outsider)
    assert client.get("/workspace/riverside/reports/draft-plan.xlsx").status_code == 404


def test_a_measure_csv_over_the_limit_is_refused_with_its_true_size(client, area, area_editor):
    client.force_login(area_editor)
    data = b"metric,period,value\n" + b"section-136-detentions,2015-04,1\n" * 100_000
    upload = SimpleUploadedFile("values.csv", data, content_type="text/csv")
    response = client.post("/workspace/riverside/metrics/upload/", {"file": upload})
    assert response.status_code == 400
    assert (
        "The file is 3.1\xa0MB, which is over the limit of 1.0\xa0MB. Split it into smaller "
        "files." in response.content.decode()
    )
    assert not MetricValue.objects.exists()


def test_a_measure_period_far_ahead_is_refused_in_the_csv(client, area, area_editor):
    from concordat.core import dates

    client.force_login(area_editor)
    data = b"metric,period,value\nsection-136-detentions,9999-12,1\n"
    upload = SimpleUploadedFile("values.csv", data, content_type="text/csv")
    response = client.post("/workspace/riverside/metrics/upload/", {"file": upload})
    assert response.status_code == 400
    assert (
        f"is not a period measures can be recorded for: it must fall {dates.range_text()}"
        in response.content.decode()
    )
    assert not MetricValue.objects.exists()
