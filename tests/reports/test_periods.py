from datetime import date

import pytest

from concordat.core import dates
from concordat.measures.periods import (
    PeriodError,
    financial_year,
    month,
    parse_period,
    period_label,
    periods_between,
    quarter,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2015-04", date(2015, 4, 1), date(2015, 4, 30), "month"),
        ("2015-02-14", date(2015, 2, 1), date(2015, 2, 28), "month"),
        ("April 2015", date(2015, 4, 1), date(2015, 4, 30), "month"),
        ("Sep-15", date(2015, 9, 1), date(2015, 9, 30), "month"),
        ("Sept 2015", date(2015, 9, 1), date(2015, 9, 30), "month"),
        ("02/2016", date(2016, 2, 1), date(2016, 2, 29), "month"),
        ("Q1 2015/16", date(2015, 4, 1), date(2015, 6, 30), "quarter"),
        ("Q4 2015/16", date(2016, 1, 1), date(2016, 3, 31), "quarter"),
        ("2015-16 Q3", date(2015, 10, 1), date(2015, 12, 31), "quarter"),
        ("2014/15", date(2014, 4, 1), date(2015, 3, 31), "year"),
        ("FY 2014-2015", date(2014, 4, 1), date(2015, 3, 31), "year"),
        ("2015", date(2015, 1, 1), date(2015, 12, 31), "year"),
    ],
)
def test_periods_read_from_text(text, start, end, kind):
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The period is empty."),
        ("2015-13", "“2015-13” has no month 13."),
        ("2015-02-30", "“2015-02-30” is not a real date."),
        ("2015/17", "2015/17 is not a financial year: the second year must follow the first."),
        ("last spring", "“last spring” is not a period we can read."),
    ],
)
def test_unreadable_periods_say_why(text, message):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("text", ["9999-12", "1999-12", "Q1 1990/91", "2099", "0001-01"])
def test_periods_outside_2000_to_ten_years_ahead_are_refused(text):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert str(caught.value) == (
        f"“{text}” is not a period measures can be recorded for: it must fall {dates.range_text()}."
    )


def test_the_range_runs_from_2000_to_ten_years_ahead():
    today = date(2026, 2, 10)
    assert dates.range_text(today) == "between 1 January 2000 and 10 February 2036"
    assert dates.latest(date(2024, 2, 29)) == date(2034, 2, 28)
    assert dates.is_plausible(date(2000, 1, 1), today)
    assert dates.is_plausible(date(2036, 2, 10), today)
    assert not dates.is_plausible(date(1999, 12, 31), today)
    assert not dates.is_plausible(date(2036, 2, 11), today)
    assert parse_period("2000-01").start == date(2000, 1, 1)


def test_labels_in_words():
    assert period_label(date(2015, 4, 1), date(2015, 9, 30)) == "April–September 2015"
    assert period_label(date(2014, 10, 1), date(2015, 3, 31)) == "October 2014–March 2015"
    assert period_label(date(2015, 4, 1), date(2015, 4, 30)) == "April 2015"
    assert quarter(2015, 1).short_label == "Q1 2015/16"
    assert financial_year(2014).short_label == "2014/15"
    assert month(2015, 4).short_label == "Apr 2015"


def test_a_year_earlier_and_periods_between():
    assert month(2016, 2).year_earlier() == month(2015, 2)
    assert [
        p.short_label for p in periods_between("quarter", date(2015, 4, 1), date(2016, 1, 31))
    ] == [
        "Q1 2015/16",
        "Q2 2015/16",
        "Q3 2015/16",
        "Q4 2015/16",
    ]
    assert len(periods_between("month", date(2014, 4, 1), date(2015, 3, 31))) == 12
