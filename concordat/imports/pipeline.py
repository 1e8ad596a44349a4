"""One parsing pipeline for every plan: bytes and a file name in, a ParsedPlan out.

The seed loader, the web importer and `import_plan` all call parse_plan. It writes nothing;
anything wrong with the file comes out as ImportRefused with a message a person can act on.
Reading is held to the limits of `limits` and runs in a child process under a CPU-time and
memory ceiling (`isolation`). An unexpected error inside a reader is refused as "could not be
read" and logged with its type: with its traceback as a warning when it came out of the
project's own code (a bug to fix), as information when a parser library raised it on a damaged
file (a truncated XML part, a PDF without its catalogue), so that bugs stay visible.
"""

import logging
import traceback
from collections.abc import Sequence
from pathlib import Path

from concordat.core.text import strip_control_characters

from . import isolation
from .actions import build_actions
from .coverage import account_for_everything
from .errors import ImportRefused
from .isolation import ReadingFailed
from .leads import LeadMatcher, RegistryEntry
from .limits import Limits, reading, refuse_nesting
from .metrics import read_metrics
from .parsed import NotImported, ParsedPlan
from .preamble import read_preamble
from .readers import read_document
from .records import tabulate
from .safety import check_extension, check_size
from .structure import read_structure

__all__ = ["ImportRefused", "RegistryEntry", "parse_plan"]

logger = logging.getLogger(__name__)

NO_PLAN = (
    "We could not find a table that looks like an action plan in this file. A plan needs a "
    "table with column headings such as No., Action, Timescale, Lead and Status."
)


def parse_plan(
    data: bytes,
    filename: str,
    *,
    registry: Sequence[RegistryEntry] = (),
    financial_year: int | None = None,
    column_overrides: dict[str, str | None] | None = None,
    sheet: str | None = None,
) -> ParsedPlan:
    limits = Limits.from_settings()
    try:
        return isolation.run(
            _parse_or_fail,
            bytes(data or b""),
            filename,
            tuple(registry),
            financial_year,
            column_overrides,
            sheet,
            limits,
            cpu_seconds=limits.cpu_seconds,
            memory_mb=limits.memory_mb,
        )
    except ReadingFailed as failure:
        if failure.raised_in == "library":
            logger.info(
                "Could not read %s: %s raised in a parser library%s",
                filename,
                failure.error_type,
                _then(failure.detail),
            )
        else:
            logger.warning(
                "Could not read %s: %s%s", filename, failure.error_type, _then(failure.detail)
            )
        raise ReadingFailed(
            unreadable(filename),
            error_type=failure.error_type,
            detail=failure.detail,
            raised_in=failure.raised_in,
        ) from None


def _then(detail):
    return f"\n{detail.rstrip()}" if detail.strip() else ""


def unreadable(filename):
    extension = Path(filename or "").suffix.lower() or "this"
    return (
        f"The file could not be read: it may be damaged, or not a real {extension} file. "
        "Open it, save it again and upload the new copy."
    )


def _parse_or_fail(data, filename, registry, financial_year, column_overrides, sheet, limits):
    try:
        with reading(limits):
            return _parse(data, filename, registry, financial_year, column_overrides, sheet)
    except (ImportRefused, MemoryError):
        raise
    except RecursionError as error:
        raise refuse_nesting() from error
    except Exception as error:  # noqa: BLE001 - any parser failure is a refusal, never a crash
        raise ReadingFailed(
            unreadable(filename),
            error_type=type(error).__name__,
            detail=traceback.format_exc(limit=20),
            raised_in=raised_in(error),
        ) from error


PROJECT_FOLDER = str(Path(__file__).resolve().parent.parent.parent)


def raised_in(error):
    """ "project" if the innermost frame of `error` is the project's own code (not a package
    installed in its environment), else "library"."""
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    path = frame.tb_frame.f_code.co_filename if frame is not None else ""
    ours = path.startswith(PROJECT_FOLDER) and "site-packages" not in path
    return "project" if ours else "library"


def _parse(data, filename, registry, financial_year, column_overrides, sheet):
    extension = Path(filename or "").suffix.lower()
    check_extension(extension)
    check_size(data)
    document = read_document(data, extension, sheet=sheet)
    # Cells are cleaned as they are read (clean_cell); the text around the tables here.
    document.preamble = strip_control_characters(document.preamble)
    document.trailing = strip_control_characters(document.trailing)
    for table in document.tables:
        table.heading = strip_control_characters(table.heading)
        table.name = strip_control_characters(table.name)
    # A plan written as records (a small table per action, "Lead:" paragraphs) becomes a
    # table: only its labels move, into the heading row.
    document = tabulate(document)
    structure = read_structure(document, overrides=column_overrides)
    if not structure.found_header or not structure.actions:
        raise ImportRefused(NO_PLAN)

    preamble_text = "\n".join(part for part in (document.preamble, *structure.preamble) if part)
    preamble = read_preamble(preamble_text)
    year = financial_year if financial_year is not None else preamble.financial_year
    actions, warnings = build_actions(
        structure.actions,
        matcher=LeadMatcher(registry),
        financial_year=year,
        column_years=structure.column_years,
        key=structure.key,
    )

    trailing = "\n".join(part for part in (*structure.trailing, document.trailing) if part)
    plan = ParsedPlan(
        title=preamble.title,
        area_name=preamble.area_name,
        stated_date=preamble.stated_date,
        stated_version=preamble.stated_version,
        preamble=preamble.text,
        financial_year=year,
        columns=dict(structure.columns),
        actions=actions,
        metrics=read_metrics(trailing),
        warnings=warnings,
        trailing=trailing,
        not_imported=[
            NotImported(where, text)
            for where, text in (*document.set_aside, *structure.not_imported)
            if text.strip()
        ],
        doubts=list(dict.fromkeys(structure.doubts)),
        has_columns=frozenset(f for f in structure.columns.values() if f),
    )
    account_for_everything(plan, document)
    return plan
