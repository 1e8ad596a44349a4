"""The public pages lead to everything published about an area: its downloads, feeds,
measures and reports, and (for its members and the office) marking good practice, whose
links land on anchors that exist."""

import pytest

from concordat.core.models import ProgressUpdate
from concordat.goodpractice.selectors import grouped
from concordat.goodpractice.services import good_practice_mark
from tests.factories import make_area_editor

from .helpers import page

PLAN_DOWNLOADS = ["plan.csv", "plan.xlsx", "plan.docx", "plan.pdf", "plan.odt"]


@pytest.fixture
def north_editor(world):
    return make_area_editor(world.north, name="Nia North")


@pytest.mark.parametrize("path", ["/areas/northshire/", "/areas/northshire/plan/"])
def test_area_and_plan_pages_offer_every_download_of_the_published_plan(client, world, path):
    html = page(client, path)

    for name in PLAN_DOWNLOADS:
        assert f'href="/areas/northshire/{name}" download' in html
        response = client.get(f"/areas/northshire/{name}")
        assert response.status_code == 200, name


def test_area_page_links_its_feed_calendar_and_measures(client, world):
    html = page(client, "/areas/northshire/")

    assert 'rel="alternate" type="application/atom+xml"' in html
    for href in [
        "/areas/northshire/feed.atom",
        "/areas/northshire/due.ics",
        "/areas/northshire/metrics/",
    ]:
        assert f'href="{href}"' in html
        assert client.get(href).status_code == 200, href


def test_an_area_with_no_plan_offers_no_plan_downloads(client, world):
    html = page(client, "/areas/westshire/")

    assert "plan.xlsx" not in html
    assert client.get("/areas/westshire/plan.xlsx").status_code == 404


def test_report_page_offers_its_word_and_pdf_files(client, world):
    html = page(client, f"/areas/northshire/reports/{world.report.pk}/")

    for ext in ["docx", "pdf"]:
        href = f"/areas/northshire/reports/{world.report.pk}.{ext}"
        assert f'href="{href}" download' in html
        assert client.get(href).status_code == 200


def test_good_practice_links_are_offered_to_members_only(client, world, north_editor):
    action_path = "/areas/northshire/plan/actions/2.1/"
    report_path = f"/areas/northshire/reports/{world.report.pk}/"
    assert "as good practice" not in page(client, action_path)
    assert "as good practice" not in page(client, report_path)

    client.force_login(north_editor)
    action = world.action("2.1")
    html = page(client, action_path)
    assert f'href="/good-practice/mark/action/{action.identity.uid}/"' in html
    update = ProgressUpdate.objects.filter(identity=action.identity).exclude(note="").first()
    assert f'id="update-{update.pk}"' in html
    assert f'href="/good-practice/mark/update/{update.pk}/"' in html

    html = page(client, report_path)
    section = world.report.sections.exclude(body="").first()
    assert f'id="section-{section.key}"' in html
    assert f'href="/good-practice/mark/report-section/{section.pk}/"' in html
    assert client.get(f"/good-practice/mark/report-section/{section.pk}/").status_code == 200


def test_someone_from_another_area_is_not_offered_the_links(client, world):
    client.force_login(make_area_editor(world.south))

    assert "as good practice" not in page(client, "/areas/northshire/plan/actions/2.1/")


def test_good_practice_list_links_land_on_anchors_that_exist(client, world, north_editor):
    action = world.action("2.1")
    update = ProgressUpdate.objects.filter(identity=action.identity).exclude(note="").first()
    section = world.report.sections.exclude(body="").first()
    good_practice_mark(actor=north_editor, target=update, reason="Clear training")
    good_practice_mark(actor=north_editor, target=section, reason="Honest account")

    links = [mark.link for _, themes in grouped() for _, marks in themes for mark in marks]
    assert len(links) == 2
    for link in links:
        path, anchor = link.split("#")
        assert f'id="{anchor}"' in page(client, path)
