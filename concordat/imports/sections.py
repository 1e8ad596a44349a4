"""Recognise a plan's section rows and map them onto the five Concordat sections."""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

CONCORDAT_SECTIONS = {
    1: "Commissioning to allow earlier intervention and responsive crisis services",
    2: "Access to support before crisis point",
    3: "Urgent and emergency access to crisis care",
    4: "Quality of treatment and care when in crisis",
    5: "Recovery and staying well / preventing future crises",
}
# Phrases that name a section on their own, as plans shorten the titles.
SECTION_PHRASES = {
    1: ("commissioning to allow", "earlier intervention", "responsive crisis service"),
    2: ("access to support", "before crisis point", "support before crisis"),
    3: ("urgent and emergency", "emergency access", "urgent & emergency"),
    4: (
        "quality of treatment",
        "care when in crisis",
        "treatment and care",
        "care and treatment",
        "quality of care",
    ),
    5: ("recovery and staying well", "staying well", "preventing future crises", "future crises"),
}
SHORT_TITLES = {
    1: "Commissioning",
    2: "Access to support",
    3: "Urgent and emergency access",
    4: "Quality of treatment and care",
    5: "Recovery and staying well",
}
# A plan's own short title that starts with a section's first word ("Commissioning and
# partnership working", "Urgent care"), once a label such as "Theme:" is taken off.
SECTION_STARTS = {
    1: ("commissioning",),
    2: ("access to ", "access before"),
    3: ("urgent ", "emergency access", "emergency care"),
    4: ("quality of ",),
    5: ("recovery", "staying well"),
}
TITLE_LABEL = re.compile(
    r"^\s*(?:(?:section|part|theme|domain|area|objective)\s*(?:[a-e1-9]|[ivx]+)?\b\s*[.):–—-]?\s*)?",
)
TITLE_MATCH_THRESHOLD = 85

MAX_TITLE_LENGTH = 160

DASHES = "–—-"
NUMBERED = re.compile(rf"^\s*(?:section\s+)?([1-9])\s*[.):{DASHES}]?\s+([A-Za-z(].*)$", re.I | re.S)
NUMBER_ONLY = re.compile(r"^\s*(?:section\s+)?([1-9])\s*[.):]?\s*$", re.I)
SECTION_WORD = re.compile(
    rf"^\s*(?:section|part|theme|domain|objective)\s+([A-Z]|[1-9]|[ivx]+)\b\s*[.):{DASHES}]?\s*(.*)$",
    re.I | re.S,
)
LETTERED = re.compile(rf"^\s*([A-E])\s*[.):{DASHES}]\s+([A-Za-z(].*)$", re.S)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}


@dataclass(frozen=True)
class SectionHeading:
    number: int | None
    title: str
    label: str  # "2", "A", "" for a title alone


def section_from_title(text):
    """The Concordat section a title names, or None. Returns (number, score)."""
    lowered = " ".join(text.lower().replace("&", "and").split())
    if not lowered or len(lowered) > MAX_TITLE_LENGTH:
        return None, 0.0
    for number, phrases in SECTION_PHRASES.items():
        if any(phrase in lowered for phrase in phrases):
            return number, 100.0
    bare = TITLE_LABEL.sub("", lowered)
    for number, starts in SECTION_STARTS.items():
        if bare.startswith(starts):
            return number, 90.0
    best, best_score = None, 0.0
    for number in CONCORDAT_SECTIONS:
        for title in (CONCORDAT_SECTIONS[number], SHORT_TITLES[number]):
            score = fuzz.ratio(lowered, title.lower())
            if score > best_score:
                best, best_score = number, score
    if best_score >= TITLE_MATCH_THRESHOLD:
        return best, best_score
    return None, best_score


# What each Concordat section is about, in the words of the national Concordat's own
# headings and commitments: a plan that groups its actions under local headings ("Places of
# safety", "Early help", "Dignity and respect") instead of the five titles is mapped by what
# its heading is about. Only used where the text is known to head a section (a numbered
# heading, a section column), never to decide that a row is a section.
SECTION_TOPICS = {
    1: (r"commission\w*", r"early intervention", r"needs assessment", r"jsna"),
    2: (
        r"early help",
        r"prevention",
        r"help before",
        r"before (?:a )?crisis",
        r"safe havens?",
        r"sanctuary",
        r"crisis (?:line|café|cafe)s?",
        r"help ?lines?",
        r"primary care",
        r"self[- ]referral",
        r"access",
    ),
    3: (
        r"triage",
        r"places? of safety",
        r"(?:section|s\.?) ?136",
        r"liaison",
        r"a ?(?:&|and) ?e",
        r"emergency",
        r"urgent",
        r"conveyance",
        r"transport",
        r"amhps?",
        r"mental health act",
        r"crisis (?:response|resolution|teams?)",
        r"home treatment",
        r"out of hours",
        r"24/7",
    ),
    4: (
        r"quality",
        r"dignity",
        r"respect",
        r"restraint",
        r"safeguarding",
        r"experience of care",
        r"training",
    ),
    5: (
        r"recovery",
        r"staying well",
        r"discharge",
        r"relapse",
        r"follow[- ]?up",
        r"peer support",
        r"after ?care",
        r"future crises",
    ),
}
_TOPIC_PATTERNS = {
    number: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
    for number, words in SECTION_TOPICS.items()
}


def section_by_topic(text):
    """The Concordat section a section heading of the plan's own is about, or None: the one
    section whose topics it names most, none where two tie or it names none."""
    lowered = " ".join((text or "").lower().split())
    if not lowered or len(lowered) > MAX_TITLE_LENGTH:
        return None
    counts = {n: len(pattern.findall(lowered)) for n, pattern in _TOPIC_PATTERNS.items()}
    best = max(counts.values())
    if not best:
        return None
    winners = [n for n, count in counts.items() if count == best]
    return winners[0] if len(winners) == 1 else None


def section_by_meaning(text):
    """A section heading's Concordat section: by its title, else by its topic."""
    by_title, _score = section_from_title(text)
    return by_title if by_title is not None else section_by_topic(text)


# Titles of the sections plans add of their own, about running the plan rather than the
# care (“1. Partnership working to develop the plan”, “Governance”, “Workforce”).
LOCAL_TOPIC = re.compile(
    r"^(?:partnership|governance|workforce|training|communications?|engagement|"
    r"leadership|co-?production|programme management|monitoring|data and information|"
    r"information sharing|implementation|delivery of the plan)\b",
    re.I,
)


def _number_for(label, title):
    """The section a heading names: by its title where the title names one (a plan may put a
    section of its own first, so its numbers are not the Concordat's), else by its label; a
    title naming a section of the plan's own gives none."""
    by_title, _score = section_from_title(title) if title else (None, 0)
    if by_title is not None:
        return by_title
    if title and LOCAL_TOPIC.match(TITLE_LABEL.sub("", title.strip())):
        return None
    if label.isdigit():
        number = int(label)
        return number if 1 <= number <= 5 else None
    if label.lower() in ROMAN:
        return ROMAN[label.lower()]
    if len(label) == 1 and label.isalpha():
        return by_title or ("ABCDE".find(label.upper()) + 1 or None)
    return by_title


def read_section_heading(text, *, titles_alone=True):
    """A SectionHeading if the text is a section row's heading, else None.

    Numbered (`2. Access…`, `1.`), lettered (`Section A – …`, `B. …`) and, when titles_alone,
    a plan's own title close to one of the five Concordat sections.
    """
    text = (text or "").strip()
    if not text or len(text) > MAX_TITLE_LENGTH * 2:
        return None
    for pattern in (SECTION_WORD, NUMBERED, LETTERED):
        found = pattern.match(text)
        if found:
            label, title = found.group(1), " ".join(found.group(2).split())
            return SectionHeading(_number_for(label, title), title, label.upper())
    found = NUMBER_ONLY.match(text)
    if found:
        return SectionHeading(_number_for(found.group(1), ""), "", found.group(1))
    if titles_alone:
        number, _score = section_from_title(text)
        if number is not None:
            return SectionHeading(number, " ".join(text.split()), "")
    return None
