"""What the import preview shows: each action with its warnings, the organisations a person may
create, and the actions added, changed and removed against the area's published plan.

Reads only. Identities are matched with `concordat.core.matching.match_identities`, the same
function `plan_version_import` uses, so the preview says what confirming will do.
"""

import io
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree

from concordat.core.matching import Candidate, match_identities
from concordat.core.models import ActionPlan, Section
from concordat.core.selectors.organisations import organisation_names
from concordat.core.selectors.published import latest_version_of_plan
from concordat.core.services import working_version
from concordat.core.text import collapse_whitespace

from .leads import RegistryEntry
from .safety import check_zip

# The fields compared between an imported action and the published one it continues.
COMPARED = [
    ("ref", "Ref"),
    ("section", "Section"),
    ("subtheme", "Sub-theme"),
    ("text", "Action"),
    ("timescale", "Timescale"),
    ("lead", "Lead"),
    ("outcomes", "Outcomes"),
    ("status", "Status"),
    ("rag", "RAG"),
]
# Fields a refresh keeps from the published plan when the file has no column for them.
KEPT = [("status", "status"), ("rag", "RAG")]
DROP_SHARE = 4  # more than one action in four dropped asks for a confirmation
ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table"

ODS_NAME = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}name"


def organisation_registry():
    """The organisation register as the pipeline's lead matching needs it."""
    return [
        RegistryEntry(id=pk, name=name, names=names) for pk, name, names in organisation_names()
    ]


def sheet_names(data, extension):
    """The sheets of a workbook (.xlsx, .ods), for choosing another; [] for other formats or a
    file that cannot be listed."""
    if extension not in (".xlsx", ".ods"):
        return []
    try:
        check_zip(data, extension)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if extension == ".ods":
                root = ElementTree.fromstring(archive.read("content.xml"), forbid_dtd=True)
                return [t.get(ODS_NAME, "") for t in root.iter(ODS_TABLE) if t.get(ODS_NAME)]
            root = ElementTree.fromstring(archive.read("xl/workbook.xml"), forbid_dtd=True)
            return [s.get("name", "") for s in root.iter() if s.tag.endswith("}sheet")]
    except Exception:  # noqa: BLE001 - listing sheets is a convenience; the parse already passed
        return []


@dataclass
class ProposedOrganisation:
    name: str
    refs: list[str] = field(default_factory=list)


@dataclass
class Change:
    field: str
    label: str
    before: object
    after: object


@dataclass
class PreviewRow:
    action: object  # ParsedAction
    warnings: list[str]
    change: str = ""  # "added", "changed" or "" (unchanged, or no published plan)
    changes: list[Change] = field(default_factory=list)
    section_title: str = ""
    section_written: str = ""  # the section as the plan wrote it, when that says more
    kept: list[str] = field(default_factory=list)  # "status", "RAG": kept from the plan

    @property
    def to_check(self):
        return bool(self.warnings or self.action.doubts)

    @property
    def shows_matches(self):
        """Whether the organisations read from the lead say more than the lead itself."""
        matches = self.action.lead_matches
        if not matches:
            return False
        plain = len(matches) == 1 and not matches[0].proposed_new and matches[0].score == 100
        return not (plain and matches[0].organisation_name == collapse_whitespace(self.action.lead))


@dataclass
class Comparison:
    base: object  # PlanVersion
    added: list = field(default_factory=list)  # PreviewRows
    changed: list = field(default_factory=list)  # PreviewRows
    removed: list = field(default_factory=list)  # Actions of the published version
    unchanged: int = 0
    base_count: int = 0  # actions in the published version

    @property
    def drops_many(self):
        """More than a quarter of the published actions would be dropped: confirm it."""
        return bool(self.removed) and len(self.removed) * DROP_SHARE > self.base_count


@dataclass
class Preview:
    parsed: object  # ParsedPlan
    rows: list[PreviewRow]
    general_warnings: list[str]
    proposed: list[ProposedOrganisation]
    comparison: Comparison | None
    working: object  # the area's draft or submitted version, if it has one
    base_version_id: int | None

    kept: list[str] = field(default_factory=list)  # fields the file has no column for

    @property
    def rows_with_warnings(self):
        return sum(1 for row in self.rows if row.to_check)

    @property
    def rows_with_doubts(self):
        return [row for row in self.rows if row.action.doubts]

    @property
    def drops_need_confirmation(self):
        return self.comparison is not None and self.comparison.drops_many

    @property
    def kept_count(self):
        return sum(1 for row in self.rows if row.kept)


def proposed_organisations(parsed):
    """Lead names not in the register, once each, with the refs of the actions naming them."""
    found = {}
    for action in parsed.actions:
        for match in action.lead_matches:
            if not match.proposed_new:
                continue
            name = collapse_whitespace(match.text)
            entry = found.setdefault(name.lower(), ProposedOrganisation(name))
            label = action.ref or f"row {action.row}"
            if label not in entry.refs:
                entry.refs.append(label)
    return sorted(found.values(), key=lambda p: p.name.lower())


def _published_value(action, name):
    if name == "section":
        return action.section.number if action.section_id else None
    return getattr(action, name)


def _parsed_value(action, name):
    return list(action.outcomes) if name == "outcomes" else getattr(action, name)


def _changes(old, new):
    changes = []
    for name, label in COMPARED:
        before, after = _published_value(old, name), _parsed_value(new, name)
        if name == "outcomes":
            same = [collapse_whitespace(x) for x in before or []] == [
                collapse_whitespace(x) for x in after
            ]
        elif isinstance(before, str) or isinstance(after, str):
            same = collapse_whitespace(before) == collapse_whitespace(after)
        else:
            same = before == after
        if not same:
            changes.append(Change(name, label, before, after))
    return changes


def build_preview(area, parsed, *, keep_current=True):
    """The preview of a parsed plan for an area. With keep_current, an action that continues
    one of the published plan keeps its status and RAG where the file has no column for them
    (the parsed actions are changed so: confirming saves what the preview shows)."""
    sections = {s.number: s for s in Section.objects.all()}
    by_row = {}
    general = []
    for warning in parsed.warnings:
        if warning.row is None:
            general.append(warning.message)
        else:
            by_row.setdefault(warning.row, []).append(warning.message)
    rows = [
        PreviewRow(
            action=action,
            warnings=by_row.get(action.row, []),
            section_title=sections[action.section].short_title
            if action.section in sections
            else "",
            section_written=_section_written(action, sections.get(action.section)),
        )
        for action in parsed.actions
    ]
    known_rows = {action.row for action in parsed.actions}
    for row_number, messages in by_row.items():
        if row_number not in known_rows:
            general.extend(f"Row {row_number}: {message}" for message in messages)

    plan = ActionPlan.objects.filter(area=area).first()
    base = latest_version_of_plan(plan) if plan else None
    working = working_version(plan) if plan else None
    missing = [label for name, label in KEPT if name not in parsed.has_columns]
    comparison = _compare(base, rows, keep=missing if keep_current else []) if base else None
    return Preview(
        parsed=parsed,
        rows=rows,
        general_warnings=general,
        proposed=proposed_organisations(parsed),
        comparison=comparison,
        working=working,
        base_version_id=base.pk if base else None,
        kept=missing if (keep_current and base) else [],
    )


def _section_written(action, section):
    written = collapse_whitespace(action.section_raw)
    if section is None:
        return written
    plain = {section.title.lower(), f"{section.number}. {section.title}".lower()}
    return "" if written.lower() in plain else written


def _keep(row, old, keep):
    """Give an action the published status and RAG the file has no column for."""
    action = row.action
    if "status" in keep and not action.status and (old.status or old.canonical_status):
        action.status, action.canonical_status = old.status, old.canonical_status
        action.kept.append("status")
    if "RAG" in keep and not action.rag and old.rag:
        action.rag, action.rag_raw = old.rag, old.rag_raw
        action.kept.append("RAG")
    row.kept = action.kept


def _compare(base, rows, keep=()):
    previous = list(base.actions.select_related("section").order_by("position"))
    keys = match_identities(
        [Candidate(key=index, ref=a.ref, text=a.text) for index, a in enumerate(previous)],
        [(row.action.ref, row.action.text) for row in rows],
    )
    comparison = Comparison(base=base, base_count=len(previous))
    for row, key in zip(rows, keys, strict=True):
        if key is None:
            row.change = "added"
            comparison.added.append(row)
            continue
        if keep:
            _keep(row, previous[key], keep)
        row.changes = _changes(previous[key], row.action)
        if row.changes:
            row.change = "changed"
            comparison.changed.append(row)
        else:
            comparison.unchanged += 1
    matched = {key for key in keys if key is not None}
    comparison.removed = [a for index, a in enumerate(previous) if index not in matched]
    return comparison
