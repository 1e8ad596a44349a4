"""Bounded reading: the hostile files of issue 14 are refused at once with a plain message, every
reader stops at each limit, and reading runs under a CPU-time and memory ceiling."""

import io
import logging
import time
import zipfile

import pytest

from concordat.imports import isolation, pipeline
from concordat.imports.limits import LimitExceeded
from concordat.imports.pipeline import ImportRefused, parse_plan

from . import hostile
from .documents import (
    HEADER,
    csv_bytes,
    docx_bytes,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    sample_rows,
    xlsx_bytes,
)

CHECK = "Check that you chose the right file."


def refusal(data, filename):
    with pytest.raises(ImportRefused) as refused:
        parse_plan(data, filename)
    return refused.value


def plan(count):
    return hostile.plan_rows(count)


# The files -------------------------------------------------------------------------


def test_a_word_cell_spanning_fifty_thousand_columns_is_refused():
    refused = refusal(hostile.docx_huge_span(span=50_000, rows=5), "plan.docx")
    assert isinstance(refused, LimitExceeded) and refused.limit == "columns"
    assert refused.message == (
        "A table row in this file is more than 200 columns wide (merged and repeated cells "
        f"count as the columns they fill), far wider than an action plan, so it was not read. "
        f"{CHECK}"
    )


def test_an_opendocument_space_repeated_500_million_times_is_refused():
    refused = refusal(hostile.odt_repeated_spaces(rows=5), "plan.odt")
    assert refused.limit == "repeated_characters"
    assert refused.message == (
        "This file asks for a character repeated 500,000,000 times in one place; at most "
        f"1,000 can be read. {CHECK}"
    )


def test_a_spreadsheet_of_150_repeated_tables_is_refused():
    refused = refusal(hostile.ods_many_tables(), "plan.ods")
    assert refused.limit == "sheets"
    assert refused.message == (
        "This workbook has 150 sheets; at most 50 can be read. Save the sheet that holds the "
        "plan in a workbook of its own and upload that."
    )


def test_one_sheet_of_a_million_repeated_rows_is_refused():
    refused = refusal(hostile.ods_many_tables(tables=1), "plan.ods")
    assert refused.limit == "columns"
    refused = refusal(hostile.ods_many_tables(tables=1, columns=100), "plan.ods")
    assert refused.limit == "rows"
    assert refused.message.startswith("This file has more than 50,000 table rows")


def test_a_workbook_of_200_padded_sheets_is_refused():
    refused = refusal(hostile.xlsx_padded_sheets(), "plan.xlsx")
    assert refused.message == (
        "This workbook has 201 sheets; at most 50 can be read. Save the sheet that holds the "
        "plan in a workbook of its own and upload that."
    )


def test_a_sheet_padded_down_to_row_a_million_costs_one_row():
    began = time.monotonic()
    parsed = parse_plan(hostile.xlsx_padded_sheets(sheets=1, last_row=1_000_000), "plan.xlsx")
    assert [action.ref for action in parsed.actions] == ["1.1", "1.2", "2.1", "3.1", "4.1", "5.1"]
    assert time.monotonic() - began < 10


def test_a_csv_of_60000_rows_is_refused():
    refused = refusal(hostile.csv_rows(60_000), "plan.csv")
    assert refused.limit == "rows"


# Each limit, in each reader (small limits, small files) ------------------------------------


@pytest.mark.parametrize(
    ("filename", "build"),
    [
        ("plan.csv", lambda: csv_bytes(plan(30))),
        ("plan.txt", lambda: hostile.txt_rows(30)),
        ("plan.xlsx", lambda: xlsx_bytes({"Plan": plan(30)})),
        ("plan.docx", lambda: docx_bytes([("table", plan(30))])),
        ("plan.odt", lambda: odt_bytes(["Plan"], plan(30))),
        ("plan.ods", lambda: ods_bytes({"Plan": plan(30)})),
        ("plan.pdf", lambda: pdf_bytes(plan(30))),
    ],
)
def test_every_reader_stops_at_the_row_cell_and_text_limits(settings, filename, build):
    data = build()
    assert len(parse_plan(data, filename).actions) == 30  # within the default limits
    settings.CONCORDAT_IMPORT_MAX_ROWS = 20
    assert refusal(data, filename).message == (
        f"This file has more than 20 table rows, far more than an action plan holds, so it was "
        f"not read. {CHECK}"
    )
    settings.CONCORDAT_IMPORT_MAX_ROWS = 50_000
    settings.CONCORDAT_IMPORT_MAX_CELLS = 100
    assert refusal(data, filename).limit == "cells"
    settings.CONCORDAT_IMPORT_MAX_CELLS = 1_000_000
    settings.CONCORDAT_IMPORT_MAX_CHARACTERS = 1_000
    assert refusal(data, filename).message == (
        "The tables in this file hold more than 1,000 characters of text, far more than an "
        f"action plan, so it was not read. {CHECK}"
    )


@pytest.mark.parametrize(
    ("filename", "build"),
    [
        ("plan.csv", lambda rows: csv_bytes(rows)),
        ("plan.txt", lambda rows: ("\n".join("\t".join(r) for r in rows)).encode()),
        ("plan.xlsx", lambda rows: xlsx_bytes({"Plan": rows})),
        ("plan.docx", lambda rows: docx_bytes([("table", rows)])),
        ("plan.ods", lambda rows: ods_bytes({"Plan": rows})),
    ],
)
def test_a_row_wider_than_the_column_limit_is_refused(settings, filename, build):
    settings.CONCORDAT_IMPORT_MAX_COLUMNS = 8
    rows = [[*HEADER, "Notes"], ["1.1", "Act.", "2016", "NHS", "Done", "x", "", "", "", "y"]]
    refused = refusal(build(rows), filename)
    assert refused.limit == "columns"
    assert refused.message.startswith("A table row in this file is more than 8 columns wide")


def test_tables_and_sheets_are_counted(settings):
    settings.CONCORDAT_IMPORT_MAX_TABLES = 2
    data = docx_bytes([("table", sample_rows()), ("table", sample_rows()), ("table", [HEADER])])
    assert refusal(data, "plan.docx").message == (
        f"This file has more than 2 tables, far more than an action plan holds, so it was not "
        f"read. {CHECK}"
    )
    settings.CONCORDAT_IMPORT_MAX_SHEETS = 2
    data = xlsx_bytes({"A": sample_rows(), "B": [["x"]], "C": [["y"]]})
    assert refusal(data, "plan.xlsx").limit == "sheets"


def test_pdf_pages_are_counted(settings):
    settings.CONCORDAT_IMPORT_MAX_PAGES = 1
    data = pdf_bytes(plan(120))
    refused = refusal(data, "plan.pdf")
    assert refused.limit == "pages"
    assert refused.message.startswith("This PDF has ")
    assert refused.message.endswith(f"pages; at most 1 can be read. {CHECK}")


def test_a_zip_part_that_unpacks_past_its_limit_is_not_opened(settings):
    settings.CONCORDAT_IMPORT_MAX_PART_BYTES = 64 * 1024
    data = docx_bytes([("table", plan(400))])
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    assert size > 64 * 1024
    assert refusal(data, "plan.docx").message == (
        f"Part of this .docx file (word/document.xml) unpacks to {size / 2**20:.1f} MB, over "
        f"the limit of 0.1 MB for one part, so it was not opened. {CHECK}"
    )


def test_trailing_empty_repeats_of_a_real_spreadsheet_cost_nothing():
    """LibreOffice writes the empty rest of a sheet as repeated empty cells and rows."""
    rows = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{cell}</text:p></table:table-cell>" for cell in row)
        + '<table:table-cell table:number-columns-repeated="16379"/></table:table-row>'
        for row in sample_rows()
    )
    rows += (
        '<table:table-row table:number-rows-repeated="1048550">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    data = hostile._odf("spreadsheet", f'<table:table table:name="Plan">{rows}</table:table>')
    assert [action.ref for action in parse_plan(data, "plan.ods").actions] == [
        "1.1",
        "1.2",
        "2.1",
        "3.1",
        "4.1",
        "5.1",
    ]


# Text that XML cannot hold ------------------------------------------------------------------


def test_control_characters_in_a_file_are_taken_out_of_what_is_read():
    rows = [*plan(20), ["5.21", "Map\x0bcrisis\x1b services.", "By 2016", "NHS\x07 England", "x"]]
    action = parse_plan(csv_bytes(rows), "plan.csv").actions[-1]
    assert (action.text, action.lead) == ("Map\ncrisis services.", "NHS England")


def test_a_date_read_from_a_timescale_outside_the_range_is_dropped_with_a_warning():
    rows = [HEADER, ["1.1", "Map services.", "By March 2099", "NHS England", "On track"]]
    parsed = parse_plan(csv_bytes(rows), "plan.csv")
    action = parsed.actions[0]
    assert (action.timescale, action.start, action.due) == ("By March 2099", None, None)
    from concordat.core import dates

    assert [w.message for w in parsed.warnings if w.message.startswith("The date")] == [
        f"The date 31/03/2099 read from the timescale is not {dates.range_text()}, so no dates "
        "were set; check it."
    ]


# The ceiling around reading -----------------------------------------------------------------


def _spin(*args):
    while True:
        pass


def _grab(*args):
    return bytearray(2 * 1024 * 1024 * 1024)


def _break(*args):
    raise KeyError("no such part")


def test_reading_that_runs_past_its_cpu_time_is_stopped(settings, monkeypatch):
    settings.CONCORDAT_IMPORT_CPU_SECONDS = 1
    monkeypatch.setattr(pipeline, "_parse", _spin)
    began = time.monotonic()
    refused = refusal(csv_bytes(sample_rows()), "plan.csv")
    assert time.monotonic() - began < 10
    assert refused.limit == "cpu_seconds"
    assert refused.message == (
        "This file took more than 1 seconds of work to read, far longer than an action plan "
        f"takes, so reading it was stopped. {CHECK}"
    )


def test_reading_that_waits_past_its_time_is_stopped(settings, monkeypatch):
    settings.CONCORDAT_IMPORT_CPU_SECONDS = 1
    monkeypatch.setattr(isolation, "WALL_MARGIN_SECONDS", 1)
    monkeypatch.setattr(pipeline, "_parse", lambda *args: time.sleep(60))
    began = time.monotonic()
    assert refusal(csv_bytes(sample_rows()), "plan.csv").limit == "cpu_seconds"
    assert time.monotonic() - began < 10


def test_reading_that_needs_more_memory_than_its_ceiling_is_stopped(settings, monkeypatch):
    settings.CONCORDAT_IMPORT_MEMORY_MB = 256
    monkeypatch.setattr(pipeline, "_parse", _grab)
    refused = refusal(csv_bytes(sample_rows()), "plan.csv")
    assert refused.limit == "memory_mb"
    assert refused.message == (
        "Reading this file needed more than 256 MB of memory, far more than an action plan "
        f"needs, so reading it was stopped. {CHECK}"
    )


def test_an_unexpected_error_is_refused_and_logged_with_its_type(monkeypatch, caplog):
    monkeypatch.setattr(pipeline, "_parse", _break)
    with caplog.at_level(logging.WARNING, logger="concordat.imports.pipeline"):
        refused = refusal(csv_bytes(sample_rows()), "plan.csv")
    assert refused.message == (
        "The file could not be read: it may be damaged, or not a real .csv file. Open it, "
        "save it again and upload the new copy."
    )
    assert refused.error_type == "KeyError"
    [record] = caplog.records
    assert record.getMessage().startswith("Could not read plan.csv: KeyError\nTraceback")
    assert "KeyError: 'no such part'" in record.getMessage()


def _hold_then_refuse(*args):
    held = bytearray(300 * 1024 * 1024)
    held[::4096] = b"x" * len(held[::4096])  # touched, so it is resident
    raise ImportRefused("Held 300 MB, then refused.")


def test_what_reading_allocates_is_never_the_servers(monkeypatch):
    import resource

    monkeypatch.setattr(pipeline, "_parse", _hold_then_refuse)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert refusal(csv_bytes(sample_rows()), "plan.csv").message == "Held 300 MB, then refused."
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024


def test_without_isolation_the_limits_still_hold(settings):
    settings.CONCORDAT_IMPORT_ISOLATED = False
    assert refusal(hostile.docx_huge_span(rows=5), "plan.docx").limit == "columns"
    assert len(parse_plan(csv_bytes(plan(10)), "plan.csv").actions) == 10
