"""How much room text takes, for the exporters that must size tables themselves: the column
widths of the Word, OpenDocument and PDF tables, and the row heights of the spreadsheet.

Every document names Arial (Liberation Sans where Arial is missing, which has the same widths).
The widths here are generous for it: each character is counted at least as wide as it is in
regular or bold, so text measured here never needs more room than was given.
"""

import re
from dataclasses import dataclass

PT_PER_CM = 72 / 2.54

# Widths in em, rounded up from Arial's own (Liberation Sans has the same metrics).
_NARROW = (0.28, " ijlI.,:;!'|’‘·")
_SLIM = (0.34, "ftr()[]{}-/\\`")
_CAPITAL = 0.78
_WIDE = (1.02, "mwMW%@—…")
_USUAL = 0.56
_UNUSUAL = 1.0  # a script Arial may lack: another font, counted as a square
_WIDTHS = {char: em for em, chars in (_NARROW, _SLIM, _WIDE) for char in chars}
BOLD = 1.1


def char_em(char):
    if char in _WIDTHS:
        return _WIDTHS[char]
    if char.isupper():
        return _CAPITAL
    if ord(char) > 0x24F and not char.isspace():
        return _UNUSUAL
    return _USUAL


def text_pt(text, size, *, bold=False):
    """The printed width of a piece of text, in points, at a font size in points."""
    width = sum(char_em(char) for char in text) * size
    return width * BOLD if bold else width


def wrapped_lines(text, width, size, *, bold=False):
    """How many lines the text takes in a box `width` points wide: its own lines, each wrapped
    at spaces, and a word too long for the box broken wherever it must be."""
    count = 0
    space = text_pt(" ", size, bold=bold)
    for line in str(text or "").split("\n"):
        count += 1
        used = 0.0
        for word in line.split():
            needed = text_pt(word, size, bold=bold)
            if used and used + space + needed <= width:
                used += space + needed
                continue
            if used:
                count += 1
            while needed > width:  # broken across lines
                count += 1
                needed -= width
            used = needed
    return max(count, 1)


@dataclass(frozen=True)
class Font:
    size: float  # points
    padding: float  # points: a cell's inner margins and borders, left and right together


_BREAK_AFTER = re.compile(r"(?<=[-/–])(?=[^\s])")


def office_words(text):
    """The pieces of text Word and LibreOffice keep on one line: words, broken after a hyphen,
    dash or slash (both break a line there)."""
    return [piece for word in str(text or "").split() for piece in _BREAK_AFTER.split(word)]


def longest_word_pt(texts, font, *, limit, bold=False):
    """The width of the widest word (cut at `limit` characters) in any of the texts."""
    widest = 0.0
    for text in texts:
        for word in str(text or "").split():
            widest = max(widest, text_pt(word[:limit], font.size, bold=bold))
    return widest


def fit_widths(weights, needs, total):
    """Widths that add up to `total`: each its share by weight, widened to its need, the
    columns with room to spare giving it up in proportion."""
    widths = [total * weight / sum(weights) for weight in weights]
    widths = [max(width, need) for width, need in zip(widths, needs, strict=True)]
    excess = sum(widths) - total
    room = [max(0.0, width - need) for width, need in zip(widths, needs, strict=True)]
    if excess > 0 and sum(room):
        share = min(1.0, excess / sum(room))
        widths = [width - spare * share for width, spare in zip(widths, room, strict=True)]
    if sum(widths) > total:  # nothing to spare: everything narrower alike
        widths = [width * total / sum(widths) for width in widths]
    return widths


def column_widths(columns, rows, *, total, font, limit=20, words=None):
    """Widths (points) for a table's columns: `rows` are lists of cell texts. A column is never
    narrower than its widest word (up to `limit` characters, so a web address may break) or
    the words of its heading, in bold; an empty column is only as wide as its heading."""
    texts = [[] for _ in columns]
    for row in rows:
        for index, text in enumerate(row):
            texts[index].extend(words(text) if words else [text])
    needs = [
        font.padding
        + max(
            longest_word_pt([column.heading], font, limit=limit, bold=True),
            longest_word_pt(texts[index], font, limit=limit),
        )
        for index, column in enumerate(columns)
    ]
    # A column with nothing in it (a plan without outcomes) keeps only room for its heading.
    shares = [column.share or column.width for column in columns]
    weights = [share if any(texts[index]) else 0 for index, share in enumerate(shares)]
    if not any(weights):
        weights = shares
    return fit_widths(weights, needs, total)
