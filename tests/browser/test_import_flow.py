"""Importing a plan in a real browser: upload, check the preview, change a column, confirm.

With JavaScript and without it, and axe on every page of the flow.
"""

import pytest
from django.conf import settings
from django.test import Client

from concordat.core.models import Action, Organisation, PlanVersion
from tests.imports.web import make_world, plan_docx, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "south-west-essex-plan.docx"
    path.write_bytes(plan_docx())
    return path


def sign_in(page, live_server, user):
    """Give the browser the session of a signed-in user."""
    client = signed_in(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def check_the_flow(page, live_server, world, plan_file, axe_check=None):
    sign_in(page, live_server, world.editor)
    page.goto(f"/workspace/{world.area.slug}/import/")
    assert page.locator("h1").inner_text() == "Import a plan"
    if axe_check:
        axe_check(page)

    page.get_by_label("Upload your action plan").set_input_files(str(plan_file))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_url("**/import/*/")
    assert page.locator("h1").inner_text() == "Check what was read from south-west-essex-plan.docx"
    assert page.locator("#actions + p + div tbody tr").count() == 4
    row = page.locator("tr", has=page.get_by_role("rowheader", name="3.2"))
    assert "No lead is given for this action." in row.inner_text()
    assert PlanVersion.objects.count() == 0
    if axe_check:
        axe_check(page)

    # Read the Status column as nothing: it becomes an extra column kept as written.
    page.get_by_label("Status", exact=True).select_option(
        label="Nothing: keep the column as written"
    )
    page.get_by_role("button", name="Read the file again").click()
    page.wait_for_load_state()
    assert page.get_by_label("Status", exact=True).input_value() == ""
    assert PlanVersion.objects.count() == 0

    page.get_by_label("Create “Thurrock Crisis Café”").check()
    page.get_by_role("button", name="Confirm import").click()
    page.wait_for_url("**/import/imported/1/")
    assert page.locator("h1").inner_text() == "Plan imported as a draft"
    if axe_check:
        axe_check(page)

    version = PlanVersion.objects.get()
    assert version.state == PlanVersion.State.DRAFT
    assert Action.objects.filter(version=version).count() == 4
    first = Action.objects.get(version=version, ref="1.1")
    assert (first.status, first.extra) == ("", {"Status": "Complete"})
    assert Organisation.objects.filter(name="Thurrock Crisis Café").exists()


def test_upload_preview_confirm(page, live_server, world, plan_file, axe_check):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    check_the_flow(page, live_server, world, plan_file, axe_check)
    assert errors == []


def test_upload_preview_confirm_without_javascript(no_js_page, live_server, world, plan_file):
    check_the_flow(no_js_page, live_server, world, plan_file)


def test_a_bad_file_is_explained_in_the_error_summary(page, live_server, world, tmp_path):
    fake = tmp_path / "plan.docx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    sign_in(page, live_server, world.editor)
    page.goto(f"/workspace/{world.area.slug}/import/")
    page.get_by_label("Upload your action plan").set_input_files(str(fake))
    page.get_by_role("button", name="Upload and check").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "PNG" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert PlanVersion.objects.count() == 0
