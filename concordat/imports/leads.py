"""Read the organisations a lead cell names and match them to the registry.

Names, short names and aliases found whole in the text are exact matches. What is left is
split on the separators plans use (`/`, `,`, `and`, `&`, `with`, brackets, new lines); each
piece that differs from a registered name only by spelling is a fuzzy match with its score,
and any other piece that reads like an organisation's name is proposed as a new one, never
merged with a near name. Collective words (`All concordat stakeholders`, `CCGs`, `Police`)
name no one organisation and are left alone.
"""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .parsed import LeadMatch


@dataclass(frozen=True)
class RegistryEntry:
    id: int
    name: str
    names: tuple[str, ...]  # name, short name, aliases


APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
SEPARATORS = re.compile(
    r"[/,;&+()\[\]\n|:]|\s-\s|\b(?:(?:working|(?:working )?in partnership|in conjunction) with|"
    r"and|with|including|supported by|for|via|on behalf of|led by)\b",
    re.I,
)
# A clause that says how or what, not who: dropped up to the next separator.
CLAUSE = re.compile(r"\b(?:through|to|in order to|by updating)\b[^/,;()\n]*", re.I)
GENERIC_WORDS = {
    "all",
    "concordat",
    "stakeholders",
    "stakeholder",
    "stake",
    "holders",
    "holder",
    "partners",
    "partner",
    "partnership",
    "agencies",
    "agency",
    "organisations",
    "organisation",
    "ccgs",
    "ccg",
    "las",
    "la",
    "local",
    "authority",
    "authorities",
    "vsos",
    "vso",
    "voluntary",
    "sector",
    "police",
    "forces",
    "force",
    "commissioners",
    "commissioner",
    "providers",
    "provider",
    "services",
    "service",
    "other",
    "relevant",
    "key",
    "statutory",
    "and",
    "the",
    "of",
    "nhs",
    "health",
    "social",
    "care",
    "public",
    "councils",
    "council",
    "colleagues",
    "members",
    "gps",
    "gp",
    "primary",
    "acute",
    "mental",
    "professionals",
    "staff",
    "teams",
    "team",
    "group",
    "groups",
    "various",
    "appropriate",
}
COLLECTIVE_ENDINGS = {
    "ccgs",
    "las",
    "vsos",
    "councils",
    "providers",
    "commissioners",
    "stakeholders",
    "partners",
    "agencies",
    "services",
    "organisations",
    "colleagues",
    "leads",
    "members",
    "trusts",
    "forces",
    "teams",
    "groups",
    "group",
    "chair",
    "holders",
    "gps",
    "boards",
    "professionals",
    "staff",
    "officers",
    "team",
    "lead",
    "partnerships",
}
PERSON_TITLES = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "cllr"}
LEADING_FILLERS = re.compile(r"^(?:the|a|an|all of the|partners including)\s+", re.I)
FUZZY_MIN_SCORE = 88
FUZZY_MIN_WORD_SCORE = 75
MAX_PROPOSED_WORDS = 8


@dataclass(frozen=True)
class _Variant:
    pattern: re.Pattern
    entry: RegistryEntry
    text: str


def _variant_pattern(name):
    words = name.translate(APOSTROPHES).split()
    body = r"\s+".join(re.escape(word) for word in words)
    pattern = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
    if len(words) == 1 and len(name) <= 10:
        # Abbreviations and one-word names: as registered or in capitals, never lower case.
        if name.upper() != name:
            pattern = rf"(?<![A-Za-z0-9])(?:{body}|{re.escape(name.upper())})(?![A-Za-z0-9])"
        return re.compile(pattern)
    return re.compile(pattern, re.I)


class LeadMatcher:
    def __init__(self, registry):
        variants = []
        for entry in registry:
            for name in {n.strip() for n in (entry.name, *entry.names) if n and n.strip()}:
                variants.append(_Variant(_variant_pattern(name), entry, name))
        variants.sort(key=lambda v: len(v.text), reverse=True)
        self.variants = variants
        self._cache = {}

    def match(self, lead):
        """LeadMatches for the organisations a lead text names, in the order written."""
        if lead not in self._cache:
            self._cache[lead] = self._match(lead or "")
        return list(self._cache[lead])

    def _match(self, lead):
        text = lead.translate(APOSTROPHES)
        found = []  # (start, LeadMatch)
        taken = []
        for variant in self.variants:
            for hit in variant.pattern.finditer(text):
                if any(hit.start() < end and start < hit.end() for start, end in taken):
                    continue
                taken.append((hit.start(), hit.end()))
                found.append(
                    (
                        hit.start(),
                        LeadMatch(hit.group(0), variant.entry.id, variant.entry.name, 100.0, False),
                    )
                )
        masked = list(text)
        for start, end in taken:
            masked[start:end] = ["|"] * (end - start)
        rest = CLAUSE.sub("|", "".join(masked))
        position = 0
        for piece in SEPARATORS.split(rest):
            start = rest.find(piece, position)
            position = max(position, start + len(piece))
            match = self._piece(piece)
            if match is not None:
                found.append((start, match))
        found.sort(key=lambda item: item[0])
        matches, seen = [], set()
        for _start, match in found:
            key = match.organisation_id if match.organisation_id is not None else match.text
            if key not in seen:
                seen.add(key)
                matches.append(match)
        return matches

    def _piece(self, piece):
        clean = " ".join(piece.split()).strip(" .:-–'\"*")
        clean = LEADING_FILLERS.sub("", clean).strip()
        if not re.search(r"[A-Za-z]{2}", clean) or is_generic(clean):
            return None
        fuzzy = self._fuzzy(clean)
        if fuzzy is not None:
            return fuzzy
        words = clean.split()
        if (
            clean[0].isupper()
            and len(words) <= MAX_PROPOSED_WORDS
            and words[0].lower().rstrip(".") not in PERSON_TITLES
        ):
            return LeadMatch(clean, None, None, 0.0, True)
        return None

    def _fuzzy(self, piece):
        lowered = piece.lower()
        words = lowered.split()
        best, best_score = None, 0.0
        for variant in self.variants:
            candidate = variant.text.lower().translate(APOSTROPHES)
            if len(candidate.split()) != len(words) or len(words) < 2:
                continue
            score = fuzz.ratio(lowered, candidate)
            if score > best_score and _spelling_only(words, candidate.split()):
                best, best_score = variant, score
        if best is not None and best_score >= FUZZY_MIN_SCORE:
            return LeadMatch(piece, best.entry.id, best.entry.name, round(best_score, 1), False)
        return None


def _spelling_only(words, candidate_words):
    """Each word the same or misspelt (same first letter, close), never another word."""
    for word, other in zip(words, candidate_words, strict=True):
        if word == other:
            continue
        if word[0] != other[0] or len(word) < 4:
            return False
        if fuzz.ratio(word, other) < FUZZY_MIN_WORD_SCORE:
            return False
    return True


def is_generic(piece):
    words = [re.sub(r"'s$", "s", w.lower().strip(".,'")) for w in piece.split()]
    words = [w for w in words if w]
    if not words:
        return True
    return all(w in GENERIC_WORDS for w in words) or words[-1] in COLLECTIVE_ENDINGS
