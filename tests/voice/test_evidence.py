"""Evidence on progress updates: links and small files, checked by content, served with safe
headers, shown with the update, and "complete, no evidence given" where there is none."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from concordat.core.models import AuditEntry, UpdateEvidence
from concordat.core.selectors.areas import area_summaries, totals
from concordat.core.services import evidence_add_link, progress_update_withdraw

ACTION = "/areas/riverside/plan/actions/1.2/"


def pdf_bytes():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Crisis cafe opening report")
    page.save()
    return buffer.getvalue()


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def path(world):
    return f"/workspace/riverside/evidence/{world.update.pk}/"


def post_file(client, world, name, data, title="Opening report"):
    return client.post(
        path(world),
        {"kind": "file", "file-title": title, "file-file": SimpleUploadedFile(name, data)},
    )


def test_add_a_link(client, world, area_editor):
    client.force_login(area_editor)
    assert client.get(path(world)).status_code == 200
    response = client.post(
        path(world),
        {"kind": "link", "link-title": "Board paper", "link-url": "https://board.example/paper"},
    )
    assert response.status_code == 302
    evidence = UpdateEvidence.objects.get()
    assert (evidence.kind, evidence.title, evidence.url) == (
        "link",
        "Board paper",
        "https://board.example/paper",
    )
    assert AuditEntry.objects.filter(verb="added evidence", object_id=str(evidence.pk)).exists()
    page = client.get(ACTION).content.decode()
    assert 'href="https://board.example/paper" rel="nofollow noopener noreferrer"' in page
    assert "board.example" in page


def test_evidence_page_is_linked_from_the_workspace_action(client, world, area_editor):
    client.force_login(area_editor)
    page = client.get(f"/workspace/riverside/actions/{world.action('1.2').pk}/").content.decode()
    assert path(world) in page


def test_evidence_page_refuses_outsiders(client, world, outsider, other_area_editor):
    for user in (outsider, other_area_editor):
        client.force_login(user)
        assert client.get(path(world)).status_code == 404
        response = client.post(
            path(world), {"kind": "link", "link-title": "T", "link-url": "https://x.example/"}
        )
        assert response.status_code == 404
    assert not UpdateEvidence.objects.exists()


def test_evidence_page_refuses_read_only_users(client, world, signatory_editor):
    """The signatory editor sees the area's workspace; their organisation leads no action."""
    client.force_login(signatory_editor)
    assert client.get(path(world)).status_code == 403
    response = client.post(
        path(world), {"kind": "link", "link-title": "T", "link-url": "https://x.example/"}
    )
    assert response.status_code == 403
    assert not UpdateEvidence.objects.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "starting with https://"),
        ("ftp://files.example/a.pdf", "starting with https://"),
        ("board paper", "starting with https://"),
    ],
)
def test_bad_links_are_refused(client, world, area_editor, url, message):
    client.force_login(area_editor)
    response = client.post(path(world), {"kind": "link", "link-title": "T", "link-url": url})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not UpdateEvidence.objects.exists()


def test_add_a_pdf_served_with_safe_headers(client, world, area_editor):
    client.force_login(area_editor)
    data = pdf_bytes()
    assert post_file(client, world, "../../etc/Report 2026.pdf", data).status_code == 302
    evidence = UpdateEvidence.objects.get()
    assert evidence.content_type == "application/pdf"
    assert evidence.size == len(data)
    assert evidence.original_name == "Report 2026.pdf"
    assert evidence.file.name.startswith("evidence/") and evidence.file.name.endswith(".pdf")
    client.logout()
    response = client.get(f"/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Report 2026.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "sandbox" in response["Content-Security-Policy"]
    page = client.get(ACTION).content.decode()
    assert f'href="/evidence/{evidence.pk}/"' in page
    assert "(PDF," in page


def test_evidence_files_are_kept_where_every_app_server_reads_them(
    client, world, area_editor, settings
):
    from concordat.files.models import StoredFile

    client.force_login(area_editor)
    data = pdf_bytes()
    assert post_file(client, world, "Report.pdf", data).status_code == 302
    evidence = UpdateEvidence.objects.get()
    stored = StoredFile.objects.get(name=evidence.file.name)
    assert stored.size == len(data)
    assert not (settings.MEDIA_ROOT / evidence.file.name).exists()


def test_an_image_is_shown_inline(client, world, area_editor):
    client.force_login(area_editor)
    assert post_file(client, world, "photo.png", png_bytes(), title="The café").status_code == 302
    evidence = UpdateEvidence.objects.get()
    response = client.get(f"/evidence/{evidence.pk}/")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>", "must be a PDF, or a PNG"),
        ("photo.png", b"%PDF-1.4 not really a pdf at all", "The PDF is damaged"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 truncated", "The image is damaged"),
        ("empty.pdf", b"", "The submitted file is empty"),
    ],
)
def test_files_are_judged_by_their_content(client, world, area_editor, name, data, message):
    client.force_login(area_editor)
    response = post_file(client, world, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not UpdateEvidence.objects.exists()


@override_settings(CONCORDAT_EVIDENCE_MAX_BYTES=1000)
def test_files_over_the_size_limit_are_refused(client, world, area_editor, settings):
    client.force_login(area_editor)
    response = post_file(client, world, "big.pdf", pdf_bytes() + b"0" * 1000)
    assert response.status_code == 400
    assert "files of evidence can be at most" in response.content.decode()
    assert not UpdateEvidence.objects.exists()


def test_evidence_of_a_withdrawn_update_is_not_served(client, world, area_editor, office_user):
    client.force_login(area_editor)
    post_file(client, world, "r.pdf", pdf_bytes())
    evidence = UpdateEvidence.objects.get()
    progress_update_withdraw(update=world.update, actor=office_user, reason="Wrong action")
    client.logout()
    assert client.get(f"/evidence/{evidence.pk}/").status_code == 404
    assert f"/evidence/{evidence.pk}/" not in client.get(ACTION).content.decode()
    with pytest.raises(ValidationError, match="withdrawn update"):
        evidence_add_link(
            update=world.update, actor=area_editor, title="T", url="https://x.example/"
        )


def test_evidence_is_never_changed(world, area_editor):
    evidence = evidence_add_link(
        update=world.update, actor=area_editor, title="T", url="https://x.example/"
    )
    evidence.title = "Other"
    with pytest.raises(ValidationError):
        evidence.save()
    with pytest.raises(ValidationError):
        evidence.delete()


def test_complete_without_evidence_on_the_page_and_in_the_national_figures(
    client, world, area_editor
):
    page = client.get(ACTION).content.decode()
    assert "Complete, no evidence given" in page
    # 1.1 is in progress: no mark.
    assert (
        "Complete, no evidence given"
        not in client.get("/areas/riverside/plan/actions/1.1/").content.decode()
    )
    summary = next(s for s in area_summaries(on=timezone.localdate()) if s.area == world.area)
    assert (summary.complete, summary.complete_without_evidence) == (1, 1)
    assert totals([summary]).complete_without_evidence == 1
    assert "1 complete, no evidence given" in client.get("/").content.decode()

    evidence_add_link(
        update=world.update, actor=area_editor, title="Opening", url="https://cafe.example/"
    )
    assert "Complete, no evidence given" not in client.get(ACTION).content.decode()
    summary = next(s for s in area_summaries(on=timezone.localdate()) if s.area == world.area)
    assert summary.complete_without_evidence == 0
    assert "no evidence given" not in client.get("/").content.decode()
