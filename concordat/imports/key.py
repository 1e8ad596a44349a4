"""A plan's colour key: the line or row that says what each RAG colour means ("Key: Red – not
started, Amber – on track, Green – complete", "G = on track | A = some slippage", "Grey
shading – removed"). A key row is no action; the key gives a status to an action whose only
word on progress is its colour.
"""

import re

COLOUR_WORDS = r"red|amber|green|blue|grey|gray"
# A colour as a key names it: a word, or a capital R, A, G or B before "=", "-" or ":".
COLOUR = rf"\b(?:{COLOUR_WORDS})\b|\b(?-i:[RAGB])(?=\s*[-–—=:])"
SEPARATOR = r"[-–—=:]|\bis\b|\bmeans\b|\bindicates\b"
NAMES = {"r": "red", "a": "amber", "g": "green", "b": "blue", "gray": "grey"}

KEY_CELL = re.compile(rf"^\s*(?:rag\s+)?(?:{COLOUR}|purple)\s*(?:{SEPARATOR})\s*\S", re.I)
KEY_START = re.compile(r"^\s*(?:rag\s+|colour\s+|color\s+|status\s+)?key\b", re.I)
KEY_WORD = re.compile(r"\b(?:rag\s+|colour\s+|color\s+|status\s+)?key\b\s*:", re.I)
COLOUR_FOUND = re.compile(COLOUR, re.I)
BARE_COLOUR = re.compile(rf"\s*(?:{COLOUR_WORDS})\s*", re.I)
MARKED = re.compile(rf"(?:{COLOUR})\s*(?:{SEPARATOR}|shading)", re.I)
KEY_PAIR = re.compile(
    rf"({COLOUR})\s*(?:shading|rating)?\s*(?:{SEPARATOR})?\s*(.*?)(?=[,;/|]?\s*(?:{COLOUR})|$)",
    re.I | re.S,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])")
GREY_REMOVED = re.compile(
    r"\b(grey|gray)\b.*\b(removed|deleted|absorbed|no longer|withdrawn)", re.I
)


def colour_name(token):
    token = token.strip().lower()
    return NAMES.get(token, token)


def is_key_row(cells):
    """A colour key (`Red – not started | Amber – on track | Green – done`), no action."""
    filled = [cell.strip() for cell in cells if cell and cell.strip()]
    if not filled:
        return False
    keyed = sum(1 for cell in filled if KEY_CELL.match(cell))
    if keyed >= 2 and keyed >= 0.5 * len(filled):
        return True
    if len(filled) == 2 and BARE_COLOUR.fullmatch(filled[0]) and len(filled[1]) <= 60:
        return True
    if len(filled) == 1:
        text = filled[0]
        colours = {colour_name(token) for token in COLOUR_FOUND.findall(text)}
        if KEY_START.match(text) and colours:
            return True
        return len(colours) >= 2 and len(MARKED.findall(text)) >= 2
    return False


MAX_KEY_WORDS = 60
KEY_ONLY_WORDS = re.compile(r"\b(overdue|late|delayed|behind|slipp\w*|at risk)\b", re.I)


def fill_key_rows(table):
    """{row index: (rag or "", status)} of a colour key written as coloured cells with their
    meaning in words (a red cell "Action not started yet", a green one "Action completed"):
    two or more rows running together, each one short cell on its own fill colour, the
    colours all different, each cell saying a status."""
    from concordat.core.statuses import canonical_status, rag_from_colour

    found, run, fills = {}, {}, set()

    def close():
        if len(run) >= 2:
            found.update(run)
        run.clear()
        fills.clear()

    for index, row in enumerate(table.rows):
        filled = [(c, text) for c, text in enumerate(row) if text and text.strip()]
        if len(filled) != 1:
            close()
            continue
        column, text = filled[0]
        fill = table.style(index, column).fill
        status = canonical_status(text)
        if (
            not fill
            or fill in fills
            or len(text) > MAX_KEY_WORDS
            or not (status or KEY_ONLY_WORDS.search(text))
        ):
            close()
            continue
        fills.add(fill)
        run[index] = (rag_from_colour(fill), status)
    close()
    return found


def colour_key(document):
    """{rag: canonical status} from the plan's colour key, wherever it is written."""
    from concordat.core.statuses import canonical_status

    found = {}
    for table in document.tables:
        for rag, status in fill_key_rows(table).values():
            if rag and status and rag not in found:
                found[rag] = status
    texts = [document.preamble] + [t.heading for t in document.tables if not t.heading_is_name]
    for table in document.tables:
        for row in table.rows:
            if is_key_row(row):
                texts.append(" – ".join(cell for cell in row if cell and cell.strip()))
    for text in texts:
        for line in (text or "").split("\n"):
            keyed = KEY_START.match(line) or KEY_WORD.search(line) or GREY_REMOVED.search(line)
            if not is_key_row([line]) and not keyed:
                continue
            label = KEY_WORD.search(line)
            if label:
                line = line[label.end() :]
            for colour, meaning in KEY_PAIR.findall(line):
                # A meaning ends with its sentence ("R – red. Finished actions say
                # “Complete”…": red means no status).
                meaning = SENTENCE_END.split(meaning, maxsplit=1)[0]
                status = canonical_status(meaning.strip(" ,;/|."))
                name = colour_name(colour)
                if status and name not in found:
                    found[name] = status
    return found


def grey_removes(document, *, rows):
    """Whether the plan says grey marks a removed action (in its first `rows` rows or the
    text around its tables)."""
    texts = [document.preamble, document.trailing] + [t.heading for t in document.tables]
    for table in document.tables:
        for row in table.rows[:rows]:
            texts.extend(row)
    return any(GREY_REMOVED.search(text or "") for text in texts)
