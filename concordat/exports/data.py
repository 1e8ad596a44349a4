"""What every plan export holds, read once: the version, its actions as the public plan page
describes them (latest progress, overdue, stale, RAG reported or suggested), the summary by
section, overdue actions and recent progress.

Public exports read a published version through the public selectors; a draft export (from
the workspace) reads the working version with every update posted on it, and says DRAFT.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from concordat.core import rules, verdict
from concordat.core.dates import long_date
from concordat.core.models import CanonicalStatus, ProgressUpdate, Rag
from concordat.core.selectors import plans as public_plans
from concordat.core.selectors import published as published_reads
from concordat.reports import selectors

STATUS_COLUMNS = [
    (CanonicalStatus.COMPLETE, "Complete"),
    (CanonicalStatus.IN_PROGRESS, "In progress"),
    (CanonicalStatus.NOT_STARTED, "Not started"),
    (CanonicalStatus.SUPERSEDED, "Superseded"),
    ("", "No status"),
]
RAG_COLUMNS = [
    (Rag.RED, "Red"),
    (Rag.AMBER, "Amber"),
    (Rag.GREEN, "Green"),
    (Rag.BLUE, "Blue"),
    ("", "None"),
]
RAG_LABELS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.BLUE: "Blue"}
STATUS_LABELS = dict(CanonicalStatus.choices)


@dataclass
class SectionSummary:
    number: int | None
    title: str
    total: int
    by_status: dict
    by_rag: dict


@dataclass
class PlanExport:
    area: object
    version: object
    items: list  # PublicAction, in plan order
    on: date
    draft: bool
    sections: list = field(default_factory=list)  # SectionSummary
    totals: SectionSummary | None = None

    @property
    def title(self):
        return f"{self.area.name} Crisis Care Concordat action plan"

    @property
    def version_line(self):
        version = self.version
        if self.draft:
            return f"DRAFT — {version.display_label()}, not published"
        published = timezone.localdate(version.published_at) if version.published_at else None
        return f"{version.display_label()}, published {long_date(published)}"

    @property
    def uses_start_finish(self):
        """The plan was written with separate start and finish columns (seed 001)."""
        return any(item.action.start_text or item.action.finish_text for item in self.items)

    @property
    def overdue(self):
        return sorted(
            (item for item in self.items if item.overdue),
            key=lambda item: (item.action.due, item.action.position),
        )

    @property
    def recent(self):
        """The latest note of each action updated in the last six months, newest first."""
        found = [item for item in self.items if item.verdict.updated_recently]
        return sorted(found, key=lambda item: (item.latest_update_on, -item.action.position))[::-1]

    def grouped(self):
        """[(section number, section title, [(subtheme, [items])])] in plan order."""
        return [
            (
                group.section.number if group.section else None,
                section_heading(group.section),
                [(sub.title, sub.items) for sub in group.subthemes],
            )
            for group in public_plans.group_by_section(self.items)
        ]


def section_heading(section):
    return f"{section.number}. {section.title}" if section else "Other actions"


def status_text(action):
    """The status as written; the canonical status where nothing was written."""
    if action.status:
        return action.status
    return STATUS_LABELS.get(action.canonical_status, "") if action.canonical_status else ""


def rag_text(action):
    return action.rag_raw or RAG_LABELS.get(action.rag, "")


def suggested_rag_text(item):
    return RAG_LABELS.get(item.rag, "") if item.rag_source == "suggested" else ""


def outcomes_text(action):
    outcomes = [line for line in action.outcomes if line.strip()]
    if len(outcomes) == 1:
        return outcomes[0]
    return "\n".join(f"• {line}" for line in outcomes)


def progress_text(item):
    return item.latest_update.summary if item.latest_update else ""


def progress_date(item):
    return long_date(item.latest_update_on) if item.latest_update else ""


def _summaries(items):
    groups = {}
    for item in items:
        section = item.action.section
        key = section.number if section else None
        groups.setdefault(key, (section, []))[1].append(item)
    summaries = []
    for key in sorted(groups, key=lambda k: (k is None, k or 0)):
        section, members = groups[key]
        summaries.append(
            SectionSummary(
                number=key,
                title=section.title if section else "Other actions",
                total=len(members),
                by_status=rules.counts_by_status(m.action.canonical_status for m in members),
                by_rag=rules.counts_by_rag(m.rag for m in members),
            )
        )
    totals = SectionSummary(
        number=None,
        title="All sections",
        total=len(items),
        by_status=rules.counts_by_status(item.action.canonical_status for item in items),
        by_rag=rules.counts_by_rag(item.rag for item in items),
    )
    return summaries, totals


@dataclass
class ActionState(verdict.Judged):
    """An action with its verdict on a day (concordat.core.verdict), as the public plan page
    judges it: the RAG reported or suggested, "last update" the latest note's own date."""

    action: object
    verdict: verdict.Verdict

    @property
    def section_number(self):
        return self.action.section.number if self.action.section_id else None

    @property
    def organisations(self):
        return [lead.organisation for lead in self.action.leads.all()]


def judge(action, *, latest_update, on):
    return ActionState(
        action=action, verdict=verdict.action_verdict(action, last_update=latest_update, on=on)
    )


latest_of = verdict.latest_update


def _draft_items(version, on):
    actions = selectors.version_actions(version)
    updates = ProgressUpdate.objects.public().filter(
        identity_id__in=[action.identity_id for action in actions]
    )
    grouped = {}
    for update in updates:
        grouped.setdefault(update.identity_id, []).append(update)
    return [
        judge(action, latest_update=latest_of(grouped.get(action.identity_id, [])), on=on)
        for action in actions
    ]


def plan_export(area, *, version=None, draft=False, on=None):
    """The export data for the area's latest published version (or the given draft)."""
    on = on or timezone.localdate()
    if draft:
        items = _draft_items(version, on)
    else:
        version = version or published_reads.latest_version(area)
        if version is None:
            return None
        version.plan.area = area
        items = public_plans.version_actions(version, on=on)
    export = PlanExport(area=area, version=version, items=items, on=on, draft=draft)
    export.sections, export.totals = _summaries(items)
    return export
