"""Seed 003: a local project progress report saved as text (one cell or paragraph a line)."""

import re
from dataclasses import dataclass, field

from concordat.imports.refs import milestone_refs

BULLET = re.compile(r"^[\u00b7\u2022•▪]\s*")
STATUS_OPTIONS = {
    "on schedule": "on_schedule",
    "work progressing": "work_progressing",
    "behind schedule": "behind_schedule",
}
MILESTONE_HEADERS = ["item no:", "milestone:", "due date:", "status:"]


@dataclass
class ParsedMilestone:
    item_text: str
    refs: list[str]
    text: str
    due_text: str
    status_text: str


@dataclass
class ParsedSection:
    key: str
    title: str
    body: str


@dataclass
class ParsedReport:
    title: str
    project_manager: str
    authors: str
    date_of_update_text: str
    overall_status: str
    overall_status_text: str
    period_label: str
    sections: list[ParsedSection] = field(default_factory=list)
    milestones: list[ParsedMilestone] = field(default_factory=list)

    def section(self, key):
        return next(section for section in self.sections if section.key == key)


def _clean(line):
    return line.replace("\t", " ").strip()


def _body(lines):
    """Join a block of lines, normalising bullet marks to '• '. Each line is one cell or
    paragraph of the report: consecutive bulleted lines make one list, and every other line
    is a paragraph of its own, set apart by a blank line, so a paragraph after a list is
    never read as part of its last item."""
    out = []
    for line in lines:
        text = _clean(line)
        if not text:
            continue
        bullet = bool(BULLET.match(text))
        if out and not (bullet and out[-1].startswith("• ")):
            out.append("")
        out.append(BULLET.sub("• ", text) if bullet else " ".join(text.split()))
    return "\n".join(out)


def _index(lines, predicate, start=0):
    for index in range(start, len(lines)):
        if predicate(_clean(lines[index])):
            return index
    raise ValueError("The progress report is missing a part it should have.")


def _value_after(lines, label):
    start = _index(lines, lambda text: text.lower().rstrip(": ") == label)
    following = _index(lines, bool, start + 1)
    return _clean(lines[following])


def parse_progress_report(text):
    lines = text.splitlines()
    title = " ".join(_clean(lines[_index(lines, bool)]).split())

    aim_at = _index(lines, lambda t: t.lower().startswith("project aim and objectives"))
    status_at = _index(lines, lambda t: t.lower().startswith("project status"), aim_at)
    milestones_at = _index(lines, lambda t: t.lower() == "item no:", status_at)
    progress_at = _index(lines, lambda t: re.match(r"(?i)progress\b.*:$", t), milestones_at)
    outcomes_at = _index(lines, lambda t: t.lower().startswith("outcomes of"), progress_at)
    priorities_at = _index(lines, lambda t: t.lower().startswith("priorities"), outcomes_at)

    status_code, status_text, narrative_from = "", "", status_at + 1
    for index in range(status_at + 1, milestones_at):
        option = _clean(lines[index])
        name = re.sub(r"\s+x$", "", option, flags=re.IGNORECASE).lower()
        name = re.split(r"\s*/", name)[0].strip()
        if name in STATUS_OPTIONS:
            narrative_from = index + 1
            if re.search(r"\sx$", option, flags=re.IGNORECASE):
                status_code = STATUS_OPTIONS[name]
                status_text = re.sub(r"\s+x$", "", option, flags=re.IGNORECASE)

    progress_title = _clean(lines[progress_at]).rstrip(":")
    period = re.sub(r"(?i)^progress\s*", "", progress_title).strip()

    return ParsedReport(
        title=title,
        project_manager=_value_after(lines, "project manager"),
        authors=_value_after(lines, "report author"),
        date_of_update_text=_value_after(lines, "date of update"),
        overall_status=status_code,
        overall_status_text=status_text,
        period_label=period,
        sections=[
            ParsedSection(
                "aim", _clean(lines[aim_at]).rstrip(":"), _body(lines[aim_at + 1 : status_at])
            ),
            ParsedSection(
                "narrative", "Project status", _body(lines[narrative_from:milestones_at])
            ),
            ParsedSection("progress", progress_title, _body(lines[progress_at + 1 : outcomes_at])),
            ParsedSection(
                "outcomes",
                _clean(lines[outcomes_at]).rstrip(":"),
                _body(lines[outcomes_at + 1 : priorities_at]),
            ),
            ParsedSection(
                "priorities",
                _clean(lines[priorities_at]).rstrip(": "),
                _body(lines[priorities_at + 1 :]),
            ),
        ],
        milestones=_milestones(lines[milestones_at:progress_at]),
    )


def _milestones(lines):
    """The table came out one cell a line, each cell starting with a tab."""
    cells, current = [], None
    for line in lines:
        if line.startswith("\t"):
            if current is not None:
                cells.append(current)
            current = _clean(line)
        elif current is not None and line.strip():
            current = f"{current} {_clean(line)}"
    if current is not None:
        cells.append(current)
    while cells and cells[0].lower() in MILESTONE_HEADERS:
        cells.pop(0)
    rows = [cells[index : index + 4] for index in range(0, len(cells) - len(cells) % 4, 4)]
    return [
        ParsedMilestone(
            item_text=item,
            refs=milestone_refs(item),
            text=" ".join(text.split()),
            due_text=due,
            status_text=status,
        )
        for item, text, due, status in rows
    ]
