"""The downloads ZIP: every published record as CSV files, with a README describing them.

Built into a temporary file beside the final one and renamed into place, so a reader never
sees half a ZIP.
"""

import io
import os
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from concordat.core.models import Section

from . import columns, selectors
from .csvfiles import write_csv

ZIP_NAME = "concordat-open-data.zip"

SECTION_COLUMNS = [
    columns.Column("number", "The section's number, 1 to 5.", lambda s: s.number),
    columns.Column("title", "Its title.", lambda s: s.title),
    columns.Column("short_title", "A short form of the title.", lambda s: s.short_title),
    columns.Column("slug", "Its stable id.", lambda s: s.slug),
]


def files(today):
    """(file name, what it holds, its columns, its rows) for each CSV in the ZIP."""
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
            selectors.actions(today=today, current=False),
        ),
        ("updates.csv", "Published progress updates.", columns.UPDATE_COLUMNS, selectors.updates()),
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
            selectors.metric_values(),
        ),
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


def on_publication(**kwargs):
    """Signal receiver: rebuild the ZIP after a plan version or a progress report is published."""
    if getattr(settings, "CONCORDAT_BUILD_DOWNLOADS_ON_PUBLISH", True):
        build_downloads()
