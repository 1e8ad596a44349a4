"""The workspace pages run a fixed number of queries, however many actions and updates the
plan has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordat.core.services import action_create, progress_update_post

pytestmark = pytest.mark.django_db

# What each page may cost, whatever the size of the plan.
BUDGETS = {
    "/workspace/": 10,
    # 18, and the count of the public's questions waiting for moderation and a reply.
    "/workspace/riverside/": 19,
    "/workspace/riverside/updates/": 12,
    "/workspace/riverside/history/": 10,
    "/workspace/review/": 8,
    "/workspace/riverside/updates/approval/": 10,
    "/workspace/updates/": 8,
}
OFFICE_PAGES = {"/workspace/review/", "/workspace/updates/"}


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow(world, actor, start, count):
    for number in range(start, start + count):
        action_create(
            area=world.area,
            actor=actor,
            text=f"Extra action {number}",
            ref=f"9.{number}",
            timescale="By March 2016",
        )
        # Progress is posted on the published plan's actions, some waiting for approval.
        published = world.action(["1.1", "2.1", "3.1"][number % 3])
        progress_update_post(
            action=published, actor=actor, note=f"Update {number}", needs_approval=number % 2
        )


@pytest.mark.parametrize("url", list(BUDGETS))
def test_the_page_costs_the_same_for_a_small_and_a_larger_plan(
    client, world, area_lead, office_user, url
):
    user = office_user if url in OFFICE_PAGES else area_lead
    client.force_login(user)
    grow(world, area_lead, 0, 2)
    small = queries(client, url)
    grow(world, area_lead, 2, 25)
    large = queries(client, url)
    assert small == large
    assert large <= BUDGETS[url]


def test_the_review_page_costs_the_same_for_a_small_and_a_larger_plan(
    client, world, area_lead, office_user
):
    from concordat.workspace.services import submission_return, submission_submit_version

    client.force_login(office_user)
    grow(world, area_lead, 0, 2)
    draft = world.current("9.0").version
    submission = submission_submit_version(version=draft, actor=area_lead)
    submission_return(submission=submission, actor=office_user, comments="Not yet")
    submission = submission_submit_version(version=draft, actor=area_lead)
    small = queries(client, f"/workspace/review/{submission.pk}/")
    submission_return(submission=submission, actor=office_user, comments="More, please")
    grow(world, area_lead, 2, 25)
    submission = submission_submit_version(version=draft, actor=area_lead)
    large = queries(client, f"/workspace/review/{submission.pk}/")
    assert small == large
    assert large <= 24
