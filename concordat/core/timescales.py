"""Dates derived from timescales as plans write them (DESIGN.md, "Timescales").

The text is read as a row of *mentions* (a day, a month, a season, a part of a year, a
quarter, a financial year, a year), each with the words around it: `from`/`commencing`
before a mention makes it a start, `by`/`before` a deadline, a dash or `to` between two
mentions a range, and a month without a year borrows one from its neighbour
(`March – May 2015`, `December/January 2015`).

Choices the design leaves open, made here:
- blank text gives no dates and `understood=False` (nothing could be derived);
- when the words give a start after the due date, the due date wins and the start is dropped;
- a quarter followed by a year (`Q3 2015`) is read in the financial year starting that year;
- `YYYY-YYYY` and `YYYY/YYYY` of consecutive years are financial years, other pairs of years
  are a range from the first to the second;
- a month or season without a year is used only when a neighbouring mention gives the year.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Timescale:
    start: date | None
    due: date | None
    ongoing: bool
    understood: bool  # False = nothing could be derived; a person should read the text


# --- periods -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Period:
    first: date
    last: date


def _month(year: int, month: int) -> _Period:
    return _Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _months_period(year: int, first_month: int, count: int) -> _Period:
    """`count` calendar months from first_month of year (running on into the next year)."""
    first_year, first_month0 = divmod(year * 12 + first_month - 1, 12)
    last_year, last_month0 = divmod(year * 12 + first_month - 1 + count - 1, 12)
    return _Period(date(first_year, first_month0 + 1, 1), _month(last_year, last_month0 + 1).last)


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_PART_START = {"early": 1, "mid": 5, "late": 9}  # early, mid and late a year: four months each
_PART_WORDS = {"middle": "mid", "end": "late", "beginning": "early", "start": "early"}


def _season(year: int, season: str) -> _Period:
    return _months_period(year, _SEASON_START[season], 3)


def _quarter(financial_year: int, quarter: int) -> _Period:
    """Quarters of the financial year: Q1 is April to June, Q4 January to March."""
    return _months_period(financial_year, 4 + 3 * (quarter - 1), 3)


def _financial_year(year: int) -> _Period:
    return _months_period(year, 4, 12)


def _year(year: int) -> _Period:
    return _Period(date(year, 1, 1), date(year, 12, 31))


def _financial_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


# --- normalising -------------------------------------------------------------------------

_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛′`´", "'"))
_DASHES = re.compile(r"[‐‑‒–—―−]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _normalise(text: str) -> str:
    text = _INVISIBLE.sub("", str(text or ""))
    text = _DASHES.sub("-", text.translate(_QUOTES))
    return " ".join(text.split()).lower()


def _loose_words(phrase: str, keep: int = 1) -> str:
    """A regex for phrase that also matches its words broken by a space (`commissio ning`)."""
    words = []
    for word in phrase.split():
        head, tail = word[:keep], word[keep:]
        words.append(re.escape(head) + "".join(r"\s?" + re.escape(c) for c in tail))
    return r"\s+".join(words)


def _loose(phrase: str) -> str:
    return r"\b" + _loose_words(phrase) + r"(?![a-z])"


# --- the patterns ------------------------------------------------------------------------

_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTH_NUMBER = {name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH = (
    r"(?:"
    + "|".join(_loose_words(name, keep=3) for name in sorted(_MONTH_NAMES, key=len, reverse=True))
    + r"|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?![a-z])\.?"
)
_Y4 = r"(?:19|20)\d\d"


_ALTERNATIVES = [
    # 01/10/2015, 1.10.2015, 01/10/15: British, day first.
    r"(?<![\d/.])(?P<nd>\d{1,2})(?P<ns>[/.-])(?P<nm>\d{1,2})(?P=ns)(?P<ny>" + _Y4 + r"|\d\d)(?!\d)",
    # 26th May 2015, 1st of November 2015, 3 May 15
    r"(?<!\d)(?P<dd>\d{1,2})(?:st|nd|rd|th)?(?:\s*|[\s\-/.]+)(?:of\s+)?(?P<dm>" + _MONTH + r")"
    r"[\s,.\-']*"
    r"(?P<dy>" + _Y4 + r"|\d\d)(?!\d)",
    # April 3rd 2014, May 12, 2015
    r"(?P<mdm>" + _MONTH + r")\s*(?P<mdd>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<mdy>" + _Y4 + r")(?!\d)",
    # Q1 2015/16, quarter 3, 3rd quarter 2015/16, Q4 14/15
    r"(?:\bq\s?(?P<q>[1-4])|\bquarter\s+(?P<qw>[1-4])|(?<!\d)(?P<qn>[1-4])(?:st|nd|rd|th)\s+quarter)"
    r"(?!\d)(?:\s*(?:of\s+)?(?:fy\s*|financial\s+year\s*)?(?P<qy>" + _Y4 + r")"
    r"(?:\s*[/-]\s*(?:19|20)?\d\d(?!\d))?|\s+(?:fy\s*)?(?P<qys>\d\d)\s*/\s*\d\d(?!\d))?",
    # 04/2015: a month
    r"(?<![\d/.])(?P<nmm>0?[1-9]|1[0-2])/(?P<nmy>" + _Y4 + r")(?![\d/])",
    # 2014/15, 2014-15, FY 2014/15, 2014/2015
    r"(?:\bfy\s*|\bfinancial\s+year\s*)?(?<!\d)(?P<fa>" + _Y4 + r")(?:\s*/\s*|-)"
    r"(?P<fb>(?:19|20)?\d\d)(?!\d)",
    # FY14/15
    r"\bfy\s*(?P<fsa>\d\d)\s*[/-]\s*(?P<fsb>\d\d)(?!\d)",
    # FY 2014 on its own
    r"\b(?:fy|financial\s+year)\s*(?P<fo>" + _Y4 + r")(?![\d/-])",
    # early 2014, mid-2014, end of 2014
    r"\b(?P<part>early|mid|middle\s+of|late|end\s+of|end|beginning\s+of|start\s+of)\s*-?\s*"
    r"(?:of\s+)?(?P<party>" + _Y4 + r")(?!\d|\s*/\s*\d|-\d)",
    # Autumn 2013, winter 2014/15, spring '15, summer (its year from a neighbour)
    r"\b(?P<sn>spring|summer|autumn|winter)(?![a-z])(?:\s*(?:of\s+)?(?:(?P<sy>" + _Y4 + r")"
    r"(?:\s*[/-]\s*(?:19|20)?\d\d)?(?!\d)|'\s*(?P<sya>\d\d)(?!\d)"
    r"|\s+(?P<syb>\d\d)(?!\d)(?!\s*[a-z0-9])))?",
    # May 2015, May-15, December '14, From April 015, December 15, March (year from a neighbour)
    r"\b(?P<mn>" + _MONTH + r")(?:[\s,\-/.']*(?:of\s+)?(?P<my>" + _Y4 + r")(?!\d)"
    r"|\s*[-/.']\s*'?\s*(?P<mya>0\d\d|\d\d)(?!\d)"
    r"|\s+(?P<myb>0\d\d|\d\d)(?!\d)(?!\s*[a-z0-9]))?",
    # 2014
    r"(?<![\d/£$])(?P<yr>" + _Y4 + r")(?!\d)",
]
_PATTERN = re.compile("|".join(f"(?:{alternative})" for alternative in _ALTERNATIVES), re.ASCII)

_ONGOING = re.compile(
    "|".join(
        _loose(phrase)
        for phrase in [
            "ongoing", "on going", "on-going", "continuous", "continuously", "continual",
            "continually", "continuing", "annual commissioning cycle", "as strategies are reviewed",
            "annually", "quarterly", "monthly", "every year", "each year",
        ]
    )
)  # fmt: skip
_START_BEFORE = re.compile(
    r"(?:\bfrom|\bstart(?:s|ed|ing)?(?:\s+date)?|\bcommenc\w*|\bbegin(?:s|ning)?|\bw/c"
    r"|\bwith\s+effect\s+from)\s*:?\s*(?:(?:in|on|at|of|the|during|from|work)\s+)*$"
)
_START_AFTER = re.compile(r"\s*(?:and\s+)?onwards?\b")
# "Revised date: Dec 2015": the date a plan moved the action to is its due date.
_REVISED_BEFORE = re.compile(
    r"(?:\brevised(?:\s+(?:date|deadline|timescale|due\s+date|target))?|\bnew\s+(?:date|deadline"
    r"|timescale|target)|\bextended|\bdelayed|\bdeferred|\bslipped|\bmoved|\bre-?scheduled"
    r"|\bnow\s+(?:due|expected))\s*:?\s*(?:(?:to|until|till|the|in|on|by|for|date)\s+)*$"
)
_DEADLINE_BEFORE = re.compile(
    r"(?:\bby|\bbefore|\bno\s+later\s+than|\bnot\s+later\s+than|\bdeadline|\bdue|\buntil"
    r"|\btill|\bend\s+date)\s*:?\s*(?:(?:the|in|on|at|of|date)\s+)*$"
)
_RANGE_GAP = re.compile(r"\s*(?:-|to|until|till|through|thru)\s*")
_BETWEEN = re.compile(r"\bbetween\s*$")
_AND_GAP = re.compile(r"\s*(?:and|&)\s*")
_LIST_GAP = re.compile(r"\s*(?:-|to|until|till|through|thru|and|&|or|/|,)\s*")


# --- mentions ----------------------------------------------------------------------------


@dataclass
class _Mention:
    begin: int
    end: int
    period: _Period | None  # None while its year is unknown
    resolve: Callable[[int], _Period] | None = None  # period in a given year
    hint: Callable[[date], int] = lambda day: day.year  # the year a neighbour's date suggests
    spans: bool = False  # a range in itself (2014-2016)
    role: str = "plain"  # plain, start or deadline
    range_start: bool = False
    range_end: bool = False


def _two_digit_year(text: str) -> int:
    return 2000 + int(text)


def _month_number(text: str) -> int:
    return _MONTH_NUMBER[re.sub(r"[^a-z]", "", text)[:3]]


def _second_year(first: int, second_text: str) -> int:
    """The year `second_text` names in `first/second_text` (2014/15 → 2015)."""
    second = int(second_text)
    if len(second_text) == 2:
        second += first // 100 * 100
    return second


def _mention(match: re.Match[str]) -> _Mention | None:
    g = match.groupdict()
    begin, end = match.span()

    def made(period, **extra):
        return _Mention(begin, end, period, **extra)

    if g["nd"]:
        year = int(g["ny"]) if len(g["ny"]) == 4 else _two_digit_year(g["ny"])
        try:
            day = date(year, int(g["nm"]), int(g["nd"]))
        except ValueError:
            return None
        return made(_Period(day, day))
    if g["dd"] or g["mdd"]:
        day_text, month_text, year_text = (
            (g["dd"], g["dm"], g["dy"]) if g["dd"] else (g["mdd"], g["mdm"], g["mdy"])
        )
        year = int(year_text) if len(year_text) == 4 else _two_digit_year(year_text)
        try:
            day = date(year, _month_number(month_text), int(day_text))
        except ValueError:
            return None
        return made(_Period(day, day))
    quarter = g["q"] or g["qw"] or g["qn"]
    if quarter:
        number = int(quarter)
        if g["qy"] or g["qys"]:
            fy = int(g["qy"]) if g["qy"] else _two_digit_year(g["qys"])
            return made(_quarter(fy, number))
        return made(None, resolve=lambda fy: _quarter(fy, number), hint=_financial_year_of)
    if g["nmm"]:
        return made(_month(int(g["nmy"]), int(g["nmm"])))
    if g["fa"]:
        first = int(g["fa"])
        second = _second_year(first, g["fb"])
        if second == first + 1:
            return made(_financial_year(first))
        if second > first:
            return made(_Period(_year(first).first, _year(second).last), spans=True)
        return made(_year(first))
    if g["fsa"]:
        return made(_financial_year(_two_digit_year(g["fsa"])))
    if g["fo"]:
        return made(_financial_year(int(g["fo"])))
    if g["part"]:
        word = g["part"].split()[0]
        return made(_months_period(int(g["party"]), _PART_START[_PART_WORDS.get(word, word)], 4))
    if g["sn"]:
        season = g["sn"]
        if g["sy"]:
            return made(_season(int(g["sy"]), season))
        if g["sya"] or g["syb"]:
            return made(_season(_two_digit_year(g["sya"] or g["syb"]), season))
        return made(None, resolve=lambda year: _season(year, season))
    if g["mn"]:
        number = _month_number(g["mn"])
        if g["my"]:
            return made(_month(int(g["my"]), number))
        if g["mya"] or g["myb"]:
            return made(_month(_two_digit_year(g["mya"] or g["myb"]), number))
        return made(None, resolve=lambda year: _month(year, number))
    if g["yr"]:
        return made(_year(int(g["yr"])))
    return None  # pragma: no cover - every alternative names a group


def _resolve_years(mentions: list[_Mention], text: str, financial_year: int | None) -> None:
    """Give a year to months, seasons and quarters written without one."""

    def joined(left: _Mention, right: _Mention) -> bool:
        return bool(_LIST_GAP.fullmatch(text[left.end : right.begin]))

    for index in range(len(mentions) - 2, -1, -1):  # from the right: `March, April and May 2015`
        mention, after = mentions[index], mentions[index + 1]
        if mention.period is None and after.period is not None and joined(mention, after):
            year = mention.hint(after.period.first)
            period = mention.resolve(year)
            if period.first > after.period.first:
                period = mention.resolve(year - 1)
            mention.period = period
    for index in range(1, len(mentions)):  # then from the left: `May 2015 to July`
        before, mention = mentions[index - 1], mentions[index]
        if mention.period is None and before.period is not None and joined(before, mention):
            year = mention.hint(before.period.last)
            period = mention.resolve(year)
            if period.last < before.period.last:
                period = mention.resolve(year + 1)
            mention.period = period
    if financial_year is not None and 1900 <= financial_year <= 2098:
        for mention in mentions:
            if mention.period is None and mention.hint is _financial_year_of:
                mention.period = mention.resolve(financial_year)
            elif mention.period is None and mention.resolve is not None:
                # A month or season without a year, in a plan for one financial year: in
                # that year (April to December) or the next (January to March).
                period = mention.resolve(financial_year)
                if period.first < date(financial_year, 4, 1):
                    period = mention.resolve(financial_year + 1)
                mention.period = period


@dataclass
class _Reading:
    mentions: list[_Mention]
    ongoing: bool

    def starts(self) -> list[date]:
        """Explicit starts: `From X`, the first end of a range."""
        return [
            m.period.first for m in self.mentions if m.role == "start" or m.range_start or m.spans
        ]

    def dues(self) -> list[date]:
        return [
            m.period.last
            for m in self.mentions
            if m.range_end or m.spans or (not m.range_start and m.role != "start")
        ]


def _read(text: str, financial_year: int | None) -> _Reading:
    norm = _normalise(text)
    found = [m for m in map(_mention, _PATTERN.finditer(norm)) if m is not None]
    _resolve_years(found, norm, financial_year)
    mentions = [m for m in found if m.period is not None]
    for index, mention in enumerate(mentions):
        previous_end = mentions[index - 1].end if index else 0
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        before = norm[previous_end : mention.begin][-80:]
        after = norm[mention.end : following.begin if following else len(norm)][:40]
        if _REVISED_BEFORE.search(before):
            mention.role = "revised"
        elif _START_BEFORE.search(before) or _START_AFTER.match(after):
            mention.role = "start"
        elif _DEADLINE_BEFORE.search(before):
            mention.role = "deadline"
        if following is not None:
            gap = norm[mention.end : following.begin]
            if _RANGE_GAP.fullmatch(gap) or (_AND_GAP.fullmatch(gap) and _BETWEEN.search(before)):
                mention.range_start = following.range_end = True
    return _Reading(mentions, bool(_ONGOING.search(norm)))


def _timescale(start: date | None, due: date | None, ongoing: bool) -> Timescale:
    if start and due and due < start:
        start = None  # the words contradict each other; the due date is the commitment
    return Timescale(start, due, ongoing, bool(start or due or ongoing))


def parse_timescale(text: str, *, financial_year: int | None = None) -> Timescale:
    """Read one timescale cell: start, due, ongoing and whether anything was understood."""
    reading = _read(text, financial_year)
    starts, dues = reading.starts(), reading.dues()
    revised = [m.period.last for m in reading.mentions if m.role == "revised"]
    if revised:
        dues = [revised[-1]]  # the latest revision is the commitment, earlier or later
    return _timescale(min(starts, default=None), max(dues, default=None), reading.ongoing)


def parse_start_finish(
    start_text: str, finish_text: str, *, financial_year: int | None = None
) -> Timescale:
    """Read separate start and finish columns (seed 001): one sets start, the other due."""
    start_reading = _read(start_text, financial_year)
    finish_reading = _read(finish_text, financial_year)
    starts = [
        m.period.first
        for m in start_reading.mentions
        if m.role != "deadline" and (m.range_start or m.spans or not m.range_end)
    ] or finish_reading.starts()
    dues = finish_reading.dues() or [
        m.period.last
        for m in start_reading.mentions
        if (m.role == "deadline" and not m.range_start) or m.range_end or m.spans
    ]
    return _timescale(
        min(starts, default=None),
        max(dues, default=None),
        start_reading.ongoing or finish_reading.ongoing,
    )
