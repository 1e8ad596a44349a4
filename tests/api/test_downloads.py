import csv
import io
import stat
import threading
import zipfile
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import transaction

from concordat.api import downloads
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.files.storage import shared_storage
from tests.factories import make_area, parsed_action, parsed_plan

from .world import SECRET

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def read(name=downloads.STORED_NAME):
    with shared_storage().open(name) as handle, zipfile.ZipFile(handle) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def stored_bytes():
    with shared_storage().open(downloads.STORED_NAME) as handle:
        return handle.read()


def stored_names():
    return shared_storage().listdir("downloads")[1]


def test_zip_holds_every_published_record_and_a_readme(world):
    path, counts = downloads.build_downloads()
    files = read(path)
    assert sorted(files) == sorted([*counts, "README.txt"])
    assert counts["actions.csv"] == 6
    assert counts["updates.csv"] == 2
    assert counts["reports.csv"] == 1
    assert counts["versions.csv"] == 2
    for name, text in files.items():
        assert SECRET not in text, name
    actions = list(csv.DictReader(io.StringIO(files["actions.csv"])))
    assert [(row["ref"], row["version"]) for row in actions][:3] == [
        ("1.1", "1"),
        ("1.2", "1"),
        ("2.1", "1"),
    ]
    readme = files["README.txt"]
    assert "actions.csv\n===========" in readme
    assert "lead_organisations" in readme and "6 rows." in readme
    for column in downloads.files(world.today)[4][2]:
        assert f"  {column.name}" in readme


def test_build_is_atomic_and_leaves_no_temporary_files(world, media, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads.tempfile, "tempdir", str(tmp_path))
    path, _ = downloads.build_downloads()
    assert path == "downloads/concordat-open-data.zip"
    first = stored_bytes()
    downloads.build_downloads()
    assert stored_names() == ["concordat-open-data.zip"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".building-")] == []
    assert read()["actions.csv"] == zipfile.ZipFile(io.BytesIO(first)).read("actions.csv").decode()


def test_command_writes_to_a_file_when_asked(world, tmp_path):
    out = io.StringIO()
    call_command("build_downloads", "--output", str(tmp_path / "open.zip"), stdout=out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["open.zip"]
    assert "README.txt" in zipfile.ZipFile(tmp_path / "open.zip").namelist()
    assert not shared_storage().exists(downloads.STORED_NAME)


def test_failed_build_keeps_the_previous_zip(world, monkeypatch):
    downloads.build_downloads()
    before = stored_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(downloads, "write_csv", broken)
    with pytest.raises(RuntimeError):
        downloads.build_downloads()
    assert stored_bytes() == before
    assert stored_names() == ["concordat-open-data.zip"]


def test_command_builds_the_zip(world, media):
    out = io.StringIO()
    call_command("build_downloads", stdout=out)
    assert "actions.csv: 6 rows" in out.getvalue()
    assert shared_storage().exists(downloads.STORED_NAME)


@pytest.mark.django_db(transaction=True)
def test_zip_is_rebuilt_when_a_plan_is_published(media):
    area = make_area("Eastshire")
    with transaction.atomic():
        version = plan_version_import(
            area=area, actor=None, parsed=parsed_plan(parsed_action("1.1", "Crisis line", 2))
        )
    assert not shared_storage().exists(downloads.STORED_NAME)
    plan_version_publish(version=version, actor=None)
    # Built at once, or left marked stale for the next build (the scheduled command's
    # `--if-stale`): either way the next build leaves it current.
    assert shared_storage().exists(downloads.STORED_NAME) or downloads.is_stale()
    downloads.build_if_stale()
    files = read()
    assert "Crisis line" in files["actions.csv"]
    assert not downloads.is_stale()


@pytest.mark.django_db(transaction=True)
def test_background_build_after_publication(media, settings):
    settings.CONCORDAT_BUILD_DOWNLOADS_IN_BACKGROUND = True
    area = make_area("Eastshire")
    version = plan_version_import(
        area=area, actor=None, parsed=parsed_plan(parsed_action("1.1", "Crisis line", 2))
    )
    plan_version_publish(version=version, actor=None)
    for thread in threading.enumerate():
        if thread.name == "build-downloads":
            thread.join(timeout=60)
    assert shared_storage().exists(downloads.STORED_NAME) or downloads.is_stale()
    downloads.build_if_stale()
    assert "Crisis line" in read()["actions.csv"]


def test_command_builds_only_when_stale(world, media):
    out = io.StringIO()
    call_command("build_downloads", "--if-stale", stdout=out)
    assert out.getvalue().strip() == "The ZIP is up to date."
    downloads.mark_stale()
    call_command("build_downloads", "--if-stale", stdout=out)
    assert "Rebuilt the ZIP." in out.getvalue()
    assert shared_storage().exists(downloads.STORED_NAME)
    assert not downloads.is_stale()


def test_downloads_page_and_file(client, world, media):
    page = client.get("/downloads/")
    assert page.status_code == 200
    assert "It will be built when you ask for it." in page.content.decode()
    response = client.get("/downloads/concordat-open-data.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    body = b"".join(response.streaming_content)
    assert "README.txt" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    page = client.get("/downloads/").content.decode()
    assert "built" in page and "ZIP," in page


def test_zip_members_carry_the_build_time_and_mode_0644(world, media, settings):
    settings.TIME_ZONE = "Europe/London"
    built = datetime(2025, 7, 14, 9, 30, 12, tzinfo=UTC)
    path, _ = downloads.build_downloads(now=built)
    with shared_storage().open(path) as handle, zipfile.ZipFile(handle) as archive:
        members = archive.infolist()
    assert len(members) == 15  # with the questions, verdicts and evidence files
    for member in members:
        # Local time (summer time: an hour ahead of UTC), to the two seconds ZIP keeps.
        assert member.date_time == (2025, 7, 14, 10, 30, 12), member.filename
        assert stat.S_IMODE(member.external_attr >> 16) == 0o644, member.filename
        assert stat.S_ISREG(member.external_attr >> 16)
        assert member.compress_type == zipfile.ZIP_DEFLATED
    assert (
        read(path)["README.txt"].splitlines()[2]
        == "Built 2025-07-14 10:30 BST from everything published on the site."
    )


def test_marking_stale_twice_keeps_the_first_marker(world, media):
    storage = shared_storage()
    downloads.mark_stale()
    marked_at = storage.get_modified_time(downloads.STALE_NAME)
    downloads.mark_stale()
    assert storage.get_modified_time(downloads.STALE_NAME) == marked_at
    assert downloads.is_stale()


def test_a_writer_that_loses_the_race_for_the_marker_raises_nothing(world, media, monkeypatch):
    from django.db import OperationalError

    storage = shared_storage()
    storage.delete(downloads.STALE_NAME)

    def lose_the_race(name, content, max_length=None):
        from django.core.files.base import ContentFile

        type(storage).save(storage, name, ContentFile(b"the other writer's\n"))
        raise OperationalError("deadlock detected")

    monkeypatch.setattr(storage, "save", lose_the_race)
    downloads.mark_stale()  # a publication already saved must not answer with an error
    assert downloads.is_stale()
