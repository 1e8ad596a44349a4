"""Import benchmarks: time and peak memory to import each seed plan and generated 200-action
Word, Excel and PDF plans. Budgets: under 2 s and under 300 MB each.

An import here is what "Confirm import" does: `parse_plan` on the bytes, then
`plan_version_import` creating the draft, in a transaction rolled back after each run so every
run starts from the same database. The database is a fresh SQLite file with the seeds loaded
(so lead matching has the real register, and the seed plans import as refreshes of their
published versions).

    python bench/bench_import.py [--runs N]

Time is wall clock and CPU (the budget is checked on the slowest run's CPU time, which does
not count waiting for a busy machine). Peak memory is measured on a run of its own:
tracemalloc's peak of Python allocations, and the growth of the process's peak resident size
(which also counts lxml and pdfminer's C allocations, but only above the high-water mark
that earlier work left). `register(benchmark)` adds the same imports to bench/run.py's registry.
"""

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import exit_status, table  # noqa: E402

BUDGET_SECONDS = 2.0
BUDGET_MB = 300
ACTIONS = 200
SECTION_TITLES = [
    "Commissioning to allow earlier intervention and responsive crisis services",
    "Access to support before crisis point",
    "Urgent and emergency access to crisis care",
    "Quality of treatment and care when in crisis",
    "Recovery and staying well / preventing future crises",
]
HEADER = ["Ref", "Action", "Timescale", "Lead Organisation", "Outcomes", "Status", "RAG"]
TIMESCALES = [
    "By March 2016",
    "From April 2015",
    "Q3 2015/16",
    "Ongoing",
    "Autumn 2015 to Spring 2016",
    "30th September 2015",
    "2015/16",
    "Within annual commissioning cycle",
]
LEADS = [
    "NHS England",
    "Essex Police / SEPT",
    "Thurrock Council and Basildon CCG",
    "College of Emergency Medicine",
    "Local Government Association",
    "Mind",
]
STATUSES = ["On track", "Complete", "Not started", "Underway", "Superseded"]
RAGS = ["G", "A", "R", "Blue", ""]


# --- generated plans -------------------------------------------------------------------


def plan_rows():
    """Section heading rows and 200 action rows, 40 a section."""
    rows = []
    per_section = ACTIONS // len(SECTION_TITLES)
    for s, title in enumerate(SECTION_TITLES, start=1):
        rows.append([f"{s}. {title}"])
        for n in range(1, per_section + 1):
            i = (s - 1) * per_section + n
            rows.append(
                [
                    f"{s}.{n}",
                    f"Action {i}: agree and deliver the crisis pathway improvement number {i} "
                    "with partners, including people with lived experience and carers.",
                    TIMESCALES[i % len(TIMESCALES)],
                    LEADS[i % len(LEADS)],
                    f"• Fewer people detained under s136 ({i})\n• Better crisis plans",
                    STATUSES[i % len(STATUSES)],
                    RAGS[i % len(RAGS)],
                ]
            )
    return rows


def docx_plan():
    import docx

    document = docx.Document()
    document.add_heading("Bench Area Crisis Care Concordat action plan 2015/16", level=1)
    rows = plan_rows()
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        if len(row) == 1:
            merged = cells[0].merge(cells[-1])
            merged.text = row[0]
            continue
        for cell, text in zip(cells, row, strict=True):
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_plan():
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    sheet.append(["Bench Area Crisis Care Concordat action plan 2015/16"])
    sheet.append(HEADER)
    for row in plan_rows():
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_plan():
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=9)
    data, spans = [[Paragraph(h, small) for h in HEADER]], []
    for row in plan_rows():
        if len(row) == 1:
            spans.append(("SPAN", (0, len(data)), (-1, len(data))))
            data.append([Paragraph(row[0], small)] + [""] * (len(HEADER) - 1))
        else:
            data.append([Paragraph(text.replace("\n", "<br/>"), small) for text in row])
    table = Table(data, colWidths=[35, 250, 85, 110, 150, 60, 35], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), *spans]))
    buffer = io.BytesIO()
    title = Paragraph("Bench Area Crisis Care Concordat action plan 2015/16", styles["Title"])
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build([title, table])
    return buffer.getvalue()


def _seed(name):
    from concordat.seeds.loader import seed_path

    path = seed_path(name)
    return path.name, path.read_bytes()


# (label, area slug, what gives (file name, bytes)), built only when asked for.
PLANS = [
    ("seed 001 national plan (.txt)", "england", lambda: _seed("national_plan")),
    ("seed 004 South West Essex (.txt)", "south-west-essex", lambda: _seed("local_plan")),
    ("200 actions (.docx)", "bench-area", lambda: ("plan.docx", docx_plan())),
    ("200 actions (.xlsx)", "bench-area", lambda: ("plan.xlsx", xlsx_plan())),
    ("200 actions (.pdf)", "bench-area", lambda: ("plan.pdf", pdf_plan())),
]


def documents():
    """(label, area slug, file name, bytes) for each plan imported."""
    return [(label, slug, *make()) for label, slug, make in PLANS]


# --- importing -------------------------------------------------------------------------


class Rollback(Exception):
    pass


def importer(slug, filename, data):
    """A zero-argument callable importing the file into the area, rolled back; it returns the
    number of actions imported."""
    from django.db import transaction

    from concordat.core.models import Area
    from concordat.core.services import plan_version_import
    from concordat.imports.pipeline import parse_plan
    from concordat.imports.preview import organisation_registry

    area = Area.objects.get(slug=slug)

    def run():
        parsed = parse_plan(data, filename, registry=organisation_registry())
        try:
            with transaction.atomic():
                version = plan_version_import(
                    area=area, parsed=parsed, actor=None, filename=filename
                )
                count = version.actions.count()
                raise Rollback
        except Rollback:
            pass
        if count != len(parsed.actions) or count == 0:
            raise RuntimeError(f"{filename}: imported {count} of {len(parsed.actions)} actions")
        return count

    return run


def peak_memory_mb(call):
    """(tracemalloc peak, growth of peak resident size) in MB for one call."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    try:
        call()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    return peak / 2**20, rss_growth / 1024  # ru_maxrss is in KiB on Linux


def register(benchmark):
    """Add the imports to bench/run.py's registry: `bench_import.register(benchmark)`.

    Safe to call before Django starts: the files are built when run.py sets each one up.
    run.py's database is the England-scale one, so every plan imports into an area of its own
    with no plan (left behind, empty, after the rolled-back imports).
    """
    for label, _slug, make in PLANS:

        @benchmark(f"Import {label}", budget_ms=BUDGET_SECONDS * 1000)
        def setup(ctx, make=make):
            from concordat.core.models import Area

            area, _ = Area.objects.get_or_create(
                slug="bench-import", defaults={"name": "Bench import"}
            )
            return importer(area.slug, *make())


# --- standalone --------------------------------------------------------------------------


def start_django(folder):
    os.environ["CONCORDAT_VAR_DIR"] = str(folder)
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench-import.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordat.settings")
    # Read in this process, so the reading's own CPU time and memory are what is measured
    # (in the forked child of concordat/imports/isolation.py they would not count here).
    os.environ.setdefault("CONCORDAT_IMPORT_ISOLATED", "0")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_seeds", verbosity=0)
    from concordat.core.models import Area

    Area.objects.get_or_create(slug="bench-area", defaults={"name": "Bench Area"})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Timed imports of each file.")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="concordat-bench-import-") as folder:
        print("Preparing a database with the seeds loaded…")
        start_django(Path(folder))
        rows, misses = [], []
        for label, slug, filename, data in documents():
            call = importer(slug, filename, data)
            actions = call()  # warm-up, and the check that every action is imported
            timings, cpu = [], []
            for _ in range(max(options.runs, 1)):
                began, began_cpu = time.perf_counter(), time.process_time()
                call()
                timings.append(time.perf_counter() - began)
                cpu.append(time.process_time() - began_cpu)
            traced, rss = peak_memory_mb(call)
            worst = max(cpu)
            over = []
            if worst >= BUDGET_SECONDS:
                over.append(f"OVER {BUDGET_SECONDS:g} s")
            if max(traced, rss) >= BUDGET_MB:
                over.append(f"OVER {BUDGET_MB} MB")
            if over:
                misses.append(label)
            rows.append(
                (
                    label,
                    f"{len(data) / 1024:.0f}",
                    str(actions),
                    f"{statistics.median(timings):.2f}",
                    f"{max(timings):.2f}",
                    f"{statistics.median(cpu):.2f}",
                    f"{worst:.2f}",
                    f"{traced:.1f}",
                    f"{rss:.1f}",
                    ", ".join(over) or "ok",
                )
            )
        process_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    header = (
        "plan",
        "KB",
        "actions",
        "median s",
        "max s",
        "CPU median s",
        "CPU max s",
        "peak MB",
        "RSS +MB",
        "budget",
    )
    table(
        header,
        rows,
        title=f"Import (parse_plan + plan_version_import, rolled back): {options.runs} timed "
        f"runs each after a warm-up; budgets {BUDGET_SECONDS:g} s and {BUDGET_MB} MB",
    )
    print(
        f"The time budget is checked on CPU time: wall time also counts waiting for a busy "
        f"machine. Peak resident size of the whole process (Django, seeds, generating the "
        f"documents and every import): {process_mb:.0f} MB."
    )
    return exit_status(misses)


if __name__ == "__main__":
    sys.exit(main())
