"""Action refs in any scheme plans use: `1.1`, `1.1.`, `1:a`, `A2`, `2.4*`, damaged `1 10`,
letters and roman numerals that restart in each section (`b)`, `(iv)`), and a new-action mark
in any position (`*2.4`, `2.4*`, `NEW 2.4`, `2.4 (new)`)."""

import re
from dataclasses import dataclass

QUOTES = "'’‘`\"“”"
ROMAN_NUMERAL = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
REF_FORMS = [
    re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?$"),  # 1, 1.1, 1.1.2, 1.1a
    re.compile(r"^\d{1,3}[:.]?[a-z]{1,2}$"),  # 1a, 1:a, 1.a
    re.compile(r"^\d{1,3}:\d{1,3}$"),  # 1:2
    re.compile(r"^(?!20[1-3]\d)[1-9]0\d\d$"),  # 1001, 2014: section, 0, two digits; no year
    re.compile(r"^[A-Z]{1,3}\d{1,3}(?:[.:]\d{1,3}){0,3}[a-z]?$"),  # A2, A2.1, A1.1.2, UEC1
    re.compile(r"^[A-Z]{1,4}[-_]\d{1,3}(?:\.\d{1,3}){0,2}$"),  # CC-01, MH-1.2
    re.compile(r"^[A-Z][.:]\d{1,3}(?:\.\d{1,3})?$"),  # A.2, A:2
    re.compile(r"^[a-z]$"),  # a, from `a.`, `a)` or `(a)`
    re.compile(r"^[A-Z]$"),  # A, from `A.` or `(A)`
    re.compile(rf"^(?=[ivx])(?:{ROMAN_NUMERAL})$"),  # i, iv, xii
    re.compile(rf"^(?=[IVX])(?:{ROMAN_NUMERAL.upper()})$"),  # I, IV
]
SPLIT_BY_SPACE = re.compile(r"^(\d{1,3})\s+(\d{1,3})$")  # `1 10` from text extraction
NEW_SIGNS = ("*", "†", "‡", "✱", "★")  # marks plans put by a new action's ref
NEW_MARK = re.compile(r"\s*[(\[]?\s*\bnew(?:\s+action)?\b\s*[!)\]]?\s*[-–:]?\s*", re.I)
LEADING_NUMBER = re.compile(r"^(\d{1,3})(?=[.:]\d|[.:]?[a-z]\b|[a-z]$)")
DOTTED = re.compile(r"^(\d+)\.(\d+)$")
LEADING_LETTER = re.compile(r"^([A-Z])(?=[\d.:])")


@dataclass(frozen=True)
class Ref:
    ref: str
    raw: str
    new: bool


REF_LIST = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
MAX_REF_LIST = 40


def read_ref(text):
    """A Ref if the text is an action ref as plans write it, else None. One action may
    answer several refs (`3.5, 3.6, 3.7`): kept as written, each part a ref of one scheme."""
    raw = (text or "").strip()
    if 16 < len(raw) <= MAX_REF_LIST or REF_LIST.search(raw):
        parts = [part for part in REF_LIST.split(raw) if part]
        if len(parts) >= 2:
            found = [_read_one(part) for part in parts]
            if all(found) and all(carries_section(ref.ref) for ref in found):
                return Ref(", ".join(ref.ref for ref in found), raw, any(r.new for r in found))
        return None
    return _read_one(raw)


def _read_one(raw):
    if not raw or len(raw) > 16:
        return None
    new = any(mark in raw for mark in NEW_SIGNS) or bool(NEW_MARK.search(raw))
    cleaned = NEW_MARK.sub(" ", raw)
    for mark in NEW_SIGNS:
        cleaned = cleaned.replace(mark, "")
    cleaned = cleaned.strip().strip(QUOTES).strip(" -–")
    bracketed = re.fullmatch(r"\(?([a-zA-Z]{1,5})\)", cleaned)
    if bracketed:
        cleaned = bracketed.group(1)
    cleaned = re.sub(r"\s*([.:])\s*", r"\1", cleaned)
    cleaned = cleaned.rstrip(".:").strip()
    spaced = SPLIT_BY_SPACE.match(cleaned)
    if spaced:
        cleaned = f"{spaced.group(1)}.{spaced.group(2)}"
    if any(form.match(cleaned) for form in REF_FORMS):
        return Ref(cleaned, raw, new)
    return None


def carries_section(ref):
    """Whether a ref names its section (`3.4`, `3:a`, `3a`, `C2`), unlike `12`, `b` or `iv`."""
    return bool(LEADING_NUMBER.match(ref or "") or LEADING_LETTER.match(ref or ""))


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


def _parts(ref):
    """A ref as (prefix, number): `3.10` → ("3.", 10), `b` → ("", 2), `iv` → ("", 4)."""
    text = ref or ""
    found = re.fullmatch(r"(.*?[.:]?)(\d+)", text)
    if found:
        return found.group(1), int(found.group(2))
    found = re.fullmatch(r"(.*?[.:]?)([a-z])", text, re.I)
    roman = roman_value(text)
    if roman:
        return "roman", roman
    if found:
        return found.group(1).lower(), ord(found.group(2).lower()) - ord("a") + 1
    return None


def roman_value(text):
    if not re.fullmatch(rf"(?=[ivx])(?:{ROMAN_NUMERAL})", (text or "").lower()):
        return 0
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    lowered = text.lower()
    for index, char in enumerate(lowered):
        value = values[char]
        following = values[lowered[index + 1]] if index + 1 < len(lowered) else 0
        total += -value if value < following else value
    return total


def ref_follows(previous, ref):
    """Whether ref comes next after previous in a plan's numbering: the next number under
    the same prefix, the first under a new one (`2.9` then `3.1`), or a scheme restarting
    (`c` then `a`)."""
    before, after = _parts(previous), _parts(ref)
    if before is None or after is None:
        return False
    if before[0] == after[0] and after[1] == before[1] + 1:
        return True
    return after[1] == 1


def split_leading_ref(text):
    """(Ref, rest) when a cell starts with a ref then words (`1.1 Develop…`), else None."""
    found = re.match(r"^\s*(\S{1,12}(?:\s*\(new\))?)\s+(\S.*)$", text or "", re.S | re.I)
    if not found:
        return None
    ref = read_ref(found.group(1))
    if ref is None or not re.search(r"\d[.:]|[A-Za-z]\d", found.group(1)):
        return None
    return ref, found.group(2)


def milestone_refs(item_text):
    """Action refs a milestone names: '3.5,6,7' → 3.5, 3.6, 3.7; '2.1 &3.10' → 2.1, 3.10."""
    refs, section = [], None
    for piece in re.split(r"[,&;/]|\band\b", item_text):
        piece = piece.strip()
        if not piece:
            continue
        full = re.fullmatch(r"(\d+)\.(\d+)", piece)
        if full:
            section = full.group(1)
            refs.append(piece)
        elif re.fullmatch(r"\d+", piece) and section:
            refs.append(f"{section}.{piece}")
    return refs
