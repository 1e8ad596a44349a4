"""`purge_import_uploads` deletes expired uploads only, and only the importer's own files."""

import io

import pytest
from django.core.management import call_command

from concordat.imports import session

from .web import UploadFolder

pytestmark = pytest.mark.django_db


def test_purge_deletes_expired_uploads_only():
    uploads = UploadFolder()
    old = session.lifetime() + 1
    expired, also_expired, fresh = "e" * 43, "h" * 43, "f" * 43
    uploads.put(f"{expired}.upload", b"x", age_seconds=old)
    uploads.put(f"{expired}.parsed.json", b"{}", age_seconds=old)
    uploads.put(f"{also_expired}.upload", b"x", age_seconds=old)
    uploads.put(f"{fresh}.upload", b"x")
    uploads.put(f"{fresh}.parsed.json", b"{}")
    uploads.put("notes.txt", b"x", age_seconds=old)

    out = io.StringIO()
    call_command("purge_import_uploads", stdout=out)
    assert out.getvalue() == "Deleted 2 expired uploads (older than 120 minutes).\n"
    assert uploads.names(suffix=None) == sorted(
        [f"{fresh}.upload", f"{fresh}.parsed.json", "notes.txt"]
    )

    out = io.StringIO()
    call_command("purge_import_uploads", stdout=out)
    assert out.getvalue().startswith("Deleted 0 expired uploads")
