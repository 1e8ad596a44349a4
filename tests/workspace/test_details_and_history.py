"""Area details through `area_update_details`, and the history pages read back from the audit
trail: every kind of change with who, when, which field, before and after."""

from datetime import date

import pytest

from concordat.core.models import Area, AuditEntry
from concordat.core.services import (
    action_create,
    action_reorder,
    action_retire,
    action_update,
    plan_version_start_draft,
    progress_update_post,
)
from concordat.workspace.services import (
    submission_publish,
    submission_reply,
    submission_return,
    submission_submit_version,
)

from .helpers import words

pytestmark = pytest.mark.django_db


def details_data(**changes):
    data = {
        "declaration_date": "15/1/2015",
        "declaration_signatories": "Testland Health Board\nTestland Police College",
        "partners": [],
        "governance": "Reports to the Health and Wellbeing Board",
        "accountable_boards": "Riverside Health and Wellbeing Board",
        "srg_link": "",
        "urgent_care_network_link": "",
        "chair": "Dr Ada Chair",
        "project_manager": "Pat Manager",
        "review_cycle_months": "6",
        "hwb_areas": "Riverside\nRiverside East",
        "website": "",
    }
    data.update(changes)
    return data


def test_the_lead_edits_the_area_details_and_each_change_is_recorded(
    client, world, area_lead, organisation
):
    client.force_login(area_lead)
    page = client.get("/workspace/riverside/details/")
    assert page.status_code == 200
    # The partner organisation is ticked.
    assert f'value="{organisation.pk}" checked' in page.content.decode()
    response = client.post(
        "/workspace/riverside/details/", details_data(partners=[str(organisation.pk)])
    )
    assert response.status_code == 302
    area = Area.objects.get(slug="riverside")
    assert area.declaration_date == date(2015, 1, 15)
    assert sorted(area.declaration_signatories.values_list("name", flat=True)) == [
        "Testland Health Board",
        "Testland Police College",
    ]
    assert (area.chair, area.project_manager, area.review_cycle_months) == (
        "Dr Ada Chair",
        "Pat Manager",
        6,
    )
    assert area.hwb_areas == ["Riverside", "Riverside East"]
    assert list(area.partners.all()) == [organisation]
    changed = {
        (e.field, e.before, e.after, e.actor_id)
        for e in AuditEntry.objects.filter(area=area, verb="changed", object_type="area")
    }
    assert ("chair", "", "Dr Ada Chair", area_lead.pk) in changed
    assert ("declaration_date", "", "2015-01-15", area_lead.pk) in changed
    assert (
        "declaration_signatories",
        "",
        "Testland Health Board | Testland Police College",
        area_lead.pk,
    ) in changed
    assert not any(field == "partners" for field, *_ in changed)
    history = words(client.get("/workspace/riverside/history/"))
    assert "lead@riverside.test.example changed chair (empty) Dr Ada Chair" in history


def test_a_review_cycle_out_of_range_and_an_unknown_signatory_are_refused(client, world, area_lead):
    client.force_login(area_lead)
    response = client.post(
        "/workspace/riverside/details/",
        details_data(review_cycle_months="48", declaration_signatories="Nobody Trust"),
    )
    assert response.status_code == 400
    page = words(response)
    assert "The review cycle must be between 1 and 36 months" in page
    assert "No organisation in the registry is called “Nobody Trust”" in page
    assert Area.objects.get(slug="riverside").chair == ""


def test_the_history_of_an_action_shows_every_kind_of_change(
    client, world, area_editor, area_lead, office_user
):
    action = world.action("3.1")
    action_update(action=action, actor=area_editor, text="Review the place of safety suite")
    row = world.current("3.1")
    progress_update_post(action=row, actor=area_editor, note="Suite visited", rag="green")
    action_retire(action=row, actor=area_lead, reason="Merged with 1.1")

    client.force_login(area_editor)
    page = words(client.get(f"/workspace/riverside/actions/{row.pk}/"))
    assert (
        "editor@riverside.test.example changed action in Version 2 Review the place of safety "
        "Review the place of safety suite" in page
    )
    assert "editor@riverside.test.example posted update Suite visited" in page
    # The update's RAG reaches the published action and the draft's copy, each audited.
    assert "editor@riverside.test.example changed by a progress update rag in Version 1" in page
    assert "editor@riverside.test.example changed by a progress update rag in Version 2" in page
    assert (
        "lead@riverside.test.example changed reason for retiring in Version 2 (empty) "
        "Merged with 1.1" in page
    )
    assert "changed status in Version 2 not_started superseded" in page


def test_the_history_of_an_area_covers_plans_actions_submissions_and_details(
    client, world, area_editor, area_lead, office_user
):
    draft = plan_version_start_draft(area=world.area, actor=area_editor)
    added = action_create(area=world.area, actor=area_editor, text="Run a carers' forum", ref="5.1")
    ids = list(draft.actions.order_by("-position").values_list("pk", flat=True))
    action_reorder(version=draft, actor=area_editor, action_ids=ids)
    submission = submission_submit_version(version=draft, actor=area_lead, note="Refreshed")
    submission = submission_return(submission=submission, actor=office_user, comments="Add dates")
    submission_reply(submission=submission, actor=area_lead, body="Dates added")
    submission = submission_submit_version(version=draft, actor=area_lead)
    submission_publish(submission=submission, actor=office_user, not_met_reason="Agreed")

    client.force_login(area_lead)
    page = words(client.get("/workspace/riverside/history/"))
    for line in [
        "editor@riverside.test.example started draft in Version 2 From Version 1",
        "editor@riverside.test.example Action 5.1: added action in Version 2 5.1 "
        "Run a carers' forum",
        "editor@riverside.test.example reordered in Version 2 4 actions moved",
        "lead@riverside.test.example submitted in Version 2",
        "office@test.example returned in Version 2 Add dates",
        "lead@riverside.test.example replied in Version 2",
        "office@test.example published in Version 2",
    ]:
        assert line in page, line
    assert (
        f'href="/workspace/riverside/actions/{added.pk}/"'
        in client.get("/workspace/riverside/history/").content.decode()
    )


def test_the_history_is_paginated(client, world, area_editor):
    action = world.action("2.1")
    for number in range(60):
        action = action_update(action=action, actor=area_editor, subtheme=f"Theme {number}")
    client.force_login(area_editor)
    first = client.get("/workspace/riverside/history/")
    assert "Theme 59" in words(first)
    assert 'href="?page=2"' in first.content.decode()
    second = words(client.get("/workspace/riverside/history/?page=2"))
    assert "Theme 0" in second
