"""Metric periods: a month, a quarter of the financial year, or a year, read from text and
named in words.

Quarters are of the financial year (Q1 is April to June). A year written `2015/16` is the
financial year (1 April 2015 to 31 March 2016); `2015` alone is the calendar year.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from concordat.core import dates

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9

ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
SLASH_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")
NAMED_MONTH = re.compile(r"^([a-z]+)[\s\-]+'?(\d{2}|\d{4})$")
FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
QUARTER = re.compile(
    r"^(?:q([1-4])\s*(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})"
    r"|(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*q([1-4]))$"
)
CALENDAR_YEAR = re.compile(r"^(\d{4})$")


class PeriodError(ValueError):
    """The text does not name a period; the message says why in plain words."""


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: str  # "month" | "quarter" | "year"

    @property
    def label(self):
        return period_label(self.start, self.end)

    @property
    def short_label(self):
        if self.kind == "quarter":
            first_year = self.start.year if self.start.month >= 4 else self.start.year - 1
            number = ((self.start.month - 4) % 12) // 3 + 1
            return f"Q{number} {financial_year_label(first_year)}"
        if self.kind == "year" and self.start.month == 4:
            return financial_year_label(self.start.year)
        if self.kind == "year":
            return str(self.start.year)
        return self.start.strftime("%b %Y")

    def year_earlier(self):
        return Period(shift_years(self.start, -1), shift_years(self.end, -1), self.kind)


def financial_year_label(first_year):
    return f"{first_year}/{str(first_year + 1)[-2:]}"


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def shift_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def month(year, number):
    return Period(date(year, number, 1), month_end(year, number), "month")


def quarter(first_year, number):
    """Quarter `number` (1–4) of the financial year that starts in April of `first_year`."""
    start_month = 4 + (number - 1) * 3
    year = first_year + (start_month - 1) // 12
    start_month = (start_month - 1) % 12 + 1
    start = date(year, start_month, 1)
    end_month = start_month + 2
    return Period(start, month_end(year, end_month), "quarter")


def financial_year(first_year):
    return Period(date(first_year, 4, 1), date(first_year + 1, 3, 31), "year")


def calendar_year(year):
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


def _second_year(first, written):
    second = int(written) if len(written) == 4 else (first // 100) * 100 + int(written)
    if second != first + 1:
        raise PeriodError(
            f"{first}/{written} is not a financial year: the second year must follow the first."
        )


def _year(written):
    return int(written) if len(written) == 4 else 2000 + int(written)


def parse_period(text):
    """A Period from text such as `2015-04`, `Apr 2015`, `Q1 2015/16`, `2015/16` or `2015`,
    within the dates the service accepts (2000 to ten years ahead)."""
    period = _read_period(text)
    if not (dates.is_plausible(period.start) and dates.is_plausible(period.end)):
        raise PeriodError(
            f"“{text}” is not a period measures can be recorded for: it must fall "
            f"{dates.range_text()}."
        )
    return period


def _read_period(text):
    cleaned = " ".join((text or "").strip().lower().replace("–", "-").split())
    if not cleaned:
        raise PeriodError("The period is empty.")
    found = ISO_MONTH.match(cleaned)
    if found:
        number = int(found.group(2))
        if not 1 <= number <= 12:
            raise PeriodError(f"“{text}” has no month {number}.")
        if found.group(3):
            try:
                date(int(found.group(1)), number, int(found.group(3)))
            except ValueError as error:
                raise PeriodError(f"“{text}” is not a real date.") from error
        return month(int(found.group(1)), number)
    found = SLASH_MONTH.match(cleaned)
    if found:
        number = int(found.group(1))
        if not 1 <= number <= 12:
            raise PeriodError(f"“{text}” has no month {number}.")
        return month(int(found.group(2)), number)
    found = NAMED_MONTH.match(cleaned)
    if found and found.group(1) in MONTHS:
        return month(_year(found.group(2)), MONTHS[found.group(1)])
    found = QUARTER.match(cleaned)
    if found:
        if found.group(1):
            number, first, second = found.group(1), found.group(2), found.group(3)
        else:
            first, second, number = found.group(4), found.group(5), found.group(6)
        _second_year(int(first), second)
        return quarter(int(first), int(number))
    found = FINANCIAL_YEAR.match(cleaned)
    if found:
        _second_year(int(found.group(1)), found.group(2))
        return financial_year(int(found.group(1)))
    found = CALENDAR_YEAR.match(cleaned)
    if found:
        return calendar_year(int(found.group(1)))
    raise PeriodError(
        f"“{text}” is not a period we can read. Write a month as 2015-04 or April 2015, a "
        "quarter as Q1 2015/16, or a year as 2015/16 (financial) or 2015."
    )


def period_label(start, end):
    """Words for a span of whole months: `April 2015`, `April–September 2015`,
    `October 2014–March 2015`."""
    if start.year == end.year and start.month == end.month:
        return f"{calendar.month_name[start.month]} {start.year}"
    if start.year == end.year:
        return f"{calendar.month_name[start.month]}–{calendar.month_name[end.month]} {end.year}"
    return (
        f"{calendar.month_name[start.month]} {start.year}–"
        f"{calendar.month_name[end.month]} {end.year}"
    )


def periods_between(kind, start, end):
    """Every period of `kind` that starts within [start, end], in order."""
    periods = []
    if kind == "month":
        current = month(start.year, start.month)
    elif kind == "quarter":
        first = start.year if start.month >= 4 else start.year - 1
        current = quarter(first, ((start.month - 4) % 12) // 3 + 1)
    else:
        current = financial_year(start.year if start.month >= 4 else start.year - 1)
    while current.start <= end:
        if current.start >= start:
            periods.append(current)
        current = following(current)
    return periods


def following(period):
    start = period.end + timedelta(days=1)
    if period.kind == "month":
        return month(start.year, start.month)
    if period.kind == "quarter":
        end = start
        for _ in range(2):
            end = month_end(end.year, end.month) + timedelta(days=1)
        return Period(start, month_end(end.year, end.month), "quarter")
    return Period(start, shift_years(period.end, 1), "year")
