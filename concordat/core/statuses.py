"""Canonical status and RAG read from the words plans use (DESIGN.md, "Status and RAG").

The first rule that matches wins, in this order: superseded, an explicit "not started", an
unfinished "complete" (near completion, not yet complete), complete, in progress, planned.
So `COMPLETE/ SUPERSEDED` is superseded and `COMPLETE / ONGOING` complete. Words broken or
run together by text extraction (`Underway-999`) are tried again with the spaces removed.
"""

import re

from concordat.core.models.plans import CanonicalStatus, Rag

_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛′`´", "'"))

_RULES = [
    (
        CanonicalStatus.SUPERSEDED,
        r"\bsupersed\w*|\bmerged\b|\breplaced\s+by\b|\bno\s+longer\b"
        r"|\bnot\s+(?:being\s+)?(?:taken|carried)\s+forward\b|\bwithdrawn\b|\bcancell?ed\b"
        r"|\bdropped\b|\bduplicat\w*|\bremoved\b|\bdeleted\b|\babsorbed\b",
        "supersed merged nolonger withdrawn cancelled canceled",
    ),
    (
        CanonicalStatus.NOT_STARTED,
        r"\bnot\s+(?:yet\s+)?(?:started|begun|commenced|initiated)\b"
        r"|\byet\s+to\s+(?:start|begin|commence)\b|\bnot\s+(?:yet\s+)?due\b"
        r"|\bno\s+progress\b|\bnot\s+(?:yet\s+)?progressed\b",
        "notstarted notyetstarted yettostart notdue notyetdue",
    ),
    (
        CanonicalStatus.IN_PROGRESS,
        r"\b(?:near(?:ing|ly)?|almost|close\s+to|awaiting|partial(?:ly)?|partly|part|not(?:\s+yet)?)"
        r"\s+(?:complet\w*|achieved|in\s+place)|\bincomplete\b|\bto\s+be\s+completed\b"
        r"|\bneeds?\s+(?:further\s+)?(?:development|work|developing)\b",
        "nearcomplet nearingcomplet almostcomplet incomplet notcomplet notyetcomplet"
        " partiallycomplet notachieved notyetachieved",
    ),
    (
        CanonicalStatus.COMPLETE,
        r"\bcomplet(?:e|ed)\b|\bachieved\b|\bdone\b|\bdelivered\b|\bfinished\b|\bclosed\b"
        r"|\bin\s+place\b",
        "complete achieved delivered finished",
    ),
    (
        CanonicalStatus.IN_PROGRESS,
        r"\bon\s*-?\s*going\b|\bon\s+(?:track|target|schedule|course)\b|\bunder\s*way\b"
        r"|\bin\s+progress\b|\bprogress(?:ing|ed)?\b|\bfinal\s+stages?\b|\bstarted\b"
        r"|\bcommenced\b|\bbegun\b|\bdelayed\b|\bbehind\b|\bslipp\w*|\bat\s+risk\b"
        r"|\bcontinu\w*|\bin\s+development\b|\bbeing\s+developed\b",
        "ongoing ontrack underway inprogress progressing finalstage started commenced delayed",
    ),
    (
        CanonicalStatus.NOT_STARTED,
        r"\bplanned\b|\bpending\b|\bscheduled\b|\bproposed\b|\bto\s+(?:start|begin)\b",
        "planned pending",
    ),
]
_COMPILED = [(status, re.compile(pattern), keys.split()) for status, pattern, keys in _RULES]


def _words(text: str) -> str:
    """Lower case, with every run of punctuation and space turned into one space."""
    text = str(text or "").translate(_QUOTES).lower()
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text).split())


def status_words(canonical: str) -> str:
    """The words kept as an action's status when a person picks a canonical status from
    the list (its label), or "" when none was picked."""
    return str(CanonicalStatus(canonical).label) if canonical else ""


def canonical_status(text: str) -> str:
    """`not_started`, `in_progress`, `complete`, `superseded`, or '' when not understood."""
    words = _words(text)
    if not words:
        return ""
    for status, pattern, _keys in _COMPILED:
        if pattern.search(words):
            return str(status)
    squashed = words.replace(" ", "")
    for status, _pattern, keys in _COMPILED:
        if any(key in squashed for key in keys):
            return str(status)
    if read_rag(text) == Rag.BLUE:
        return str(CanonicalStatus.COMPLETE)  # blue means complete
    return ""


_RAG_WORDS = {"red": Rag.RED, "amber": Rag.AMBER, "green": Rag.GREEN, "blue": Rag.BLUE}
_RAG_LETTERS = {"r": Rag.RED, "a": Rag.AMBER, "g": Rag.GREEN, "b": Rag.BLUE}
_WORST_FIRST = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE]
_LABEL_WORDS = {"rag", "rating", "status"}
_LABELLED_LETTER = re.compile(r"\brag(?:\s+(?:rating|status))?\s+([ragb])\b")


def _worst(rags) -> str:
    found = set(rags)
    return next((str(rag) for rag in _WORST_FIRST if rag in found), "")


def read_rag(text: str) -> str:
    """The RAG a cell gives: red, amber, green or blue; the worse when it gives two; else ''."""
    words = _words(text)
    if not words:
        return ""
    words = re.sub(r"\bblue\s+lights?\b", " ", words)  # the emergency services, not a rating
    tokens = words.split()
    named = [_RAG_WORDS[token] for token in tokens if token in _RAG_WORDS]
    if named:
        return _worst(named)
    letters = [token for token in tokens if token not in _LABEL_WORDS]
    if letters and all(token in _RAG_LETTERS for token in letters):
        return _worst(_RAG_LETTERS[token] for token in letters)
    labelled = _LABELLED_LETTER.search(words)
    if labelled:
        return str(_RAG_LETTERS[labelled.group(1)])
    return ""


# --- colours -----------------------------------------------------------------------------
# Plans give a RAG as a cell's fill (a red, amber or green cell with no words) and mark
# removed actions in grey. Colours are judged by hue, so Excel's pale "Good", "Bad" and
# "Neutral" fills count as well as pure ones.

_MIN_SATURATION = 0.15
_MIN_VALUE = 0.3


def _hsv(colour: str):
    text = str(colour or "").strip().lstrip("#")
    if len(text) == 8:  # ARGB, as Excel writes it
        text = text[2:]
    if len(text) != 6:
        return None
    try:
        red, green, blue = (int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    high, low = max(red, green, blue), min(red, green, blue)
    value = high
    saturation = 0 if high == 0 else (high - low) / high
    if high == low:
        hue = 0.0
    elif high == red:
        hue = (60 * (green - blue) / (high - low)) % 360
    elif high == green:
        hue = 60 * (blue - red) / (high - low) + 120
    else:
        hue = 60 * (red - green) / (high - low) + 240
    return hue, saturation, value


def rag_from_colour(colour: str) -> str:
    """The RAG a fill colour gives (red, amber, green, blue), or '' for none or another."""
    found = _hsv(colour)
    if found is None:
        return ""
    hue, saturation, value = found
    if saturation < _MIN_SATURATION or value < _MIN_VALUE:
        return ""
    if hue >= 340 or hue < 18:
        return str(Rag.RED)
    if hue < 62:
        return str(Rag.AMBER)
    if hue < 170:
        return str(Rag.GREEN)
    if hue < 265:
        return str(Rag.BLUE)
    return ""


def is_grey(colour: str) -> bool:
    """Whether a text or fill colour is a grey (not black, not white)."""
    found = _hsv(colour)
    if found is None:
        return False
    _hue, saturation, value = found
    return saturation < 0.12 and 0.35 <= value <= 0.92
