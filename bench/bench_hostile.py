"""Hostile files and the growth of reading time: issue 14's small files that claim enormous
content, and plans of N, 2N, 4N and 8N rows in each format.

    python bench/bench_hostile.py [--cap-mb 4096] [--timeout 150] [--skip-growth]

Each file is read by `parse_plan` (as the web import, `import_plan` and `load_seeds` read it)
in a child process of its own, so its time and peak memory are its alone: wall time, CPU time
and the growth of the peak resident size over the process it started from (which includes the
reading's own isolated child). As a guard for the machine it runs on, that child is capped at
`--cap-mb` of address space and `--timeout` seconds; a run stopped there is shown as such.

Budgets: every hostile file is refused within 2 s of CPU and 300 MB; reading grows linearly
(the time per 1,000 rows of the largest plan is at most 1.5 times that of the smallest, and
the smallest is timed over enough rows that start-up costs do not dominate).
"""

import argparse
import os
import pickle
import resource
import select
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import exit_status, table  # noqa: E402

BUDGET_CPU_SECONDS = 2.0
BUDGET_MB = 300
GROWTH_FACTOR = 1.5


def start_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordat.settings")
    import django

    django.setup()


def hostile_files():
    from tests.imports import hostile

    return [
        ("docx, huge gridSpan", "plan.docx", hostile.docx_huge_span()),
        ("odt, text:c=500000000", "plan.odt", hostile.odt_repeated_spaces()),
        ("ods, 150 repeated tables", "plan.ods", hostile.ods_many_tables()),
        ("xlsx, 200 padded sheets", "plan.xlsx", hostile.xlsx_padded_sheets()),
        ("csv, 60,000 rows", "plan.csv", hostile.csv_rows(60_000)),
    ]


def _rss_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def measure(filename, data, *, cap_mb, timeout):
    """(outcome, wall s, CPU s, peak MB over the starting process) of one parse in a child."""
    from concordat.imports.pipeline import ImportRefused, parse_plan

    reader, writer = os.pipe()
    baseline_kb = _rss_kb()
    began = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: read, report, leave without running any clean-up
        os.close(reader)
        try:
            cap = cap_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            try:
                plan = parse_plan(data, filename)
                outcome = f"parsed, {len(plan.actions)} actions"
            except ImportRefused as refused:
                outcome = f"refused: {refused.message}"
            except MemoryError:
                outcome = f"stopped at the {cap_mb} MB cap"
            except BaseException as error:  # noqa: BLE001 - reported, not raised
                outcome = f"crashed: {type(error).__name__}: {error}"
            os.write(writer, pickle.dumps(outcome))
        finally:
            os._exit(0)
    os.close(writer)
    chunks, deadline, timed_out = [], began + timeout, False
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            timed_out = True
            break
        ready, _, _ = select.select([reader], [], [], left)
        if ready:
            chunk = os.read(reader, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    os.close(reader)
    _pid, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - began
    cpu = usage.ru_utime + usage.ru_stime
    peak_mb = max(0, usage.ru_maxrss - baseline_kb) / 1024
    if timed_out:
        outcome = f"stopped after {timeout} s"
    elif chunks:
        outcome = pickle.loads(b"".join(chunks))  # noqa: S301 - our own child's report
    else:
        outcome = f"killed ({_signal_name(status)})"
    return outcome, wall, cpu, peak_mb


def _signal_name(status):
    if os.WIFSIGNALED(status):
        return signal.Signals(os.WTERMSIG(status)).name
    return f"exit {os.WEXITSTATUS(status)}"


def growth_plans():
    """(format, filename, builder(rows)) for the growth table."""
    from tests.imports import hostile

    return [
        ("csv", "plan.csv", hostile.csv_rows),
        ("txt", "plan.txt", hostile.txt_rows),
        ("xlsx", "plan.xlsx", hostile.xlsx_rows),
        ("docx", "plan.docx", hostile.docx_rows),
        ("odt", "plan.odt", hostile.odt_rows),
        ("ods", "plan.ods", hostile.ods_rows),
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cap-mb", type=int, default=4096)
    parser.add_argument("--timeout", type=int, default=150)
    parser.add_argument("--skip-growth", action="store_true")
    parser.add_argument("--rows", type=int, default=2_500, help="Smallest plan of the growth table")
    options = parser.parse_args(argv)
    start_django()
    misses = []

    rows = []
    for label, filename, data in hostile_files():
        outcome, wall, cpu, peak = measure(
            filename, data, cap_mb=options.cap_mb, timeout=options.timeout
        )
        over = []
        if not outcome.startswith("refused"):
            over.append("NOT REFUSED")
        if cpu > BUDGET_CPU_SECONDS:
            over.append(f"OVER {BUDGET_CPU_SECONDS:g} s")
        if peak > BUDGET_MB:
            over.append(f"OVER {BUDGET_MB} MB")
        if over:
            misses.append(label)
        shown = outcome if len(outcome) <= 70 else outcome[:67] + "..."
        rows.append(
            (
                label,
                f"{len(data) / 1024:.1f}",
                f"{wall:.2f}",
                f"{cpu:.2f}",
                f"{peak:.0f}",
                ", ".join(over) or "ok",
                shown,
            )
        )
    table(
        ("file", "KB", "wall s", "CPU s", "peak MB", "budget", "outcome"),
        rows,
        title=f"Hostile files (parse_plan in a child capped at {options.cap_mb} MB and "
        f"{options.timeout} s; budget: refused within {BUDGET_CPU_SECONDS:g} s CPU, "
        f"{BUDGET_MB} MB)",
    )

    if not options.skip_growth:
        rows = []
        sizes = [options.rows * factor for factor in (1, 2, 4, 8)]
        for fmt, filename, build in growth_plans():
            per_thousand = []
            for size in sizes:
                data = build(size)
                outcome, wall, cpu, peak = measure(
                    filename, data, cap_mb=options.cap_mb, timeout=options.timeout
                )
                if not outcome.startswith("parsed"):
                    per_thousand.append(None)
                    rows.append(
                        (
                            fmt,
                            f"{size:,}",
                            f"{len(data) / 1024:.0f}",
                            f"{cpu:.2f}",
                            "-",
                            f"{peak:.0f}",
                            outcome[:60],
                        )
                    )
                    continue
                per_thousand.append(cpu / size * 1000)
                rows.append(
                    (
                        fmt,
                        f"{size:,}",
                        f"{len(data) / 1024:.0f}",
                        f"{cpu:.2f}",
                        f"{cpu / size * 1000:.3f}",
                        f"{peak:.0f}",
                        outcome,
                    )
                )
            known = [value for value in per_thousand if value is not None]
            ratio = known[-1] / known[0] if len(known) == len(sizes) and known[0] else None
            verdict = "linear" if ratio is not None and ratio <= GROWTH_FACTOR else "OVER"
            if verdict == "OVER":
                misses.append(f"growth of {fmt}")
            rows.append((fmt, "8x / 1x", "", "", f"{ratio:.2f}" if ratio else "-", "", verdict))
        table(
            ("format", "rows", "KB", "CPU s", "s per 1,000", "peak MB", "outcome"),
            rows,
            title=f"Growth: CPU time per 1,000 rows of plans of "
            f"{', '.join(f'{s:,}' for s in sizes)} rows (linear when the largest's is at most "
            f"{GROWTH_FACTOR:g} times the smallest's)",
        )
    return exit_status(misses)


if __name__ == "__main__":
    sys.exit(main())
