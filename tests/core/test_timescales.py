"""Timescales: every rule of DESIGN.md's "Timescales" and every timescale in seeds 001, 003, 004.

Expected dates are worked out by hand from the rules, not from the code.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from concordat.core.timescales import Timescale, parse_start_finish, parse_timescale

D = date


def due(year, month, day):
    return Timescale(start=None, due=D(year, month, day), ongoing=False, understood=True)


def start(year, month, day):
    return Timescale(start=D(year, month, day), due=None, ongoing=False, understood=True)


def span(first, last):
    return Timescale(start=D(*first), due=D(*last), ongoing=False, understood=True)


ONGOING = Timescale(start=None, due=None, ongoing=True, understood=True)
UNREAD = Timescale(start=None, due=None, ongoing=False, understood=False)


RULES = [
    # A month: due on its last day.
    ("May 2015", due(2015, 5, 31)),
    ("May-15", due(2015, 5, 31)),
    ("Apr-15", due(2015, 4, 30)),
    ("December '14", due(2014, 12, 31)),
    ("December ‘14", due(2014, 12, 31)),
    ("December ’14", due(2014, 12, 31)),
    ("Feb ’16", due(2016, 2, 29)),
    ("Feb 2015", due(2015, 2, 28)),
    ("Sept 2014", due(2014, 9, 30)),
    ("Sept. 2014", due(2014, 9, 30)),
    ("04/2015", due(2015, 4, 30)),
    ("December  15", due(2015, 12, 31)),
    ("Decem ber 2014", due(2014, 12, 31)),
    # A day: due that day; numbers are British, day first.
    ("26th May 2015", due(2015, 5, 26)),
    ("1st November 2015", due(2015, 11, 1)),
    ("10th October 2015", due(2015, 10, 10)),
    ("April 3rd 2014", due(2014, 4, 3)),
    ("01/10/2015", due(2015, 10, 1)),
    ("23/02/15", due(2015, 2, 23)),
    ("1.10.2015", due(2015, 10, 1)),
    ("3 May 2015", due(2015, 5, 3)),
    # By, before, no later than, or the date at the end: due at the end of it.
    ("By April 2016.", due(2016, 4, 30)),
    ("Before April 2015", due(2015, 4, 30)),
    ("no later than 30th June 2015", due(2015, 6, 30)),
    ("By the end of 2015", due(2015, 12, 31)),
    ("end of March 2015", due(2015, 3, 31)),
    # From, starting, commencing, scoping work from: start only.
    ("From April 2014", start(2014, 4, 1)),
    ("Starting June 2015", start(2015, 6, 1)),
    ("Commencing September 2015", start(2015, 9, 1)),
    ("Scoping work from April 2014", start(2014, 4, 1)),
    ("April 2015 onwards", start(2015, 4, 1)),
    ("w/c 5th May 2015", start(2015, 5, 5)),
    # Ranges: first day of the first to the last day of the last.
    ("March – May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("March - May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("March—May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("March to May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("between March and May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("Autumn 2013 to Spring 2015", span((2013, 9, 1), (2015, 5, 31))),
    ("From March – May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("From April 2014 until March 2016", span((2014, 4, 1), (2016, 3, 31))),
    ("June-December 2015", span((2015, 6, 1), (2015, 12, 31))),
    ("May 2015 to July", span((2015, 5, 1), (2015, 7, 31))),
    ("Nov 2014 - Feb", span((2014, 11, 1), (2015, 2, 28))),
    ("2014 to 2016", span((2014, 1, 1), (2016, 12, 31))),
    ("2014-2016", span((2014, 1, 1), (2016, 12, 31))),
    ("Q3 - Q4 2015/16", span((2015, 10, 1), (2016, 3, 31))),
    # Several dates: due at the latest.
    ("December/January 2015", due(2015, 1, 31)),
    ("May 2015 or June 2015", due(2015, 6, 30)),
    ("From April 2014; by March 2015", span((2014, 4, 1), (2015, 3, 31))),
    # Seasons; winter runs into the next year.
    ("Spring 2014", due(2014, 5, 31)),
    ("Summer 2014", due(2014, 8, 31)),
    ("Autumn 2015", due(2015, 11, 30)),
    ("winter 2014", due(2015, 2, 28)),
    ("Winter 2015", due(2016, 2, 29)),
    ("Winter 2014/15", due(2015, 2, 28)),
    ("Spring '15", due(2015, 5, 31)),
    ("From winter 2014", start(2014, 12, 1)),
    # Early, mid, late or end of a year.
    ("Early 2014", due(2014, 4, 30)),
    ("Mid 2014", due(2014, 8, 31)),
    ("Mid-2014", due(2014, 8, 31)),
    ("late 2014", due(2014, 12, 31)),
    ("end of 2014", due(2014, 12, 31)),
    ("From mid 2014", start(2014, 5, 1)),
    ("From late 2014", start(2014, 9, 1)),
    # A year; a financial year; quarters of the financial year.
    ("2014", due(2014, 12, 31)),
    ("During 2014", due(2014, 12, 31)),
    ("2014/15", due(2015, 3, 31)),
    ("2014-15", due(2015, 3, 31)),
    ("2014/2015", due(2015, 3, 31)),
    ("FY 2014/15", due(2015, 3, 31)),
    ("FY14/15", due(2015, 3, 31)),
    ("From 2015/16", start(2015, 4, 1)),
    ("Q1 2015/16", due(2015, 6, 30)),
    ("Q2 2015/16", due(2015, 9, 30)),
    ("Q3 2015/16", due(2015, 12, 31)),
    ("Q4 2015/16", due(2016, 3, 31)),
    ("Q4 14/15", due(2015, 3, 31)),
    ("3rd quarter 2015/16", due(2015, 12, 31)),
    ("Q3 2015", due(2015, 12, 31)),  # a quarter is of the financial year starting that year
    # Ongoing: no dates.
    ("Ongoing", ONGOING),
    ("On-going", ONGOING),
    ("Continuous", ONGOING),
    ("Within annual commissioning cycle", ONGOING),
    ("As strategies are reviewed", ONGOING),
    ("Ongoing from April 2014", Timescale(D(2014, 4, 1), None, True, True)),
    # Anything else: no dates, for a person to read.
    ("", UNREAD),
    ("   \n ", UNREAD),
    ("When funding allows", UNREAD),
    ("March", UNREAD),
    ("Q3", UNREAD),
    ("services may 15 people", UNREAD),
    ("31/02/2015", UNREAD),
]


@pytest.mark.parametrize(("text", "expected"), RULES, ids=[text or "blank" for text, _ in RULES])
def test_design_rules(text, expected):
    assert parse_timescale(text) == expected


# Text extracted from PDFs: damage the reader must tolerate.
EXTRACTED = [
    ("May 2015.", due(2015, 5, 31)),
    ("  May   2015 \n", due(2015, 5, 31)),
    ("Within annual commissio ning cycle (review and update)", ONGOING),
    ("Guidance published for consultatio n, December 2013.", due(2013, 12, 31)),
    ("Commence in 2014.", start(2014, 1, 1)),
    ("New service to commence October 2015", start(2015, 10, 1)),
    (
        "Survey completed by April 2014; monitoring approach developed by September 2014",
        due(2014, 9, 30),
    ),
    ("1 year pilot programme : Autumn 2013 to Spring 2015", span((2013, 9, 1), (2015, 5, 31))),
    ("1 year pilot\nprogramme : Autumn\n2013 to Spring 2015", span((2013, 9, 1), (2015, 5, 31))),
    ("By 1st November 2015 – aligned with CAMHS re-procurement", due(2015, 11, 1)),
    (
        "NHS England is developing its mental health intelligence programme and, from April "
        "2014, when the data is routinely available, commissio ners and providers will be able to "
        "review capacity in line with local need and agreed model.",
        start(2014, 4, 1),
    ),
    ("From April 015", start(2015, 4, 1)),
    ("Feb ’16 agenda", due(2016, 2, 29)),
    ("From \nMarch – May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("Sep\u00adtember 2014", due(2014, 9, 30)),
]


@pytest.mark.parametrize(("text", "expected"), EXTRACTED, ids=[t[:40] for t, _ in EXTRACTED])
def test_text_extracted_from_pdfs(text, expected):
    assert parse_timescale(text) == expected


def test_bare_quarter_takes_the_plans_financial_year():
    assert parse_timescale("Q3", financial_year=2015) == due(2015, 12, 31)
    assert parse_timescale("Q4", financial_year=2015) == due(2016, 3, 31)
    assert parse_timescale("By Q1", financial_year=2014) == due(2014, 6, 30)
    assert parse_timescale("From Q2", financial_year=2015) == start(2015, 7, 1)


def test_a_quarter_with_its_year_ignores_the_plans_financial_year():
    assert parse_timescale("Q1 2016/17", financial_year=2015) == due(2016, 6, 30)


def test_an_impossible_financial_year_is_ignored():
    assert parse_timescale("Q3", financial_year=-5) == UNREAD


def test_contradictory_words_keep_the_due_date():
    assert parse_timescale("From April 2015; by March 2015") == due(2015, 3, 31)


# Seed 004 (South West Essex): the Timescale cell of every action, as extracted.
SEED_004 = [
    ("1.1", "From April 2015\n\n\n\n\n", start(2015, 4, 1)),
    ("1.2", "May 2015\n\n", due(2015, 5, 31)),
    ("1.3", "From July 2015", start(2015, 7, 1)),
    ("1.4", "From April 2015", start(2015, 4, 1)),
    ("1.5", "From April 2015", start(2015, 4, 1)),
    ("1.6", "June 2015", due(2015, 6, 30)),
    ("1.7", "From May 2015\n\n", start(2015, 5, 1)),
    ("1.8", "May 2015", due(2015, 5, 31)),
    ("1.9", "From May 2015", start(2015, 5, 1)),
    ("1.10", "From July 2015", start(2015, 7, 1)),
    ("1.11", "May 2015\n", due(2015, 5, 31)),
    ("1.12", "New service to commence October 2015\n", start(2015, 10, 1)),
    ("1.13", "March 2015", due(2015, 3, 31)),
    ("1.14", "From April 2015", start(2015, 4, 1)),
    ("1.15", "From \nMarch – May 2015", span((2015, 3, 1), (2015, 5, 31))),
    ("1.16", "October 2015", due(2015, 10, 31)),
    ("1.17", "From May 2015", start(2015, 5, 1)),
    ("1.18", "From April 2015", start(2015, 4, 1)),
    ("1.19", "By 1st November 2015 – aligned with CAMHS re-procurement", due(2015, 11, 1)),
    ("1.20", "From May 2015", start(2015, 5, 1)),
    ("1.21", "From May 2015", start(2015, 5, 1)),
    ("1.22", "From July 2015", start(2015, 7, 1)),
    ("1.23", "From April 2015", start(2015, 4, 1)),
    ("1.24", "From June 2015", start(2015, 6, 1)),
    ("1.25", "September 2015", due(2015, 9, 30)),
    ("1.26", "March 2015", due(2015, 3, 31)),
    ("1.27", "April 2015", due(2015, 4, 30)),
    ("1.28", "April 2017", due(2017, 4, 30)),
    ("1.29", "June 2015", due(2015, 6, 30)),
    ("1.30", "From July 2015", start(2015, 7, 1)),
    ("1.31", "October 2015", due(2015, 10, 31)),
    ("1.32", "October 2015", due(2015, 10, 31)),
    ("1.33", "From April 2015", start(2015, 4, 1)),
    ("1.34", "July 2015", due(2015, 7, 31)),
    ("2.1", "From April 2015", start(2015, 4, 1)),
    ("2.2", "From May 2015", start(2015, 5, 1)),
    ("2.3", "October 2015", due(2015, 10, 31)),
    ("2.4", "From May 2015", start(2015, 5, 1)),
    ("2.5", "From July 2015", start(2015, 7, 1)),
    ("2.6", "From April 2015", start(2015, 4, 1)),
    ("3.1", "From April 2015\n", start(2015, 4, 1)),
    ("3.2", "From April 2015\n\n\n\n\n", start(2015, 4, 1)),
    ("3.3", "From April 2015\n", start(2015, 4, 1)),
    ("3.4", "February 2015", due(2015, 2, 28)),
    ("3.5", "May 2015", due(2015, 5, 31)),
    ("3.6", "From July 2015", start(2015, 7, 1)),
    ("3.7", "From July 2015", start(2015, 7, 1)),
    ("3.8", "From July 2015", start(2015, 7, 1)),
    ("3.9", "July 2015", due(2015, 7, 31)),
    ("3.10", "From May 2015", start(2015, 5, 1)),
    ("3.11", "From April 2015", start(2015, 4, 1)),
    ("3.12", "From May 2015", start(2015, 5, 1)),
    ("3.13", "10th October 2015", due(2015, 10, 10)),
    ("4.1", "October 2015", due(2015, 10, 31)),
    ("4.2", "From June 2015", start(2015, 6, 1)),
    ("4.3", "From July 2015", start(2015, 7, 1)),
    ("5.1", "From May 2015", start(2015, 5, 1)),
    ("5.2", "From October 2015", start(2015, 10, 1)),
    ("5.3", "From April 015", start(2015, 4, 1)),
    ("5.4", "From April 2015", start(2015, 4, 1)),
    ("5.5", "From April 2015", start(2015, 4, 1)),
    ("5.6", "January 2015", due(2015, 1, 31)),
    ("5.7", "From April 2015", start(2015, 4, 1)),
    ("5.8", "From April 2015", start(2015, 4, 1)),
]


@pytest.mark.parametrize(("ref", "text", "expected"), SEED_004, ids=[r for r, _, _ in SEED_004])
def test_seed_004_timescales(ref, text, expected):
    assert parse_timescale(text) == expected


def test_seed_004_has_all_64_actions():
    assert len({ref for ref, _, _ in SEED_004}) == 64


# Seed 003 (Hampshire progress report): the milestones' due dates, the date of the update and
# the period of the report.
SEED_003 = [
    ("December 2014", due(2014, 12, 31)),
    ("January 2015", due(2015, 1, 31)),
    ("April 2015", due(2015, 4, 30)),
    ("October 2015", due(2015, 10, 31)),
    ("June 2015", due(2015, 6, 30)),
    ("August 2015", due(2015, 8, 31)),
    ("December 2015", due(2015, 12, 31)),
    ("December/January 2015", due(2015, 1, 31)),
    ("September 2015", due(2015, 9, 30)),
    ("December  15", due(2015, 12, 31)),
    ("June-December 2015", span((2015, 6, 1), (2015, 12, 31))),
]


@pytest.mark.parametrize(("text", "expected"), SEED_003, ids=[t for t, _ in SEED_003])
def test_seed_003_dates(text, expected):
    assert parse_timescale(text) == expected


# Seed 001 (the national plan): the Start date and Finish date columns of all 47 actions.
SEED_001 = [
    (
        "1.1",
        "Within annual commissio ning cycle (review and update)",
        "Ongoing",
        ONGOING,
    ),
    ("1.2", "Scoping work from April 2014", "", start(2014, 4, 1)),
    ("1.3", "By April 2016.", "By April 2016.", due(2016, 4, 30)),
    (
        "1.4",
        "From April 2014",
        "NHS England is developing its mental health intelligence programme and, from April "
        "2014, when the data is routinely available, commissio ners and providers will be able to "
        "review capacity in line with local need and agreed model.",
        start(2014, 4, 1),
    ),
    ("1.5", "From April 2014", "2015/16", span((2014, 4, 1), (2016, 3, 31))),
    ("1.6", "From April 2014", "2014/15", span((2014, 4, 1), (2015, 3, 31))),
    ("1.7", "During April 2014", "Summer 2014", span((2014, 4, 1), (2014, 8, 31))),
    ("1.8", "By September 2014.", "", due(2014, 9, 30)),
    ("1.9", "From April 2014", "", start(2014, 4, 1)),
    ("1.10", "Early 2014", "", start(2014, 1, 1)),
    ("1.11", "Mid 2014", "", start(2014, 5, 1)),
    ("1.12", "Spring 2014", "", start(2014, 3, 1)),
    ("2.1", "Ongoing", "", ONGOING),
    ("2.2", "", "Apr-15", due(2015, 4, 30)),
    ("2.3", "Mar-14", "", start(2014, 3, 1)),
    ("2.4", "Mar-14", "", start(2014, 3, 1)),
    ("3.1", "", "Oct-14", due(2014, 10, 31)),
    ("3.2", "Nov-13", "Apr-14", span((2013, 11, 1), (2014, 4, 30))),
    ("3.3", "", "Sep-14", due(2014, 9, 30)),
    ("3.4", "", "By March 2015", due(2015, 3, 31)),
    ("3.5", "During 2014.", "", start(2014, 1, 1)),
    ("3.6", "By April 2014.", "", due(2014, 4, 30)),
    ("3.7", "By April 2014.", "", due(2014, 4, 30)),
    ("3.8", "April 2014.", "August 2015", span((2014, 4, 1), (2015, 8, 31))),
    ("3.9", "September 2014.", "", start(2014, 9, 1)),
    (
        "3.10",
        "Jan-14",
        "Survey completed by April 2014; monitoring approach developed by September 2014",
        span((2014, 1, 1), (2014, 9, 30)),
    ),
    ("3.11", "April 2014.", "May-14", span((2014, 4, 1), (2014, 5, 31))),
    ("3.12", "By September 2014.", "", due(2014, 9, 30)),
    ("3.13", "By November 2015.", "", due(2015, 11, 30)),
    ("3.14", "From January 2014.", "", start(2014, 1, 1)),
    ("3.15", "Summer 2014.", "", start(2014, 6, 1)),
    ("3.16", "Apr-14", "", start(2014, 4, 1)),
    (
        "3.17",
        "1 year pilot\nprogramme : Autumn\n2013 to Spring 2015",
        "",
        span((2013, 9, 1), (2015, 5, 31)),
    ),
    ("3.18", "Summer 2014.", "Autumn 2015.", span((2014, 6, 1), (2015, 11, 30))),
    ("3.19", "Commence in 2014.", "January 2016", span((2014, 1, 1), (2016, 1, 31))),
    ("3.20", "April 2014.", "", start(2014, 4, 1)),
    ("4.1", "Updated Code of Practice published October 2014.", "", start(2014, 10, 1)),
    ("4.2", "Spring 2014.", "", start(2014, 3, 1)),
    ("4.3", "Oct-13", "Sep-14", span((2013, 10, 1), (2014, 9, 30))),
    ("4.4", "Sep-13", "Aug-15", span((2013, 9, 1), (2015, 8, 31))),
    (
        "4.5",
        "Guidance published for consultatio n, December 2013.",
        "April 3rd 2014",
        span((2013, 12, 1), (2014, 4, 3)),
    ),
    ("4.6", "During 2014.", "", start(2014, 1, 1)),
    ("4.7", "April 2015.", "", start(2015, 4, 1)),
    ("5.1", "From April 2014.", "", start(2014, 4, 1)),
    ("5.2", "Summer 2014.", "2014/15", span((2014, 6, 1), (2015, 3, 31))),
    ("5.3", "Ongoing.", "", ONGOING),
    ("5.4", "April 2014.", "", start(2014, 4, 1)),
]


@pytest.mark.parametrize(
    ("ref", "start_text", "finish_text", "expected"), SEED_001, ids=[r[0] for r in SEED_001]
)
def test_seed_001_start_and_finish_columns(ref, start_text, finish_text, expected):
    assert parse_start_finish(start_text, finish_text) == expected


def test_seed_001_has_all_47_actions():
    assert len({row[0] for row in SEED_001}) == 47


def test_start_and_finish_either_column_ongoing():
    assert parse_start_finish("From April 2014", "Ongoing") == Timescale(
        D(2014, 4, 1), None, True, True
    )


def test_start_and_finish_both_blank_is_not_understood():
    assert parse_start_finish("", "") == UNREAD
    assert parse_start_finish("To be agreed", "") == UNREAD


def test_start_and_finish_a_range_in_the_finish_column_gives_a_start_when_none_is_written():
    assert parse_start_finish("", "March – May 2015") == span((2015, 3, 1), (2015, 5, 31))


def test_start_and_finish_the_finish_column_beats_a_range_in_the_start_column():
    assert parse_start_finish("Autumn 2013 to Spring 2015", "June 2015") == span(
        (2013, 9, 1), (2015, 6, 30)
    )


def test_start_and_finish_a_start_after_the_finish_is_dropped():
    assert parse_start_finish("April 2015.", "Apr-14") == due(2014, 4, 30)


def test_start_and_finish_bare_quarters_use_the_financial_year():
    assert parse_start_finish("Q1", "Q3", financial_year=2015) == span((2015, 4, 1), (2015, 12, 31))


# --- properties --------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "from", "by", "to", "until", "between", "and", "or", "-", "–", "/", ",", ".", ";",
        "onwards", "commence", "ongoing", "in", "end of", "early", "mid", "late", "may",
        "March", "dec", "Sept.", "december", "'14", "‘15", "15", "015", "99", "2014", "2099",
        "1999", "2014/15", "2015-16", "FY", "Q1", "Q3", "Q4", "quarter", "3rd", "winter",
        "spring", "autumn", "1st", "31st", "01/10/2015", "31/02/2015", "12/2014", " ", "\n",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(_PIECES, max_size=14).map(" ".join),
    st.lists(_PIECES, max_size=14).map("".join),
)
_YEARS = st.one_of(st.none(), st.integers(min_value=-10, max_value=10_000))


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS, financial_year=_YEARS)
def test_parse_timescale_never_raises_and_due_is_never_before_start(text, financial_year):
    result = parse_timescale(text, financial_year=financial_year)
    assert isinstance(result, Timescale)
    if result.start and result.due:
        assert result.due >= result.start
    assert result.understood == bool(result.start or result.due or result.ongoing)


@settings(max_examples=300, deadline=None)
@given(start_text=_TEXTS, finish_text=_TEXTS, financial_year=_YEARS)
def test_parse_start_finish_never_raises_and_due_is_never_before_start(
    start_text, finish_text, financial_year
):
    result = parse_start_finish(start_text, finish_text, financial_year=financial_year)
    if result.start and result.due:
        assert result.due >= result.start


@settings(max_examples=200, deadline=None)
@given(year=st.integers(1990, 2090), month=st.integers(1, 12))
def test_every_month_written_three_ways_is_due_on_its_last_day(year, month):
    names = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]  # fmt: skip
    name = names[month - 1]
    expected = parse_timescale(f"{name} {year}").due
    assert (expected.year, expected.month) == (year, month)
    assert (expected + timedelta(days=1)).day == 1
    if year >= 2000:
        assert parse_timescale(f"{name[:3]}-{year % 100:02d}").due == expected
        assert parse_timescale(f"{name} '{year % 100:02d}").due == expected
    assert parse_timescale(f"From {name} {year}").start == expected.replace(day=1)


# --- issue 9, item 6: dates as plans write them -------------------------------------------


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("March 2015 Revised date: Dec 2015", date(2015, 12, 31)),
        ("Dec 2015 (revised date: Oct 2015)", date(2015, 10, 31)),
        ("June 2015. Revised to September 2015", date(2015, 9, 30)),
        ("Revised date: June 2016", date(2016, 6, 30)),
        ("By March 2016 – extended to June 2016", date(2016, 6, 30)),
        ("Sept 15", date(2015, 9, 30)),
        ("5-Mar-15", date(2015, 3, 5)),
        ("05 March 2015", date(2015, 3, 5)),
    ],
)
def test_revised_dates_and_short_forms(text, due):
    assert parse_timescale(text).due == due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("end Q2", date(2015, 9, 30)),
        ("Q3", date(2015, 12, 31)),
        ("Jan", date(2016, 1, 31)),
        ("March", date(2016, 3, 31)),
        ("April", date(2015, 4, 30)),
        ("By December", date(2015, 12, 31)),
        ("Autumn", date(2015, 11, 30)),
    ],
)
def test_quarters_and_months_without_a_year_fall_in_the_plans_financial_year(text, due):
    assert parse_timescale(text, financial_year=2015).due == due
    assert parse_timescale(text).due is None  # with no financial year, nothing is guessed
