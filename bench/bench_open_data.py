"""Benchmarks for open data and search (issue 6), at England scale.

Registered by run.py: search and API list endpoints, p95 under 100 ms each. Run on its own
(`python bench/bench_open_data.py`, part of `make bench`), it times one build of the
downloads ZIP and of the search index, which take seconds and are not per-request work.
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import pages  # noqa: E402

SEARCHES = [
    ("Search: street triage", "/search/?q=street+triage"),
    ("Search: crisis care plans, section 5", "/search/?q=crisis+care+plans&section=5"),
    ("Search: place of safety, in progress", "/search/?q=place+of+safety&status=in_progress"),
]


def ensure_search_index():
    """The generator writes rows in bulk, without the publication signals: index once."""
    from concordat.search.index import rebuild
    from concordat.search.models import SearchDocument

    if SearchDocument.objects.exists():
        return None
    began = time.perf_counter()
    total = rebuild()
    return total, time.perf_counter() - began


def register(benchmark):
    def search(path):
        def setup(ctx):
            ensure_search_index()
            return ctx.get(path)

        return setup

    for name, path in SEARCHES:
        benchmark(name, budget_ms=100)(search(path))

    pages(
        benchmark,
        [
            ("API: actions (all England, page 1)", "/api/actions"),
            (
                "API: actions of one area, overdue",
                lambda ctx: f"/api/actions?area={ctx.area.slug}&overdue=true",
            ),
            ("API: actions, stale and red", "/api/actions?stale=true&rag=red"),
            (
                "API: actions led by an organisation",
                lambda ctx: f"/api/actions?lead_organisation={ctx.organisation.slug}",
            ),
            ("API: progress updates (page 100)", "/api/updates?offset=5000"),
            (
                "API: metric values of one area",
                lambda ctx: f"/api/metric-values?area={ctx.area.slug}",
            ),
            ("API: areas", "/api/areas"),
            ("API: actions CSV of one area", lambda ctx: f"/api/actions.csv?area={ctx.area.slug}"),
        ],
        budget_ms=100,
    )


def main():
    import run

    run.ensure_database()
    run.start_django()
    from concordat.api.downloads import build_downloads
    from concordat.search.index import rebuild

    began = time.perf_counter()
    total = rebuild()
    index_seconds = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        path, counts = build_downloads(path=Path(folder) / "open-data.zip")
        zip_seconds = time.perf_counter() - began
        size = path.stat().st_size
    rows = sum(counts.values())
    print(f"\nSearch index rebuild: {total} documents in {index_seconds:.1f} s")
    print(
        f"Downloads ZIP build: {rows} rows in {len(counts)} CSV files, {size / 1e6:.1f} MB, "
        f"in {zip_seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
