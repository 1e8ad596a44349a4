"""Issue 14, proof under load, short and seeded: readers, three editors posting progress (some
posts sent twice), an area lead importing and submitting plans and the office publishing
them, all at once against gunicorn (two workers); afterwards every accepted write is in the
database exactly once and nothing is half-saved. `make load` is the long version.

gunicorn needs a database of its own process: on SQLite a file copy of the test database
(copied back afterwards for the checks), on PostgreSQL the test database itself.
CONCORDAT_LOAD_SECONDS sets how long everyone works (default 4).
"""

import os
import sqlite3

import pytest
from django.db import connection

from concordat.core.models import PlanVersion, ProgressUpdate
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.imports.parsed import ParsedPlan
from tests.factories import make_area_editor, parsed_action

from .loadmix import Person, Server, integrity, run, session_for

SECONDS = float(os.environ.get("CONCORDAT_LOAD_SECONDS", "4"))


@pytest.fixture
def published(transactional_db, area):
    actions = [parsed_action(f"1.{n}", f"Action {n}", 1) for n in range(1, 5)]
    version = plan_version_import(
        area=area, actor=None, parsed=ParsedPlan(title="Crisis care plan", actions=actions)
    )
    return plan_version_publish(version=version, actor=None)


def people(area, published, area_lead, office_user):
    pks = list(published.actions.values_list("pk", flat=True))
    editors = []
    for n in range(3):
        editors.append(make_area_editor(area, email=f"load{n}@riverside.test.example", name=""))
    pages = ["/", "/areas/", f"/areas/{area.slug}/", f"/areas/{area.slug}/plan/"]
    return [
        Person("read", pages=pages),
        Person("read", pages=pages),
        *(Person("progress", session_for(e), area=area.slug, actions=pks) for e in editors),
        Person("import", session_for(area_lead), area=area.slug, actions_per_import=6),
        Person("publish", session_for(office_user)),
    ]


class Served:
    """gunicorn on this test's database, and the database read back when it stops."""

    def __init__(self, tmp_path):
        self.path = tmp_path / "load.sqlite3"
        self.server = None

    def start(self):
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(self.path) as target:
                connection.connection.backup(target)
            target.close()
            url = f"sqlite:///{self.path}"
        else:
            s = connection.settings_dict
            url = (
                f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
            )
        self.server = Server(database_url=url)
        return self.server

    def stop(self):
        if self.server is None:
            return ""
        log, self.server = self.server.output(), self.server.stop()
        if connection.vendor == "sqlite":
            with sqlite3.connect(self.path) as source:
                source.backup(connection.connection)
            source.close()
        return log


@pytest.fixture
def served(tmp_path):
    served = Served(tmp_path)
    yield served
    served.stop()


def test_parallel_readers_and_writers_leave_every_accepted_write_once(
    published, area, area_lead, office_user, served
):
    cast = people(area, published, area_lead, office_user)
    ledger = run(cast, served.start().base, SECONDS)
    log = served.stop()
    assert {kind: errors[:3] for kind, errors in ledger.errors.items() if errors} == {}, log
    assert integrity(ledger) == []
    # Everyone worked: each editor's accepted notes are saved once, double posts included;
    # each import was published whole.
    notes = ProgressUpdate.objects.filter(note__startswith="Load note")
    assert notes.count() == len(ledger.notes) >= 3
    assert len(ledger.imports) >= 1
    assert set(ledger.published) == set(ledger.imports)
    for title in ledger.imports:
        version = PlanVersion.objects.get(title=title)
        assert (version.state, version.actions.count()) == ("published", 6)
    assert sum(len(times) for times in ledger.timings.values()) >= len(cast)
