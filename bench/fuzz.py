"""`make fuzz`: the importer fed 100,000 damaged copies of the site's own downloads.

    python bench/fuzz.py [--count 100000] [--seed 14] [--jobs 2]
                         [--cpu-seconds 10] [--memory-mb 512] [--wall-margin 10]

Builds the small published world of the public pages' tests in a throwaway SQLite database,
downloads every export of it as the site writes them (the plan as .csv, .xlsx, .docx, .odt and
.pdf, a progress report as .docx and .pdf, the metrics and area CSVs and every API CSV), then
damages them with the seeded mutator of tests/hostile/mutate.py (byte flips, cuts, inserts,
repeats, and XML parts changed inside the zip formats) and reads each copy with `parse_plan`,
as the site reads an upload, under the same kind of CPU-time and memory ceilings as
concordat/imports/isolation.py puts on it, here --cpu-seconds and --memory-mb.

Prints files tried, parsed, refused (with a plain message; "damaged" are those refused because
a parser library raised on the damaged bytes, by type), unhandled exceptions (raised in the
project's own code), time-outs, refusals at the memory ceiling, the slowest file and the peak
resident memory of a reading child (which shares the pages it inherits). Each unhandled or
timed-out file is written to var/fuzz-failures/ for a rerun. Exits 1 on any unhandled
exception or time-out.

Each job reads its files in a reading process of its own, forked again every 200 files and
after any file that takes it past a ceiling: before each file, its CPU-time limit (RLIMIT_CPU)
is set to what it has used plus --cpu-seconds; its address space (RLIMIT_AS) is held to its
size at the start plus --memory-mb. So every file has the same ceilings as an upload on the site
without a fork per file, which cost as much as the reading. --fork-each reads every file
exactly as the site does (`parse_plan` forking its own ceilinged child), at half the speed.

--wall-margin sets how long past the CPU ceiling, in wall time, a reading may wait before it is
stopped (10 s, as on the site); on a busy machine a reading waiting for a core is not a slow
file, so raise it there: the CPU ceiling still stops any reading that works too long.

--jobs splits the count between that many processes (one per core by default), each with its
own seeded stream (seed, job number), so a run is repeatable for a given seed and job count.
"""

import argparse
import gc
import math
import multiprocessing
import os
import queue
import random
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FAILURES = ROOT / "var" / "fuzz-failures"
FILES_PER_PROCESS = 200


def start_django(database):
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["CONCORDAT_PAGE_CACHE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordat.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def exports():
    from django.test.utils import setup_test_environment

    from tests.hostile.exports import site_exports

    setup_test_environment()
    return site_exports()


class ReadingProcess:
    """A long-lived reading child with the site's per-file ceilings (see the docstring)."""

    def __init__(self, options):
        self.cpu_seconds = options.cpu_seconds
        self.memory_mb = options.memory_mb
        self.wall_seconds = options.cpu_seconds + options.wall_margin
        self.process = None

    def outcome(self, data, filename):
        if self.process is None:
            self._start()
        self.connection.send((data, filename))
        if not self.connection.poll(self.wall_seconds):
            self._stop()
            return "timeout", f"still reading after {self.wall_seconds} s of wall time"
        try:
            kind, detail = self.connection.recv()
        except (EOFError, OSError):
            code = self._stop()
            if code in (-signal.SIGXCPU, -signal.SIGKILL):
                return "timeout", f"past {self.cpu_seconds} s of CPU time"
            return "unhandled", f"the reading process ended (exit code {code})"
        self.files += 1
        if kind == "memory" or self.files >= FILES_PER_PROCESS:
            self._stop()  # a fresh process, so that no file inherits another's leftovers
        return kind, detail

    def _start(self):
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(
            target=_read_in_child, args=(child_end, self.cpu_seconds, self.memory_mb)
        )
        self.process.start()
        self.files = 0
        child_end.close()

    def _stop(self):
        self.process.kill()
        self.process.join()
        code = self.process.exitcode
        self.connection.close()
        self.process = None
        return code


def _read_in_child(connection, cpu_seconds, memory_mb):
    from concordat.imports import isolation
    from tests.hostile.mutate import outcome

    gc.freeze()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    ceiling = isolation._address_space() + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    while True:
        data, filename = connection.recv()
        used = resource.getrusage(resource.RUSAGE_SELF)
        limit = math.ceil(used.ru_utime + used.ru_stime) + cpu_seconds
        resource.setrlimit(resource.RLIMIT_CPU, (limit, resource.RLIM_INFINITY))
        connection.send(outcome(data, filename))


def fuzz_share(job, count, options, results):
    """One job's share of the run; its tallies go back through `results`."""
    with tempfile.TemporaryDirectory(prefix=f"concordat-fuzz-{job}-") as folder:
        start_django(Path(folder) / "fuzz.sqlite3")
        from django.conf import settings
        from django.db import connections

        from concordat.imports import isolation
        from tests.hostile.mutate import mutate, outcome

        originals = exports()
        connections.close_all()  # the children never touch the database
        settings.CONCORDAT_IMPORT_ISOLATED = options.fork_each
        settings.CONCORDAT_IMPORT_CPU_SECONDS = options.cpu_seconds
        settings.CONCORDAT_IMPORT_MEMORY_MB = options.memory_mb
        isolation.WALL_MARGIN_SECONDS = options.wall_margin
        read = outcome if options.fork_each else ReadingProcess(options).outcome

        rng = random.Random(f"{options.seed}-{job}")
        tally, damaged, by_source = Counter(), Counter(), Counter()
        slowest = (0.0, "")
        began = time.monotonic()
        for number in range(1, count + 1):
            name, data = originals[number % len(originals)]
            mutated, filename = mutate(data, name, rng)
            started = time.monotonic()
            kind, detail = read(mutated, filename)
            took = time.monotonic() - started
            if took > slowest[0]:
                slowest = (took, f"job {job} #{number} from {name} as {filename}, {kind}")
            tally[kind] += 1
            by_source[name, kind] += 1
            if kind == "damaged":
                damaged[detail] += 1
            if kind in ("unhandled", "timeout"):
                FAILURES.mkdir(parents=True, exist_ok=True)
                saved = FAILURES / f"{job}-{number:06d}-{filename}"
                saved.write_bytes(mutated)
                print(f"  {kind}: {saved.name} (from {name}): {detail}", flush=True)
            if options.progress and number % options.progress == 0:
                rate = number / (time.monotonic() - began)
                print(f"  job {job}: {number:,} files, {rate:.0f}/s: {dict(tally)}", flush=True)
    results.put(
        {
            "names": [name for name, _data in originals],
            "tally": tally,
            "damaged": damaged,
            "by_source": by_source,
            "slowest": slowest,
            "child_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "own_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cpu-seconds", type=int, default=10)
    parser.add_argument("--memory-mb", type=int, default=512)
    parser.add_argument(
        "--fork-each",
        action="store_true",
        help="fork a ceilinged child per file, exactly as the site reads an upload",
    )
    parser.add_argument(
        "--wall-margin",
        type=int,
        default=10,
        help="seconds of wall time past the CPU ceiling before a reading is stopped (the site "
        "uses 10; raise it when the machine is shared, since the CPU ceiling is the real bound)",
    )
    parser.add_argument("--progress", type=int, default=1000, help="print a line every N files")
    options = parser.parse_args(argv)

    jobs = max(1, min(options.jobs, options.count))
    each, extra = divmod(options.count, jobs)
    shares = [each + (1 if job < extra else 0) for job in range(jobs)]
    print(
        f"Fuzzing {options.count:,} damaged copies of the site's downloads in {jobs} job(s) "
        f"(seed {options.seed}; ceilings {options.cpu_seconds} s CPU, {options.memory_mb} MB)",
        flush=True,
    )
    began = time.monotonic()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = [
        context.Process(target=fuzz_share, args=(job, share, options, results))
        for job, share in enumerate(shares)
    ]
    for process in processes:
        process.start()
    reports = []
    while len(reports) < len(processes):
        try:
            reports.append(results.get(timeout=5))
        except queue.Empty:
            if any(process.exitcode not in (None, 0) for process in processes):
                for process in processes:
                    process.kill()
                print("A fuzzing job failed before it finished (see above).", file=sys.stderr)
                return 2
    for process in processes:
        process.join()
    elapsed = time.monotonic() - began

    tally, damaged, by_source = Counter(), Counter(), Counter()
    for report in reports:
        tally.update(report["tally"])
        damaged.update(report["damaged"])
        by_source.update(report["by_source"])
    slowest = max(report["slowest"] for report in reports)
    child_peak_mb = max(report["child_peak_mb"] for report in reports)
    own_mb = max(report["own_mb"] for report in reports)
    refused = tally["refused"] + tally["damaged"] + tally["memory"]
    print(f"\nFuzzing the importer: {sum(tally.values()):,} files in {elapsed:.0f} s")
    rows = [
        ("files tried", f"{sum(tally.values()):,}"),
        ("parsed", f"{tally['parsed']:,}"),
        ("refused", f"{refused:,}"),
        ("  with a specific message", f"{tally['refused']:,}"),
        ("  as damaged (a parser library raised)", f"{tally['damaged']:,}"),
        ("  at the memory ceiling", f"{tally['memory']:,}"),
        ("unhandled exceptions", f"{tally['unhandled']:,}"),
        ("time-outs", f"{tally['timeout']:,}"),
        ("slowest file (s)", f"{slowest[0]:.2f} ({slowest[1]})"),
        ("peak memory of a reading child (MB RSS)", f"{child_peak_mb:.0f}"),
        ("peak memory of a fuzzing process (MB RSS)", f"{own_mb:.0f}"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print("\nBy download (parsed / refused / damaged):")
    for name in reports[0]["names"]:
        counts = [by_source[name, kind] for kind in ("parsed", "refused", "damaged")]
        print(f"  {name:<18} {counts[0]:>7,} {counts[1]:>7,} {counts[2]:>7,}")
    if damaged:
        print("\nErrors parser libraries raised on damaged files (refused as damaged):")
        for error_type, count in damaged.most_common():
            print(f"  {error_type:<28} {count:>7,}")
    complete = sum(tally.values()) == options.count
    return 1 if tally["unhandled"] or tally["timeout"] or not complete else 0


if __name__ == "__main__":
    sys.exit(main())
