"""Find a plan's actions in the tables a reader produced.

Heading rows (repeated at page breaks or not), section rows, sub-theme rows, continuation rows
whose cells belong to the action above, an appendix of completed actions, and the rows before
the table (preamble) and after it (trailing text such as a KPI list).
"""

import re
from dataclasses import dataclass, field

from .columns import field_for, header_names, is_header_row, map_columns
from .refs import read_ref, split_leading_ref
from .sections import read_section_heading, section_from_title

BULLET_START = re.compile(r"^\s*(?:[•·▪◦‣○●*\-–]\s|<ul|<ol|<li)", re.I)
SENTENCE_END = re.compile(r"[.!?:;)\]”\"']\s*$")
APPENDIX = re.compile(
    r"\bappendix\b|\bcompleted actions\b|\bactions? (?:now )?completed\b|\bcomplete[d]? actions\b",
    re.I,
)
MAX_SUBTHEME_LENGTH = 150
MAX_SUBHEADING_LENGTH = 25
CORE_FIELDS = ("lead", "timescale", "start_date", "finish_date", "status", "rag")


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
    notes: list[str] = field(default_factory=list)


@dataclass
class Structure:
    columns: dict[str, str | None] = field(default_factory=dict)
    actions: list[RowAction] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    found_header: bool = False


def join_fragment(first, second):
    if not first:
        return second
    if not second:
        return first
    if BULLET_START.match(second):
        return f"{first}\n{second}"
    return f"{first} {second}"


class _Header:
    def __init__(self, cells, overrides):
        self.names = header_names(cells)
        self.fields = map_columns(self.names, overrides)
        self.index = {f: i for i, f in enumerate(self.fields) if f}
        self.blank = {i for i, cell in enumerate(cells) if not (cell or "").strip()}

    def col(self, field_name):
        return self.index.get(field_name)


class _Reader:
    def __init__(self, overrides):
        self.overrides = overrides
        self.out = Structure()
        self.header = None
        self.section = None
        self.section_raw = ""
        self.subtheme = ""
        self.appendix = False
        self.current = None
        self.continued = {}  # header name → pieces of the current action's continued text
        self.after_last = []  # one-cell rows since the last action: maybe trailing text
        self.used_columns = set()
        self.last_was_header = False
        self.header_cells = []

    # Tables ----------------------------------------------------------------------------
    def read(self, document):
        for number, table in enumerate(document.tables):
            self.read_table(number, table)
        self.finish()
        return self.out

    def read_table(self, number, table):
        table_appendix = bool(APPENDIX.search(table.heading or "")) and self.out.actions
        if table_appendix:
            self.start_appendix()
        self.section_from_heading(table.heading)
        header_in_table = any(is_header_row(row) for row in table.rows[:5])
        if not header_in_table and self.header and table.rows:
            widths = {len(row) for row in table.rows}
            if max(widths) != len(self.header.names):
                self.header = None
                self.after_last.extend(
                    line for line in (table.heading or "").split("\n") if line.strip()
                )
        above = {}
        merged_by_row = {}  # one pass over the merged cells, not one per row
        for row, column in table.merged_from_above:
            merged_by_row.setdefault(row, set()).add(column)
        for index, cells in enumerate(table.rows):
            cells = list(cells)
            merged = merged_by_row.get(index, ())
            for column, text in enumerate(cells):
                if column not in merged:
                    above[column] = text
            for column in merged:
                if column < len(cells):
                    cells[column] = ""
            inherited = {column: above.get(column, "") for column in merged}
            self.read_row(number, table, table.row_numbers[index], cells, inherited)

    # Rows ------------------------------------------------------------------------------
    def read_row(self, number, table, row_number, cells, inherited):
        filled = [(i, text) for i, text in enumerate(cells) if text and text.strip()]
        if not filled:
            return
        if is_header_row(cells) or self.is_second_header_row(filled):
            if self.last_was_header and self.header is not None:
                cells = self.merge_header_rows(cells)
            header = _Header(cells, self.overrides)
            self.last_was_header = True
            self.header_cells = list(cells)
            if self.header is None or header.names != self.header.names:
                self.header = header
                for i, name in enumerate(header.names):
                    if i not in header.blank:
                        self.out.columns.setdefault(name, header.fields[i])
            self.out.found_header = True
            return
        self.last_was_header = False
        if self.header is None:
            self.before_header(filled)
            return
        header = self.header
        cells = cells + [""] * (len(header.names) - len(cells))
        if len(cells) > len(header.names):
            for i in range(len(header.names), len(cells)):
                header.names.append(f"Column {i + 1}")
                header.fields.append(None)
                header.blank.add(i)
        ref_col = header.col("ref")
        action_col = header.col("action")
        ref_text = cells[ref_col].strip() if ref_col is not None else ""
        ref = read_ref(ref_text) if ref_text else None
        if ref_col is None and action_col is not None:
            leading = split_leading_ref(cells[action_col])
            ref = leading[0] if leading else None
        if ref and self.is_section_number_row(ref, cells, filled):
            ref = None
        line_based = getattr(table, "line_based", False)

        if ref is None and self.section_row(cells, filled, ref_col, action_col, ref_text):
            carried = self.carries_action(cells, filled, ref_col, action_col)
            if not carried:
                return
            self.start_action(number, row_number, cells, inherited, ref=None, carried=True)
            return
        if len(filled) == 1 and ref is None:
            column, text = filled[0]
            if APPENDIX.search(text) and len(text) <= MAX_SUBTHEME_LENGTH:
                self.start_appendix()
                self.after_last.append(text)
                return
            if self.is_subtheme(column, text, ref_col, action_col, line_based):
                self.subtheme = " ".join(text.split())
                self.after_last.append(text)
                return
        if ref is not None:
            self.start_action(number, row_number, cells, inherited, ref=ref)
            return
        if self.current is None:
            self.start_action(number, row_number, cells, inherited, ref=None)
            return
        if not line_based and self.is_new_refless_action(cells, action_col):
            self.start_action(number, row_number, cells, inherited, ref=None)
            if ref_col is not None:
                self.current.notes.append("refless")
            return
        self.continue_action(cells)

    def is_second_header_row(self, filled):
        return self.last_was_header and all(
            len(text) <= MAX_SUBHEADING_LENGTH and read_ref(text) is None and field_for(text)
            for _i, text in filled
        )

    def merge_header_rows(self, cells):
        """A second heading row under the first (`Timescale` over `Start` | `End`)."""
        above = self.header_cells
        width = max(len(above), len(cells))
        above = above + [""] * (width - len(above))
        cells = list(cells) + [""] * (width - len(cells))
        return [low.strip() or high for high, low in zip(above, cells, strict=True)]

    def before_header(self, filled):
        if len(filled) == 1:
            heading = read_section_heading(filled[0][1], titles_alone=False)
            if heading and heading.number:
                self.set_section(heading.number, filled[0][1])
                return
        if self.out.actions or self.current is not None:
            # A table without plan headings after the plan (a KPI table) is trailing text.
            self.after_last.append(" | ".join(text for _i, text in filled))
        else:
            self.out.preamble.append(" ".join(text for _i, text in filled))

    def section_from_heading(self, heading):
        """A section title written as a paragraph just before its table."""
        lines = [line.strip() for line in (heading or "").split("\n") if line.strip()]
        for line in reversed(lines[-3:]):
            found = read_section_heading(line, titles_alone=True)
            if found and found.number:
                self.set_section(found.number, line)
                return

    def start_appendix(self):
        """Completed actions come from every section: their refs say which."""
        self.appendix = True
        self.section, self.section_raw, self.subtheme = None, "", ""

    def set_section(self, number, raw):
        self.section = number
        self.section_raw = " ".join(raw.split())
        self.subtheme = ""

    def is_section_number_row(self, ref, cells, filled):
        """`2` + `Access to support…` and nothing else is a section row, not action 2."""
        if not re.fullmatch(r"[1-5]", ref.ref) or len(filled) != 2:
            return False
        other = [text for i, text in filled if text.strip() != ref.raw]
        return bool(other) and section_from_title(other[0])[0] is not None

    def section_row(self, cells, filled, ref_col, action_col, ref_text):
        header = self.header
        first_col, first_text = filled[0]
        if ref_text:
            candidate = ref_text
        elif self.may_hold_section(filled, ref_col, action_col):
            candidate = first_text
        else:
            return False
        heading = read_section_heading(candidate, titles_alone=len(filled) == 1)
        if heading is None:
            return False
        title_text = cells[action_col].strip() if action_col is not None else ""
        raw = candidate
        if ref_text and title_text and not self.carries_action(cells, filled, ref_col, action_col):
            raw = title_text if title_text.startswith(ref_text) else f"{ref_text} {title_text}"
        number = heading.number
        if number is None and title_text:
            number = read_section_heading(raw, titles_alone=True)
            number = number.number if number else None
        if number is None and header is not None and not heading.label:
            return False
        self.set_section(number, raw)
        return True

    def may_hold_section(self, filled, ref_col, action_col):
        first_col = filled[0][0]
        if len(filled) == 1 and (action_col is None or first_col <= action_col):
            return True
        return ref_col is None and first_col == 0 and len(filled) <= 2

    def carries_action(self, cells, filled, ref_col, action_col):
        return any(i not in (ref_col, action_col) for i, _text in filled)

    def is_subtheme(self, column, text, ref_col, action_col, line_based):
        if len(text) > MAX_SUBTHEME_LENGTH:
            return False
        if column == ref_col or (column == 0 and ref_col is None):
            return True
        if line_based or column != action_col:
            return False
        stripped = text.strip()
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

    def is_new_refless_action(self, cells, action_col):
        if action_col is None:
            return False
        text = cells[action_col].strip()
        if not text or not text[:1].isupper() or BULLET_START.match(text):
            return False
        previous = self.current_text()
        if previous and not SENTENCE_END.search(previous):
            return False
        header = self.header
        return any(
            cells[header.col(name)].strip() for name in CORE_FIELDS if header.col(name) is not None
        )

    # Actions ---------------------------------------------------------------------------
    def start_action(self, table, row_number, cells, inherited, *, ref, carried=False):
        self.finish_action()
        header = self.header
        action = RowAction(
            table=table,
            row=row_number,
            section=self.section,
            section_raw=self.section_raw,
            subtheme=self.subtheme,
            from_appendix=self.appendix,
        )
        if ref is not None:
            action.ref, action.ref_raw, action.new = ref.ref, ref.raw, ref.new
        ref_col = header.col("ref")
        for i, name in enumerate(header.names):
            text = cells[i] if i < len(cells) else ""
            if not text and i in inherited:
                text = inherited[i]
            if carried and i == ref_col:
                text = ""
            action.cells[name] = text
            action.fields[name] = header.fields[i] or ""
        if carried:
            action.notes.append("carried")
        self.current = action
        self.after_last = []

    def continue_action(self, cells):
        """Continuation rows' text is kept in pieces and joined once when the action ends:
        joined row by row, an action continued over thousands of rows costs their square."""
        action = self.current
        for i, name in enumerate(self.header.names):
            text = cells[i] if i < len(cells) else ""
            if not text:
                continue
            if name not in action.cells:
                action.fields[name] = self.header.fields[i] or ""
                action.cells[name] = ""
            self.continued.setdefault(name, [action.cells[name]]).append(text)

    def join_continued(self):
        for name, pieces in self.continued.items():
            joined = []
            for piece in pieces:
                if not piece:
                    continue
                if joined:
                    joined.append("\n" if BULLET_START.match(piece) else " ")
                joined.append(piece)
            self.current.cells[name] = "".join(joined)
        self.continued = {}

    def finish_action(self):
        if self.current is not None:
            self.join_continued()
            self.out.actions.append(self.current)
            for name, text in self.current.cells.items():
                if text:
                    self.used_columns.add(name)
            self.current = None

    def finish(self):
        self.finish_action()
        if self.after_last:
            self.out.trailing = list(self.after_last) + self.out.trailing
        in_actions = {name for action in self.out.actions for name in action.cells}
        for name in list(self.out.columns):
            stale = self.out.actions and name not in in_actions
            if stale or (name.startswith("Column ") and name not in self.used_columns):
                del self.out.columns[name]
        for action in self.out.actions:
            for name in list(action.cells):
                if name.startswith("Column ") and name not in self.used_columns:
                    del action.cells[name]
                    del action.fields[name]
                elif name not in self.out.columns:
                    self.out.columns[name] = action.fields[name] or None


def read_structure(document, *, overrides=None):
    return _Reader(overrides or {}).read(document)
