"""Issue 9 on the web: the preview shows the text not imported and the doubts of the reading;
a refresh of a plan keeps what the file has no column for, asks before dropping many actions,
and shows a section taken from a ref that disagrees with the document."""

import html

import pytest
from django.utils.html import strip_tags

from concordat.core.models import Action, PlanVersion
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.imports import session
from concordat.imports.pipeline import parse_plan
from concordat.imports.preview import organisation_registry

from .documents import csv_bytes
from .styled import Cell, styled_docx
from .web import make_world, preview_url, saved_counts, signed_in, token_of, upload

pytestmark = pytest.mark.django_db

HEADER = ["No.", "Action", "Timescale", "Lead", "Status", "RAG"]
PUBLISHED = [
    HEADER,
    ["1. Commissioning to allow earlier intervention and responsive crisis services"],
    ["1.1", "Map crisis services across the county.", "By March 2015", "SEPT", "Complete", "Blue"],
    [
        "1.2",
        "Agree a joint commissioning plan.",
        "From April 2015",
        "Essex Police",
        "On track",
        "Green",
    ],
    ["3. Urgent and emergency access to crisis care"],
    ["3.1", "Street triage pilot.", "Ongoing", "Essex Police", "Delayed", "Red"],
    ["3.2", "Review the place of safety.", "March 2016", "SEPT", "Not started", "Amber"],
]
CSV = "text/csv"


@pytest.fixture
def uploads(settings, tmp_path):
    folder = tmp_path / "uploads"
    settings.CONCORDAT_IMPORT_UPLOAD_DIR = folder
    return folder


@pytest.fixture
def world(uploads):
    return make_world()


@pytest.fixture
def editor(client, world):
    return signed_in(client, world.editor)


def words(response):
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def confirm_data(client, token, **extra):
    record = client.session[session.SESSION_KEY][token]
    return {"digest": session.PendingUpload(**record).options_digest(), **extra}


def publish(world, rows=PUBLISHED):
    data = csv_bytes(rows)
    parsed = parse_plan(data, "plan.csv", registry=organisation_registry())
    version = plan_version_import(area=world.area, parsed=parsed, actor=None)
    return plan_version_publish(version=version, actor=None)


def send(client, world, rows, name="plan.csv"):
    return token_of(upload(client, world.area, csv_bytes(rows), name=name))


# --- the preview shows what was not imported and the doubts ---------------------------------


def awkward_plan():
    return styled_docx(
        [
            ("p", "South West Essex Crisis Care Concordat action plan"),
            ("p", "Contents"),
            ("table", [["Section", "Page"], ["Action plan", "2"]]),
            (
                "table",
                [
                    HEADER,
                    ["2. Access to support before crisis point"],
                    ["2.1", "Crisis line every night.", "May 2015", "SEPT", "Underway", "Green"],
                    ["3.4", "A ref from another section.", "June 2015", "SEPT", "Underway", ""],
                    [
                        Cell(text, strike=True)
                        for text in ("2.2", "Dropped idea.", "2015", "SEPT", "", "")
                    ],
                ],
            ),
            ("p", "Agreed by the partners on 1 December 2015"),
        ],
        footer="Page 1",
    )


def test_the_preview_lists_text_not_imported_and_the_doubts(world, editor):
    token = token_of(upload(editor, world.area, awkward_plan()))
    before = saved_counts()
    response = editor.get(preview_url(world.area, token))
    assert response.status_code == 200
    page = words(response)
    assert "Text not imported 3 pieces of text" in page
    assert (
        "Text not imported (3) This text of the file went into no action and is not part of the "
        "plan's opening or closing text" in page
    )
    assert "Page footer Page 1 Table 1, row 1 Section | Page Table 1, row 2 Action plan | 2" in page
    assert (
        "The ref 3.4 points to section 3, but the action sits under “2. Access to support "
        "before crisis point” (section 2). It was read as section 2; check it." in page
    )
    assert "Removed This action is struck through or greyed out in the document" in page
    assert "Actions to check 2" in page
    assert saved_counts() == before


def test_confirming_keeps_the_text_not_imported_with_the_version(world, editor):
    token = token_of(upload(editor, world.area, awkward_plan()))
    response = editor.post(
        preview_url(world.area, token, "confirm"), confirm_data(editor, token, base_version="")
    )
    assert response.status_code == 302
    version = PlanVersion.objects.get()
    assert version.trailing == "Agreed by the partners on 1 December 2015"
    assert version.not_imported == [
        {"where": "Page footer", "text": "Page 1"},
        {"where": "Table 1, row 1", "text": "Section | Page"},
        {"where": "Table 1, row 2", "text": "Action plan | 2"},
    ]
    removed = Action.objects.get(version=version, ref="2.2")
    assert (removed.canonical_status, removed.retired_reason) == (
        "superseded",
        "Shown as removed (struck through or greyed out) in the imported document.",
    )
    page = words(editor.get(response["Location"]))
    assert "Text kept with Version 1 After the plan's last action" in page
    assert "Not imported (3) Page footer Page 1 Table 1, row 1 Section | Page" in page


# --- a refresh keeps what the file has no column for ----------------------------------------


def test_a_refresh_without_status_or_rag_columns_keeps_the_current_ones(world, editor):
    first = publish(world)
    rows = [[row[0], row[1], row[2], row[3]] if len(row) > 1 else row for row in PUBLISHED]
    token = send(editor, world, rows)
    page = words(editor.get(preview_url(world.area, token)))
    assert (
        "This file has no status or RAG column, so the 4 actions that continue the published "
        "plan keep their current status and RAG." in page
    )
    assert "Kept from the published plan: status and RAG." in page
    assert "0 changed, 0 removed and 4 unchanged" in page
    response = editor.post(
        preview_url(world.area, token, "confirm"),
        confirm_data(editor, token, base_version=str(first.pk)),
    )
    assert response.status_code == 302
    draft = PlanVersion.objects.get(state=PlanVersion.State.DRAFT)
    assert list(draft.actions.order_by("position").values_list("ref", "status", "rag")) == [
        ("1.1", "Complete", "blue"),
        ("1.2", "On track", "green"),
        ("3.1", "Delayed", "red"),
        ("3.2", "Not started", "amber"),
    ]


def test_a_refresh_with_a_status_column_takes_the_files_statuses(world, editor):
    first = publish(world)
    rows = [row[:5] for row in PUBLISHED]
    rows[2][4] = "Underway"
    token = send(editor, world, rows)
    page = words(editor.get(preview_url(world.area, token)))
    assert "This file has no RAG column, so the 4 actions" in page
    editor.post(
        preview_url(world.area, token, "confirm"),
        confirm_data(editor, token, base_version=str(first.pk)),
    )
    draft = PlanVersion.objects.get(state=PlanVersion.State.DRAFT)
    assert draft.actions.get(ref="1.1").status == "Underway"
    assert draft.actions.get(ref="1.1").rag == "blue"


# --- a refresh that drops many actions asks first ----------------------------------------------


def shortened():
    return [PUBLISHED[0], PUBLISHED[1], PUBLISHED[2], PUBLISHED[3]]  # 3.1 and 3.2 dropped


def test_dropping_more_than_a_quarter_lists_them_and_needs_the_box_ticked(world, editor):
    first = publish(world)
    token = send(editor, world, shortened())
    page = words(editor.get(preview_url(world.area, token)))
    assert "2 of the 4 published actions are not in this file" in page
    assert "3.1 Street triage pilot." in page and "3.2 Review the place of safety." in page
    before = saved_counts()
    response = editor.post(
        preview_url(world.area, token, "confirm"),
        confirm_data(editor, token, base_version=str(first.pk)),
    )
    assert response.status_code == 200
    page = words(response)
    assert (
        "There is a problem This file leaves out 2 actions of the published plan. Tick the box "
        "to confirm they should be dropped, or check the file." in page
    )
    assert 'href="#id_confirm_drops"' in response.content.decode()
    assert saved_counts() == before
    response = editor.post(
        preview_url(world.area, token, "confirm"),
        confirm_data(editor, token, base_version=str(first.pk), confirm_drops="on"),
    )
    assert response.status_code == 302
    draft = PlanVersion.objects.get(state=PlanVersion.State.DRAFT)
    assert list(draft.actions.values_list("ref", flat=True)) == ["1.1", "1.2"]


def test_dropping_a_quarter_or_fewer_needs_no_box(world, editor):
    first = publish(world)
    token = send(editor, world, PUBLISHED[:-1])
    page = words(editor.get(preview_url(world.area, token)))
    assert "published actions are not in this file" not in page
    response = editor.post(
        preview_url(world.area, token, "confirm"),
        confirm_data(editor, token, base_version=str(first.pk)),
    )
    assert response.status_code == 302


def test_the_drop_confirmation_refuses_outsiders_and_read_only_users(client, world, editor):
    first = publish(world)
    token = send(editor, world, shortened())
    data = confirm_data(editor, token, base_version=str(first.pk), confirm_drops="on")
    before = saved_counts()
    for user, status in (
        (world.other_editor, 404),
        (world.outsider, 404),
        (world.signatory, 403),
        (world.office, 403),
    ):
        signed_in(client, user)
        assert client.post(preview_url(world.area, token, "confirm"), data).status_code == status
        assert client.get(preview_url(world.area, token)).status_code == status
    assert saved_counts() == before


def test_a_file_with_no_published_plan_never_asks(world, editor):
    token = send(editor, world, shortened())
    page = words(editor.get(preview_url(world.area, token)))
    assert "published actions are not in this file" not in page
    response = editor.post(
        preview_url(world.area, token, "confirm"), confirm_data(editor, token, base_version="")
    )
    assert response.status_code == 302
