"""What reading one uploaded plan may cost, and the counting that holds every reader to it.

A small file can claim enormous content: a Word cell spanning a million columns, an
OpenDocument space repeated 500 million times, a row repeated to the bottom of the sheet, a
workbook of hundreds of padded sheets. Every reader counts what it reads in the `Budget` of the
read in progress and stops with a plain refusal (`LimitExceeded`, an `ImportRefused`) at the
first limit passed, before building anything that size. The limits are settings
(`CONCORDAT_IMPORT_MAX_*`, see the README); their defaults hold the largest real plan many
times over (a few hundred rows of a dozen columns, a few hundred kilobytes of text).

Reading also runs under a CPU-time and memory ceiling (`concordat.imports.isolation`), for
whatever the counting here does not foresee.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields

from django.conf import settings

from .errors import ImportRefused

DEFAULTS = {
    "rows": 50_000,
    "cells": 1_000_000,
    "columns": 200,
    "sheets": 50,
    "tables": 1_000,
    "pages": 500,
    "repeated_characters": 1_000,
    "characters": 20_000_000,
    "part_bytes": 50 * 1024 * 1024,
    "cpu_seconds": 60,
    "memory_mb": 1024,
}
SETTING = {name: f"CONCORDAT_IMPORT_MAX_{name.upper()}" for name in DEFAULTS}
SETTING["cpu_seconds"] = "CONCORDAT_IMPORT_CPU_SECONDS"
SETTING["memory_mb"] = "CONCORDAT_IMPORT_MEMORY_MB"


@dataclass(frozen=True)
class Limits:
    rows: int  # table rows read in the whole file (sheets and tables together)
    cells: int  # cells read in the whole file, spans and repeats counted as what they fill
    columns: int  # cells in one row, spans and repeats included
    sheets: int  # sheets in a workbook
    tables: int  # tables in a document, nested ones included
    pages: int  # pages of a PDF
    repeated_characters: int  # one repeated character (OpenDocument `text:c`)
    characters: int  # characters of cell text in the whole file
    part_bytes: int  # one part of a .docx/.xlsx/.odt/.ods once unpacked
    cpu_seconds: int  # CPU time one reading may use
    memory_mb: int  # memory one reading may add

    @classmethod
    def from_settings(cls):
        return cls(
            **{name: int(getattr(settings, SETTING[name], DEFAULTS[name])) for name in DEFAULTS}
        )

    def as_dict(self):
        return {field.name: getattr(self, field.name) for field in fields(self)}


class LimitExceeded(ImportRefused):
    """A file refused because reading it would pass one of the limits (`limit` names it)."""

    def __init__(self, limit, message):
        super().__init__(message)
        self.limit = limit


CHECK = "Check that you chose the right file."


def _n(number):
    return f"{number:,}"


def refuse_rows(limit):
    return LimitExceeded(
        "rows",
        f"This file has more than {_n(limit)} table rows, far more than an action plan "
        f"holds, so it was not read. {CHECK}",
    )


def refuse_cells(limit):
    return LimitExceeded(
        "cells",
        f"This file has more than {_n(limit)} table cells (merged and repeated cells count "
        f"as the cells they fill), far more than an action plan holds, so it was not read. "
        f"{CHECK}",
    )


def refuse_columns(limit):
    return LimitExceeded(
        "columns",
        f"A table row in this file is more than {_n(limit)} columns wide (merged and repeated "
        f"cells count as the columns they fill), far wider than an action plan, so it was not "
        f"read. {CHECK}",
    )


def refuse_sheets(count, limit):
    return LimitExceeded(
        "sheets",
        f"This workbook has {_n(count)} sheets; at most {_n(limit)} can be read. Save the "
        "sheet that holds the plan in a workbook of its own and upload that.",
    )


def refuse_tables(limit):
    return LimitExceeded(
        "tables",
        f"This file has more than {_n(limit)} tables, far more than an action plan holds, so "
        f"it was not read. {CHECK}",
    )


def refuse_pages(count, limit):
    return LimitExceeded(
        "pages",
        f"This PDF has {_n(count)} pages; at most {_n(limit)} can be read. {CHECK}",
    )


def refuse_repeat(count, limit):
    return LimitExceeded(
        "repeated_characters",
        f"This file asks for a character repeated {_n(count)} times in one place; at most "
        f"{_n(limit)} can be read. {CHECK}",
    )


def refuse_characters(limit):
    return LimitExceeded(
        "characters",
        f"The tables in this file hold more than {_n(limit)} characters of text, far more "
        f"than an action plan, so it was not read. {CHECK}",
    )


def refuse_nesting():
    return LimitExceeded(
        "nesting",
        "This file nests tables or text inside each other far deeper than an action plan "
        f"does, so it was not read. {CHECK}",
    )


def refuse_part(extension, name, size, limit):
    return LimitExceeded(
        "part_bytes",
        f"Part of this {extension} file ({name}) unpacks to {_megabytes(size)}, over the "
        f"limit of {_megabytes(limit)} for one part, so it was not opened. {CHECK}",
    )


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


class Budget:
    """What one reading has used so far. Every method counts and refuses past a limit."""

    def __init__(self, limits=None):
        self.limits = limits or Limits.from_settings()
        self.used = dict.fromkeys(("rows", "cells", "tables", "characters"), 0)

    def _add(self, name, count, refusal):
        self.used[name] += count
        if self.used[name] > getattr(self.limits, name):
            raise refusal(getattr(self.limits, name))

    def table(self):
        self._add("tables", 1, refuse_tables)

    def rows(self, count=1):
        self._add("rows", count, refuse_rows)

    def cells(self, count=1):
        self._add("cells", count, refuse_cells)

    def text(self, value):
        """Count a cell's text; returns it."""
        self._add("characters", len(value), refuse_characters)
        return value

    def width(self, columns):
        """Refuse a row wider than the column limit."""
        if columns > self.limits.columns:
            raise refuse_columns(self.limits.columns)

    def span(self, value, *, minimum=1):
        """A span or repeat count as a file states it: a whole number from `minimum` to the
        column limit (a larger one is refused; a missing or nonsense one is `minimum`)."""
        count = whole_number(value, default=minimum, minimum=minimum)
        self.width(count)
        return count

    def repeated_characters(self, value):
        count = whole_number(value)
        if count > self.limits.repeated_characters:
            raise refuse_repeat(count, self.limits.repeated_characters)
        self._add("characters", count, refuse_characters)
        return count

    def sheets(self, count):
        if count > self.limits.sheets:
            raise refuse_sheets(count, self.limits.sheets)

    def pages(self, count):
        if count > self.limits.pages:
            raise refuse_pages(count, self.limits.pages)


def whole_number(value, *, default=1, minimum=1):
    """An attribute's count: at least `minimum`; a missing or unreadable one is `default`.
    Digits only, and at most 18 of them: a number of a million digits is not converted."""
    text = str(value).strip() if value is not None else ""
    if not text.isdigit() or not text.isascii():
        return default
    if len(text) > 18:
        return 10**18
    return max(minimum, int(text))


_active = ContextVar("concordat_import_budget", default=None)


@contextmanager
def reading(limits=None):
    """The budget that readers called inside this block count against."""
    budget = Budget(limits)
    token = _active.set(budget)
    try:
        yield budget
    finally:
        _active.reset(token)


def budget():
    """The budget of the reading in progress."""
    active = _active.get()
    if active is None:
        raise RuntimeError("No reading in progress: call readers inside limits.reading().")
    return active


def counted(reader):
    """A reader's entry point: it counts against the reading in progress, or against a
    budget of its own when called alone."""

    @functools.wraps(reader)
    def wrapper(*args, **kwargs):
        if _active.get() is not None:
            return reader(*args, **kwargs)
        with reading():
            return reader(*args, **kwargs)

    return wrapper
