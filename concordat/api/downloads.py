"""The downloads ZIP: every published record as CSV files, with a README describing them.

Built into a local temporary file, then saved whole into the shared storage (`concordat.files`:
the database, or object storage), where every app server finds it; a reader never sees half a
ZIP, and a failed build leaves the previous one. Whether something was published since the last
build is a marker in the same storage, so any server (or the scheduler) may do the build.
"""

import io
import logging
import os
import stat
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.files import File
from django.db import DatabaseError, OperationalError, connections
from django.utils import timezone

from concordat.core.models import Section
from concordat.files.storage import shared_storage
from concordat.pagecache.counter import publication_bump

from . import columns, records, selectors
from .csvfiles import write_csv

ZIP_NAME = "concordat-open-data.zip"
STORED_NAME = f"downloads/{ZIP_NAME}"
STALE_NAME = "downloads/.stale"
logger = logging.getLogger(__name__)
_building = threading.Lock()

SECTION_COLUMNS = [
    columns.Column("number", "The section's number, 1 to 5.", lambda s: s.number),
    columns.Column("title", "Its title.", lambda s: s.title),
    columns.Column("short_title", "A short form of the title.", lambda s: s.short_title),
    columns.Column("slug", "Its stable id.", lambda s: s.slug),
]


def files(today):
    """(file name, what it holds, its columns, its rows) for each CSV in the ZIP."""
    from concordat.api.voice import zip_files as voice_files
    from concordat.reports.models import Milestone, ReportSection

    reports = selectors.reports()
    return [
        (
            "sections.csv",
            "The five Concordat sections.",
            SECTION_COLUMNS,
            Section.objects.order_by("number"),
        ),
        (
            "areas.csv",
            "Local Concordat groups and the national area.",
            columns.AREA_COLUMNS,
            selectors.areas(),
        ),
        (
            "organisations.csv",
            "Organisations named in plans, and the national signatories and supporters.",
            columns.ORGANISATION_COLUMNS,
            selectors.organisations(),
        ),
        ("versions.csv", "Published plan versions.", columns.VERSION_COLUMNS, selectors.versions()),
        (
            "actions.csv",
            "Every action of every published plan version (one row per action "
            "per version: uid and version together name a row).",
            columns.ACTION_COLUMNS,
            records.action_records(selectors.actions(today=today, current=False)),
        ),
        (
            "updates.csv",
            "Published progress updates.",
            columns.UPDATE_COLUMNS,
            records.update_records(selectors.updates()),
        ),
        ("reports.csv", "Published progress reports.", columns.REPORT_COLUMNS, reports),
        (
            "report-sections.csv",
            "The text of each published progress report, by section.",
            columns.REPORT_SECTION_COLUMNS,
            ReportSection.objects.filter(report__in=reports.values("pk")).order_by(
                "report_id", "position"
            ),
        ),
        (
            "milestones.csv",
            "The milestones tables of the published progress reports.",
            columns.MILESTONE_COLUMNS,
            Milestone.objects.filter(report__in=reports.values("pk")).order_by(
                "report_id", "position"
            ),
        ),
        (
            "metrics.csv",
            "Outcome measures and KPI definitions.",
            columns.METRIC_COLUMNS,
            selectors.metrics(),
        ),
        (
            "metric-values.csv",
            "Values recorded for the metrics.",
            columns.METRIC_VALUE_COLUMNS,
            records.metric_value_records(selectors.metric_values()),
        ),
        *voice_files(),
    ]


def readme(built_at, listing, counts):
    lines = [
        f"{settings.CONCORDAT_SERVICE_NAME}: open data",
        "",
        f"Built {built_at:%Y-%m-%d %H:%M %Z} from everything published on the site.",
        "Nothing in draft or awaiting review is included.",
        "",
        "CSV files are UTF-8 (no byte order mark), comma-separated, with a header row and",
        "CRLF line ends; a cell with a comma, a quote or a line break is in double quotes.",
        "Dates are ISO 8601 (YYYY-MM-DD) or empty;",
        f'lists are joined with "{columns.LIST_SEPARATOR}"; true/false for yes/no.',
        "",
        "Text that a spreadsheet would run as a formula (a cell starting with =, +, -, @, a",
        "tab or a carriage return) is written with an apostrophe (') in front, the usual",
        "convention, so that spreadsheets show it as text. To get the text exactly as stored,",
        "remove one leading apostrophe from a cell whose next character is one of those.",
        "Numbers are never escaped. Characters that XML does not allow (control characters",
        "other than tab and line breaks) are left out; a vertical tab becomes a line break.",
        "",
        "These files are for programs. A spreadsheet opening a CSV guesses its encoding and",
        "turns refs such as 1.10 into numbers: to read one area's plan in Excel or",
        "LibreOffice Calc, download its .xlsx from the area's page instead.",
        "",
    ]
    for name, about, file_columns, _rows in listing:
        lines += [name, "=" * len(name), about, f"{counts[name]} rows.", ""]
        width = max(len(column.name) for column in file_columns)
        lines += [f"  {column.name.ljust(width)}  {column.description}" for column in file_columns]
        lines.append("")
    return "\n".join(lines)


def built_zip():
    """(size in bytes, when it was built) of the stored ZIP, or None before the first build."""
    storage = shared_storage()
    if not storage.exists(STORED_NAME):
        return None
    return storage.size(STORED_NAME), storage.get_modified_time(STORED_NAME)


def open_zip():
    """The stored ZIP, opened for reading (built first if there is none yet)."""
    storage = shared_storage()
    if not storage.exists(STORED_NAME):
        build_downloads()
    return storage.open(STORED_NAME)


def _member(name, moment):
    """A ZIP entry dated when the ZIP was built, readable by everyone who extracts it."""
    info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def build_downloads(*, path=None, now=None):
    """Write the ZIP and return (where it went, rows per file): into the shared storage (its
    name there), or to the file `path` if one is given."""
    now = now or timezone.now()
    listing = files(timezone.localdate(now))
    moment = timezone.localtime(now)
    counts = {}
    handle, temp_name = tempfile.mkstemp(
        dir=Path(path).parent if path else None, prefix=".building-", suffix=".zip"
    )
    try:
        with (
            os.fdopen(handle, "wb") as raw,
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, _about, file_columns, queryset in listing:
                with (
                    archive.open(_member(name, moment), "w") as member,
                    io.TextIOWrapper(member, encoding="utf-8", newline="") as text,
                ):
                    counts[name] = write_csv(text, columns=file_columns, queryset=queryset)
            archive.writestr(_member("README.txt", moment), readme(moment, listing, counts))
        if path:
            os.chmod(temp_name, 0o644)
            os.replace(temp_name, path)
            return Path(path), counts
        with open(temp_name, "rb") as built:
            shared_storage().save(STORED_NAME, File(built, name=ZIP_NAME))
        publication_bump()  # the downloads page shows the ZIP's size and date
    finally:
        Path(temp_name).unlink(missing_ok=True)
    return STORED_NAME, counts


def is_stale():
    return shared_storage().exists(STALE_NAME)


def mark_stale():
    """Say that the ZIP is behind what is published. Runs after a publication's commit, often
    from several servers at once: once marked, it stays marked, and a writer that loses a race
    for the marker (PostgreSQL may end one of two such writers as a deadlock) leaves it to the
    others, since the publication itself is saved and must not answer with an error."""
    from django.core.files.base import ContentFile

    storage = shared_storage()
    if storage.exists(STALE_NAME):
        return
    try:
        storage.save(STALE_NAME, ContentFile(b"published since the last build\n"))
    except DatabaseError:
        if not storage.exists(STALE_NAME):
            logger.warning("Could not mark the open-data ZIP as stale", exc_info=True)


def build_if_stale():
    """Rebuild while something has been published since the last build. True if it built."""
    built = False
    with _building:
        while is_stale():
            shared_storage().delete(STALE_NAME)
            try:
                build_downloads()
            except Exception:
                mark_stale()  # still to do: the next run, or the scheduled command, builds it
                raise
            built = True
    return built


def _build_in_background(attempts=6):
    """Build beside the request. The build writes (the ZIP into the shared storage), so on
    SQLite it can meet the request's own writes: a locked database is tried again shortly."""
    try:
        for attempt in range(1, attempts + 1):
            try:
                build_if_stale()
                return
            except OperationalError:
                if attempt == attempts:
                    raise
                time.sleep(0.1 * 2**attempt)
    except Exception:
        logger.exception("Building the downloads ZIP failed; it will be tried again.")
        mark_stale()
    finally:
        connections.close_all()


def _under_test():
    """Test runs build inline: a thread must not outlive the test that published."""
    return hasattr(mail, "outbox")  # set by Django's setup_test_environment()


def on_publication(**kwargs):
    """Signal receiver: a plan version or progress report was published, so rebuild the ZIP.

    The build takes seconds at England scale, so it runs beside the request, in a thread the
    process waits for before it exits; `build_downloads --if-stale` (for a scheduler) picks up
    anything a stopped process left undone.
    """
    if not getattr(settings, "CONCORDAT_BUILD_DOWNLOADS_ON_PUBLISH", True):
        return
    mark_stale()
    if getattr(settings, "CONCORDAT_BUILD_DOWNLOADS_IN_BACKGROUND", not _under_test()):
        threading.Thread(target=_build_in_background, name="build-downloads").start()
    else:
        build_if_stale()
