"""The shape every reader produces: tables of rows of cell strings, plus the text around them."""

from dataclasses import dataclass, field

from concordat.core.text import strip_control_characters

BULLET = "• "


@dataclass
class Table:
    rows: list[list[str]]
    # For each row, the number a person would use to find it (a line number in a text file,
    # the row number in a sheet or Word table).
    row_numbers: list[int] = field(default_factory=list)
    name: str = ""
    # Text just before the table (a Word heading between two tables, a sheet name).
    heading: str = ""
    # (row index, column index) of cells that continue a cell merged down from the row above.
    merged_from_above: set[tuple[int, int]] = field(default_factory=set)
    # Each row is one printed line (a PDF without ruling lines): rows without a ref continue.
    line_based: bool = False

    def __post_init__(self):
        if not self.row_numbers:
            self.row_numbers = list(range(1, len(self.rows) + 1))


@dataclass
class Document:
    tables: list[Table]
    preamble: str = ""
    trailing: str = ""
    kind: str = ""


def clean_cell(text):
    """Cell text as read: characters XML cannot hold removed, line endings normalised, outer
    blank lines and spaces trimmed."""
    if text is None:
        return ""
    text = strip_control_characters(str(text))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        return text.strip()
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines).strip()
