"""The import flow when things change under it: a draft started meanwhile, a plan published,
the preview changed in another window, an upload expired; and a refreshed plan's changes."""

import html

import pytest
from django.utils.html import strip_tags

from concordat.core.models import Action, PlanVersion
from concordat.core.services import (
    plan_version_import,
    plan_version_publish,
    plan_version_start_draft,
)
from concordat.imports import session
from concordat.imports.pipeline import parse_plan
from concordat.imports.preview import organisation_registry

from .web import (
    PLAN_ROWS,
    UploadFolder,
    make_world,
    plan_docx,
    preview_url,
    signed_in,
    token_of,
    upload,
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


def words(response):
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def confirm_data(client, token, **extra):
    record = client.session[session.SESSION_KEY][token]
    return {"digest": session.PendingUpload(**record).options_digest(), **extra}


def publish_first_plan(world):
    data = plan_docx()
    parsed = parse_plan(data, "plan.docx", registry=organisation_registry())
    version = plan_version_import(area=world.area, parsed=parsed, actor=None)
    return plan_version_publish(version=version, actor=None)


def refreshed_rows():
    rows = [row[:] for row in PLAN_ROWS]
    rows[3][4] = "Complete"  # 1.2: status changed
    rows[3][2] = "By June 2015"  # 1.2: timescale changed
    del rows[5]  # 3.1 dropped
    rows.append(["3.3", "Open a crisis café in Grays.", "Autumn 2015", "Essex Police", ""])
    return rows


def test_a_draft_started_meanwhile_is_reported_and_nothing_saved(world, editor, uploads):
    token = token_of(upload(editor, world.area))
    data = confirm_data(editor, token, base_version="")
    plan_version_start_draft(area=world.area, actor=world.lead)
    response = editor.post(preview_url(world.area, token, "confirm"), data)
    page = words(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert (
        "This area already has a draft (Version 1). Publish or discard it before starting "
        "another." in page
    )
    assert "Confirm import" not in page
    assert PlanVersion.objects.count() == 1
    assert Action.objects.count() == 0
    # The upload is kept, so it can be imported once the draft is dealt with.
    assert uploads.exists(f"{token}.upload")


def test_a_submitted_version_blocks_the_import(world, editor):
    draft = plan_version_start_draft(area=world.area, actor=world.lead)
    PlanVersion.objects.filter(pk=draft.pk).update(state=PlanVersion.State.SUBMITTED)
    page = words(editor.get(preview_url(world.area, token_of(upload(editor, world.area)))))
    assert "Version 1 of this area's plan is waiting for review." in page
    assert "Confirm import" not in page


def test_the_upload_page_warns_of_an_existing_draft(world, editor):
    plan_version_start_draft(area=world.area, actor=world.lead)
    page = words(editor.get(f"/workspace/{world.area.slug}/import/"))
    assert "This area already has a draft (Version 1). Publish or discard it before importing" in (
        page
    )


def test_a_plan_published_meanwhile_asks_for_a_second_look(world, editor):
    token = token_of(upload(editor, world.area))
    data = confirm_data(editor, token, base_version="")
    publish_first_plan(world)
    response = editor.post(preview_url(world.area, token, "confirm"), data)
    page = words(response)
    assert "A new version of this area's plan was published since this page was opened." in page
    assert "Changes against the published plan" in page
    assert PlanVersion.objects.filter(state=PlanVersion.State.DRAFT).count() == 0
    # Confirming from the fresh page works.
    response = editor.post(
        preview_url(world.area, token, "confirm"),
        confirm_data(editor, token, base_version=str(PlanVersion.objects.get().pk)),
    )
    assert response.status_code == 302
    assert PlanVersion.objects.filter(state=PlanVersion.State.DRAFT).count() == 1


def test_a_preview_changed_in_another_window_asks_for_a_second_look(world, editor):
    token = token_of(upload(editor, world.area))
    data = confirm_data(editor, token, base_version="")
    editor.post(preview_url(world.area, token), {"financial_year": "2015/16"})
    response = editor.post(preview_url(world.area, token, "confirm"), data)
    assert "The preview was changed in another window since this page was opened." in (
        words(response)
    )
    assert PlanVersion.objects.count() == 0


def test_an_expired_upload_is_deleted_and_explained(world, editor, uploads, settings):
    token = token_of(upload(editor, world.area))
    data = confirm_data(editor, token, base_version="")
    settings.CONCORDAT_IMPORT_UPLOAD_LIFETIME = 0
    response = editor.get(preview_url(world.area, token))
    assert response.status_code == 410
    assert "This upload is no longer available" in words(response)
    assert "Upload the file again" in words(response)
    assert not uploads.exists(f"{token}.upload")
    assert token not in editor.session[session.SESSION_KEY]
    response = editor.post(preview_url(world.area, token, "confirm"), data)
    assert response.status_code == 410
    assert PlanVersion.objects.count() == 0


def test_a_made_up_token_is_no_upload(world, editor):
    for token in ("..", "x" * 43, "a" * 10):
        assert editor.get(preview_url(world.area, token)).status_code == 410
    assert session.pending_get(None, "../../etc/passwd", area=world.area) is None


def test_another_upload_purges_expired_files_of_any_session(world, editor, uploads):
    uploads.put("o" * 43 + ".upload", b"left behind", age_seconds=session.lifetime() + 60)
    uploads.put("keep.txt", b"not ours", age_seconds=session.lifetime() + 60)
    token = token_of(upload(editor, world.area))
    assert uploads.names(suffix=None) == sorted(
        [f"{token}.upload", f"{token}.parsed.json", "keep.txt"]
    )


def test_a_session_keeps_only_its_latest_uploads(world, editor, uploads):
    tokens = [token_of(upload(editor, world.area)) for _ in range(5)]
    kept = tokens[-session.MAX_PENDING_PER_SESSION :]
    assert sorted(editor.session[session.SESSION_KEY]) == sorted(kept)
    assert uploads.names() == sorted(f"{t}.upload" for t in kept)
    assert uploads.names(suffix=".parsed.json") == sorted(f"{t}.parsed.json" for t in kept)


def test_a_refreshed_plan_shows_added_changed_and_removed(world, editor):
    first = publish_first_plan(world)
    token = token_of(upload(editor, world.area, plan_docx(refreshed_rows())))
    response = editor.get(preview_url(world.area, token))
    page = words(response)
    assert (
        f"Compared with Version 1, published {first.published_at:%-d %B %Y}: 1 added, "
        "1 changed, 1 removed and 2 unchanged." in page
    )
    assert "Added (1) 3.3 Open a crisis café in Grays." in page
    assert "Removed (1)" in page and "3.1 Street triage pilot." in page
    assert "Timescale Was: From April 2015 Now: By June 2015" in page
    assert "Status Was: On track Now: Complete" in page

    response = editor.post(
        preview_url(world.area, token, "confirm"),
        confirm_data(editor, token, base_version=str(first.pk)),
    )
    assert response.status_code == 302
    draft = PlanVersion.objects.get(state=PlanVersion.State.DRAFT)
    assert draft.based_on == first
    before = dict(first.actions.values_list("ref", "identity_id"))
    after = dict(draft.actions.values_list("ref", "identity_id"))
    assert {ref: after[ref] for ref in ("1.1", "1.2", "3.2")} == {
        ref: before[ref] for ref in ("1.1", "1.2", "3.2")
    }
    assert after["3.3"] not in before.values()
    assert "3.1" not in after


def test_a_kept_file_that_can_no_longer_be_read_is_explained(world, editor, uploads, settings):
    token = token_of(upload(editor, world.area))
    # What was read at upload is gone, and the file is now over the limit: reading it again
    # refuses it.
    uploads.delete(f"{token}.parsed.json")
    settings.CONCORDAT_UPLOAD_MAX_BYTES = 1000
    response = editor.get(preview_url(world.area, token))
    page = words(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "which is over the limit of" in page
    assert "Import a plan" in page
    assert not uploads.exists(f"{token}.upload")
    assert PlanVersion.objects.count() == 0
