"""The whole publication lifecycle in a real browser, under axe and the Content Security
Policy: the area lead signs in, edits an action, posts a progress update and sends the draft;
the office signs in, reviews and publishes it; the public page shows the change. Then the
update round on a phone, and the workspace without JavaScript."""

import re

import pytest

from concordat.core.models import PlanVersion
from concordat.workspace.models import Submission
from tests.factories import TEST_PASSWORD
from tests.workspace.conftest import publish_plan, riverside_actions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def riverside(area, organisation):
    from django.utils import timezone

    return publish_plan(area, riverside_actions(organisation, timezone.localdate()))


def watch_errors(page):
    """Console errors (a script or style the CSP blocked shows up here); forms sent back with
    errors answer 400 or 409 on purpose, so those messages are left out."""
    errors = []

    def on_console(message):
        text = message.text
        if message.type == "error" and "status of 400" not in text and "status of 409" not in text:
            errors.append(text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def heading(page):
    return page.locator("h1").inner_text()


def test_lead_edits_updates_and_submits_then_the_office_publishes(
    page, axe_check, riverside, area_lead, office_user
):
    errors = watch_errors(page)

    sign_in(page, area_lead.email)
    page.get_by_role("link", name="Your plans").click()
    assert heading(page) == "Your plans"
    axe_check(page)
    page.get_by_role("link", name="Riverside").click()
    assert heading(page) == "Riverside"
    axe_check(page)

    # Edit action 1.1.
    page.get_by_role("link", name="Agree a crisis plan for children and young people").first.click()
    assert heading(page) == "Action 1.1"
    axe_check(page)
    page.get_by_role("link", name="Edit the action").click()
    assert heading(page) == "Edit action 1.1"
    axe_check(page)
    page.get_by_label("Due date").fill("31/2/2016")
    page.get_by_role("button", name="Save the action").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: Edit action 1.1")
    assert page.get_by_role(
        "link", name="The due date must be a real date, like 31/3/2016"
    ).is_visible()
    axe_check(page)
    page.get_by_label("Due date").fill("31/3/2016")
    page.get_by_label("Action", exact=True).fill("Agree a crisis plan for people of all ages")
    page.get_by_role("button", name="Save the action").click()
    page.wait_for_load_state()
    assert page.get_by_text("Action 1.1 has been saved in Version 2.").is_visible()

    # Post a progress update on it.
    page.get_by_role("link", name="Post a progress update").click()
    assert heading(page) == "Post a progress update"
    axe_check(page)
    page.get_by_label("What has happened").fill("The plan was agreed by the board in March.")
    page.get_by_label("Status now").select_option(label="In progress")
    page.get_by_label("RAG rating now").select_option(label="Green")
    page.get_by_role("button", name="Save the update").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your progress update has been saved. It is public now.").is_visible()
    axe_check(page)

    # The history and the other workspace pages.
    for link, title in [
        ("History of changes", "History of changes"),
        ("Update round: bring every open action up to date", "Update round"),
        ("Change the order of the actions", "Order of actions"),
        ("Area details: declaration, governance, chair, review cycle", "Area details"),
    ]:
        page.goto("/workspace/riverside/")
        page.get_by_role("link", name=link).click()
        assert heading(page) == title
        axe_check(page)

    # Send the draft for publication.
    page.goto("/workspace/riverside/")
    page.get_by_role("link", name="Send Version 2 for publication").click()
    assert heading(page) == "Send Version 2 for publication"
    axe_check(page)
    page.get_by_label("A note for the Concordat office (optional)").fill(
        "Refreshed after the board."
    )
    page.get_by_role("button", name="Send for publication").click()
    page.wait_for_load_state()
    assert heading(page) == "Version 2 of the action plan"
    assert page.get_by_text("Waiting for review").first.is_visible()
    axe_check(page)
    sign_out(page)

    # The office publishes it.
    sign_in(page, office_user.email)
    page.goto("/workspace/review/")
    assert heading(page) == "Review queue"
    axe_check(page)
    page.get_by_role("link", name="Version 2 of the action plan").click()
    assert heading(page) == "Review: Version 2 of the action plan"
    assert page.get_by_text("Refreshed after the board.").is_visible()
    axe_check(page)
    assert page.get_by_text("Action 1.1, changed").is_visible()
    page.get_by_label("I have confirmed this check: Children and young people are included").check()
    # Checks are not met: publishing asks why, and publishes nothing until told.
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: Review")
    reason = page.get_by_label(re.compile(r"Why publish although \d+ checks are not met\?"))
    assert page.get_by_role("link", name=re.compile("Say why you are publishing")).is_visible()
    assert PlanVersion.objects.get(number=2).state == PlanVersion.State.SUBMITTED
    axe_check(page)
    assert page.get_by_label(
        "I have confirmed this check: Children and young people are included"
    ).is_checked()
    reason.fill("The board agreed the rest for Version 3.")
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    assert page.get_by_text(
        "Riverside: Version 2 of the action plan has been published."
    ).is_visible()
    assert Submission.objects.get().state == "published"
    assert PlanVersion.objects.get(number=2).state == PlanVersion.State.PUBLISHED

    # The public page shows the change at once.
    page.goto("/areas/riverside/plan/")
    assert page.get_by_text("Agree a crisis plan for people of all ages").first.is_visible()
    page.goto("/areas/riverside/plan/actions/1.1/")
    assert page.get_by_text("The plan was agreed by the board in March.").is_visible()
    assert errors == []
    sign_out(page)

    # The area sees why it was published with checks not met.
    sign_in(page, area_lead.email)
    page.goto(f"/workspace/riverside/submissions/{Submission.objects.get().pk}/")
    assert page.get_by_text("The board agreed the rest for Version 3.").is_visible()
    axe_check(page)


def test_the_update_round_fits_a_phone(browser, live_server, axe_check, riverside, area_lead):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    try:
        errors = watch_errors(page)
        sign_in(page, area_lead.email)
        page.goto("/workspace/riverside/updates/")
        assert heading(page) == "Update round"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
        axe_check(page)
        notes = page.get_by_label("Progress note")
        assert notes.count() == 3
        notes.nth(0).fill("Schools have signed up.")
        page.get_by_label("Status now").nth(2).select_option(label="In progress")
        page.get_by_role("button", name="Save every update on this page").click()
        page.wait_for_load_state()
        assert page.title().startswith("Error: Update round")
        assert page.get_by_role(
            "link", name="Write a note for action 3.1 to say why its status or RAG changed"
        ).is_visible()
        # The row that could be saved was; the other keeps what was typed.
        assert page.get_by_text("1 progress update saved: public now.").is_visible()
        assert page.get_by_label("Status now").nth(2).input_value() == "in_progress"
        axe_check(page)
        page.get_by_label("Progress note").nth(2).fill("Site visits booked.")
        page.get_by_role("button", name="Save every update on this page").click()
        page.wait_for_load_state()
        assert page.get_by_text("1 progress update saved: public now.").is_visible()
        assert errors == []
    finally:
        context.close()


def test_the_workspace_works_without_javascript(no_js_page, riverside, area_lead):
    page = no_js_page
    sign_in(page, area_lead.email)
    page.goto("/workspace/riverside/order/")
    page.get_by_role("button", name="Move up 2.1").click()
    page.wait_for_load_state()
    items = page.locator("#order-list > li strong").all_inner_texts()
    assert items[:3] == ["1.1", "2.1", "1.2"]
    page.goto("/workspace/reminders/")
    page.get_by_label("Actions have fallen overdue").uncheck()
    page.get_by_role("button", name="Save your choices").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your reminder choices have been saved.").is_visible()
    assert not page.get_by_label("Actions have fallen overdue").is_checked()
