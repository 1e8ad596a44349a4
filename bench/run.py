"""`make bench`: time the public pages against synthetic data at the scale of all of England.

Builds the bench database once (`generate_england`, reused while the file exists), points
Django's default database at it, then runs each registered benchmark: a few warm-up calls,
one call that counts SQL queries, and at least 50 timed calls. Prints median and p95 server
time (the request through Django's test client, response fully read), the p95 of the CPU time
this process spent (SQLite runs in it; a busy machine inflates wall time, much less CPU time)
and queries per call.

To add a row (importer, exports, search, API…), register a function that returns what to call:

    @benchmark("Search", budget_ms=100)
    def search(ctx):
        return ctx.get("/search/?q=triage")

`ctx.get(path)` gives a callable that fetches the path and checks it answered 200; any
other zero-argument callable works too.

Options: --runs N (default 50), --only NAME (repeatable), --rebuild (build the data again,
drawn up to today).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR_DIR = Path(os.environ.get("CONCORDAT_VAR_DIR", ROOT / "var"))
BENCH_DB = Path(os.environ.get("CONCORDAT_BENCH_DB", VAR_DIR / "bench.sqlite3"))
sys.path.insert(0, str(ROOT / "bench"))

from harness import exit_status, pages, percentile, table  # noqa: E402

GENERATE = ["generate_england", "--areas", "152", "--seed", "1", "--database", "bench"]
WARM_UP = 5


@dataclass
class Benchmark:
    name: str
    setup: object
    budget_ms: float | None


REGISTRY: list[Benchmark] = []


def benchmark(name, *, budget_ms=None):
    def register(setup):
        REGISTRY.append(Benchmark(name=name, setup=setup, budget_ms=budget_ms))
        return setup

    return register


class Context:
    """What benchmarks need: a test client and a few objects from the bench data."""

    def __init__(self):
        from django.test import Client

        from concordat.core.models import Action, Area, Organisation

        self.client = Client()
        self.area = Area.objects.filter(plan__isnull=False).order_by("name").first()
        self.action = (
            Action.objects.filter(version__plan__area=self.area, version__state="published")
            .exclude(ref="")
            .order_by("-version__number", "position")
            .first()
        )
        self.organisation = (
            Organisation.objects.filter(sector="police").order_by("name").first()
            or Organisation.objects.order_by("name").first()
        )

    def get(self, path):
        def fetch():
            response = self.client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            # Streamed responses (CSV) are only built while they are read.
            if response.streaming:
                b"".join(response.streaming_content)
            else:
                response.content  # noqa: B018
            return response

        return fetch


# --- the public pages (issue 2's budgets: p95 under 100 ms each) ------------------------


pages(
    benchmark,
    [
        ("/ (national picture)", "/"),
        ("Area dashboard", lambda ctx: f"/areas/{ctx.area.slug}/"),
        ("Plan page", lambda ctx: f"/areas/{ctx.area.slug}/plan/"),
        ("Plan CSV", lambda ctx: f"/areas/{ctx.area.slug}/plan.csv"),
        ("Areas list", "/areas/?region=london"),
        ("Areas list, sorted by last update", "/areas/?sort=last_update&order=desc"),
        ("Areas CSV (every area)", "/areas.csv"),
        ("Map of England", "/areas/map/"),
        ("Plan page, compact table", lambda ctx: f"/areas/{ctx.area.slug}/plan/?view=table"),
        (
            "Plan page, filtered",
            lambda ctx: f"/areas/{ctx.area.slug}/plan/?status=in_progress&overdue=on",
        ),
        ("Action page", lambda ctx: f"/areas/{ctx.area.slug}/plan/actions/{ctx.action.ref}/"),
        ("Compare versions", lambda ctx: f"/areas/{ctx.area.slug}/plan/compare/?from=1&to=3"),
        (
            "Organisation page (a police force)",
            lambda ctx: f"/organisations/{ctx.organisation.slug}/",
        ),
    ],
    budget_ms=100,
)


# --- progress reports, metrics and exports (issue 5) -----------------------------------

from reports_bench import register as register_reports  # noqa: E402 - bench/ is on the path

register_reports(benchmark)


# --- open data and search (issue 6) ---------------------------------------------------

from bench_open_data import register as register_open_data  # noqa: E402

register_open_data(benchmark)


# --- the public's voice (issue 15) ------------------------------------------------------

from bench_voice import register as register_voice  # noqa: E402

register_voice(benchmark)


# --- running ----------------------------------------------------------------------------


def ensure_database(rebuild=False):
    """Build the bench database unless a complete one is there already.

    With CONCORDAT_BENCH_DATABASE_URL set (make bench-pg), the caller has loaded that database.
    """
    if os.environ.get("CONCORDAT_BENCH_DATABASE_URL"):
        return
    if not rebuild and BENCH_DB.exists() and _has_data(BENCH_DB):
        print(f"Using the bench database at {BENCH_DB}.")
        # New migrations (indexes) apply to the data already built.
        migrate = [sys.executable, str(ROOT / "manage.py"), "migrate", "--database", "bench"]
        subprocess.run([*migrate, "--verbosity", "0"], check=True, cwd=ROOT)
        return
    print(f"Building the bench database at {BENCH_DB} (once; it is reused afterwards)…")
    # Drawn up to today, so that recent progress and overdue reviews look as they would live.
    as_of = ["--as-of", date.today().isoformat()]
    command = [sys.executable, str(ROOT / "manage.py"), *GENERATE, *as_of, "--replace"]
    subprocess.run(command, check=True, cwd=ROOT)


def _has_data(path):
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            (count,) = connection.execute("SELECT COUNT(*) FROM core_progressupdate").fetchone()
    except sqlite3.Error:
        return False
    return count > 0


def database_url():
    """The bench database: CONCORDAT_BENCH_DATABASE_URL (make bench-pg) or the SQLite file."""
    return os.environ.get("CONCORDAT_BENCH_DATABASE_URL") or f"sqlite:///{BENCH_DB}"


def start_django(url=None):
    os.environ["DATABASE_URL"] = url or database_url()
    # Time the views themselves: every request builds its page (bench/throughput.py times the
    # page cache over HTTP).
    os.environ["CONCORDAT_PAGE_CACHE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordat.settings")
    import django

    django.setup()


def measure(call, runs):
    from django.db import connection

    for _ in range(WARM_UP):
        call()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        call()
    timings, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        call()
        timings.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return statistics.median(timings), percentile(timings), percentile(cpu), len(queries)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args(argv)

    ensure_database(rebuild=options.rebuild)
    start_django()
    ctx = Context()
    chosen = [b for b in REGISTRY if not options.only or b.name in options.only]

    rows, misses = [], []
    for item in chosen:
        try:
            median, p95, cpu_p95, queries = measure(item.setup(ctx), max(options.runs, 1))
        except Exception as error:  # one broken row must not hide the others
            rows.append((item.name, "-", "-", "-", "-", f"ERROR {error}"[:60]))
            misses.append(item.name)
            continue
        verdict = ""
        if item.budget_ms is not None:
            verdict = "ok" if p95 < item.budget_ms else f"OVER {item.budget_ms:g} ms"
            if p95 >= item.budget_ms:
                misses.append(item.name)
        rows.append(
            (item.name, f"{median:.1f}", f"{p95:.1f}", f"{cpu_p95:.1f}", str(queries), verdict)
        )
        print(f"  {item.name}: p95 {p95:.1f} ms", file=sys.stderr, flush=True)

    print(f"\n{options.runs} timed requests each after {WARM_UP} warm-up; area {ctx.area.slug}")
    table(("page", "median ms", "p95 ms", "p95 CPU ms", "queries", "budget"), rows)
    return exit_status(misses)


if __name__ == "__main__":
    sys.exit(main())
