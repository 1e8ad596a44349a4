"""Cell text: whitespace, HTML list markup from documents, and paragraphs and lists.

Convention: cell text is stored verbatim, and a list is lines that begin with a bullet
character. `split_blocks` reads that back as paragraphs and lists for display.
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Characters an XML 1.0 document cannot hold: C0 controls other than tab, newline and carriage
# return, the surrogate halves, and U+FFFE and U+FFFF. Typed or pasted into a field (a
# vertical tab is Word's line break when copied) they would make every Word, Excel and Atom
# file built from the text invalid.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def strip_control_characters(text):
    """The text without the characters XML cannot hold; a vertical tab or form feed (a line
    or page break pasted from Word) becomes a newline. Anything not a string is returned
    as it is. The one cleaning every way in uses: forms, the API and the importer."""
    if not isinstance(text, str) or not _XML_ILLEGAL.search(text):
        return text
    return _XML_ILLEGAL.sub("", text.translate(_LINE_BREAKS))


def has_control_characters(text) -> bool:
    return isinstance(text, str) and bool(_XML_ILLEGAL.search(text))


def collapse_whitespace(text) -> str:
    """Every run of whitespace (newlines included) as one space, stripped."""
    return " ".join(str(text or "").split())


# --- HTML list markup -> lines beginning with "• " ---------------------------------------

_HTML_TAG = re.compile(
    r"</?(?:ul|ol|li|i|b|u|em|strong|br|p|div|span|font|sup|sub|a|script|style)\b[^>]*>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
_BREAK = "\x00"  # a line break made by markup, told apart from the text's own newlines
_BLOCK_TAGS = {"ul", "ol", "p", "div", "br", "tr", "table"}
_DROPPED_CONTENT = {"script", "style"}


class _ListFlattener(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED_CONTENT:
            self.skipping += 1
        elif tag == "li":
            self.parts.append(_BREAK + "• ")
        elif tag in _BLOCK_TAGS:
            self.parts.append(_BREAK)

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append(_BREAK)

    def handle_endtag(self, tag):
        if tag in _DROPPED_CONTENT:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "li" or tag in _BLOCK_TAGS:
            self.parts.append(_BREAK)

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace(_BREAK, ""))


def _tidy_line(line: str) -> str:
    return re.sub(r"[^\S\n]+", " ", line).strip()


def html_lists_to_lines(text) -> str:
    """List items as lines starting with "• "; other tags dropped, entities unescaped.

    Text without markup or entities comes back unchanged.
    """
    text = str(text or "")
    if not _HTML_TAG.search(text):
        return html.unescape(text) if _ENTITY.search(text) else text
    parser = _ListFlattener()
    parser.feed(text)
    parser.close()
    segments = "".join(parser.parts).split(_BREAK)
    lines = []
    for segment in segments:
        tidy = "\n".join(_tidy_line(line) for line in segment.split("\n")).strip()
        if tidy and tidy != "•":
            lines.append(tidy)
    return "\n".join(lines)


# --- paragraphs and lists ----------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" or "list"
    text: str = ""  # a paragraph's words
    items: tuple[str, ...] = ()  # a list's items

    @property
    def is_list(self) -> bool:
        return self.kind == "list"


_BULLET_LINE = re.compile(r"^(?:[•·▪◦●■‣⁃]\s*|[-*o]\s+)(?P<rest>.*)$")
_INLINE_BULLETS = re.compile(r"\s*[•▪●]\s*")


def _items(text: str) -> list[str]:
    return [piece for piece in _INLINE_BULLETS.split(text) if piece and not piece.isspace()]


def split_blocks(text) -> list[Block]:
    """Paragraphs and bulleted lists, in order.

    Lines starting with a bullet (•, ·, ▪, -, *, o and a space…) are list items; a line with
    no bullet right after an item continues it (text extraction wraps long items); a blank
    line ends a paragraph. A line holding " • " runs is split there: the words before the
    first bullet are a paragraph, the rest are items.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []
    after_blank = False

    def end_paragraph():
        if paragraph:
            blocks.append(Block("paragraph", text=" ".join(paragraph)))
            paragraph.clear()

    def end_list():
        if items:
            blocks.append(Block("list", items=tuple(items)))
            items.clear()

    for raw_line in str(text or "").splitlines():
        line = collapse_whitespace(raw_line)
        if not line:
            end_paragraph()
            after_blank = True
            continue
        bullet = _BULLET_LINE.match(line)
        if bullet:
            end_paragraph()
            items.extend(_items(bullet.group("rest")))
        elif _INLINE_BULLETS.search(line):
            lead, *rest = _INLINE_BULLETS.split(line)
            end_list()
            if lead.strip():
                paragraph.append(lead.strip())
            end_paragraph()
            items.extend(piece for piece in rest if piece.strip())
        elif items and not after_blank:
            items[-1] = f"{items[-1]} {line}".strip()
        else:
            end_list()
            paragraph.append(line)
        after_blank = False
    end_paragraph()
    end_list()
    return blocks
