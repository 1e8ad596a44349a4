"""`make load`: readers and editors at once against gunicorn on the England-scale data.

    python bench/load.py [--seconds 600] [--readers 6] [--editors 4] [--importers 1]
                         [--workers 2] [--database-url URL]

By default it works on a copy of the SQLite bench database (built by `make bench` on first
use, see bench/run.py), so the benchmarks' data is never changed; --database-url points it at
another database instead (a PostgreSQL one loaded by `make bench-pg`, say), which it then
writes to. It adds an editor to each of --editors areas with a published plan, a lead to each
of --importers areas with no draft, and one Concordat office user, all signed in; then starts
gunicorn (--workers sync workers, the page cache on, as in production) and drives it for
--seconds with the people of tests/hostile/loadmix.py:

- readers browse public pages (the national picture, areas, an area, its plan, an action,
  the plan CSV, the API, search) across the areas;
- editors post progress updates on their area's published actions (one post in five twice,
  as a double click sends it);
- importers upload a plan (CSV, 40 actions), confirm it and send it for publication; the
  office publishes each submission.

Prints requests, errors, median and p95 per kind, then the integrity check: every accepted
update present exactly once (double posts included), every accepted import present with all
its actions and published whole when accepted, no version without actions, no published
version without its date and no draft with one. Exits 1 on any error or integrity problem.
"""

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import Server, table  # noqa: E402


def copy_bench_database(folder):
    import run

    run.ensure_database()
    target = Path(folder) / "load.sqlite3"
    with sqlite3.connect(run.BENCH_DB) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return f"sqlite:///{target}"


def cast(options):
    """The people of the run, with their accounts made in the database."""
    from django.db.models import Exists, OuterRef

    from concordat.accounts.models import AreaMembership
    from concordat.core.models import Action, Area, PlanVersion
    from tests.accounts.fixtures import make_user
    from tests.hostile.loadmix import Person, session_for

    working = PlanVersion.objects.filter(
        plan__area=OuterRef("pk"), state__in=["draft", "submitted"]
    )
    published = PlanVersion.objects.filter(plan__area=OuterRef("pk"), state="published")
    local = Area.objects.filter(kind=Area.Kind.LOCAL).annotate(
        has_draft=Exists(working), has_plan=Exists(published)
    )
    free = list(local.filter(has_plan=True, has_draft=False).order_by("slug"))
    with_plan = list(local.filter(has_plan=True).order_by("slug"))
    stamp = int(time.time())
    importer_areas = free[: options.importers]
    editor_areas = [a for a in with_plan if a not in importer_areas][: options.editors]
    people, pages = [], ["/", "/areas/", "/search/?q=crisis"]
    for area in with_plan[:: max(1, len(with_plan) // 20)]:
        version = (
            PlanVersion.objects.filter(plan__area=area, state="published")
            .order_by("-published_at")
            .first()
        )
        ref = Action.objects.filter(version=version).exclude(ref="").values_list("ref", flat=True)
        pages += [
            f"/areas/{area.slug}/",
            f"/areas/{area.slug}/plan/",
            f"/areas/{area.slug}/plan.csv",
            f"/api/actions?area={area.slug}",
        ]
        # An importer's new plan may drop any ref, so its area's action pages are not read.
        if ref.first() and area not in importer_areas:
            pages.append(f"/areas/{area.slug}/plan/actions/{ref.first()}/")
    people += [Person("read", pages=pages) for _ in range(options.readers)]
    for area in editor_areas:
        version = (
            PlanVersion.objects.filter(plan__area=area, state="published")
            .order_by("-published_at")
            .first()
        )
        editor = make_user(f"load-editor-{stamp}@{area.slug}.test.example")
        AreaMembership.objects.create(user=editor, area=area, role="editor")
        pks = list(Action.objects.filter(version=version).values_list("pk", flat=True)[:50])
        people.append(Person("progress", session_for(editor), area=area.slug, actions=pks))
    for area in importer_areas:
        lead = make_user(f"load-lead-{stamp}@{area.slug}.test.example")
        AreaMembership.objects.create(user=lead, area=area, role="lead")
        people.append(Person("import", session_for(lead), area=area.slug, actions_per_import=40))
    if importer_areas:
        office = make_user(f"load-office-{stamp}@concordat.test.example", is_office=True)
        people.append(Person("publish", session_for(office)))
    return people


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--editors", type=int, default=4)
    parser.add_argument("--importers", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--database-url", default=None)
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="concordat-load-") as folder:
        url = options.database_url or copy_bench_database(folder)
        os.environ["DATABASE_URL"] = url
        os.environ["CONCORDAT_PAGE_CACHE"] = "1"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordat.settings")
        import django

        django.setup()
        from django.db import connections

        from tests.hostile.loadmix import integrity, run

        people = cast(options)
        connections.close_all()
        server = Server(database_url=url, workers=options.workers, root=ROOT)
        try:
            print(
                f"Load: {len(people)} people for {options.seconds:.0f} s against gunicorn "
                f"({options.workers} workers) on {url.split(':', 1)[0]}",
                flush=True,
            )
            began = time.monotonic()
            ledger = run(people, server.base, options.seconds, seed=options.seed)
            elapsed = time.monotonic() - began
        finally:
            log = server.output()
            server.stop()
        connections.close_all()
        problems = integrity(ledger)

    rows = [
        (kind, count, errors, f"{count / elapsed:.1f}", f"{median:.0f}", f"{p95:.0f}")
        for kind, count, errors, median, p95 in ledger.table()
    ]
    people_by_kind = {}
    for person in people:
        people_by_kind[person.kind] = people_by_kind.get(person.kind, 0) + 1
    print(f"\nLoad over {elapsed:.0f} s: {people_by_kind}")
    table(("kind", "requests", "errors", "per s", "median ms", "p95 ms"), rows)
    print(
        "\n(read: one page; progress: the form and its post, or two posts for a double "
        "click; import: upload, preview, confirm and submit, then waiting for the office; "
        "publish: the review page and its post)"
    )
    for kind, errors in ledger.errors.items():
        for error in errors[:3]:
            print(f"  {kind} error: {error}")
    if any(ledger.errors.values()):
        print(f"\ngunicorn said:\n{log}")
    print(
        f"\nIntegrity: {len(ledger.notes)} accepted progress updates "
        f"({ledger.double_posts} sent twice), {len(ledger.imports)} accepted imports, "
        f"{len(ledger.published)} publications"
    )
    if problems:
        print(f"{len(problems)} problems:")
        for problem in problems[:20]:
            print(f"  {problem}")
    else:
        print(
            "every accepted write present exactly once, every import whole, no half-saved row: ok"
        )
    return 1 if problems or any(ledger.errors.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
