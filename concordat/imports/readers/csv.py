"""Comma-, semicolon-, tab- or pipe-separated plans in any common encoding."""

import csv
import io

from concordat.core.outbound import spreadsheet_text

from .. import limits
from ..errors import ImportRefused
from .base import Document, Table, clean_cell
from .decoding import decode_text

DELIMITERS = ",;\t|"
SNIFF_SAMPLE = 64 * 1024
csv.field_size_limit(16 * 1024 * 1024)


@limits.counted
def read_csv(data):
    return read_csv_text(decode_text(data, kind="CSV"))


def _delimiter(text):
    sample = text[:SNIFF_SAMPLE]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first_lines = sample.split("\n")[:20]
        counts = {d: sum(line.count(d) for line in first_lines) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


@limits.counted
def read_csv_text(text):
    budget = limits.budget()
    delimiter = _delimiter(text)
    rows, numbers = [], []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for row in reader:
            budget.rows()
            budget.width(len(row))
            budget.cells(len(row))
            if any(cell.strip() for cell in row):
                # The site's CSV exports mark text a spreadsheet would run with an apostrophe.
                rows.append([budget.text(clean_cell(spreadsheet_text(cell))) for cell in row])
                numbers.append(reader.line_num)
    except csv.Error as error:
        raise ImportRefused(
            f"The file could not be read as CSV (line {reader.line_num}: {error}). "
            "Save it again from your spreadsheet program as CSV and upload it again."
        ) from error
    return Document([Table(rows, numbers)], kind="csv")
