"""The downloads ZIP: every published record as CSV files, with a README describing them.

Built into a temporary file beside the final one and renamed into place, so a reader never
sees half a ZIP.
"""

import io
import logging
import os
import tempfile
import threading
import zipfile
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.db import connections
from django.utils import timezone

from concordat.core.models import Section

from . import columns, records, selectors
from .csvfiles import write_csv

ZIP_NAME = "concordat-open-data.zip"
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
    from concordat.reports.models import Milestone, ReportSection
    from concordat.voice.opendata import zip_files as voice_files

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
        "CSV files are UTF-8 with a header row. Dates are ISO 8601 (YYYY-MM-DD) or empty;",
        f'lists are joined with "{columns.LIST_SEPARATOR}"; true/false for yes/no.',
        "",
    ]
    for name, about, file_columns, _rows in listing:
        lines += [name, "=" * len(name), about, f"{counts[name]} rows.", ""]
        width = max(len(column.name) for column in file_columns)
        lines += [f"  {column.name.ljust(width)}  {column.description}" for column in file_columns]
        lines.append("")
    return "\n".join(lines)


def zip_path():
    return Path(settings.MEDIA_ROOT) / "downloads" / ZIP_NAME


def build_downloads(*, path=None, now=None):
    """Write the ZIP and return (its path, rows per file)."""
    now = now or timezone.now()
    path = Path(path or zip_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    listing = files(timezone.localdate(now))
    counts = {}
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".building-", suffix=".zip")
    try:
        with (
            os.fdopen(handle, "wb") as raw,
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, _about, file_columns, queryset in listing:
                with (
                    archive.open(name, "w") as member,
                    io.TextIOWrapper(member, encoding="utf-8", newline="") as text,
                ):
                    counts[name] = write_csv(text, columns=file_columns, queryset=queryset)
            archive.writestr("README.txt", readme(timezone.localtime(now), listing, counts))
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path, counts


def stale_marker():
    return zip_path().with_name(".stale")


def mark_stale():
    marker = stale_marker()
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()


def build_if_stale():
    """Rebuild while something has been published since the last build. True if it built."""
    built = False
    with _building:
        while stale_marker().exists():
            stale_marker().unlink(missing_ok=True)
            build_downloads()
            built = True
    return built


def _build_in_background():
    try:
        build_if_stale()
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
