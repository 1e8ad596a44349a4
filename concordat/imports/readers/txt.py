"""Plain text plans, as the seed documents were saved.

Two layouts: a row per line with cells separated by tabs (seed 001), and a cell per line where
each cell starts with a tab and lines without one continue it (seed 004). Text with no tabs at
all is tried as comma-separated.
"""

from .. import limits
from ..columns import field_for, is_header_row
from ..refs import read_ref
from ..sections import read_section_heading
from .base import Document, Table, clean_cell
from .decoding import decode_text

MAX_HEADER_WIDTH = 12


@limits.counted
def read_txt(data):
    text = decode_text(data, kind="text")
    lines = text.split("\n")
    tabbed = [line for line in lines if "\t" in line]
    if not tabbed:
        from .csv import read_csv_text

        return read_csv_text(text)
    one_cell = sum(1 for line in tabbed if line.startswith("\t") and line.count("\t") == 1)
    if one_cell >= 0.6 * len(tabbed):
        return _read_cell_per_line(lines)
    return _read_row_per_line(lines)


def _read_row_per_line(lines):
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    tab_positions = [i for i, (_n, line) in enumerate(numbered) if "\t" in line]
    first, last = tab_positions[0], tab_positions[-1]
    preamble = "\n".join(line.strip() for _n, line in numbered[:first])
    trailing = "\n".join(line.strip() for _n, line in numbered[last + 1 :])
    budget = limits.budget()
    rows, row_numbers = [], []
    for number, line in numbered[first : last + 1]:
        cells = line.split("\t", budget.limits.columns)
        budget.rows()
        budget.width(len(cells))
        budget.cells(len(cells))
        rows.append([budget.text(clean_cell(cell)) for cell in cells])
        row_numbers.append(number)
    return Document([Table(rows, row_numbers)], preamble=preamble, trailing=trailing, kind="txt")


def _read_cell_per_line(lines):
    starts = [i for i, line in enumerate(lines) if line.startswith("\t")]
    first, last = starts[0], starts[-1]
    preamble = "\n".join(line.strip() for line in lines[:first] if line.strip())

    # The last cell runs on until a gap of two blank lines; what follows is trailing text.
    end, blank = len(lines), 0
    for i in range(last + 1, len(lines)):
        if lines[i].strip():
            if blank >= 2:
                end = i
                break
            blank = 0
        else:
            blank += 1
    trailing = "\n".join(line.rstrip() for line in lines[end:]).strip()

    cells, cell_lines = [], []
    for i in range(first, end):
        line = lines[i]
        if line.startswith("\t"):
            cells.append([line[1:]])
            cell_lines.append(i + 1)
        else:
            cells[-1].append(line)
    budget = limits.budget()
    budget.cells(len(cells))
    texts = [budget.text(clean_cell("\n".join(parts))) for parts in cells]
    rows, row_numbers = _group_cells(texts, cell_lines)
    return Document([Table(rows, row_numbers)], preamble=preamble, trailing=trailing, kind="txt")


def _looks_like_heading(text):
    return 0 < len(text) <= 80 and read_ref(text) is None and field_for(text) is not None


def _find_header(texts):
    for start in range(len(texts)):
        width = 0
        while (
            start + width < len(texts)
            and width < MAX_HEADER_WIDTH
            and _looks_like_heading(texts[start + width])
        ):
            width += 1
        if width >= 2 and is_header_row(texts[start : start + width]):
            return start, width
    return None, 0


def _group_cells(texts, cell_lines):
    start, width = _find_header(texts)
    if start is None:
        limits.budget().rows(len(texts))
        return [[text] for text in texts], list(cell_lines)
    header = texts[start : start + width]
    rows = [[text] for text in texts[:start]]
    numbers = list(cell_lines[:start])
    i = start
    while i < len(texts):
        if texts[i : i + width] == header:
            rows.append(list(header))
            numbers.append(cell_lines[i])
            i += width
            continue
        text = texts[i]
        if read_ref(text) is None and read_section_heading(text, titles_alone=False):
            rows.append([text])
            numbers.append(cell_lines[i])
            i += 1
            continue
        rows.append(texts[i : i + width])
        numbers.append(cell_lines[i])
        i += width
    limits.budget().rows(len(rows))
    return rows, numbers
