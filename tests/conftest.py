"""Fixtures every test package may use. Keep this file small; package fixtures live beside
their tests."""

import pytest
from django.core.cache import cache

# Test users per role (office_user, area_lead, area_editor, ...): see tests/accounts/fixtures.py.
pytest_plugins = ["tests.accounts.fixtures"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, so a page cached by one test never leaks into
    another."""
    cache.clear()
    yield
    cache.clear()
