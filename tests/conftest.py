"""Fixtures every test package may use. Keep this file small; package fixtures live beside
their tests."""

import pytest
from django.core.cache import cache
from django.core.signals import setting_changed

from concordat.pagecache.middleware import _is_public_path, clear_local_pages


def _forget_resolved_paths(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _is_public_path.cache_clear()


setting_changed.connect(_forget_resolved_paths)

# Test users per role (office_user, area_lead, area_editor, ...): see tests/accounts/fixtures.py.
pytest_plugins = ["tests.accounts.fixtures"]


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
