"""Fixtures for the public pages' tests: the real seeds, and a small world built through the
services, with drafts and submissions beside published work."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from .world import build_world


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The source documents loaded once for a whole test module, rolled back after it.

    Each test still runs in its own savepoint (use the `db` fixture), so what a test writes
    is undone before the next one.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_seeds", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def seeds(seeded, db):
    """Per test: the seeds, with the test's own changes rolled back afterwards."""


@pytest.fixture
def world(db):
    return build_world()
