"""The range of dates the service accepts: from 1 January 2000 to ten years ahead.

Plans, progress notes and measures are about the years since the Concordat (2014) and the
years they plan for. A date outside this range is a slip (01/01/0001, 9999-12) and is refused
wherever a date comes in: forms, the API's filters, measure periods, and the dates the
importer derives from a timescale (which are dropped, keeping the text, with a warning).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

EARLIEST = date(2000, 1, 1)
YEARS_AHEAD = 10


def latest(today=None):
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def is_plausible(value, today=None):
    return value is None or EARLIEST <= value <= latest(today)


def range_text(today=None):
    return f"between {_day(EARLIEST)} and {_day(latest(today))}"


def _day(value):
    return f"{value.day} {value:%B %Y}"


def check_plausible(value, *, what="The date", today=None):
    """Raise ValidationError unless `value` (a date, or None) is in the range."""
    if not is_plausible(value, today):
        raise ValidationError(f"{what} must be {range_text(today)}.", code="implausible_date")


def validate_plausible_date(value):
    """A form field validator."""
    check_plausible(value)


def long_date(day):
    """A day in words as the site and every document write it: "1 April 2024"; "" for none."""
    return f"{day.day} {day:%B %Y}" if day else ""
