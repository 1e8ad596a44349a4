"""The shape every reader produces: tables of rows of cell strings, plus the text around them."""

from dataclasses import dataclass, field

from concordat.core.text import strip_control_characters

BULLET = "• "


@dataclass(frozen=True)
class CellStyle:
    """How a cell looks, where that carries meaning in a plan.

    struck: all its text is struck through; grey: all its text is grey (both mark an action
    the plan removed); fill: its background colour as RRGGBB (a RAG given as a colour, a
    shaded section row); bold: all its text is bold (a section or sub-theme row); numeric: a
    spreadsheet number, shown as Excel shows it (3.1 for a ref written 3.10).
    """

    struck: bool = False
    grey: bool = False
    fill: str = ""
    bold: bool = False
    numeric: bool = False


PLAIN = CellStyle()


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
    # (row index, column index) → CellStyle, for cells that are not plain.
    styles: dict[tuple[int, int], CellStyle] = field(default_factory=dict)
    # (row index, column index) of cells that continue a cell merged across from the left.
    merged_from_left: set[tuple[int, int]] = field(default_factory=set)
    # The heading is the sheet's name, not text of the document.
    heading_is_name: bool = False

    def __post_init__(self):
        if not self.row_numbers:
            self.row_numbers = list(range(1, len(self.rows) + 1))

    def style(self, row, column):
        return self.styles.get((row, column), PLAIN)


@dataclass
class Document:
    tables: list[Table]
    preamble: str = ""
    trailing: str = ""
    kind: str = ""
    # Text a reader set aside as no part of the plan: (where, text), such as a page's running
    # header, a workbook's other sheets or a Word document's page headers.
    set_aside: list[tuple[str, str]] = field(default_factory=list)


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
