"""What the text before a plan's table says about it: title, area, date, version."""

import re
from dataclasses import dataclass

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?\s+\d{{4}}"
    rf"|(?:{MONTHS})\.?\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})\b",
    re.I,
)
VERSION = re.compile(r"\b(?:version|v|ver\.?)\s*[:\-]?\s*(\d+(?:\.\d+)*)\b", re.I)
FINANCIAL_YEAR = re.compile(r"\b(20\d\d)\s*[/\-–]\s*(\d\d)(?:\d\d)?\b")
AREA = re.compile(r"^(?:the\s+)?(.+?)\s+(?:mental health\s+)?crisis care concordat\b", re.I)
TITLE_WORDS = re.compile(r"action plan|concordat|crisis care|plan\b", re.I)
DATE_LABEL = re.compile(r"\b(refreshed|updated|revised|date|dated|published|as at|review)\b", re.I)


TITLE_WEIGHTS = [
    (re.compile(r"action plan", re.I), 3),
    (re.compile(r"concordat", re.I), 2),
    (re.compile(r"crisis care", re.I), 1),
    (re.compile(r"\bplan\b", re.I), 1),
]


def _title(lines):
    """The line most like a plan's title: "action plan", "Concordat", "crisis care", "plan"."""
    best, best_score = None, 0
    for line in lines:
        if len(line) > 200:
            continue
        score = sum(weight for pattern, weight in TITLE_WEIGHTS if pattern.search(line))
        if score > best_score:
            best, best_score = line, score
    return best


@dataclass
class Preamble:
    title: str | None
    area_name: str | None
    stated_date: str | None
    stated_version: str | None
    financial_year: int | None
    text: str


def read_preamble(text):
    lines = [" ".join(line.split()) for line in (text or "").split("\n")]
    lines = [line for line in lines if line]
    title = _title(lines)
    if title is None and lines and len(lines[0]) <= 200:
        title = lines[0]
    area = None
    if title:
        found = AREA.match(title)
        if found and found.group(1).lower() not in {"the", "mental health"}:
            area = found.group(1).strip(" -–:")
    stated_date = None
    for line in sorted(lines, key=lambda line: not DATE_LABEL.search(line)):
        found = DATE.search(line)
        if found:
            stated_date = line if DATE_LABEL.search(line) and len(line) <= 80 else found.group(0)
            break
    stated_version = None
    for line in lines:
        found = VERSION.search(line)
        if found:
            stated_version = f"Version {found.group(1)}"
            break
    financial_year = None
    for line in ([title] if title else []) + lines:
        found = FINANCIAL_YEAR.search(line)
        if found and (int(found.group(1)) + 1) % 100 == int(found.group(2)[:2]):
            financial_year = int(found.group(1))
            break
    return Preamble(title, area, stated_date, stated_version, financial_year, "\n".join(lines))
