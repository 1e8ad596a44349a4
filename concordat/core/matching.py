"""Carry an action's identity from one version of a plan to the next.

A refreshed plan renumbers, rewords, adds and drops actions. An incoming action keeps the
identity of a previous one when the ref is the same and the wording still resembles it, or,
failing that, when the wording is nearly the same under another ref.
"""

from dataclasses import dataclass

from rapidfuzz import fuzz

from concordat.core.text import collapse_whitespace

SAME_REF_MIN_SIMILARITY = 50
MOVED_MIN_SIMILARITY = 85


@dataclass(frozen=True)
class Candidate:
    key: object
    ref: str
    text: str


def _similarity(a, b):
    a, b = collapse_whitespace(a).lower(), collapse_whitespace(b).lower()
    if not a or not b:
        return 100.0 if a == b else 0.0
    return fuzz.token_set_ratio(a, b)


def match_identities(previous, incoming):
    """Return, for each incoming (ref, text), the key of the previous Candidate it continues.

    None means a new action. Each previous candidate is used at most once.
    """
    matches = [None] * len(incoming)
    unused = list(previous)

    for index, (ref, text) in enumerate(incoming):
        if not ref:
            continue
        same_ref = [c for c in unused if c.ref == ref]
        if not same_ref:
            continue
        best = max(same_ref, key=lambda c: _similarity(c.text, text))
        if _similarity(best.text, text) >= SAME_REF_MIN_SIMILARITY:
            matches[index] = best.key
            unused.remove(best)

    for index, (_ref, text) in enumerate(incoming):
        if matches[index] is not None or not unused:
            continue
        scored = [(_similarity(c.text, text), position, c) for position, c in enumerate(unused)]
        score, _position, best = max(scored, key=lambda item: (item[0], -item[1]))
        if score >= MOVED_MIN_SIMILARITY:
            matches[index] = best.key
            unused.remove(best)
    return matches
