"""Fixtures every test package may use. Keep this file small; package fixtures live beside
their tests."""

import importlib
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db.models.signals import post_migrate
from django.test import override_settings

from concordat.pagecache.middleware import _is_public_path, clear_local_pages


def _forget_resolved_paths(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _is_public_path.cache_clear()


setting_changed.connect(_forget_resolved_paths)

# Test users per role (office_user, area_lead, area_editor, ...): see tests/accounts/fixtures.py.
pytest_plugins = ["tests.accounts.fixtures"]

REAL_VAR = Path(__file__).resolve().parent.parent / "var"


def snapshot(folder):
    """Every file under a folder with its size and modification time (nanoseconds)."""
    files = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            try:
                stat = path.stat()
            except FileNotFoundError:  # removed while we looked
                continue
            files[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return files


def changes(before, after):
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(name for name in set(before) & set(after) if before[name] != after[name])
    return (
        [f"added {n}" for n in added]
        + [f"removed {n}" for n in removed]
        + [f"changed {n}" for n in changed]
    )


@pytest.fixture(scope="session", autouse=True)
def _var_in_a_temporary_folder(tmp_path_factory):
    """Tests write only where tests may: media and anything else under var/ go to a temporary
    folder for the whole run (uploads and the open-data ZIP go to the shared storage, the test
    database); at the end, the real var/ must be exactly as it was, or the run fails."""
    var = tmp_path_factory.mktemp("var")
    before = snapshot(REAL_VAR)
    overrides = override_settings(
        VAR_DIR=var,
        MEDIA_ROOT=var / "media",
    )
    overrides.enable()
    yield var
    overrides.disable()
    touched = changes(before, snapshot(REAL_VAR))
    assert not touched, "The test run changed the real var/: " + "; ".join(touched[:20])


def _restore_reference_data(sender, using="default", **kwargs):
    """A transactional test's flush empties every table and then sends post_migrate: put
    back the rows the data migrations write (the five Concordat sections, the national
    measures, the page cache's counter), as a fresh database has them."""
    if sender.label != "core":
        return
    from concordat.core.models import Section
    from concordat.measures.catalogue import catalogue_upsert
    from concordat.pagecache.models import Counter
    from concordat.reports.models import Metric

    if not Section.objects.using(using).exists():
        migration = importlib.import_module("concordat.core.migrations.0002_sections")
        for number, title, short_title, slug in migration.SECTIONS:
            Section.objects.using(using).create(
                number=number, title=title, short_title=short_title, slug=slug
            )
    catalogue_upsert(Metric, using=using)
    Counter.objects.using(using).get_or_create(pk=1)


post_migrate.connect(_restore_reference_data)


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Each test starts with an empty cache, so a page cached by one test never leaks into
    another. The cache is a database table: tests without the database have none to empty."""
    uses_db = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "live_server",
    } & set(request.fixturenames)
    if uses_db:
        transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
        request.getfixturevalue("transactional_db" if transactional else "db")
        cache.clear()
    clear_local_pages()
    yield
    if uses_db:
        cache.clear()
    clear_local_pages()


@pytest.fixture
def page_cache_off(settings):
    """For tests that count the queries a view makes: the page cache's own (the counter, the
    cache table) are counted in tests/pagecache/."""
    settings.CONCORDAT_PAGE_CACHE = False
