"""The child process of test_killed_midway.py: an import or a publication, stopped halfway.

    python -m tests.hostile.killed_midway import|publish|both AREA_SLUG VERSION_PK FOLDER

(VERSION_PK is the version to publish; an import ignores it; "both" imports a plan and
publishes it.)

Run with DATABASE_URL set to the test's database. A hook on the database connection waits at
a point inside the service's transaction, after some of its rows are written and before the
rest: before the first action of an import is inserted (its version row is in), or before a
publication marks its progress notes public (the version row is already updated). There it
writes FOLDER/reached (its process id and database backend id) and waits for FOLDER/go, which
the test never gives if it kills this process, and gives after killing the connection.
"""

import json
import os
import sys
import time
from pathlib import Path

HOOKS = {
    "import": 'INSERT INTO "core_action"',
    "publish": 'UPDATE "core_progressupdate"',
    "both": 'INSERT INTO "core_action"',
}


def backend_id(connection):
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def main(kind, slug, version_pk, folder):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordat.settings")
    import django

    django.setup()
    from django.db import connection

    from concordat.core.models import Area, PlanVersion
    from concordat.core.services import plan_version_import, plan_version_publish
    from concordat.imports.parsed import ParsedAction, ParsedPlan

    folder = Path(folder)
    backend = backend_id(connection)

    def seen():
        """What the unfinished transaction has written so far, as it sees it."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM core_planversion WHERE state = 'published'")
            published = cursor.fetchone()[0]
            cursor.execute("SELECT COUNT(*) FROM core_planversion")
            return {"versions": cursor.fetchone()[0], "published versions": published}

    def hook(execute, sql, params, many, context):
        if sql.startswith(HOOKS[kind]) and not (folder / "reached").exists():
            reached = {"pid": os.getpid(), "backend": backend, "seen": seen()}
            (folder / "reached").write_text(json.dumps(reached))
            deadline = time.monotonic() + 60
            while not (folder / "go").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(hook):
        if kind in ("import", "both"):
            actions = [
                ParsedAction(
                    row=n,
                    ref=f"9.{n}",
                    ref_raw=f"9.{n}",
                    section=1 + n % 5,
                    text=f"Imported action {n}",
                    progress=f"Progress of imported action {n}",
                )
                for n in range(1, 201)
            ]
            done = plan_version_import(
                area=Area.objects.get(slug=slug),
                actor=None,
                parsed=ParsedPlan(title="Plan imported halfway", actions=actions),
            )
        if kind == "both":
            done = plan_version_publish(version=done, actor=None)
        elif kind == "publish":
            version = PlanVersion.objects.get(pk=int(version_pk))
            done = plan_version_publish(version=version, actor=None)
    (folder / "finished").write_text(json.dumps({"version": done.pk}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
