"""The import flow on the web: who may use it, the preview, re-reading, confirming, bad files."""

import html
from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from concordat.core.models import Action, ActionIdentity, Organisation, PlanVersion
from concordat.imports import session
from concordat.imports.pipeline import ImportRefused, parse_plan

from .documents import HEADER, csv_bytes, docx_bytes, xlsx_bytes
from .web import (
    UploadFolder,
    make_world,
    plan_docx,
    preview_url,
    saved_counts,
    signed_in,
    token_of,
    upload,
    upload_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploads():
    return UploadFolder()


@pytest.fixture
def world(uploads):
    return make_world()


@pytest.fixture
def editor(client, world):
    return signed_in(client, world.editor)


def text(response):
    return html.unescape(response.content.decode())


def words(response):
    """The page's text without markup, whitespace runs as one space."""
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


# Who may import.


def test_the_area_editor_and_lead_may_import(client, world):
    for user in (world.editor, world.lead):
        response = signed_in(client, user).get(upload_url(world.area))
        assert response.status_code == 200
        assert "Import a plan" in text(response)
        assert 'enctype="multipart/form-data"' in text(response)


def test_an_editor_of_another_area_gets_404(client, world):
    signed_in(client, world.other_editor)
    assert client.get(upload_url(world.area)).status_code == 404
    assert upload(client, world.area).status_code == 404
    assert saved_counts()[0] == 0


def test_read_only_users_get_403(client, world):
    # The signatory editor sees the area's workspace (their organisation works there) and the
    # office sees every workspace; neither may edit a local area's plan.
    for user in (world.signatory, world.office):
        signed_in(client, user)
        assert client.get(upload_url(world.area)).status_code == 403
        assert upload(client, world.area).status_code == 403
    assert saved_counts()[0] == 0


def test_the_office_may_import_the_national_plan(client, world):
    response = signed_in(client, world.office).get(upload_url(world.england))
    assert response.status_code == 200


def test_anonymous_visitors_are_asked_to_sign_in(client, world):
    response = client.get(upload_url(world.area))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_another_users_token_is_not_theirs(client, world, editor):
    token = token_of(upload(editor, world.area))
    client.logout()
    signed_in(client, world.lead)
    response = client.get(preview_url(world.area, token))
    assert response.status_code == 410
    assert "This upload is no longer available" in text(response)
    response = client.post(preview_url(world.area, token, "confirm"), {"digest": "x"})
    assert response.status_code == 410
    assert saved_counts()[0] == 0


# Upload and preview.


def test_upload_keeps_the_file_privately_and_saves_nothing(world, editor, uploads):
    before = saved_counts()
    data = plan_docx()
    response = upload(editor, world.area, data, name="../../etc/passwd/..\\evil plan.docx")
    token = token_of(response)
    assert response["Location"] == preview_url(world.area, token)
    assert saved_counts() == before
    assert uploads.names() == [f"{token}.upload"]
    assert uploads.read(f"{token}.upload") == data
    # What was read is kept beside it, for the preview and the confirmation.
    assert uploads.names(suffix=".parsed.json") == [f"{token}.parsed.json"]
    record = editor.session[session.SESSION_KEY][token]
    assert record["filename"] == "evil plan.docx"
    assert record["area_id"] == world.area.pk
    assert record["user_id"] == world.editor.pk


def test_preview_shows_every_action_with_derived_values_and_warnings(world, editor):
    token = token_of(upload(editor, world.area))
    before = saved_counts()
    response = editor.get(preview_url(world.area, token))
    page = text(response)
    assert response.status_code == 200
    assert saved_counts() == before
    assert "Check what was read from plan.docx" in page
    assert "South West Essex Crisis Care Concordat action plan" in page
    for ref in ("1.1", "1.2", "3.1", "3.2"):
        assert f'id="row-{ref}' not in page  # rows are identified by row number, not ref
    assert page.count('<tr class="govuk-table__row" id="row-') == 4
    # Derived values beside the verbatim text.
    assert "By March 2015" in page and "Due 31 Mar 2015." in page
    assert "From April 2015" in page and "Starts 1 Apr 2015." in page
    assert "Ongoing." in page
    assert "South Essex Partnership University NHS Foundation Trust" in page
    assert "1. Commissioning" in page and "Written" not in words(response)
    assert "3. Urgent and emergency access" in page
    assert "In progress" in page and "Complete" in page and "Not started" in page
    # Warnings on the rows that need a person.
    assert "No lead is given for this action." in page
    assert "No date could be read from the timescale “When funding allows”; check it." in page
    assert "Thurrock Crisis Café (not in the register)" in words(response)
    assert "Create “Thurrock Crisis Café”" in page
    assert "Named by 3.1" in page
    # The mapping as a form, each heading with what it was read as.
    assert '<label class="govuk-label" for="id_column_3">Lead</label>' in page
    assert '<option value="lead" selected>Lead</option>' in page
    assert "Confirm import" in page
    # No published plan: nothing to compare with.
    assert "Changes against the published plan" not in page


def test_preview_of_a_workbook_offers_its_sheets(world, editor):
    workbook = xlsx_bytes(
        {
            "Cover": [["Our plan"]],
            "Plan": [HEADER, ["1.1", "Map crisis services.", "Q3 2015/16", "SEPT", "Underway"]],
        }
    )
    token = token_of(upload(editor, world.area, workbook, name="plan.xlsx"))
    page = text(editor.get(preview_url(world.area, token)))
    assert '<option value="" selected>The sheet found for you</option>' in page
    assert '<option value="Cover">Cover</option>' in page
    assert '<option value="Plan">Plan</option>' in page
    response = editor.post(preview_url(world.area, token), {"sheet": "Cover"})
    assert response.status_code == 200
    assert "We could not find a table that looks like an action plan" in text(response)
    # The refused choice was not kept.
    assert editor.session[session.SESSION_KEY][token]["sheet"] is None


def test_changing_the_mapping_reads_the_file_again(world, editor):
    token = token_of(upload(editor, world.area))
    columns = {"column_0": "ref", "column_1": "action", "column_2": "timescale"}
    response = editor.post(
        preview_url(world.area, token),
        {**columns, "column_3": "", "column_4": "status", "financial_year": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == preview_url(world.area, token)
    assert editor.session[session.SESSION_KEY][token]["overrides"] == {
        "No.": "ref",
        "Action": "action",
        "Timescale": "timescale",
        "Lead": None,
        "Status": "status",
    }
    page = text(editor.get(preview_url(world.area, token)))
    assert page.count("No lead is given for this action.") == 4
    assert '<option value="" selected>Nothing: keep the column as written</option>' in page
    assert saved_counts()[0] == 0

    response = editor.post(
        preview_url(world.area, token, "confirm"),
        {"digest": _digest(editor, token), "base_version": ""},
    )
    assert response.status_code == 302
    first = Action.objects.get(ref="1.1")
    assert first.lead == ""
    assert first.extra == {"Lead": "SEPT"}


def _digest(client, token):
    record = client.session[session.SESSION_KEY][token]
    return session.PendingUpload(**record).options_digest()


def test_a_field_chosen_twice_is_an_error(world, editor):
    token = token_of(upload(editor, world.area))
    response = editor.post(
        preview_url(world.area, token),
        {
            "column_0": "ref",
            "column_1": "action",
            "column_2": "action",
            "column_3": "lead",
            "column_4": "status",
        },
    )
    page = text(response)
    assert response.status_code == 200
    assert page.startswith("<!DOCTYPE html>") and "<title>Error: Check what was read" in page
    assert (
        "“Action” and “Timescale” are both read as Action. Choose something else for one of "
        "them, or nothing." in page
    )
    assert '<a href="#id_column_2">' in page
    assert editor.session[session.SESSION_KEY][token]["overrides"] == {}


def test_financial_year_reads_bare_quarters(world, editor):
    rows = [HEADER, ["1.1", "Map crisis services.", "Q3", "SEPT", "Underway"]]
    token = token_of(upload(editor, world.area, csv_bytes(rows), name="plan.csv"))
    page = text(editor.get(preview_url(world.area, token)))
    assert "No date read." in page
    response = editor.post(
        preview_url(world.area, token),
        {f"column_{i}": f for i, f in enumerate(["ref", "action", "timescale", "lead", "status"])}
        | {"financial_year": "2015/16"},
    )
    assert response.status_code == 302
    page = text(editor.get(preview_url(world.area, token)))
    assert "Due 31 Dec 2015." in page
    assert 'value="2015/16"' in page

    response = editor.post(preview_url(world.area, token), {"financial_year": "2015/17"})
    assert "A financial year runs from one year into the next, so 2015/16 would be right" in (
        text(response)
    )


def test_upload_with_a_financial_year(world, editor):
    rows = [HEADER, ["1.1", "Map crisis services.", "Q1", "SEPT", "Underway"]]
    response = upload(
        editor, world.area, csv_bytes(rows), name="plan.csv", financial_year="FY 2016/17"
    )
    token = token_of(response)
    assert editor.session[session.SESSION_KEY][token]["financial_year"] == 2016
    assert "Due 30 Jun 2016." in text(editor.get(preview_url(world.area, token)))


# Confirm and cancel.


def test_confirm_creates_exactly_one_draft_with_the_actions(world, editor, uploads):
    token = token_of(upload(editor, world.area))
    response = editor.post(
        preview_url(world.area, token, "confirm"),
        {
            "digest": _digest(editor, token),
            "base_version": "",
            "create_organisations": ["Thurrock Crisis Café"],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:imported", args=[world.area.slug, 1])
    version = PlanVersion.objects.get()
    assert version.state == PlanVersion.State.DRAFT
    assert version.plan.area == world.area
    assert version.created_by == world.editor
    assert version.source_filename == "plan.docx"
    assert version.title == "South West Essex Crisis Care Concordat action plan"
    actions = list(version.actions.select_related("section").order_by("position"))
    assert [(a.ref, a.section.number, a.canonical_status) for a in actions] == [
        ("1.1", 1, "complete"),
        ("1.2", 1, "in_progress"),
        ("3.1", 3, "in_progress"),
        ("3.2", 3, "not_started"),
    ]
    assert actions[0].due == date(2015, 3, 31)
    assert actions[1].start == date(2015, 4, 1)
    assert actions[2].ongoing
    assert actions[3].timescale_needs_review
    assert list(actions[0].lead_organisations.all()) == [world.sept]
    assert list(actions[1].lead_organisations.all()) == [world.police]
    cafe = Organisation.objects.get(name="Thurrock Crisis Café")
    assert list(actions[2].lead_organisations.all()) == [cafe]
    # The file and its record are gone.
    assert uploads.names(suffix=None) == []
    assert token not in editor.session[session.SESSION_KEY]
    # The page after it lists the draft.
    imported = editor.get(response["Location"])
    page = text(imported)
    assert "Plan imported as a draft" in page
    assert f'href="/workspace/{world.area.slug}/"' in imported.content.decode()
    assert "South West Essex: Version 1, 4 actions" in page
    assert "Map crisis services across the county." in page


def test_an_unticked_organisation_is_not_created(world, editor):
    token = token_of(upload(editor, world.area))
    editor.post(
        preview_url(world.area, token, "confirm"),
        {"digest": _digest(editor, token), "base_version": ""},
    )
    assert not Organisation.objects.filter(name="Thurrock Crisis Café").exists()
    action = Action.objects.get(ref="3.1")
    assert action.lead == "Thurrock Crisis Café"
    assert not action.lead_organisations.exists()


def test_a_used_upload_cannot_be_confirmed_twice(world, editor):
    token = token_of(upload(editor, world.area))
    data = {"digest": _digest(editor, token), "base_version": ""}
    assert editor.post(preview_url(world.area, token, "confirm"), data).status_code == 302
    response = editor.post(preview_url(world.area, token, "confirm"), data)
    assert response.status_code == 410
    assert PlanVersion.objects.count() == 1
    assert ActionIdentity.objects.count() == 4


def test_cancel_deletes_the_file(world, editor, uploads):
    token = token_of(upload(editor, world.area))
    response = editor.post(preview_url(world.area, token, "cancel"))
    assert response.status_code == 302
    assert response["Location"] == upload_url(world.area)
    assert uploads.names(suffix=None) == []
    page = text(editor.get(upload_url(world.area)))
    assert "The import was cancelled and the uploaded file deleted." in page
    assert editor.get(preview_url(world.area, token)).status_code == 410
    assert saved_counts()[0] == 0


def test_confirm_and_cancel_accept_post_only(world, editor):
    token = token_of(upload(editor, world.area))
    assert editor.get(preview_url(world.area, token, "confirm")).status_code == 405
    assert editor.get(preview_url(world.area, token, "cancel")).status_code == 405


# Bad files.


def refusal_for(data, name):
    with pytest.raises(ImportRefused) as caught:
        parse_plan(data, name)
    return caught.value.message


BAD_FILES = {
    "png named docx": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "plan.docx"),
    "empty": (b"", "plan.docx"),
    "macro-enabled": (plan_docx(), "plan.docm"),
    "no table": (docx_bytes([("p", "Minutes of the meeting"), ("p", "Nothing to see")]), "a.docx"),
    "unsupported": (b"just some words", "plan.rtf"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_show_the_pipeline_message_and_save_nothing(world, editor, uploads, case):
    data, name = BAD_FILES[case]
    expected = refusal_for(data, name)
    before = saved_counts()
    response = upload(editor, world.area, data, name=name)
    page = text(response)
    assert response.status_code == 200
    assert "<title>Error: Import a plan" in page
    assert 'class="govuk-error-summary"' in page
    assert f'<li><a href="#id_plan_file">{expected}</a></li>' in page
    assert saved_counts() == before
    assert uploads.names(suffix=None) == []


def test_a_file_over_the_size_limit_is_refused_with_its_true_size(world, editor, uploads):
    """20.5 MB: past the file limit (20 MB), within what a request may carry."""
    before = saved_counts()
    data = b"PK\x03\x04" + b"\x00" * (20 * 1024 * 1024 + 512 * 1024 - 4)
    page = text(upload(editor, world.area, data))
    assert (
        "The file is 20.5 MB, which is over the limit of 20.0 MB. Remove pictures or split the "
        "file and try again." in page
    )
    assert uploads.names(suffix=None) == []
    assert saved_counts() == before


def test_a_request_far_over_the_limit_is_refused_before_it_is_read(world, editor, uploads):
    before = saved_counts()
    data = b"\x00" * (50 * 1024 * 1024)
    response = upload(editor, world.area, data)
    assert response.status_code == 413
    page = words(response)
    assert "The file is too large" in page
    assert "What you sent is 50.0 MB, over the limit of 20.0 MB for an uploaded file." in page
    assert uploads.names(suffix=None) == []
    assert saved_counts() == before


def test_no_file_chosen(world, editor):
    response = editor.post(upload_url(world.area), {})
    assert response.status_code == 200
    assert "Choose the file that holds your action plan" in text(response)
