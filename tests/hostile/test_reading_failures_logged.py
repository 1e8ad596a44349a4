"""An error inside reading becomes the plain refusal "could not be read", and is logged with
its type: a warning with the traceback when the project's own code raised it (a bug), an
information line when a parser library raised it on a damaged file."""

import logging
import os
import signal

import pytest

from concordat.imports import pipeline
from concordat.imports.isolation import ReadingFailed
from concordat.imports.pipeline import parse_plan
from tests.imports.documents import csv_bytes, sample_rows

UNREADABLE_PDF = (
    "The file could not be read: it may be damaged, or not a real .pdf file. Open it, save it "
    "again and upload the new copy."
)
# A PDF header and nothing after it: pdfminer finds no catalogue (/Root) and raises.
HEADER_ONLY_PDF = b"%PDF-1.7\n" + b"1 0 obj\n<< >>\nendobj\n" * 3


def read_failure(data, filename):
    with pytest.raises(ReadingFailed) as failure:
        parse_plan(data, filename)
    return failure.value


def _index_error(*args):
    return [][1]


def _die(*args):
    os.kill(os.getpid(), signal.SIGTERM)


@pytest.mark.parametrize("isolated", [True, False])
def test_a_library_error_on_a_damaged_file_is_refused_and_logged_with_its_type(
    settings, caplog, isolated
):
    settings.CONCORDAT_IMPORT_ISOLATED = isolated
    with caplog.at_level(logging.INFO, logger="concordat.imports.pipeline"):
        failure = read_failure(HEADER_ONLY_PDF, "plan.pdf")
    assert failure.message == UNREADABLE_PDF
    assert (failure.error_type, failure.raised_in) == ("PdfminerException", "library")
    [record] = caplog.records
    assert record.levelno == logging.INFO
    assert record.getMessage().startswith(
        "Could not read plan.pdf: PdfminerException raised in a parser library\nTraceback"
    )
    assert "No /Root object!" in record.getMessage()


@pytest.mark.parametrize("isolated", [True, False])
def test_an_error_in_the_projects_code_is_a_warning_with_its_traceback(
    settings, monkeypatch, caplog, isolated
):
    settings.CONCORDAT_IMPORT_ISOLATED = isolated
    monkeypatch.setattr(pipeline, "_parse", _index_error)
    with caplog.at_level(logging.INFO, logger="concordat.imports.pipeline"):
        failure = read_failure(csv_bytes(sample_rows()), "plan.csv")
    assert (failure.error_type, failure.raised_in) == ("IndexError", "project")
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("Could not read plan.csv: IndexError\nTraceback")
    assert "in _index_error" in record.getMessage()
    assert record.getMessage().endswith("IndexError: list index out of range")


def test_a_reading_process_that_dies_is_a_warning_naming_its_signal(monkeypatch, caplog):
    monkeypatch.setattr(pipeline, "_parse", _die)
    with caplog.at_level(logging.INFO, logger="concordat.imports.pipeline"):
        failure = read_failure(csv_bytes(sample_rows()), "plan.csv")
    assert (failure.error_type, failure.raised_in) == ("reader process ended (SIGTERM)", "process")
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "Could not read plan.csv: reader process ended (SIGTERM)"
