"""Issue 14, proof under failure: the process running an import or a publication is killed
(SIGKILL) halfway through its transaction, or its database connection is killed under it
(PostgreSQL), and nothing partial is saved: the counts and states are as before.

The service runs in a child process (killed_midway.py) against the test database: on
SQLite a file copy of it (the child must share it), on PostgreSQL the test database itself,
with the test's rows committed (`transactional_db`).
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from concordat.core.models import PlanVersion, Region
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.imports.parsed import ParsedPlan
from tests.factories import make_area, parsed_action

ROOT = Path(__file__).resolve().parent.parent.parent

COUNTS = {
    "versions": "SELECT COUNT(*) FROM core_planversion",
    "actions": "SELECT COUNT(*) FROM core_action",
    "updates": "SELECT COUNT(*) FROM core_progressupdate",
    "published updates": "SELECT COUNT(*) FROM core_progressupdate WHERE state = 'published'",
    "published versions": "SELECT COUNT(*) FROM core_planversion WHERE state = 'published'",
    "dated publications": "SELECT COUNT(*) FROM core_planversion WHERE published_at IS NOT NULL",
    "audit entries": "SELECT COUNT(*) FROM core_auditentry",
}


def actions(count, prefix):
    return [
        parsed_action(
            f"{1 + n % 5}.{n}", f"{prefix} action {n}", 1 + n % 5, progress=f"{prefix} progress {n}"
        )
        for n in range(1, count + 1)
    ]


@pytest.fixture
def published(transactional_db):
    """Kirkshire: Version 1 (20 actions with their progress notes) published a year ago."""
    area = make_area("Kirkshire", region=Region.NORTH_WEST)
    first = plan_version_import(
        area=area, actor=None, parsed=ParsedPlan(title="Plan", actions=actions(20, "First"))
    )
    plan_version_publish(version=first, actor=None, now=timezone.now() - timedelta(days=365))
    return area, first


@pytest.fixture
def drafted(published):
    """And a draft Version 2 with 50 actions and their imported progress notes."""
    area, _first = published
    draft = plan_version_import(
        area=area, actor=None, parsed=ParsedPlan(title="Plan", actions=actions(50, "Second"))
    )
    return area, draft


class Database:
    """The database the child works on, and how the test reads it back."""

    def __init__(self, tmp_path):
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            self.path = tmp_path / "killed.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(self.path) as target:
                connection.connection.backup(target)
            target.close()
            self.url = f"sqlite:///{self.path}"
        else:
            self.path = None
            self.url = (
                f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}"
                f":{settings['PORT']}/{settings['NAME']}"
            )

    def counts(self):
        if self.path is not None:
            # A fresh connection, as the next server process would open: SQLite rolls back
            # whatever the killed process left in its journal.
            with sqlite3.connect(self.path) as reader:
                counts = {k: reader.execute(sql).fetchone()[0] for k, sql in COUNTS.items()}
            reader.close()
            return counts
        with connection.cursor() as cursor:
            counts = {}
            for key, sql in COUNTS.items():
                cursor.execute(sql)
                counts[key] = cursor.fetchone()[0]
            return counts


def start(kind, database, area, version, folder):
    environment = {**os.environ, "DATABASE_URL": database.url, "CONCORDAT_PAGE_CACHE": "0"}
    command = [sys.executable, "-m", "tests.hostile.killed_midway", kind, area.slug]
    return subprocess.Popen(
        [*command, str(version.pk), str(folder)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(path, child, seconds=60):
    deadline = time.monotonic() + seconds
    while not path.exists():
        if child.poll() is not None:
            raise AssertionError(f"the child ended early: {child.communicate()[1][-3000:]}")
        assert time.monotonic() < deadline, f"the child never reached {path.name}"
        time.sleep(0.05)
    time.sleep(0.05)  # the file's content is written in one call; let it land
    return json.loads(path.read_text())


def kill_process(child, reached):
    os.kill(reached["pid"], signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def kill_connection(child, reached, folder):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [reached["backend"]])
        assert cursor.fetchone() == (True,)
    (folder / "go").write_text("go")
    _out, errors = child.communicate(timeout=60)
    assert child.returncode == 1
    assert "terminating connection due to administrator command" in errors


def stop_midway(kind, how, plans, tmp_path):
    area, draft = plans
    database = Database(tmp_path)
    before = database.counts()
    child = start(kind, database, area, draft, tmp_path)
    try:
        reached = wait_for(tmp_path / "reached", child)
        if how == "process":
            kill_process(child, reached)
        else:
            kill_connection(child, reached, tmp_path)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert not (tmp_path / "finished").exists()
    return before, reached["seen"], database.counts()


KILLS = ["process"] + (
    ["connection"] if os.environ.get("DATABASE_URL", "").startswith("postgres") else []
)


@pytest.mark.parametrize("how", KILLS)
def test_an_import_stopped_halfway_saves_nothing(published, tmp_path, how):
    before, seen, after = stop_midway("import", how, published, tmp_path)
    # The version row was written when the child stopped; it is gone.
    assert seen["versions"] == before["versions"] + 1
    assert before == {
        "versions": 1,
        "actions": 20,
        "updates": 20,
        "published updates": 20,
        "published versions": 1,
        "dated publications": 1,
        "audit entries": before["audit entries"],
    }
    assert after == before


@pytest.mark.parametrize("how", KILLS)
def test_a_publication_stopped_halfway_saves_nothing(drafted, tmp_path, how):
    before, seen, after = stop_midway("publish", how, drafted, tmp_path)
    # The version was marked published when the child stopped; it is a draft again.
    assert seen["published versions"] == before["published versions"] + 1
    assert before["published versions"] == 1
    assert before["published updates"] == 20
    assert after == before
    _area, draft = drafted
    if connection.vendor != "sqlite":
        draft.refresh_from_db()
        assert (draft.state, draft.published_at) == (PlanVersion.State.DRAFT, None)


def test_the_same_child_left_alone_imports_and_publishes(published, tmp_path):
    """The control: without a kill, the child's writes are all there."""
    area, version = published
    database = Database(tmp_path)
    before = database.counts()
    (tmp_path / "go").write_text("go")
    child = start("both", database, area, version, tmp_path)
    _out, errors = child.communicate(timeout=120)
    assert child.returncode == 0, errors[-3000:]
    after = database.counts()
    assert after["versions"] == before["versions"] + 1
    assert after["actions"] == before["actions"] + 200
    assert after["updates"] == before["updates"] + 200
    assert after["published versions"] == before["published versions"] + 1
    assert after["published updates"] == before["published updates"] + 200
    assert after["audit entries"] > before["audit entries"]
