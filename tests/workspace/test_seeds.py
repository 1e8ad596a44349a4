"""The workspace on the real source documents: South West Essex's plan (seed 004) and the
national plan (seed 001), loaded once for the module."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction

from concordat.core.models import Action, Area, Organisation, PlanVersion
from tests.factories import make_area_lead, make_signatory_editor

from .helpers import words


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_seeds", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def essex_lead(seeded, db):
    area = Area.objects.get(slug="south-west-essex")
    return make_area_lead(area, email="lead@swe.test.example", name="")


def essex(ref, state="published"):
    return Action.objects.get(
        version__plan__area__slug="south-west-essex", version__state=state, ref=ref
    )


def test_the_essex_workspace_lists_all_64_actions_as_open(client, essex_lead):
    client.force_login(essex_lead)
    page = words(client.get("/workspace/south-west-essex/"))
    assert "64 open actions" in page
    assert "Every action in Version 1" in page


def test_an_essex_action_shows_its_words_beside_what_was_derived(client, essex_lead):
    client.force_login(essex_lead)
    page = words(client.get(f"/workspace/south-west-essex/actions/{essex('1.1').pk}/"))
    assert (
        "Action Establish baseline data Street triage pilot s136 admission EDS/EDT service" in page
    )
    assert "From April 2015 Starts 1 April 2015." in page
    assert "All concordat stakeholders" in page
    assert (
        "Improved demographic data on the people using crisis services to inform service "
        "development" in page
    )


def test_editing_an_essex_timescale_derives_the_due_date_and_keeps_the_published_plan(
    client, essex_lead
):
    from .test_action_editing import edit_data

    client.force_login(essex_lead)
    published = essex("1.1")
    response = client.post(
        f"/workspace/south-west-essex/actions/{published.pk}/edit/",
        edit_data(published, timescale="From April 2015 to March 2016", start="", due=""),
    )
    assert response.status_code == 302
    draft_row = essex("1.1", state="draft")
    assert (draft_row.start, draft_row.due) == (date(2015, 4, 1), date(2016, 3, 31))
    published.refresh_from_db()
    assert (published.timescale, published.due) == ("From April 2015", None)


def test_the_submit_page_checks_the_essex_draft_against_the_minimum_expectations(
    client, essex_lead
):
    from concordat.core.services import action_update

    action_update(action=essex("5.1"), actor=essex_lead, subtheme="Recovery")
    client.force_login(essex_lead)
    page = words(client.get("/workspace/south-west-essex/submit/"))
    assert "Every Concordat section has actions Met All five sections." in page
    for line in [
        "Section 1 34 actions",
        "Section 2 6 actions",
        "Section 3 13 actions",
        "Section 4 3 actions",
        "Section 5 8 actions",
    ]:
        assert line in page
    assert "Mental health support through NHS 111 Met" in page
    assert "1 action changed" in page
    assert "5.1: sub-theme" in page


def test_the_cqc_signatory_editor_updates_national_action_3_8(client, seeded, db):
    cqc = Organisation.objects.get(name="Care Quality Commission")
    user = make_signatory_editor(cqc, email="editor@cqc.test.example", name="")
    action = Action.objects.get(
        version__plan__area__slug="england", version__state="published", ref="3.8"
    )
    client.force_login(user)
    page = words(client.get(f"/workspace/england/actions/{action.pk}/"))
    assert "As written: ONGOING – IN FINAL STAGES" in page
    assert "As written: start April 2014., finish August 2015" in page
    assert "Organisations: Care Quality Commission" in page
    round_page = words(client.get("/workspace/england/updates/"))
    assert "3.8 CQC and DH to review effectiveness of current approach" in round_page
    assert "3.1 " not in round_page.split("Date of these updates")[1].split("3.8")[0]
    response = client.post(
        f"/workspace/england/actions/{action.pk}/progress/",
        {"on": "1/9/2015", "note": "Review complete", "canonical_status": "complete"},
    )
    assert response.status_code == 302
    # Public at once, on the published action; no draft is started.
    action.refresh_from_db()
    assert (action.canonical_status, action.status) == ("complete", "Complete")
    assert not PlanVersion.objects.filter(plan__area__slug="england", state="draft").exists()
