"""Read an uploaded CSV of metric values (`metric,period,value,note`) and check every line.

Nothing here writes: `read_values_csv` returns the rows when every line is good, and raises
ValidationError listing each bad line by its number otherwise.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat

from concordat.core.outbound import spreadsheet_text
from concordat.core.text import strip_control_characters
from concordat.imports.errors import ImportRefused
from concordat.imports.readers.decoding import BOMS as BOM_ENCODINGS
from concordat.imports.readers.decoding import decode_text
from concordat.measures.periods import PeriodError, parse_period

from .models import Metric

COLUMNS = ["metric", "period", "value", "note"]
MAX_VALUE = Decimal("9999999999")
MAX_ERRORS_SHOWN = 50
BOMS = tuple(bom for bom, _encoding in BOM_ENCODINGS)


def max_bytes():
    return getattr(settings, "CONCORDAT_METRICS_CSV_MAX_BYTES", 1024 * 1024)


def too_large(size):
    return (
        f"The file is {filesizeformat(size)}, which is over the limit of "
        f"{filesizeformat(max_bytes())}. Split it into smaller files."
    )


@dataclass
class ValueRow:
    line: int
    metric: Metric  # the definition values are recorded against
    period: object
    value: Decimal
    note: str


def metrics_for_area(area):
    """The catalogue and the area's own definitions, with the names a CSV may use."""
    return list(
        Metric.objects.filter(Q(area__isnull=True) | Q(area=area)).select_related("maps_to")
    )


def _lookup(metrics):
    names = {}
    for metric in metrics:
        for key in (metric.slug, metric.name):
            names.setdefault(" ".join(key.lower().split()), metric)
    return names


def _decode(data):
    """UTF-8 (with or without a byte order mark) and UTF-16 as the importer reads them; any
    other file is read as Windows-1252, which is what Excel saves a UK CSV in."""
    try:
        if not data.startswith(BOMS):
            data.decode("utf-8")
        return decode_text(data, kind="CSV")
    except UnicodeDecodeError:
        pass
    except ImportRefused as error:
        raise ValidationError(str(error)) from error
    try:
        text = data.decode("cp1252").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        text = None
    if text is None or any(ord(char) < 9 for char in text[:100_000]):
        try:
            return decode_text(data, kind="CSV")
        except ImportRefused as error:
            raise ValidationError(str(error)) from error
    return text


def read_values_csv(*, area, data):
    if not data or not data.strip():
        raise ValidationError("The file is empty. Choose a CSV file with a row for each value.")
    if len(data) > max_bytes():
        raise ValidationError(too_large(len(data)))
    text = strip_control_characters(_decode(bytes(data)))
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise ValidationError(f"The file could not be read as CSV: {error}.") from error
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if header[:3] != COLUMNS[:3] or any(name not in COLUMNS for name in header):
        raise ValidationError(
            "The first line must be the column headings metric,period,value,note "
            f"(found: {','.join(rows[0]) if rows else 'nothing'})."
        )
    lookup = _lookup(metrics_for_area(area))
    good, errors, seen = [], [], {}
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row, message = _read_row(line, cells, header, lookup, seen)
        if message:
            errors.append(f"Line {line}: {message}")
        else:
            good.append(row)
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(f"… and {len(errors) - MAX_ERRORS_SHOWN} more lines with problems.")
        raise ValidationError(shown)
    if not good:
        raise ValidationError("The file has headings but no values.")
    return good


def _read_row(line, cells, header, lookup, seen):
    if len(cells) > len(header):
        return None, (
            f"it has {len(cells)} cells but there are {len(header)} headings; put a note "
            "with commas in double quotes."
        )
    # The site's own CSV download marks text a spreadsheet would run with an apostrophe.
    cells = [spreadsheet_text(cell.strip()).strip() for cell in cells]
    cells = dict(zip(header, cells, strict=False))
    name = cells.get("metric", "")
    if not name:
        return None, "the metric is empty."
    metric = lookup.get(" ".join(name.lower().split()))
    if metric is None:
        return None, (
            f"there is no metric called “{name}”. Use a name or code from the metrics page, "
            "such as section-136-detentions."
        )
    recorded = metric.recorded_as
    try:
        period = parse_period(cells.get("period", ""))
    except PeriodError as error:
        return None, str(error)
    if period.kind != recorded.period:
        return None, (
            f"{recorded.name} is recorded by {recorded.get_period_display().lower()}; "
            f"“{cells['period']}” is a {period.kind}."
        )
    value, message = _read_value(cells.get("value", ""), recorded)
    if message:
        return None, message
    key = (recorded.pk, period.start, period.end)
    if key in seen:
        return None, (
            f"a second value for {recorded.name} in {period.label} (the first is on line "
            f"{seen[key]})."
        )
    seen[key] = line
    return ValueRow(line, recorded, period, value, cells.get("note", "")), None


def _read_value(text, metric):
    cleaned = text.replace(",", "").replace("%", "").strip()
    if not cleaned:
        return None, "the value is empty."
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, f"“{text}” is not a number."
    if not value.is_finite():
        return None, f"“{text}” is not a number."
    return check_value(value, metric)


def check_value(value, metric):
    """(value, None) if the value can be recorded for the metric, else (None, message)."""
    if value < 0:
        return None, f"{metric.name} cannot be negative ({value})."
    if metric.is_percentage and value > 100:
        return None, f"{metric.name} is a percentage, so it cannot be over 100 ({value})."
    if value > MAX_VALUE:
        return None, f"{value} is too large."
    if value != value.quantize(Decimal("0.0001")):
        return None, f"{value} has more than four decimal places."
    return value, None
