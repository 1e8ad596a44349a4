"""Plans written as records, not rows: one small table per action ("Action 1.1 | …", "Lead |
…", "Timescale | …"), a table turned on its side (the headings down its first column, one
action per column), or paragraphs labelled "Lead:" and "Timescale:" under each action.

Each is turned into a table with a heading row, so the structure reader reads it as it reads
any other plan. A document that has a heading row anywhere is left as it is.
"""

import re
from dataclasses import replace

from .columns import field_for, header_score
from .readers.base import Table
from .refs import read_ref
from .sections import read_section_heading

MAX_LABEL_LENGTH = 40
MAX_HEADER_SEARCH = 30
LABELLED_LINE = re.compile(r"^\s*([^:\n]{2,40}?)\s*:\s*(\S.*)$")
# Fields a record needs besides its action for its labels to be a plan's, not a form's.
RECORD_FIELDS = {"lead", "timescale", "start_date", "finish_date", "status", "rag", "progress"}


def tabulate(document):
    """The document with its records turned into tables with heading rows (itself, if it has
    a heading row already)."""
    if any(_has_heading_row(table) for table in document.tables):
        return document
    tables = []
    for table in document.tables:
        turned = _record_table(table) or _transposed(table)
        tables.append(turned or table)
    if any(_has_heading_row(table) for table in tables):
        return replace(document, tables=tables)
    found = _labelled_paragraphs(document)
    return found or document


def _has_heading_row(table):
    """A heading row of three or more cells (two could be a label and its value)."""
    return any(
        header_score(row) > 0 and sum(1 for cell in row if cell and cell.strip()) >= 3
        for row in table.rows[:MAX_HEADER_SEARCH]
    )


def label(text):
    """(field, label as written, ref) for a cell or line start that labels a value ("Lead",
    "Action 1.1", "Timescale:"), else None."""
    text = " ".join((text or "").split()).rstrip(":").strip()
    if not text or len(text) > MAX_LABEL_LENGTH or read_ref(text) is not None:
        return None
    ref = None
    words = text.split()
    if len(words) > 1 and read_ref(words[-1]) is not None:
        ref, text = read_ref(words[-1]), " ".join(words[:-1]).rstrip(":")
    field = field_for(text)
    if field is None or (ref is not None and field != "action"):
        return None
    return field, text, ref


def _transposed(table):
    """A table whose first column is its heading row: turned the right way up."""
    if len(table.rows) < 2 or not table.rows[0] or len(table.rows[0]) < 2:
        return None
    first_column = [row[0] if row else "" for row in table.rows]
    if header_score(first_column) <= 0:
        return None
    width = max(len(row) for row in table.rows)
    rows = [[row[c] if c < len(row) else "" for row in table.rows] for c in range(width)]
    return Table(
        rows,
        name=table.name,
        heading=table.heading,
        heading_is_name=table.heading_is_name,
        styles={(c, r): style for (r, c), style in table.styles.items()},
        merged_from_above={(c, r) for r, c in table.merged_from_left},
        merged_from_left={(c, r) for r, c in table.merged_from_above},
    )


def _record_table(table):
    """A table of label | value rows (one action, or several one after another)."""
    pairs, labelled = [], 0
    for row in table.rows:
        filled = [cell for cell in row if cell and cell.strip()]
        if not filled:
            continue
        found = label(filled[0]) if len(filled) == 2 else None
        if found is None:
            pairs.append((None, " ".join(filled)))
            continue
        labelled += 1
        pairs.append((found, filled[1]))
    if labelled < 2 or labelled < 0.6 * len(pairs):
        return None
    rows = _rows_of(pairs)
    if rows is None:
        return None
    return Table(rows, name=table.name, heading=table.heading)


def _labelled_paragraphs(document):
    """Paragraphs labelled "Action:", "Lead:", "Timescale:" one action after another: a table."""
    lines = [line for line in (document.preamble or "").split("\n") if line.strip()]
    pairs = []
    for line in lines:
        found = LABELLED_LINE.match(line)
        labelled = label(found.group(1)) if found else None
        if labelled is None:
            pairs.append((None, line.strip()))
        else:
            pairs.append((labelled, found.group(2).strip()))
    first = next((i for i, (found, _v) in enumerate(pairs) if found), None)
    if first is None:
        return None
    # The paragraphs before the first action stay the preamble (the last of them may be the
    # first section's title: it goes into the table).
    start = first
    while start > 0 and pairs[start - 1][0] is None and first - start < 1:
        start -= 1
    rows = _rows_of(pairs[start:])
    if rows is None:
        return None
    preamble = "\n".join(value for _found, value in pairs[:start])
    table = Table(rows, name="Text")
    return replace(document, tables=[table], preamble=preamble)


def _rows_of(pairs):
    """A heading row and one row per record from (label, value) pairs; a text between records
    (a section's title) is a row of one cell. None if no record has an action and something
    else a plan gives."""
    records, current, order, names = [], None, [], {}
    items = []
    for found, value in pairs:
        if found is None:
            if current is not None and current["last"] is not None and not _starts(value):
                field = current["last"]
                current[field] = f"{current[field]}\n{value}"
            else:
                items.append(value)
            continue
        field, written, ref = found
        if current is None or field in current or (field == "action" and "action" in current):
            current = {"last": None}
            records.append(current)
            items.append(current)
        current[field] = value
        current["last"] = field
        if ref is not None:
            current["ref"] = ref.raw
            names.setdefault("ref", "Ref")
        names.setdefault(field, written)
        if field not in order:
            order.append(field)
    if "ref" in names and "ref" not in order:
        order.insert(0, "ref")
    usable = [r for r in records if r.get("action") and RECORD_FIELDS & set(r)]
    if not usable or len(usable) < 0.5 * len(records):
        return None
    rows = [[names[field] for field in order]]
    for item in items:
        if isinstance(item, str):
            rows.append([item] + [""] * (len(order) - 1))
        else:
            rows.append([item.get(field, "") for field in order])
    return rows


def _starts(text):
    """A line between records that starts something (a section's title, a label no field
    has: "Signed: …"), not the rest of the value above it."""
    if LABELLED_LINE.match(text):
        return True
    return len(text) <= 160 and read_section_heading(text, titles_alone=True) is not None
