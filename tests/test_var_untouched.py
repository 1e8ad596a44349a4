"""The suite writes only to a temporary folder: the shared fixture in conftest.py moves media
and var/ itself there, and fails the run if the real var/ changes."""

import zipfile

import pytest
from django.conf import settings

from concordat.api import downloads

from .api.world import build_world
from .conftest import REAL_VAR, changes, snapshot


def test_var_settings_point_at_the_temporary_folder(_var_in_a_temporary_folder):
    var = _var_in_a_temporary_folder
    assert var == settings.VAR_DIR
    assert var / "media" == settings.MEDIA_ROOT
    assert REAL_VAR not in var.parents


@pytest.mark.django_db
def test_publishing_builds_the_open_data_zip_in_the_shared_storage_not_var(
    django_capture_on_commit_callbacks,
):
    before = snapshot(REAL_VAR)
    assert downloads.built_zip() is None
    # Publishing rebuilds the ZIP once the transaction commits, as it does on the site.
    with django_capture_on_commit_callbacks(execute=True):
        build_world()
    assert downloads.built_zip() is not None
    with downloads.open_zip() as stored, zipfile.ZipFile(stored) as archive:
        assert "actions.csv" in archive.namelist()
    assert changes(before, snapshot(REAL_VAR)) == []


def test_changes_name_every_file_added_removed_or_changed(tmp_path):
    (tmp_path / "kept.txt").write_text("same")
    (tmp_path / "edited.txt").write_text("before")
    (tmp_path / "gone.txt").write_text("x")
    before = snapshot(tmp_path)
    (tmp_path / "edited.txt").write_text("after, longer")
    (tmp_path / "gone.txt").unlink()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "new.zip").write_bytes(b"PK")
    assert changes(before, snapshot(tmp_path)) == [
        "added sub/new.zip",
        "removed gone.txt",
        "changed edited.txt",
    ]
