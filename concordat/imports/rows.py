"""Read a document's rows under one reading: its heading rows, sections, sub-themes, actions,
continuation rows and notes, for one assignment of column roles and one policy for rows
without a ref. structure.py builds the candidate readings and keeps the best.
"""

import re
from dataclasses import dataclass, field

from .columns import EXACT, field_for, header_names, header_score, normalise
from .key import fill_key_rows, is_key_row
from .refs import read_ref, split_leading_ref
from .sections import read_section_heading, section_by_topic, section_from_title

BULLET_START = re.compile(r"^\s*(?:[•·▪◦‣○●*\-–]\s|<ul|<ol|<li|\d{1,2}[.)]\s)", re.I)
SENTENCE_END = re.compile(r"[.!?:;)\]”\"']\s*$")
APPENDIX = re.compile(
    r"\bappendix\b|\bannex\b|\bcompleted actions\b|\bactions? (?:now )?completed\b"
    r"|\bcomplete[d]? actions\b",
    re.I,
)
FINANCIAL_YEAR = re.compile(r"\b(20\d\d)\s*[/\-–]\s*(\d\d)(?:\d\d)?\b")
NOTE_LABEL = re.compile(
    r"(?:ACTION|ACTIONS|UPDATE|PROGRESS|NOTE|NOTES|COMMENT|COMMENTS|AGREED|DECISION"
    r"|[A-Z][a-z]+ update|Update|Progress|Note|Comment|Agreed):?",
)
MAX_SUBTHEME_LENGTH = 150

MAX_SUBHEADING_LENGTH = 25
MAX_HEADER_SEARCH = 30
PROSE_SENTENCE_WORDS = 8
CORE_FIELDS = ("lead", "timescale", "start_date", "finish_date", "status", "rag")
POLICIES = ("balanced", "separate", "joined")


@dataclass
class RowAction:
    table: int
    row: int
    ref: str = ""
    ref_raw: str = ""
    new: bool = False
    section: int | None = None
    section_raw: str = ""
    subtheme: str = ""
    from_appendix: bool = False
    cells: dict[str, str] = field(default_factory=dict)  # header name → text
    fields: dict[str, str] = field(default_factory=dict)  # header name → field or ""
    fills: dict[str, str] = field(default_factory=dict)  # header name → fill colour
    notes: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    removed: bool = False
    numeric_ref: bool = False
    section_from_row: bool = False
    section_text: str = ""  # a section column's text, carried down from the row that has it
    rows: list[int] = field(default_factory=list)
    joined_core: int = 0


@dataclass
class Structure:
    columns: dict[str, str | None] = field(default_factory=dict)
    actions: list[RowAction] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    not_imported: list[tuple[str, str]] = field(default_factory=list)
    found_header: bool = False
    doubts: list[str] = field(default_factory=list)
    # Colour → canonical status, from a colour key ("Green – completed, Red – not started").
    key: dict[str, str] = field(default_factory=dict)
    # Heading → financial year its heading gives ("Timescale 2015/16 unless otherwise
    # specified"): months and quarters without a year in that column are read in it.
    column_years: dict[str, int] = field(default_factory=dict)
    score: float = 0.0


def join_fragment(first, second):
    if not first:
        return second
    if not second:
        return first
    if BULLET_START.match(second):
        return f"{first}\n{second}"
    return f"{first} {second}"


def _join_pieces(pieces):
    """join_fragment over many pieces at once: a bullet starts a new line, other text
    follows a space, empty pieces add nothing."""
    parts = []
    for piece in pieces:
        if not piece:
            continue
        if parts:
            parts.append("\n" if BULLET_START.match(piece) else " ")
        parts.append(piece)
    return "".join(parts)


# --- the document, row by row ------------------------------------------------------------


@dataclass
class TableRow:
    index: int
    number: int
    cells: list[str]
    styles: list[object]
    inherited: dict[int, str]
    across: set[int]

    @property
    def filled(self):
        return [(i, text) for i, text in enumerate(self.cells) if text and text.strip()]


@dataclass
class TablePlan:
    number: int
    table: object
    rows: list[TableRow]
    header_at: int | None = None  # index into rows of its first heading row
    kind: str = "other"  # "plan", "continues" or "other"
    scheme: tuple | None = None


def table_rows(table):
    rows = []
    above = {}
    across_by_row = {}  # one pass over the merged cells, not one per row
    for row, column in table.merged_from_left:
        across_by_row.setdefault(row, set()).add(column)
    for index, raw in enumerate(table.rows):
        cells = list(raw)
        inherited = {}
        for column, text in enumerate(cells):
            if (index, column) in table.merged_from_above:
                inherited[column] = above.get(column, "")
                cells[column] = ""
            else:
                above[column] = text
        styles = [table.style(index, column) for column in range(len(cells))]
        across = across_by_row.get(index, set())
        rows.append(TableRow(index, table.row_numbers[index], cells, styles, inherited, across))
    return rows


@dataclass
class Scheme:
    names: list[str]
    fields: list[str | None]
    doubts: list[str]
    years: dict[str, int]
    # Without a ref column: the column whose cells start with the ref (`A1 Single point of
    # access…`), else the action's.
    ref_in: int | None = None

    def col(self, name):
        try:
            return self.fields.index(name)
        except ValueError:
            return None


def leading_ref_column(fields, body):
    """Without a ref column, the column left of the action (with no role, or the sub-theme)
    most of whose cells start with a ref then words, or None."""
    if "ref" in fields or "action" not in fields:
        return None
    for index in range(fields.index("action")):
        if fields[index] not in (None, "subtheme"):
            continue
        cells = [row.cells[index] for row in body if index < len(row.cells)]
        cells = [cell for cell in cells if cell.strip()]
        if len(cells) >= 2 and sum(1 for c in cells if split_leading_ref(c)) >= 0.6 * len(cells):
            return index
    return None


def is_subheading_row(filled):
    """A second heading row under the first (`Start` | `End` under `Timescale`): short cells
    that name fields, two or more or one named exactly, none a ref or a section's title."""
    if not filled:
        return False
    if len(filled) < 2 and normalise(filled[0][1]) not in EXACT:
        return False
    return all(
        len(text) <= MAX_SUBHEADING_LENGTH
        and read_ref(text) is None
        and field_for(text)
        and read_section_heading(text, titles_alone=True) is None
        for _i, text in filled
    )


def merge_heading_rows(above, below):
    """One heading row from two: the lower cell's words where it has any. Where the lower
    headings repeat under group headings (`Update | RAG` under each of `Quarter 1`,
    `Quarter 2`), each keeps its group's words: `Quarter 1 Update`, `Quarter 2 RAG`."""
    width = max(len(above), len(below))
    above = list(above) + [""] * (width - len(above))
    below = list(below) + [""] * (width - len(below))
    lower = [normalise(low) for low in below if low.strip()]
    if len(lower) == len(set(lower)):
        return [low.strip() or high for high, low in zip(above, below, strict=True)]
    merged, group = [], ""
    for high, low in zip(above, below, strict=True):
        if high.strip():
            group = high.strip()
        elif not low.strip():
            group = ""
        merged.append(f"{group} {low.strip()}".strip() if low.strip() else high)
    return merged


VALUE_FIELDS = ("timescale", "start_date", "finish_date", "status", "rag", "progress")


def header_rows(rows):
    return [row.index for row in rows if header_score(row.cells) > 0]


def scheme_key(cells):
    return tuple(header_names(cells))


def column_year(name):
    found = FINANCIAL_YEAR.search(name)
    if found and (int(found.group(1)) + 1) % 100 == int(found.group(2)[:2]):
        return int(found.group(1))
    return None


# --- the candidate readings ------------------------------------------------------------------


class RowReading:
    """One reading of the whole document, under one column assignment and one policy for
    rows without a ref."""

    def __init__(self, document, plans, schemes, policy, labels_trusted, grey_removes):
        self.document = document
        self.plans = plans
        self.schemes = schemes
        self.policy = policy
        self.labels_trusted = labels_trusted
        self.grey_removes = grey_removes
        self.out = Structure()
        self.scheme = None
        self.header_cells = []
        self.last_was_header = False
        self.section = None
        self.section_raw = ""
        self.under_section_row = False
        self.subtheme = ""
        self.subtheme_column = ""
        self.section_column = ""
        self.appendix = False
        self.current = None
        self.pending = []  # (where, text) read since the last action: trailing, or not imported
        self.continued = {}  # heading name → pieces of the current action's continued text
        self.fates = {}  # (table, row index) → "start", "continue", "section", …
        self.headers_on_page = {}
        self.ambiguous = 0
        self.rows_rag_coloured = rows_rag_coloured(plans)
        self.key_rows = {
            (plan.number, index) for plan in plans for index in fill_key_rows(plan.table)
        }

    # Whole document ---------------------------------------------------------------------
    def read(self):
        for plan in self.plans:
            self.read_heading(plan)
            if plan.kind == "other":
                self.other_table(plan)
                continue
            for row in plan.rows:
                self.read_row(plan, row)
        self.finish()
        return self.out

    def where(self, plan, row=None):
        name = plan.table.name or f"Table {plan.number + 1}"
        if plan.table.heading_is_name:
            name = f"Sheet “{plan.table.name}”"
        return f"{name}, row {row.number}" if row is not None else name

    def set_aside(self, where, text):
        text = text.strip()
        if not text:
            return
        if self.out.actions or self.current is not None:
            self.pending.append((where, text))
        else:
            self.out.not_imported.append((where, text))

    def read_heading(self, plan):
        """The paragraphs written just before a table: section titles, an appendix title."""
        table = plan.table
        if table.heading_is_name or not table.heading:
            if table.heading_is_name and table.heading:
                found = read_section_heading(table.heading, titles_alone=True)
                if found and found.number and plan.kind != "other":
                    self.set_section(found.number, "", from_row=False)
            return
        lines = [line.strip() for line in table.heading.split("\n") if line.strip()]
        if plan.number == 0:
            # The text before the first table is the preamble, read by the pipeline; a section
            # title just above the table starts the first section.
            for line in reversed(lines[-3:]):
                if is_list_sentence(line):
                    continue  # "4. Covers mainly the actions that…": a point in a list
                heading = self.section_heading(line, titles_alone=True)
                if heading and plan.kind != "other":
                    self.set_section(heading, line, from_row=True)
                    break
            return
        for line in lines:
            where = f"Before {table.name or f'table {plan.number + 1}'}"
            if APPENDIX.search(line) and len(line) <= MAX_SUBTHEME_LENGTH and self.out.actions:
                self.start_appendix()
                self.pending.append((where, line))
                continue
            heading = self.section_heading(line, titles_alone=True)
            if heading is not None and plan.kind != "other":
                self.set_section(heading, line, from_row=True)
                continue
            if is_key_row([line]):
                self.set_aside("Colour key", line)
                continue
            self.set_aside(where, line)

    def section_heading(self, text, *, titles_alone):
        """The section number a heading gives, 0 for a section of the plan's own, or None."""
        found = read_section_heading(text, titles_alone=titles_alone)
        if found is None:
            return None
        by_title, _score = section_from_title(found.title) if found.title else (None, 0)
        if by_title is not None:
            return by_title
        if found.number is not None and self.labels_trusted:
            return found.number
        if found.title and found.label:
            # A numbered heading of the plan's own words ("3. Places of safety"): the
            # section it is about.
            return section_by_topic(found.title) or 0
        return 0 if found.title else (found.number or 0)

    def other_table(self, plan):
        for row in plan.rows:
            filled = row.filled
            if filled:
                self.fates[(plan.number, row.index)] = "other"
                text = " | ".join(text for _i, text in filled)
                if is_key_row(row.cells):
                    self.set_aside("Colour key", text)
                else:
                    self.set_aside(self.where(plan, row), text)

    # Rows -------------------------------------------------------------------------------
    def read_row(self, plan, row):
        self.current_plan = plan
        filled = row.filled
        if not filled:
            return
        key = (plan.number, row.index)
        if (
            header_score(row.cells) > 0 and not self.is_data_under_heading(row.cells)
        ) or self.is_second_header_row(filled):
            self.fates[key] = "header"
            if self.document.kind == "pdf":
                # A page's words are counted one by one: a heading row drawn again on the
                # same page is listed, so every copy of its words is accounted for.
                page = plan.table.name
                self.headers_on_page[page] = self.headers_on_page.get(page, 0) + 1
                if self.headers_on_page[page] > 1:
                    self.out.not_imported.append(
                        (f"{page}: the heading row again", " | ".join(t for _i, t in filled))
                    )
            cells = row.cells
            scheme = None
            if self.last_was_header:
                merged = self.merge_header_rows(cells)
                scheme = self.schemes.get(scheme_key(merged))
                cells = merged if scheme is not None else cells
            if scheme is None:
                scheme = self.schemes.get(scheme_key(cells))
            self.last_was_header = True
            self.header_cells = list(cells)
            if scheme is not None:
                self.scheme = scheme
                for i, name in enumerate(scheme.names):
                    if i < len(row.cells) and (cells[i] or "").strip():
                        self.out.columns.setdefault(name, scheme.fields[i])
                self.out.column_years.update(scheme.years)
            self.out.found_header = True
            return
        self.last_was_header = False
        if self.scheme is None or (plan.header_at is not None and row.index < plan.header_at):
            self.before_header(plan, row)
            return
        if is_key_row(row.cells) or key in self.key_rows:
            self.fates[key] = "key"
            self.set_aside("Colour key", " | ".join(text for _i, text in filled))
            return
        scheme = self.scheme
        cells = list(row.cells) + [""] * (len(scheme.names) - len(row.cells))
        if len(cells) > len(scheme.names):
            for i in range(len(scheme.names), len(cells)):
                scheme.names.append(f"Column {i + 1}")
                scheme.fields.append(None)
        ref_col, action_col = scheme.col("ref"), scheme.col("action")
        ref_text = cells[ref_col].strip() if ref_col is not None else ""
        ref = read_ref(ref_text) if ref_text else None
        from_text = False
        ref_in = scheme.ref_in if scheme.ref_in is not None else action_col
        if ref_col is None and ref_in is not None:
            leading = split_leading_ref(cells[ref_in])
            ref = leading[0] if leading else None
            from_text = ref is not None
        one_cell = (
            len(filled) == 1
            or len({text for _i, text in filled}) == 1
            and all(i in row.across or i == filled[0][0] for i, _t in filled)
        )
        if ref is not None and not from_text and self.is_section_label_row(ref, cells, filled):
            self.fates[key] = "section"
            title = next(text for i, text in filled if i != ref_col)
            self.set_section(self.section_heading(title, titles_alone=True), f"{ref_text} {title}")
            return
        if ref is None and self.section_row(row, cells, filled, ref_col, action_col, ref_text):
            self.fates[key] = "section"
            return
        if one_cell and ref is None:
            column, text = filled[0]
            if APPENDIX.search(text) and len(text) <= MAX_SUBTHEME_LENGTH:
                self.fates[key] = "appendix"
                self.start_appendix()
                self.pending.append((self.where(plan, row), text))
                return
            if self.is_subtheme(row, column, text, ref_col, action_col, plan.table.line_based):
                self.fates[key] = "subtheme"
                self.subtheme = " ".join(text.split())
                self.pending.append((self.where(plan, row), text))
                return
        if ref is None and ref_col is not None and action_col is not None:
            shared = read_ref(row.inherited.get(ref_col, ""))
            if shared is not None and cells[action_col].strip():
                # The ref merged down over several rows, each with an action of its own
                # (local actions under one recommendation): each row is an action.
                self.start_action(plan, row, cells, ref=shared)
                return
        if ref is not None:
            self.start_action(plan, row, cells, ref=ref)
            return
        if self.current is None:
            if self.looks_like_action(cells, action_col):
                self.start_action(plan, row, cells, ref=None)
            else:
                self.fates[key] = "other"
                self.set_aside(self.where(plan, row), " | ".join(t for _i, t in filled))
            return
        if self.is_note_row(filled, cells):
            self.fates[key] = "note"
            self.add_note(row, filled)
            return
        if not plan.table.line_based and self.is_new_refless_action(row, cells, action_col):
            self.start_action(plan, row, cells, ref=None)
            if ref_col is not None and not cells[ref_col].strip():
                self.current.notes.append("refless")
            return

        self.fates[key] = "continue"
        self.continue_action(row, cells)

    def is_data_under_heading(self, cells):
        """A row whose words happen to name columns ("District housing leads", "Not
        started.") but which, read under the heading row already met, holds an action and a
        value its column is for (a date where the timescale is, a status or colour where the
        status is): an action, not the heading row again. A heading row repeated at a page
        break or before a section is the same as the first one and is kept as a heading."""
        scheme = self.scheme
        if scheme is None or scheme_key(cells) in self.schemes:
            return False
        action_col = scheme.col("action")
        if action_col is None or action_col >= len(cells) or not cells[action_col].strip():
            return False
        if normalise(cells[action_col]) and field_for(cells[action_col]):
            return False
        valued = 0
        for index, text in enumerate(cells):
            name = scheme.fields[index] if index < len(scheme.fields) else None
            if name in VALUE_FIELDS and text.strip() and cell_holds(name, text):
                if name in ("status", "rag", "progress"):
                    from concordat.core.statuses import canonical_status, read_rag

                    if not (canonical_status(text) or read_rag(text)):
                        continue
                valued += 1
        return valued >= 1

    def is_note_row(self, filled, cells):
        """A row under an action labelled in its first cell ("ACTION", "Update:") whose other
        cells are not what their columns hold: a note on the action above, not part of its
        cells."""
        if self.current is None or len(filled) < 2 or filled[0][0] != 0:
            return False
        label = filled[0][1].strip()
        if not NOTE_LABEL.fullmatch(label):
            return False
        scheme = self.scheme
        if scheme.fields[0] not in (None, "ref"):
            return False
        for index, text in filled[1:]:
            field_name = scheme.fields[index] if index < len(scheme.fields) else None
            if field_name in CORE_FIELDS and not cell_holds(field_name, text):
                return True
        return False

    def add_note(self, row, filled):
        action = self.current
        action.rows.append(row.number)
        label = " ".join(filled[0][1].split()).rstrip(":")
        name = f"{label} (row {row.number})"
        action.cells[name] = " ".join(text for _i, text in filled[1:])
        action.fields[name] = ""

    def looks_like_action(self, cells, action_col):
        if action_col is None:
            return True
        return bool(cells[action_col].strip())

    def before_header(self, plan, row):
        filled = row.filled
        self.fates[(plan.number, row.index)] = "before"
        text = " | ".join(t for _i, t in filled) if len(filled) > 1 else filled[0][1]
        if is_key_row(row.cells):
            self.set_aside("Colour key", text)
            return
        if len(filled) == 1 and (self.out.actions or self.current is not None or self.scheme):
            heading = self.section_heading(filled[0][1], titles_alone=False)
            if heading is not None:
                self.set_section(heading, filled[0][1])
                return
        if self.out.actions or self.current is not None:
            self.pending.append((self.where(plan, row), text))
        elif plan.kind == "plan" and not self.scheme:
            if len(filled) == 1 and len(filled[0][1]) <= MAX_SUBTHEME_LENGTH:
                text = filled[0][1]
                heading = self.section_heading(text, titles_alone=self.section is None)
                if heading is not None and (self.section is None or heading):
                    self.set_section(heading, text)
                    return
                if self.section_raw:
                    # Under a section row, above the heading row: a sub-theme.
                    self.subtheme = " ".join(text.split())
                    self.pending.append((self.where(plan, row), text))
                    return
            self.out.preamble.append(" ".join(t for _i, t in filled))

        else:
            self.out.not_imported.append((self.where(plan, row), text))

    def is_second_header_row(self, filled):
        return self.last_was_header and is_subheading_row(filled)

    def merge_header_rows(self, cells):
        return merge_heading_rows(self.header_cells, cells)

    def start_appendix(self):
        """Completed actions come from every section: their refs or section rows say which."""
        self.appendix = True
        self.section, self.section_raw, self.subtheme = None, "", ""
        self.under_section_row = False

    def set_section(self, number, raw, *, from_row=True):
        self.section = number or None
        self.section_raw = " ".join((raw or "").split())
        self.under_section_row = from_row
        self.subtheme = ""
        self.subtheme_column = ""

    def is_section_label_row(self, ref, cells, filled):
        """`2` + `Access to support…` and nothing else is a section row, not action 2."""
        if len(filled) != 2 or not re.fullmatch(r"[1-9]|[A-Ea-e]|[ivxIVX]{1,3}", ref.ref):
            return False
        other = [text for i, text in filled if text.strip() != ref.raw]
        return bool(other) and section_from_title(other[0])[0] is not None

    def section_row(self, row, cells, filled, ref_col, action_col, ref_text):
        first_col, first_text = filled[0]
        if ref_text:
            candidate = ref_text
        elif self.may_hold_section(filled, ref_col, action_col):
            candidate = first_text
        else:
            return False
        # A shaded section row may carry a note further along ("Leads to be confirmed"):
        # two cells, the title first, no action text.
        noted = (
            len(filled) == 2
            and action_col is not None
            and first_col < action_col < filled[1][0]
            and not cells[action_col].strip()
            and bool(row.styles[first_col].bold or row.styles[first_col].fill)
        )
        heading = read_section_heading(candidate, titles_alone=len(filled) == 1 or noted)
        if noted and (heading is None or not heading.number):
            return False
        styled = len(filled) == 1 and (row.styles[first_col].bold or row.styles[first_col].fill)
        if heading is None:
            if not (styled and self.local_section(row, first_col, first_text)):
                return False
            self.set_section(0, first_text)
            return True
        title_text = cells[action_col].strip() if action_col is not None else ""
        raw = candidate
        # The section's own cells: the ref and action columns, and the cell its title is in
        # (a section row merged across from a first column that is not the ref's).
        own = {ref_col, action_col, ref_col if ref_text else first_col}
        if ref_text and title_text and not self.carries_action(filled, own):
            raw = title_text if title_text.startswith(ref_text) else f"{ref_text} {title_text}"
        number = self.section_heading(raw, titles_alone=True)
        if number is None and self.scheme is not None and not heading.label:
            return False
        if number is None:
            number = heading.number or 0
        self.set_section(number, raw)
        if noted:
            self.set_aside(self.where(self.current_plan, row), filled[1][1])
        elif self.carries_action(filled, own):
            self.start_carried(row, cells)
        return True

    def local_section(self, row, column, text):
        """A shaded or bold one-cell row naming no Concordat section: a section of the plan's
        own, when it looks like the plan's section rows (not a sub-theme)."""
        if len(text) > MAX_SUBTHEME_LENGTH or "\n" in text.strip():
            return False
        return self.section_style is not None and self.section_style == cell_look(
            row.styles[column]
        )

    section_style = None

    def may_hold_section(self, filled, ref_col, action_col):
        first_col = filled[0][0]
        if len(filled) == 1 and (action_col is None or first_col <= action_col):
            return True
        return ref_col is None and first_col == 0 and len(filled) <= 2

    def carries_action(self, filled, own):
        """Whether a section row has cells of an action's besides its own (its ref lost into
        the section's title)."""
        return any(i not in own for i, _text in filled)

    def is_subtheme(self, row, column, text, ref_col, action_col, line_based):
        if len(text) > MAX_SUBTHEME_LENGTH:
            return False
        if column == ref_col or (column == 0 and ref_col is None):
            return True
        if line_based or column != action_col:
            return False
        stripped = text.strip()
        if row.styles[column].bold:
            return True
        previous = self.current_text()
        return (
            stripped[:1].isupper()
            and not stripped.endswith(".")
            and "\n" not in stripped
            and (not previous or bool(SENTENCE_END.search(previous)))
        )

    def current_text(self):
        if self.current is None:
            return ""
        for name, field_name in self.current.fields.items():
            if field_name == "action":
                # The end of the text is what matters: the last piece continued onto it.
                pieces = self.continued.get(name)
                return pieces[-1] if pieces else self.current.cells.get(name, "")
        return ""

    def is_new_refless_action(self, row, cells, action_col):
        if action_col is None:
            return False
        text = cells[action_col].strip()
        if not text or BULLET_START.match(text):
            return False
        starts = text[:1].isupper() or text[:1].isdigit() or text[:1] in "“\"'("
        if not starts:
            return False
        previous = self.current_text()
        scheme = self.scheme
        ref_col = scheme.col("ref")
        # A label where the ref goes ("Priority 3") starts a row of its own.
        labelled = ref_col is not None and bool(cells[ref_col].strip())
        complete = not previous or bool(SENTENCE_END.search(previous)) or labelled
        own = [
            name
            for name in CORE_FIELDS
            if scheme.col(name) is not None and cell_holds(name, cells[scheme.col(name)])
        ]
        # A lead and a date of its own say "a new action" even after an unfinished sentence.
        strong = "lead" in own and bool({"timescale", "finish_date", "start_date"} & set(own))
        answers = {
            "separate": complete or bool(own),
            "joined": complete and len(own) >= 2,
            "balanced": (complete and bool(own)) or strong,
        }
        if len(set(answers.values())) > 1:
            self.ambiguous += 1  # the other policies would read this row otherwise
        return answers[self.policy]

    # Actions ----------------------------------------------------------------------------
    def start_carried(self, row, cells):
        """A section row whose other cells are an action's (its ref lost into the title)."""
        self.start_action(self.current_plan, row, cells, ref=None, carried=True)

    current_plan = None

    def start_action(self, plan, row, cells, *, ref, carried=False):
        self.finish_action()
        plan = plan or self.current_plan
        self.fates[(plan.number, row.index)] = "start"
        scheme = self.scheme
        action = RowAction(
            table=plan.number,
            row=row.number,
            section=self.section,
            section_raw=self.section_raw,
            section_from_row=self.under_section_row,
            subtheme=self.subtheme,
            from_appendix=self.appendix,
            rows=[row.number],
        )
        if ref is not None:
            action.ref, action.ref_raw, action.new = ref.ref, ref.raw, ref.new
        elif scheme.col("ref") is not None and not carried:
            # Not a ref but written where the ref goes ("Priority 3"): kept as written.
            action.ref_raw = " ".join(cells[scheme.col("ref")].split())

        ref_col = scheme.col("ref")
        if ref_col is not None and ref is not None and row.styles[ref_col].numeric:
            action.numeric_ref = True
        highlighted = row_highlight(row) and not self.rows_rag_coloured
        for i, name in enumerate(scheme.names):
            text = cells[i] if i < len(cells) else ""
            if not text and i in row.inherited:
                text = row.inherited[i]
            if carried and i == ref_col:
                text = ""
            action.cells[name] = text
            action.fields[name] = scheme.fields[i] or ""
            if i < len(row.styles) and row.styles[i].fill and not highlighted:
                action.fills[name] = row.styles[i].fill
        self.carry_columns(action)
        action.removed = self.is_removed(row, scheme)
        if carried:
            action.notes.append("carried")
        self.current = action
        self.pending = []

    def carry_columns(self, action):
        """A sub-theme or section column written only on the first row of its group."""
        for name, field_name in action.fields.items():
            if field_name == "subtheme":
                if action.cells[name].strip():
                    self.subtheme_column = action.cells[name]
                elif self.subtheme_column:
                    action.cells[name] = ""
                    action.subtheme = " ".join(self.subtheme_column.split())
            elif field_name == "section":
                if action.cells[name].strip():
                    self.section_column = action.cells[name]
                else:
                    action.section_text = self.section_column

    def is_removed(self, row, scheme):
        texts = [
            (i, style)
            for i, style in enumerate(row.styles)
            if i < len(row.cells) and row.cells[i].strip()
        ]
        action_col = scheme.col("action")
        if (
            action_col is not None
            and action_col < len(row.styles)
            and row.cells[action_col].strip()
        ):
            style = row.styles[action_col]
            if style.struck or style.grey:
                return True
        if texts and all(style.struck or style.grey for _i, style in texts):
            return True
        if self.grey_removes and texts:
            from concordat.core.statuses import is_grey

            return all(is_grey(style.fill) for _i, style in texts)
        return False

    def continue_action(self, row, cells):
        """Continuation rows' text is kept in pieces and joined once when the action ends:
        joined row by row, an action continued over thousands of rows costs their square."""
        action = self.current
        action.rows.append(row.number)
        for i, name in enumerate(self.scheme.names):
            text = cells[i] if i < len(cells) else ""
            if not text:
                continue
            if name not in action.cells:
                action.fields[name] = self.scheme.fields[i] or ""
                action.cells[name] = ""
            pieces = self.continued.setdefault(name, [action.cells[name]])
            if (len(pieces) > 1 or pieces[0].strip()) and action.fields.get(name) in CORE_FIELDS:
                action.joined_core += 1
            pieces.append(text)

    def join_continued(self):
        for name, pieces in self.continued.items():
            self.current.cells[name] = _join_pieces(pieces)
        self.continued = {}

    def finish_action(self):
        if self.current is not None:
            self.join_continued()
            self.out.actions.append(self.current)
            self.current = None

    def finish(self):
        self.finish_action()
        self.out.trailing = [text for _where, text in self.pending] + self.out.trailing
        self.pending = []


def is_list_sentence(text):
    """A numbered sentence ("3. Is owned jointly by …, and will be updated.") in a list
    before the table: a point of the preamble, not a section's title."""
    text = " ".join((text or "").split())
    found = read_section_heading(text, titles_alone=False)
    if found is None or not found.title or section_from_title(found.title)[0] is not None:
        return False
    return text.endswith(".") and len(text.split()) >= PROSE_SENTENCE_WORDS


def rows_rag_coloured(plans):
    """Whether the plan colours whole rows by their RAG: rows of two or more RAG colours
    (a single colour over some rows is a highlight, such as national "must dos")."""
    from concordat.core.statuses import rag_from_colour

    colours = {
        rag_from_colour(row.styles[0].fill)
        for plan in plans
        for row in plan.rows
        if len(row.filled) > 1 and row_highlight(row)
    }
    return len(colours - {""}) >= 2


def row_highlight(row):
    """Whether one fill colours every cell of a row: the plan marks the row (a national
    "must do", a priority), which says nothing of any one cell's RAG."""
    fills = {style.fill for style in row.styles}
    return len(row.styles) >= 3 and len(fills) == 1 and bool(fills.pop())


def cell_holds(field_name, text):
    """Whether a cell holds what its column is for: a date in a timescale column, a short
    name in a lead column, a status or colour in a status or RAG column."""
    from concordat.core.statuses import canonical_status, read_rag
    from concordat.core.timescales import parse_timescale

    text = (text or "").strip()
    if not text:
        return False
    if field_name in ("timescale", "start_date", "finish_date"):
        if len(text) > 150:
            return False
        found = parse_timescale(text)
        # A date, or a short "Ongoing"; not a sentence that says "monthly" in passing.
        return bool(found.start or found.due) or (found.ongoing and len(text.split()) <= 4)

    if field_name == "lead":
        return len(text) <= 100
    return len(text) <= 60 or bool(canonical_status(text) or read_rag(text))


def cell_look(style):

    return (bool(style.bold), style.fill or "")
