"""`purge_import_uploads` deletes expired uploads only, and only the importer's own files."""

import io
import os
import time

from django.core.management import call_command

from concordat.imports import session


def test_purge_deletes_expired_uploads_only(settings, tmp_path):
    settings.CONCORDAT_IMPORT_UPLOAD_DIR = tmp_path
    old = time.time() - session.lifetime() - 1
    expired = tmp_path / ("e" * 43 + ".upload")
    half_written = tmp_path / ("h" * 43 + ".partial")
    fresh = tmp_path / ("f" * 43 + ".upload")
    other = tmp_path / "notes.txt"
    for path in (expired, half_written, fresh, other):
        path.write_bytes(b"x")
    for path in (expired, half_written, other):
        os.utime(path, (old, old))

    out = io.StringIO()
    call_command("purge_import_uploads", stdout=out)
    assert out.getvalue() == "Deleted 2 expired uploads (older than 120 minutes).\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name])

    out = io.StringIO()
    call_command("purge_import_uploads", stdout=out)
    assert out.getvalue().startswith("Deleted 0 expired uploads")
