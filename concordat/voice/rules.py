"""Rules of the public's voice that hold everywhere: working days, question text, disagreement."""

import html
from datetime import date, timedelta
from functools import cache

import holidays
import nh3

UNANSWERED_WORKING_DAYS = 20
QUESTION_MAX_LENGTH = 2000
REPLY_MAX_LENGTH = 5000


@cache
def _bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a bank holiday in England."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start`, up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def working_days_before(day: date, count: int) -> date:
    """The day `count` working days before `day`: a question asked on or before it has waited
    at least `count` working days by `day`."""
    while count > 0:
        if is_working_day(day):
            count -= 1
        day -= timedelta(days=1)
    return day


def unanswered_cutoff(on: date) -> date:
    """A question asked on or before this day has waited more than
    UNANSWERED_WORKING_DAYS working days by the day `on`."""
    return working_days_before(on, UNANSWERED_WORKING_DAYS + 1)


def plain_text(value: str) -> str:
    """What a person typed, as plain text: every HTML tag removed by nh3 (the content of
    scripts and styles too), entities read back as characters, control characters other
    than line breaks dropped, and spaces tidied. Pages escape it when they show it."""
    cleaned = html.unescape(nh3.clean(str(value or ""), tags=set(), attributes={}))
    cleaned = "".join(ch for ch in cleaned if ch in "\n\t" or ch.isprintable())
    lines = [" ".join(line.split()) for line in cleaned.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def disagrees(area_rag: str, panel_rag: str) -> bool:
    """The verdicts disagree when both are given and differ."""
    return bool(area_rag and panel_rag and area_rag != panel_rag)
