"""Score the importer on the corpus: actions against the truth files, and coverage.

Used by tests/imports/test_corpus.py and bench/import_accuracy.py. It runs the real pipeline
(`parse_plan(data, filename).to_json()`), lines the parsed actions up with the truth actions
(in order, by text, so one missed action does not shift every later one), and scores each
field. Coverage reads every cell and paragraph of the document with its own readers (never
the importer's) and checks that each piece is visible somewhere in the parsed JSON.

Django must be set up before `score_document` is called (the pipeline imports models' text
helpers); the functions that only read documents or compare values do not need it.
"""

import csv
import io
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from rapidfuzz import fuzz

CORPUS = Path(__file__).resolve().parent
FIELDS = ("ref", "section", "action", "lead", "timescale", "canonical_status", "new")
REPORTED = FIELDS + ("rag", "due", "removed")
ACTION_WORDS = 8
MATCH_THRESHOLD = 55  # rapidfuzz ratio (0-100) below which two actions are not the same one

# --- normalising -------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "…": "...",
    }
)
_BULLETS = re.compile(r"(?:^|(?<=\s))[•·▪◦‣●○■□➢►✓](?=\s|$)")


def normalise(text) -> str:
    """Case, whitespace, typographic quotes and dashes, bullets: what a reader would not count."""
    text = unicodedata.normalize("NFKC", str(text if text is not None else ""))
    text = text.translate(_QUOTES)
    text = _BULLETS.sub(" ", text)
    return " ".join(text.lower().split())


def normalise_space(text) -> str:
    """Whitespace and typographic quotes and dashes only (lead and timescale keep their case)."""
    text = unicodedata.normalize("NFKC", str(text if text is not None else ""))
    return " ".join(text.translate(_QUOTES).split())


def first_words(text, count=ACTION_WORDS) -> tuple[str, ...]:
    """The action's first words, without punctuation, bullets or list letters' brackets."""
    words = re.sub(r"[^\w\s]", " ", normalise(text)).split()
    return tuple(words[:count])


def _token(word):
    return word.strip("\"'()[]{}.,;:!?*-/\\|<>")


def words(text) -> list[str]:
    """Words for the PDF count: normalised, outer punctuation stripped, pure punctuation gone."""
    tokens = (_token(word) for word in normalise(text).split())
    return [token for token in tokens if token and re.search(r"\w", token)]


# --- comparing one field -------------------------------------------------------------------


def field_equal(name, parsed, truth) -> bool:
    if name == "action":
        return first_words(parsed) == first_words(truth)
    if name in ("lead", "timescale"):
        return normalise_space(parsed) == normalise_space(truth)
    if name == "ref":
        return normalise_space(parsed) == normalise_space(truth)
    if name in ("new", "removed"):
        return bool(parsed) == bool(truth)
    if name in ("canonical_status", "rag"):
        return (parsed or "") == (truth or "")
    if name == "due":
        return (parsed or None) == (truth or None)
    return parsed == truth  # section: an int or None


def parsed_value(action, name):
    if name == "action":
        return action.get("action", "")
    return action.get(name)


# --- aligning parsed actions with the truth -------------------------------------------------


def similarity(parsed, truth) -> float:
    a = " ".join(first_words(parsed.get("action", ""), 40))
    b = " ".join(first_words(truth.get("action", ""), 40))
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    if a.startswith(b) or b.startswith(a):
        score = max(score, 90.0)
    return score


def align(parsed, truth):
    """Pairs (parsed index or None, truth index or None) in document order.

    An order-keeping alignment that maximises the summed similarity of the pairs it makes; a
    pair below MATCH_THRESHOLD is never made, so a missed or invented action stays alone.
    """
    n, m = len(parsed), len(truth)
    sims = [[similarity(parsed[i], truth[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if sims[i][j] >= MATCH_THRESHOLD:
                options.append(best[i + 1][j + 1] + sims[i][j])
            best[i][j] = max(options)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if sims[i][j] >= MATCH_THRESHOLD and best[i][j] == best[i + 1][j + 1] + sims[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs.extend((k, None) for k in range(i, n))
    pairs.extend((None, k) for k in range(j, m))
    return pairs


# --- the scores -----------------------------------------------------------------------------


@dataclass
class DocScore:
    name: str
    format: str
    layout: str
    held_back: bool
    truth_count: int = 0
    parsed_count: int = 0
    exact: int = 0
    missing: int = 0
    extra: int = 0
    correct: dict = field(default_factory=lambda: dict.fromkeys(REPORTED, 0))
    coverage: float = 0.0
    covered_units: int = 0
    total_units: int = 0
    lost: list = field(default_factory=list)  # pieces of text not found in the JSON
    wrong: list = field(default_factory=list)  # (truth ref, field, parsed, truth)
    error: str = ""

    @property
    def scored(self) -> int:
        """Denominator: every truth action, plus every parsed action that matches none."""
        return self.truth_count + self.extra

    @property
    def exact_pct(self) -> float:
        return 100.0 * self.exact / self.scored if self.scored else 0.0

    def field_pct(self, name) -> float:
        return 100.0 * self.correct[name] / self.scored if self.scored else 0.0


def score_actions(score, parsed, truth):
    score.truth_count, score.parsed_count = len(truth), len(parsed)
    for i, j in align(parsed, truth):
        if i is None:
            score.missing += 1
            score.wrong.append((truth[j].get("ref"), "missing", None, truth[j].get("action")))
            continue
        if j is None:
            score.extra += 1
            score.wrong.append((None, "extra", parsed[i].get("action"), None))
            continue
        right = True
        for name in REPORTED:
            ok = field_equal(name, parsed_value(parsed[i], name), truth[j].get(name))
            score.correct[name] += ok
            if not ok:
                if name in FIELDS:
                    right = False
                score.wrong.append(
                    (truth[j].get("ref"), name, parsed_value(parsed[i], name), truth[j].get(name))
                )
        score.exact += right
    return score


# --- coverage: every piece of the document, read without the importer -----------------------


def json_strings(value):
    """Every string anywhere in the parsed JSON (keys too), numbers as written."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from json_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, bool) or value is None:
        return
    else:
        yield str(value)


class Haystack:
    def __init__(self, parsed_json):
        strings = [normalise(text) for text in json_strings(parsed_json)]
        self.strings = [text for text in strings if text]
        self.joined = "\n".join(self.strings)
        self.words = Counter(word for text in self.strings for word in words(text))

    def has(self, piece) -> bool:
        """A piece is visible when one string of the JSON holds all of it, on word bounds."""
        needle = normalise(piece)
        if not needle:
            return True
        pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
        return bool(pattern.search(self.joined))


def pieces_for(path: Path):
    """(kind, pieces): kind 'pieces' with a list of alternatives per piece, or 'pages' with a
    Counter of words per PDF page."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".pdf":
        return "pages", _pdf_pages(data)
    reader = {".docx": _docx_pieces, ".xlsx": _xlsx_pieces, ".csv": _csv_pieces}.get(suffix)
    if reader is None:
        reader = _odf_pieces
    return "pieces", [alts for alts in reader(data) if any(normalise(a) for a in alts)]


def coverage(path: Path, parsed_json):
    """(covered units, total units, lost pieces)."""
    kind, pieces = pieces_for(path)
    hay = Haystack(parsed_json if parsed_json is not None else {})
    if kind == "pages":
        covered = total = 0
        lost = []
        for number, page in enumerate(pieces, start=1):
            for word, count in sorted(page.items()):
                found = min(count, hay.words.get(word, 0))
                covered += found
                total += count
                if found < count:
                    lost.append(f"page {number}: {word!r} x{count - found}")
        return covered, total, lost
    lost = [alts[0] for alts in pieces if not any(hay.has(alt) for alt in alts)]
    return len(pieces) - len(lost), len(pieces), lost


# Word


def _docx_pieces(data):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    P, TBL, TC, SDT = qn("w:p"), qn("w:tbl"), qn("w:tc"), qn("w:sdt")

    def paragraph_text(p):
        parts = []
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
            parts.append(node.text or "" if node.tag == qn("w:t") else " ")
        return "".join(parts)

    def cell_text(tc):
        lines = []
        for node in tc.iterchildren():
            if node.tag == P:
                lines.append(paragraph_text(node))
        return "\n".join(lines)

    def walk(parent):
        for child in parent.iterchildren():
            if child.tag == P:
                yield [paragraph_text(child)]
            elif child.tag == SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)
            elif child.tag == TBL:
                for tc in child.iter(TC):
                    v_merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    if v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue"):
                        continue
                    yield [cell_text(tc)]

    yield from walk(document.element.body)
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                yield from walk(part._element)


# Excel


def _number_alternatives(value, fmt):
    alts = []
    if "%" in (fmt or ""):
        places = re.search(r"0\.(0+)%", fmt)
        alts.append(f"{value * 100:.{len(places.group(1)) if places else 0}f}%")
    decimals = re.search(r"0\.(0+)", fmt or "")
    if decimals:
        alts.append(f"{value:.{len(decimals.group(1))}f}")
    alts.append(str(int(value)) if float(value).is_integer() else f"{value:.15g}")
    return alts


def _date_alternatives(value, fmt):
    day = value.date() if isinstance(value, datetime) else value
    lowered = (fmt or "").lower()
    shown = []
    if "d" not in lowered and "mmmm" in lowered:
        shown.append(day.strftime("%B %Y"))
    elif "d" not in lowered and "mmm" in lowered:
        shown.append(day.strftime("%b-%y" if "yyyy" not in lowered else "%b %Y"))
    elif "yy" in lowered and "yyyy" not in lowered:
        shown.append(day.strftime("%d/%m/%y"))
    shown += [
        day.strftime("%d/%m/%Y"),
        day.isoformat(),
        f"{day.day} {day.strftime('%B %Y')}",
        day.strftime("%d %B %Y"),
    ]
    return shown


def _xlsx_pieces(data):
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    yield ["TRUE" if value else "FALSE"]
                elif isinstance(value, datetime | date):
                    yield _date_alternatives(value, cell.number_format)
                elif isinstance(value, time):
                    yield [value.isoformat()]
                elif isinstance(value, int | float):
                    yield _number_alternatives(value, cell.number_format)
                else:
                    yield [str(value)]


# CSV


def decode_csv(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _csv_pieces(data):
    for row in csv.reader(io.StringIO(decode_csv(data), newline="")):
        for cell in row:
            if cell.strip():
                yield [cell]


# OpenDocument


def _odf_pieces(data):
    from odf import opendocument, teletype
    from odf.namespaces import TABLENS, TEXTNS

    document = opendocument.load(io.BytesIO(data))
    paragraph_tags = {(TEXTNS, "p"), (TEXTNS, "h")}

    def walk(node):
        for child in node.childNodes:
            qname = getattr(child, "qname", None)
            if qname in paragraph_tags:
                yield [teletype.extractText(child)]
            elif qname == (TABLENS, "table-cell"):
                lines = [
                    teletype.extractText(p)
                    for p in _descendants(child)
                    if getattr(p, "qname", None) in paragraph_tags
                ]
                yield ["\n".join(lines)]
            elif qname == (TABLENS, "covered-table-cell"):
                continue
            else:
                yield from walk(child)

    yield from walk(document.text)
    yield from walk(document.masterstyles)


def _descendants(node):
    for child in node.childNodes:
        yield child
        yield from _descendants(child)


# PDF


def _pdf_pages(data):
    """Words per page, read with PDFium (pdfplumber's renderer), not pdfminer as the importer
    does: an independent reading, and fast."""
    import pypdfium2

    pages = []
    document = pypdfium2.PdfDocument(data)
    try:
        for page in document:
            text = page.get_textpage().get_text_range()
            pages.append(Counter(words(text)))
    finally:
        document.close()
    return pages


# --- the corpus -----------------------------------------------------------------------------


def load_manifest():
    return json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["documents"]


def load_truth(name):
    return json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8"))


def parse(path: Path):
    """The parsed JSON, or (None, the refusal's message)."""
    from concordat.imports.pipeline import ImportRefused, parse_plan

    try:
        return parse_plan(path.read_bytes(), path.name).to_json(), ""
    except ImportRefused as refusal:
        return None, str(refusal)


def score_document(entry) -> DocScore:
    path = CORPUS / entry["file"]
    truth = load_truth(Path(entry["file"]).stem)
    score = DocScore(
        name=entry["file"],
        format=entry["format"],
        layout=entry["layout"],
        held_back=entry["held_back"],
    )
    parsed_json, score.error = parse(path)
    actions = parsed_json.get("actions", []) if parsed_json else []
    score_actions(score, actions, truth["actions"])
    covered, total, lost = coverage(path, parsed_json)
    score.covered_units, score.total_units, score.lost = covered, total, lost
    score.coverage = 100.0 * covered / total if total else 100.0
    return score


def summarise(scores):
    """Overall figures for a group of documents: exact and field accuracy over all actions."""
    total = sum(s.scored for s in scores)
    units = sum(s.total_units for s in scores)
    summary = {
        "documents": len(scores),
        "actions": sum(s.truth_count for s in scores),
        "scored": total,
        "exact": sum(s.exact for s in scores),
        "exact_pct": 100.0 * sum(s.exact for s in scores) / total if total else 0.0,
        "coverage_pct": 100.0 * sum(s.covered_units for s in scores) / units if units else 100.0,
        "fields": {
            name: (100.0 * sum(s.correct[name] for s in scores) / total if total else 0.0)
            for name in REPORTED
        },
    }
    return summary
