"""`make bench` (and `make bench-pg`): public pages against a static file, over real HTTP.

Starts gunicorn (2 sync workers) on the England-scale data and drives it with Debian's `wrk`
(4 connections, 10 seconds an address by default). For each address it first serves a static
file of the same size through the same gunicorn (WhiteNoise), so the ratio compares like with
like: the static file is the physical limit of this machine and server for that many bytes.

Two tables:

- Throughput, cached: requests a second, p50 and p99 for the static file and for the page,
  and the page's share of the static file's throughput. Budget: at least 50%.
- First request after a change: the publication counter is bumped (as any publication does),
  then one request is timed, 20 times an address. Budget: p95 50 ms or less.

Options: --database-url URL (default: the SQLite bench database), --duration S, --connections
N, --workers N, --samples N (first-request timings per address), --only NAME (repeatable).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import Server, exit_status, percentile, table  # noqa: E402

MIN_RATIO = 0.5
FIRST_REQUEST_BUDGET_MS = 50
STATIC_PREFIX = "bench-throughput"
PAGE_CACHE = {"CONCORDAT_PAGE_CACHE": "1"}  # as in production (run.py turns it off in-process)
# A page served by WhiteNoise without the database: it answers as soon as a worker has booted.
READY_PATH = f"/static/{STATIC_PREFIX}/ready.txt"
# gunicorn's watchdog (30 s by default) kills a worker whose request runs longer, and gunicorn
# answers that request 500: a cold first build of the national picture on a busy machine (the
# first fetch on PostgreSQL, after bench/run.py) took that.
WORKER_TIMEOUT = 300


def addresses(ctx):
    """(name, path) for every address the table times, from the bench data."""
    from concordat.reports.models import ProgressReport

    report = (
        ProgressReport.objects.filter(area=ctx.area, state=ProgressReport.State.PUBLISHED)
        .order_by("-published_at")
        .first()
    )
    slug = ctx.area.slug
    return [
        ("/ (national picture)", "/"),
        ("/areas/", "/areas/"),
        ("Area dashboard", f"/areas/{slug}/"),
        ("Plan page", f"/areas/{slug}/plan/"),
        ("Plan CSV", f"/areas/{slug}/plan.csv"),
        ("Action page", f"/areas/{slug}/plan/actions/{ctx.action.ref}/"),
        ("Report page", f"/areas/{slug}/reports/{report.pk}/"),
        ("API listing", f"/api/actions?area={slug}"),
    ]


WRK_LINE = re.compile(r"^\s*(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, *, duration, connections):
    """Requests a second, p50 ms and p99 ms of `url` under load."""
    command = [
        "wrk",
        "--latency",
        "-t",
        str(min(connections, 2)),
        "-c",
        str(connections),
        "-d",
        f"{duration}s",
        "--timeout",
        "30s",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} responses were errors")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {int(p): float(v) * UNITS[u] for p, v, u in WRK_LINE.findall(output)}
    return rate, latency[50], latency[99]


def first_request_ms(server, path, *, samples, bump):
    """p50 and p95 of one request right after a change of public data."""
    timings = []
    for _ in range(samples):
        bump()
        began = time.perf_counter()
        status, _body = server.get(path)
        timings.append((time.perf_counter() - began) * 1000)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    return statistics.median(timings), percentile(timings)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing Debian's wrk for the throughput table…", file=sys.stderr)
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"]
    if os.geteuid() != 0:
        install = ["sudo", "-n", *install]
    subprocess.run(install, check=True, stdin=subprocess.DEVNULL)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--only", action="append", default=[])
    options = parser.parse_args(argv)

    import run

    if options.database_url is None:
        run.ensure_database()
        options.database_url = f"sqlite:///{run.BENCH_DB}"
    os.environ["DATABASE_URL"] = options.database_url
    run.start_django(options.database_url)
    ensure_wrk()

    from django.core.management import call_command

    from concordat.pagecache.counter import publication_bump

    call_command("migrate", verbosity=0)  # the counter and the cache table
    ctx = run.Context()
    chosen = [(n, p) for n, p in addresses(ctx) if not options.only or n in options.only]

    from django.conf import settings

    static_root = Path(settings.STATIC_ROOT) / STATIC_PREFIX
    shutil.rmtree(static_root, ignore_errors=True)
    static_root.mkdir(parents=True)
    (static_root / "ready.txt").write_text("ready\n")
    try:
        # Learn each page's size, then serve static files of those sizes from a fresh start
        # (WhiteNoise lists STATIC_ROOT when it starts).
        server = Server(
            database_url=options.database_url,
            workers=options.workers,
            env=PAGE_CACHE,
            timeout=WORKER_TIMEOUT,
            ready_path=READY_PATH,
        )
        sizes = {}
        try:
            for name, path in chosen:
                status, body = server.get(path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
                sizes[name] = len(body)
        finally:
            server.stop()
        for index, (name, _path) in enumerate(chosen):
            (static_root / f"{index}.html").write_bytes(b"x" * sizes[name])

        server = Server(
            database_url=options.database_url,
            workers=options.workers,
            env=PAGE_CACHE,
            timeout=WORKER_TIMEOUT,
            ready_path=READY_PATH,
        )
        cached_rows, first_rows, misses = [], [], []
        try:

            def bump():
                publication_bump()
                from django.db import connection

                connection.close()

            for index, (name, path) in enumerate(chosen):
                static_url = f"{server.base}/static/{STATIC_PREFIX}/{index}.html"
                static_rate, static_p50, static_p99 = wrk(
                    static_url, duration=options.duration, connections=options.connections
                )
                server.get(path)  # the first request after the last change fills the cache
                for _ in range(4 * options.workers):  # every worker has served it once
                    server.get(path)
                rate, p50, p99 = wrk(
                    server.base + path, duration=options.duration, connections=options.connections
                )
                ratio = rate / static_rate
                verdict = "ok" if ratio >= MIN_RATIO else f"OVER (under {MIN_RATIO:.0%})"
                if ratio < MIN_RATIO:
                    misses.append(f"{name} (throughput)")
                cached_rows.append(
                    (
                        name,
                        f"{sizes[name] / 1024:.0f}",
                        f"{static_rate:.0f}",
                        f"{static_p50:.1f}",
                        f"{static_p99:.1f}",
                        f"{rate:.0f}",
                        f"{p50:.1f}",
                        f"{p99:.1f}",
                        f"{ratio:.0%}",
                        verdict,
                    )
                )
                print(f"  {name}: {rate:.0f}/s, {ratio:.0%} of static", file=sys.stderr)

                median, p95 = first_request_ms(server, path, samples=options.samples, bump=bump)
                over = p95 > FIRST_REQUEST_BUDGET_MS
                if over:
                    misses.append(f"{name} (first request)")
                first_rows.append(
                    (
                        name,
                        f"{median:.1f}",
                        f"{p95:.1f}",
                        f"OVER {FIRST_REQUEST_BUDGET_MS} ms" if over else "ok",
                    )
                )
        finally:
            server.stop()
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    vendor = "PostgreSQL" if options.database_url.startswith("postgres") else "SQLite"
    print(
        f"\nThroughput on {vendor}: gunicorn {options.workers} workers, wrk {options.connections} "
        f"connections, {options.duration} s an address; area {ctx.area.slug}"
    )
    table(
        (
            "address",
            "KiB",
            "static/s",
            "static p50",
            "static p99",
            "page/s",
            "p50 ms",
            "p99 ms",
            "of static",
            "budget",
        ),
        cached_rows,
    )
    print(f"\nFirst request after a change on {vendor} ({options.samples} each)")
    table(("address", "p50 ms", "p95 ms", "budget"), first_rows)
    return exit_status(misses)


if __name__ == "__main__":
    sys.exit(main())
