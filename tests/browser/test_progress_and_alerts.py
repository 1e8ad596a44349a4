"""Issue 11's pages in a real browser, each checked with axe, and without JavaScript: the
update round (filters, a row saved on its own, "reviewed, no change"), the lead's approval
queue, the office's national list and withdrawal, and the public's email alerts (sign-up,
confirmation, the page of one's alerts, stopping one, deleting the address)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from concordat.alerts.models import Subscription
from concordat.core.models import ProgressUpdate
from tests.workspace.conftest import publish_plan, riverside_actions

from .test_workflow_lifecycle import heading, sign_in, sign_out, watch_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def riverside(area, organisation):
    return publish_plan(area, riverside_actions(organisation, timezone.localdate()))


def test_updates_wait_for_the_lead_and_the_office_can_withdraw_one(
    page, axe_check, riverside, area_lead, area_editor, office_user
):
    errors = watch_errors(page)
    sign_in(page, area_lead.email)
    page.goto("/workspace/riverside/")
    page.get_by_role("link", name="Approving progress updates").click()
    assert heading(page) == "Updates waiting for approval"
    axe_check(page)
    page.get_by_label("Approve progress updates before they are public").check()
    page.get_by_role("button", name="Save this choice").click()
    page.wait_for_load_state()
    assert page.get_by_text("Progress updates now wait for your approval.").is_visible()
    sign_out(page)

    # The editor's update round: filtered, one action saved with its own button.
    sign_in(page, area_editor.email)
    page.goto("/workspace/riverside/updates/")
    assert heading(page) == "Update round"
    assert page.get_by_text(
        re.compile("Your updates will be public when the area's lead approves them.")
    ).is_visible()
    axe_check(page)
    page.get_by_label("Section").select_option(value="3")
    page.get_by_role("button", name="Show these actions").click()
    page.wait_for_load_state()
    assert page.get_by_text("1 of 3 open actions shown.").is_visible()
    page.get_by_label("Progress note").fill("Site visits booked for May.")
    page.get_by_role("button", name="Save action 3.1").click()
    page.wait_for_load_state()
    assert page.get_by_text(
        "1 progress update saved; 1 will be public when the area's lead approves them."
    ).is_visible()
    axe_check(page)
    sign_out(page)

    # The lead declines without a reason (refused), then approves.
    sign_in(page, area_lead.email)
    page.goto("/workspace/riverside/updates/approval/")
    assert page.get_by_text("Site visits booked for May.").is_visible()
    page.get_by_role("button", name=re.compile("Do not approve")).click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: Updates waiting for approval")
    assert page.get_by_role("link", name="Say why the update is not approved").is_visible()
    axe_check(page)
    page.get_by_role("button", name=re.compile("^Approve")).click()
    page.wait_for_load_state()
    assert page.get_by_text("The update has been approved. It is public now.").is_visible()
    assert page.get_by_text("No updates are waiting for approval.").is_visible()
    sign_out(page)

    # The office sees it in the national list and withdraws it with a reason.
    sign_in(page, office_user.email)
    page.goto("/workspace/")
    page.get_by_role("link", name="Progress updates across England").click()
    assert heading(page) == "Progress updates across England"
    assert page.get_by_text("Riverside, action 3.1").is_visible()
    axe_check(page)
    page.get_by_role("link", name=re.compile("^Withdraw")).click()
    assert heading(page) == "Withdraw a progress update"
    axe_check(page)
    page.get_by_role("button", name="Withdraw the update").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Say why the update is being withdrawn").is_visible()
    axe_check(page)
    page.get_by_label("Why is this update being withdrawn?").fill("It names a member of staff.")
    page.get_by_role("button", name="Withdraw the update").click()
    page.wait_for_load_state()
    assert page.get_by_text("The update has been withdrawn. The public sees why.").is_visible()
    sign_out(page)

    page.goto("/areas/riverside/plan/actions/3.1/")
    assert page.get_by_text(
        re.compile(r"Withdrawn by the Concordat office on .*: It names a member of staff\.")
    ).is_visible()
    assert page.get_by_text("Site visits booked for May.").count() == 0
    axe_check(page)
    assert errors == []


def test_the_update_round_works_without_javascript(no_js_page, riverside, area_editor):
    page = no_js_page
    sign_in(page, area_editor.email)
    page.goto("/workspace/riverside/updates/?overdue=on")
    assert page.get_by_text("1 of 3 open actions shown.").is_visible()
    page.goto("/workspace/riverside/updates/")
    # A note typed in one action stays while another is saved on its own.
    page.get_by_label("Progress note").nth(0).fill("Typed, not saved yet.")
    page.get_by_label("Reviewed, no change").nth(1).check()
    page.get_by_role("button", name="Save action 2.1").click()
    page.wait_for_load_state()
    assert page.get_by_text("1 progress update saved: public now.").is_visible()
    assert page.get_by_label("Progress note").nth(0).input_value() == "Typed, not saved yet."
    update = ProgressUpdate.objects.get()
    assert (update.kind, update.note, update.state) == ("no_change", "", "published")
    page.get_by_role("button", name="Save every update on this page").click()
    page.wait_for_load_state()
    assert page.get_by_text("1 progress update saved: public now.").is_visible()
    assert ProgressUpdate.objects.count() == 2
    page.goto("/areas/riverside/plan/actions/2.1/")
    assert page.get_by_text("Reviewed, no change.").first.is_visible()


def test_following_an_area_by_email(page, axe_check, riverside):
    errors = watch_errors(page)
    page.goto("/areas/riverside/")
    page.get_by_role("link", name="Get email alerts").click()
    assert heading(page) == "Get email alerts for Riverside's action plan"
    axe_check(page)
    page.get_by_role("button", name="Send me a link to confirm").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: Email alerts")
    assert page.get_by_role("link", name="Enter your email address").is_visible()
    axe_check(page)
    page.get_by_label("Email address").fill("reader@example.org")
    page.get_by_label("Daily").check()
    page.get_by_role("button", name="Send me a link to confirm").click()
    page.wait_for_load_state()
    assert heading(page) == "Check your email"
    assert page.get_by_text("reader@example.org").count() == 0
    axe_check(page)

    subscription = Subscription.objects.get(email="reader@example.org")
    assert subscription.frequency == "daily" and subscription.confirmed_at is None
    link = re.search(r"http://\S+/alerts/confirm/\S+/", mail.outbox[0].body).group(0)
    page.goto(urlsplit(link).path)
    assert heading(page) == "Confirm your email alerts"
    axe_check(page)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    assert heading(page) == "Your email alerts"
    assert page.get_by_text("Your email alerts are confirmed.").is_visible()
    axe_check(page)
    page.get_by_role("link", name=re.compile("^Stop")).click()
    assert heading(page) == "Stop email alerts"
    axe_check(page)
    page.get_by_role("button", name="Stop these alerts").click()
    page.wait_for_load_state()
    assert heading(page) == "Alerts stopped"
    axe_check(page)
    assert not Subscription.objects.exists()
    assert errors == []


def test_following_an_action_and_deleting_the_address_without_javascript(no_js_page, riverside):
    page = no_js_page
    page.goto("/areas/riverside/plan/actions/2.1/")
    page.get_by_role("link", name="Get email alerts about this action").click()
    assert heading(page) == "Get email alerts for action 2.1 of Riverside's plan"
    page.get_by_label("Email address").fill("carer@example.org")
    page.get_by_role("button", name="Send me a link to confirm").click()
    page.wait_for_load_state()
    assert heading(page) == "Check your email"
    subscription = Subscription.objects.get()
    assert subscription.frequency == "weekly"
    page.goto(f"/alerts/confirm/{subscription.token}/")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    assert heading(page) == "Your email alerts"
    page.get_by_role("button", name="Delete my address").click()
    page.wait_for_load_state()
    assert heading(page) == "Your address has been deleted"
    assert not Subscription.objects.filter(email="carer@example.org").exists()
