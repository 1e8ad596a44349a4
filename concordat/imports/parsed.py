"""What the parsing pipeline hands back: a plan as read, with every cell kept verbatim.

Nothing here touches the database; the importer and the seed loader turn a ParsedPlan into
rows through the core services.
"""

from dataclasses import dataclass, field
from datetime import date

from concordat.core.text import collapse_whitespace


@dataclass
class LeadMatch:
    text: str  # the piece of the lead text that names it
    organisation_id: int | None  # None = not in the registry
    organisation_name: str | None
    score: float  # 0-100
    proposed_new: bool  # unknown organisation: propose creating it, never merge with a near name


@dataclass
class ParsedAction:
    row: int
    ref: str
    ref_raw: str
    new: bool = False
    section: int | None = None
    section_raw: str = ""
    subtheme: str = ""
    text: str = ""
    timescale: str = ""
    start_text: str = ""
    finish_text: str = ""
    start: date | None = None
    due: date | None = None
    ongoing: bool = False
    timescale_understood: bool = False
    lead: str = ""
    lead_matches: list[LeadMatch] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    performance_indicator: str = ""
    status: str = ""
    canonical_status: str = ""
    rag: str = ""
    rag_raw: str = ""
    progress: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    from_appendix: bool = False
    removed: bool = False  # struck through or greyed out in the document
    doubts: list[str] = field(default_factory=list)  # how the reading could be wrong
    rag_from: str = ""  # "words", "fill" or "" for where the RAG came from
    kept: list[str] = field(default_factory=list)  # kept from the published plan on a refresh

    @property
    def lead_organisations(self):
        """Names of the organisations the lead names: registry names, then proposed ones."""
        names = []
        for match in self.lead_matches:
            name = match.organisation_name or collapse_whitespace(match.text)
            if name and name not in names:
                names.append(name)
        return names

    def to_json(self):
        return {
            "ref": self.ref,
            "section": self.section,
            "subtheme": collapse_whitespace(self.subtheme),
            "action": collapse_whitespace(self.text),
            "timescale": collapse_whitespace(self.timescale),
            "start": self.start.isoformat() if self.start else None,
            "due": self.due.isoformat() if self.due else None,
            "ongoing": bool(self.ongoing),
            "lead": collapse_whitespace(self.lead),
            "lead_organisations": self.lead_organisations,
            "outcomes": [collapse_whitespace(outcome) for outcome in self.outcomes],
            "status": collapse_whitespace(self.status),
            "canonical_status": self.canonical_status,
            "rag": self.rag or None,
            "progress": collapse_whitespace(self.progress) if self.progress is not None else None,
            "new": bool(self.new),
            "extra": {
                collapse_whitespace(key): collapse_whitespace(value)
                for key, value in self.extra.items()
            },
            "ref_raw": self.ref_raw,
            "section_title": collapse_whitespace(self.section_raw),
            "performance_indicator": collapse_whitespace(self.performance_indicator),
            "start_text": collapse_whitespace(self.start_text),
            "finish_text": collapse_whitespace(self.finish_text),
            "rag_raw": collapse_whitespace(self.rag_raw),
            "removed": bool(self.removed),
            "doubts": list(self.doubts),
        }


@dataclass
class ParsedMetric:
    name: str
    kind: str  # "hard" | "soft"
    text: str  # the line as written


@dataclass
class ParseWarning:
    row: int | None
    ref: str | None
    message: str

    def to_json(self):
        return {"row": self.row, "ref": self.ref, "message": collapse_whitespace(self.message)}


@dataclass
class NotImported:
    """Text of the document that went into no action, preamble or trailing text."""

    where: str
    text: str

    def to_json(self):
        return {"where": self.where, "text": self.text}


@dataclass
class ParsedPlan:
    title: str | None = None
    area_name: str | None = None
    stated_date: str | None = None
    stated_version: str | None = None
    preamble: str = ""
    financial_year: int | None = None
    columns: dict[str, str | None] = field(default_factory=dict)
    actions: list[ParsedAction] = field(default_factory=list)
    metrics: list[ParsedMetric] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    trailing: str = ""  # text after the plan's last action (a KPI list, sign-off notes)
    not_imported: list[NotImported] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)  # about the whole reading (its columns)
    # Which of status, RAG and progress the file gives a column for (a refresh keeps the
    # current values of the others).
    has_columns: frozenset = frozenset()

    def to_json(self):
        """The object `import_plan --dry-run --json` prints (issue 3's contract, and issue 9's
        additions after the original keys)."""
        return {
            "title": collapse_whitespace(self.title) if self.title else None,
            "columns": {collapse_whitespace(k): v for k, v in self.columns.items()},
            "actions": [action.to_json() for action in self.actions],
            "warnings": [warning.to_json() for warning in self.warnings],
            "preamble": self.preamble,
            "trailing": self.trailing,
            "not_imported": [item.to_json() for item in self.not_imported],
            "financial_year": self.financial_year,
            "doubts": list(self.doubts),
        }
