"""What the benchmark scripts share: registering page fetches, percentiles, the printed table
and the gunicorn server (tests/hostile/loadmix.py's, which the load test uses too).

    from harness import Server, exit_status, pages, percentile, table
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.hostile.loadmix import Server  # noqa: E402

__all__ = ["Server", "exit_status", "pages", "percentile", "table"]


def pages(benchmark, rows, *, budget_ms):
    """Register a benchmark per (name, path) row that fetches the path through the test client;
    a path may be a function of the bench context (`lambda ctx: f"/areas/{ctx.area.slug}/"`)."""
    for name, path in rows:
        benchmark(name, budget_ms=budget_ms)(_fetch(path))


def _fetch(path):
    def setup(ctx):
        return ctx.get(path(ctx) if callable(path) else path)

    return setup


def percentile(values, share=0.95):
    """The nearest-rank percentile (p95 by default) of `values`."""
    values = sorted(values)
    return values[min(len(values) - 1, round(share * len(values)) - 1)]


def table(header, rows, *, title=None):
    """Print rows under a header and a rule, the first column left-aligned, the rest right."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    if title:
        print(f"\n{title}")
    print(line.format(*header))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))


def exit_status(misses):
    """The script's exit status: 1 after naming what was over budget, 0 when nothing was."""
    if misses:
        print(f"\nOver budget: {', '.join(misses)}")
        return 1
    return 0
