import pytest

from concordat.core.models import ProgressUpdate
from concordat.goodpractice.models import GoodPractice
from concordat.goodpractice.services import good_practice_mark
from concordat.reports.models import ReportSection
from tests.api.world import SECRET

pytestmark = pytest.mark.django_db

REASON = "Police and nurses answer calls together, and s136 use fell."


def mark_url(world):
    return f"/good-practice/mark/action/{world.action('1.1').identity.uid}/"


def test_area_member_marks_through_the_form(world, users, login):
    client = login(users["lead"])
    page = client.get(mark_url(world))
    assert page.status_code == 200
    assert "Set up a street triage scheme with the police" in page.content.decode()
    response = client.post(mark_url(world), {"reason": REASON, "theme": "Street triage"})
    assert response.status_code == 302 and response["Location"] == "/good-practice/"
    mark = GoodPractice.objects.get()
    assert (mark.theme, mark.marked_by) == ("Street triage", users["lead"])


def test_form_errors_are_shown_and_nothing_saved(world, users, login):
    client = login(users["lead"])
    response = client.post(mark_url(world), {"reason": "ok"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "Error:" in page
    assert not GoodPractice.objects.exists()


def test_refusals(world, users, login, client):
    anonymous = client.get(mark_url(world))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert login(users["other"]).post(mark_url(world), {"reason": REASON}).status_code == 403
    assert login(users["outsider"]).get(mark_url(world)).status_code == 403
    draft_update = ProgressUpdate.objects.get(version=world.draft)
    url = f"/good-practice/mark/update/{draft_update.pk}/"
    assert login(users["office"]).get(url).status_code == 404
    section = ReportSection.objects.get(report=world.draft_report)
    assert (
        login(users["office"]).get(f"/good-practice/mark/report-section/{section.pk}/").status_code
        == 404
    )
    assert not GoodPractice.objects.exists()


def test_marks_need_csrf(world, users):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["lead"], backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(mark_url(world), {"reason": REASON}).status_code == 403
    assert not GoodPractice.objects.exists()


def test_list_groups_by_section_and_theme_and_links(
    world, users, client, django_assert_max_num_queries, page_cache_off
):
    good_practice_mark(
        actor=users["lead"], target=world.action("1.1"), reason=REASON, theme="Street triage"
    )
    update = ProgressUpdate.objects.get(note="Two training days held for control room staff.")
    good_practice_mark(actor=users["lead"], target=update, reason="Short, practical training days.")
    section = ReportSection.objects.get(report=world.report)
    good_practice_mark(actor=users["office"], target=section, reason="A clear account of progress.")
    with django_assert_max_num_queries(8):
        page = client.get("/good-practice/").content.decode()
    assert page.index("3. Urgent and emergency access") < page.index("4. Quality of treatment")
    assert page.index("4. Quality of treatment") < page.index("Progress reports")
    assert "Street triage" in page and REASON in page
    assert "Latest progress" in page and "Street triage pilot began in the town centre." in page
    assert "Two training days held for control room staff." in page
    assert "Feature" not in page
    assert SECRET not in page


def test_office_features_from_the_list(world, users, login):
    mark = good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason=REASON)
    assert (
        login(users["lead"])
        .post(f"/good-practice/{mark.pk}/feature/", {"featured": "1"})
        .status_code
        == 403
    )
    client = login(users["office"])
    assert "Stop featuring" not in client.get("/good-practice/").content.decode()
    response = client.post(f"/good-practice/{mark.pk}/feature/", {"featured": "1"})
    assert response.status_code == 302
    mark.refresh_from_db()
    assert mark.featured
    page = client.get("/good-practice/").content.decode()
    assert "Featured by the Concordat office" in page and "Stop featuring" in page
    assert client.get(f"/good-practice/{mark.pk}/feature/").status_code == 405


def test_withdraw(world, users, login):
    mark = good_practice_mark(actor=users["lead"], target=world.action("1.1"), reason=REASON)
    assert login(users["outsider"]).post(f"/good-practice/{mark.pk}/withdraw/").status_code == 403
    assert login(users["lead"]).post(f"/good-practice/{mark.pk}/withdraw/").status_code == 302
    mark.refresh_from_db()
    assert mark.withdrawn_at is not None
