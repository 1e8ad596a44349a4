"""Action refs in any scheme plans use: `1.1`, `1.1.`, `1:a`, `A2`, `2.4*`, damaged `1 10`."""

import re
from dataclasses import dataclass

QUOTES = "'’‘`\"“”"
REF_FORMS = [
    re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?$"),  # 1, 1.1, 1.1.2, 1.1a
    re.compile(r"^\d{1,3}[:.]?[a-z]{1,2}$"),  # 1a, 1:a, 1.a
    re.compile(r"^\d{1,3}:\d{1,3}$"),  # 1:2
    re.compile(r"^[A-Z]{1,2}\d{1,3}(?:[.:]\d{1,3})?[a-z]?$"),  # A2, A2.1
    re.compile(r"^[A-Z][.:]\d{1,3}(?:\.\d{1,3})?$"),  # A.2, A:2
    re.compile(r"^[a-z]$"),  # a, from `a.`, `a)` or `(a)`
]
SPLIT_BY_SPACE = re.compile(r"^(\d{1,3})\s+(\d{1,3})$")  # `1 10` from text extraction
NEW_MARK = re.compile(r"\s*\(?\bnew\b\)?\s*", re.I)
LEADING_NUMBER = re.compile(r"^(\d{1,3})")
DOTTED = re.compile(r"^(\d+)\.(\d+)$")
LEADING_LETTER = re.compile(r"^([A-Z])(?=[\d.:])")


@dataclass(frozen=True)
class Ref:
    ref: str
    raw: str
    new: bool


def read_ref(text):
    """A Ref if the text is an action ref as plans write it, else None."""
    raw = (text or "").strip()
    if not raw or len(raw) > 16:
        return None
    new = "*" in raw or bool(NEW_MARK.search(raw))
    cleaned = NEW_MARK.sub("", raw).replace("*", "").strip().strip(QUOTES).strip()
    if re.fullmatch(r"\(?[a-z]\)", cleaned):
        cleaned = cleaned.strip("()")
    cleaned = re.sub(r"\s*([.:])\s*", r"\1", cleaned)
    cleaned = cleaned.rstrip(".:").strip()
    spaced = SPLIT_BY_SPACE.match(cleaned)
    if spaced:
        cleaned = f"{spaced.group(1)}.{spaced.group(2)}"
    if any(form.match(cleaned) for form in REF_FORMS):
        return Ref(cleaned, raw, new)
    return None


def ref_section(ref):
    """The Concordat section a ref's prefix names (`3.4` → 3, `B2` → 2), or None."""
    found = LEADING_NUMBER.match(ref or "")
    if found:
        number = int(found.group(1))
        return number if 1 <= number <= 5 else None
    found = LEADING_LETTER.match(ref or "")
    if found:
        return "ABCDE".find(found.group(1)) + 1 or None
    return None


def next_ref(previous_refs, section):
    """The ref that should follow in a section, in the plan's own `N.M` scheme."""
    numbers = RefNumbers()
    for ref in previous_refs:
        numbers.add(ref)
    return numbers.next(section)


class RefNumbers:
    """The highest `N.M` number seen in each section, kept as refs are read, so the ref that
    follows is found at once rather than by going over every ref read so far."""

    def __init__(self):
        self.highest = {}

    def add(self, ref):
        found = DOTTED.match(ref or "")
        if found:
            section, number = found.group(1), int(found.group(2))
            self.highest[section] = max(self.highest.get(section, 0), number)

    def next(self, section):
        return f"{section}.{self.highest.get(str(section), 0) + 1}"


def split_leading_ref(text):
    """(Ref, rest) when a cell starts with a ref then words (`1.1 Develop…`), else None."""
    found = re.match(r"^\s*(\S{1,12}(?:\s*\(new\))?)\s+(\S.*)$", text or "", re.S | re.I)
    if not found:
        return None
    ref = read_ref(found.group(1))
    if ref is None or not re.search(r"\d[.:]|[A-Za-z]\d", found.group(1)):
        return None
    return ref, found.group(2)
