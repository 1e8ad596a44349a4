"""Text on its way out of the site, into files and feeds that other programs open.

Two rules, written once and used by every writer:

- `xml_safe`: every exporter and feed (Word, OpenDocument, Excel, PDF, Atom, iCalendar, CSV)
  drops the characters XML 1.0 forbids, so a stray control character in stored text can never
  make a download fail. A vertical tab or form feed (what Word pastes for a manual line or page
  break) becomes a new line; the others are removed.
- `spreadsheet_safe`: a CSV cell that a spreadsheet would run as a formula (it starts with `=`,
  `+`, `-`, `@`, a tab or a carriage return) is written with a leading apostrophe, the usual
  convention that spreadsheets show as text. `spreadsheet_text` undoes it when the site reads
  its own CSV back.
"""

import re

# Everything XML 1.0 does not allow: C0 controls other than tab, line feed and carriage return;
# lone surrogates; and the two non-characters U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("[\x0b\x0c]")

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def xml_safe(text):
    """The text with XML-illegal characters removed (vertical tab and form feed become new
    lines). Anything that is not a string is returned as it is."""
    if not isinstance(text, str):
        return text
    return _XML_ILLEGAL.sub("", _BREAKS.sub("\n", text))


def spreadsheet_safe(text):
    """A CSV cell's text that no spreadsheet runs as a formula: an apostrophe before a cell
    that starts with a formula trigger."""
    text = xml_safe(text)
    if isinstance(text, str) and text.startswith(FORMULA_TRIGGERS):
        return ESCAPE + text
    return text


def spreadsheet_text(text):
    """The text `spreadsheet_safe` was given: the apostrophe it added taken off again."""
    if isinstance(text, str) and text.startswith(ESCAPE) and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def sentence(text):
    """Generated text ending in one full stop, however the stored text it ends with was
    punctuated: "Work)." stays "Work).", never "Work).."."""
    text = (text or "").rstrip()
    if not text or text.endswith((".", "!", "?", "…")):
        return text
    return text + "."
