"""Draft a progress report from what the system knows about the period.

Only published data is used: the plan version in force at the start and at the end of the
period, public progress updates, and the metric values entered for the area. Every line the
draft writes names the actions or figures it rests on; a part the data says nothing about is
left empty for the writer.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from concordat.core import rules, verdict
from concordat.core.dates import long_date
from concordat.core.models import CanonicalStatus, Rag
from concordat.core.selectors import published
from concordat.core.selectors.updates import progress_in_force
from concordat.core.statuses import canonical_status
from concordat.measures.comparisons import (
    compare_year_earlier,
    latest_span,
    never_events,
    progress_to_target,
)
from concordat.measures.periods import period_label, periods_between
from concordat.reports.published import previous_published_report

from . import selectors

NOTE_LENGTH = 280
PRIORITY_MONTHS = 6
SECTION_136_SLUGS = (
    "section-136-detentions",
    "police-cells-place-of-safety-adults",
    "police-cells-place-of-safety-under-18",
    "ambulance-section-136-within-30-minutes",
)
STATUS_WORDS = {
    CanonicalStatus.COMPLETE: "complete",
    CanonicalStatus.IN_PROGRESS: "in progress",
    CanonicalStatus.NOT_STARTED: "not started",
    CanonicalStatus.SUPERSEDED: "superseded",
    "": "with no status",
}
RAG_WORDS = {
    Rag.RED: "red",
    Rag.AMBER: "amber",
    Rag.GREEN: "green",
    Rag.BLUE: "blue (complete)",
}


def milestone_status(action):
    """The status as written, unless the action's canonical status has moved on from it
    (a retired action keeps its old words): then the canonical status."""
    if action.status and canonical_status(action.status) == action.canonical_status:
        return action.status
    return (
        CanonicalStatus(action.canonical_status).label if action.canonical_status else "Not stated"
    )


def first_line(text, limit=NOTE_LENGTH):
    line = next((part.strip() for part in (text or "").split("\n") if part.strip()), "")
    line = line.lstrip("•·-* ").strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def action_line(action, detail=""):
    ref = action.ref or "(no ref)"
    suffix = f" ({detail})" if detail else ""
    return f"• {ref} {first_line(action.text)}{suffix}"


@dataclass
class MetricFinding:
    metric: object
    sentences: list[str]
    is_section_136: bool


@dataclass
class Draft:
    area: object
    period_start: date
    period_end: date
    start_version: object
    end_version: object
    actions: list
    status_counts: dict
    rag_counts: dict
    previous_counts: dict | None
    previous_label: str
    first_publication: bool
    completed: list = field(default_factory=list)
    already_complete: list = field(default_factory=list)
    added: list = field(default_factory=list)
    dropped: list = field(default_factory=list)  # (action, reason)
    overdue: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    due_in_period: list = field(default_factory=list)
    due_next: list = field(default_factory=list)
    updates: list = field(default_factory=list)  # (action, update)
    metrics: list = field(default_factory=list)  # MetricFinding
    own_metrics: list = field(default_factory=list)
    previous_report: object = None
    suggested_rags: int = 0

    @property
    def label(self):
        return period_label(self.period_start, self.period_end)

    @property
    def snapshot(self):
        return {
            "as_of": self.period_end.isoformat(),
            "version": self.end_version.number if self.end_version else None,
            "actions": len(self.actions),
            "status": dict(self.status_counts),
            "rag": dict(self.rag_counts),
            "overdue": len(self.overdue),
            "stale": len(self.stale),
        }

    def sections(self):
        writers = {
            "aim": self._aim,
            "progress": self._progress,
            "measuring": self._measuring,
            "actions_changed": self._actions_changed,
            "outcome_data": self._outcome_data,
            "partnership": self._partnership,
            "s136": self._s136,
            "challenges": self._challenges,
            "priorities": self._priorities,
        }
        return {key: "\n".join(writer()).strip() for key, writer in writers.items()}

    def milestones(self):
        return [
            {
                "item_text": action.ref,
                "refs": [action.ref] if action.ref else [],
                "text": first_line(action.text, limit=1000),
                "due_text": action.timescale or action.finish_text or long_date(action.due),
                "due": action.due,
                "status_text": milestone_status(action),
                "canonical_status": action.canonical_status,
            }
            for action in self.due_in_period
        ]

    # Parts -----------------------------------------------------------------------------
    def _aim(self):
        if self.previous_report is None:
            return []
        aim = next((s.body for s in self.previous_report.sections.all() if s.key == "aim"), "")
        return [aim] if aim else []

    def _progress(self):
        lines = []
        if self.completed:
            lines.append(f"Actions completed in {self.label}:")
            lines.extend(action_line(action) for action in self.completed)
        if self.updates:
            lines.append(f"Progress notes dated in {self.label}:")
            lines.extend(
                f"• {action.ref or '(no ref)'} ({long_date(update.date)}): "
                f"{first_line(update.summary)}"
                for action, update in self.updates
            )
        return lines

    def _measuring(self):
        if self.end_version is None:
            return ["No version of the plan was published by the end of the period."]
        counts = self.status_counts
        parts = [
            f"{counts.get(key, 0)} {word}"
            for key, word in STATUS_WORDS.items()
            if counts.get(key, 0) or key != ""
        ]
        version = self.end_version
        lines = [
            f"On {long_date(self.period_end)} the published plan ({version.display_label()}, "
            f"published {long_date(timezone.localdate(version.published_at))}) had "
            f"{len(self.actions)} actions: {', '.join(parts)}."
        ]
        rated = {key: n for key, n in self.rag_counts.items() if key and n}
        if rated:
            shown = ", ".join(f"{n} {RAG_WORDS[key]}" for key, n in rated.items())
            lines.append(f"RAG ratings: {shown}; {self.rag_counts.get('', 0)} with none.")
            if self.suggested_rags:
                lines.append(
                    f"{self.suggested_rags} of these ratings are suggested by the system, as "
                    "no rating was reported for those actions (overdue → red; stale or due "
                    "within 30 days → amber; in progress → green; complete → blue)."
                )
        else:
            lines.append("No RAG ratings are reported or suggested for the plan.")
        if self.previous_counts is not None:
            changes = []
            for key, word in STATUS_WORDS.items():
                before, after = self.previous_counts.get(key, 0), counts.get(key, 0)
                if before != after:
                    changes.append(f"{word} {before} → {after}")
            if changes:
                lines.append(f"Change since {self.previous_label}: {'; '.join(changes)}.")
            else:
                lines.append(f"No change in the counts by status since {self.previous_label}.")
        tracked = self.own_metrics + [
            finding.metric
            for finding in self.metrics
            if finding.metric not in self.own_metrics
            and all(own.maps_to_id != finding.metric.pk for own in self.own_metrics)
        ]
        if tracked:
            lines.append("Metrics used to track progress:")
            lines.extend(f"• {metric.name}" for metric in tracked)
        return lines

    def _actions_changed(self):
        lines = []
        if self.first_publication:
            lines.append(
                f"The plan was first published in this period "
                f"({long_date(timezone.localdate(self.end_version.published_at))}) with "
                f"{len(self.actions)} actions."
            )
        if self.added:
            lines.append("New actions:")
            lines.extend(action_line(action) for action in self.added)
        if self.completed:
            lines.append("Completed:")
            lines.extend(action_line(action) for action in self.completed)
        if self.dropped:
            lines.append("No longer being taken forward:")
            lines.extend(action_line(action, reason) for action, reason in self.dropped)
        return lines

    def _outcome_data(self):
        return [f"• {s}" for finding in self.metrics for s in finding.sentences]

    def _s136(self):
        return [
            f"• {s}"
            for finding in self.metrics
            if finding.is_section_136
            for s in finding.sentences
        ]

    def _partnership(self):
        area, lines = self.area, []
        for label, text in (
            ("Accountable to", area.accountable_boards),
            ("Link to the System Resilience Group", area.srg_link),
            ("Link to the urgent and emergency care network", area.urgent_care_network_link),
        ):
            if text.strip():
                lines.append(f"{label}: {' '.join(text.split())}")
        return lines

    def _challenges(self):
        lines = []
        if self.overdue:
            lines.append(f"Overdue on {long_date(self.period_end)}:")
            lines.extend(
                action_line(action, f"due {long_date(action.due)}") for action in self.overdue
            )
        if self.stale:
            lines.append(f"Open actions with no progress note for {stale_months()} months:")
            lines.extend(action_line(action) for action in self.stale)
        return lines

    def _priorities(self):
        if not self.due_next:
            return []
        until = rules.add_months(self.period_end, PRIORITY_MONTHS)
        return [f"Open actions due by {long_date(until)}:"] + [
            action_line(action, f"due {long_date(action.due)}") for action in self.due_next
        ]


def stale_months():
    return settings.CONCORDAT_STALE_MONTHS


def _status_counts(actions):
    return rules.counts_by_status(action.canonical_status for action in actions)


def _sort_key(action):
    return (action.due or date.max, action.position)


def draft_report(area, *, period_start, period_end):
    """Everything the data says about the area's plan and outcomes in the period."""
    if period_end < period_start:
        raise ValueError("The period ends before it starts.")
    versions = published.versions_in_order(area)
    end_version = selectors.version_in_force(versions, period_end)
    day_before = period_start - timedelta(days=1)
    start_version = selectors.version_in_force(versions, day_before)
    end_rows = selectors.version_actions(end_version)
    if start_version is None:
        start_rows = []
    elif start_version == end_version:
        start_rows = end_rows
    else:
        start_rows = selectors.version_actions(start_version)
    found = selectors.public_updates(
        {row.identity_id for row in [*start_rows, *end_rows]}, until=period_end
    )
    # Progress updates change an action's status and RAG without a new version: each end of
    # the period reads them as they were on its day.
    actions = _in_force(end_rows, end_version, found, period_end)
    start_actions = _in_force(start_rows, start_version, found, day_before)
    at_start = {action.identity_id: action for action in start_actions}
    at_end = {action.identity_id: action for action in actions}
    updates = selectors.updates_by_identity(found)
    status_counts = _status_counts(actions)
    previous_report = previous_published_report(area, before=period_end)
    previous_counts, previous_label = _previous_counts(
        previous_report, versions, start_actions, period_start, start_version
    )
    draft = Draft(
        area=area,
        period_start=period_start,
        period_end=period_end,
        start_version=start_version,
        end_version=end_version,
        actions=actions,
        status_counts=status_counts,
        rag_counts={},
        previous_counts=previous_counts,
        previous_label=previous_label,
        first_publication=end_version is not None and start_version is None,
        previous_report=previous_report,
    )
    _changes(draft, at_start, at_end, updates)
    _deadlines(draft, updates)
    draft.updates = sorted(
        (
            (at_end.get(identity) or at_start[identity], update)
            for identity, items in updates.items()
            for update in items
            if update.date and period_start <= update.date <= period_end
        ),
        key=lambda pair: (pair[1].date, pair[0].position),
    )
    draft.own_metrics = selectors.area_definitions(area)
    draft.metrics = metric_findings(area, period_start=period_start, period_end=period_end)
    return draft


def _previous_counts(previous_report, versions, start_actions, period_start, start_version):
    if previous_report is not None and previous_report.period_end:
        label = f"the last report (to {long_date(previous_report.period_end)})"
        snapshot = previous_report.data_snapshot or {}
        if "status" in snapshot:
            return snapshot["status"], label
        day = previous_report.period_end
        version = selectors.version_in_force(versions, day)
        if version is not None:
            rows = selectors.version_actions(version)
            found = selectors.public_updates({row.identity_id for row in rows}, until=day)
            return _status_counts(_in_force(rows, version, found, day)), label
    if start_version is not None:
        return _status_counts(start_actions), f"the start of the period ({long_date(period_start)})"
    return None, ""


def _in_force(rows, version, updates, day):
    if version is None:
        return []
    return progress_in_force(rows, version=version, updates=updates, on=day)


def _completing_update_in_period(draft, items):
    return any(
        update.canonical_status == CanonicalStatus.COMPLETE
        and update.date
        and draft.period_start <= update.date <= draft.period_end
        for update in items
    )


def _changes(draft, at_start, at_end, updates):
    for identity, action in at_end.items():
        before = at_start.get(identity)
        if action.canonical_status == CanonicalStatus.COMPLETE:
            if before is not None and before.canonical_status != CanonicalStatus.COMPLETE:
                draft.completed.append(action)
            elif before is None and draft.first_publication:
                if _completing_update_in_period(draft, updates.get(identity, [])):
                    draft.completed.append(action)
                else:
                    draft.already_complete.append(action)
            elif before is None:
                draft.completed.append(action)
        if before is None and not draft.first_publication:
            draft.added.append(action)
        if (
            action.canonical_status == CanonicalStatus.SUPERSEDED
            and before is not None
            and before.canonical_status != CanonicalStatus.SUPERSEDED
        ):
            reason = action.retired_reason or action.status
            draft.dropped.append((action, reason))
    for identity, action in at_start.items():
        if identity not in at_end:
            draft.dropped.append((action, f"removed from {draft.end_version.display_label()}"))
    for items in (draft.completed, draft.added):
        items.sort(key=lambda action: action.position)
    draft.dropped.sort(key=lambda pair: pair[0].position)


def _deadlines(draft, updates):
    """Overdue, stale and shown RAG as the public plan page judges them, on the last day of
    the period; milestones due in the period; priorities due in the months after it."""
    end, start = draft.period_end, draft.period_start
    until = rules.add_months(end, PRIORITY_MONTHS)
    described = [
        (
            action,
            verdict.action_verdict(
                action,
                last_update=verdict.latest_update(updates.get(action.identity_id, [])),
                on=end,
            ),
        )
        for action in draft.actions
    ]
    draft.rag_counts = rules.counts_by_rag(said.rag for _, said in described)
    draft.suggested_rags = sum(said.rag_source == "suggested" for _, said in described)
    for action, said in described:
        if said.overdue:
            draft.overdue.append(action)
        if said.stale:
            draft.stale.append(action)
        if action.due and start <= action.due <= end:
            draft.due_in_period.append(action)
        if action.is_open and action.due and end < action.due <= until:
            draft.due_next.append(action)
    for items in (draft.overdue, draft.due_in_period, draft.due_next):
        items.sort(key=_sort_key)


def metric_findings(area, *, period_start, period_end):
    """What the area's metric values say about the period, one finding per metric."""
    metrics = selectors.metrics_with_values(area)
    values = selectors.area_values(area, metrics=metrics)
    findings = []
    for metric in metrics:
        known = {key: v for key, v in values.get(metric.pk, {}).items() if key[1] <= period_end}
        if not known:
            continue
        sentences = []
        comparison = _period_comparison(metric, known, period_start, period_end)
        if comparison is not None:
            sentences.append(comparison.sentence)
        in_period = {k: v for k, v in known.items() if k[0] >= period_start}
        sentences.extend(flag.sentence for flag in never_events(metric, in_period))
        target = progress_to_target(metric, known)
        if target is not None:
            sentences.append(target.sentence)
        if sentences:
            findings.append(
                MetricFinding(
                    metric=metric,
                    sentences=sentences,
                    is_section_136=metric.slug in SECTION_136_SLUGS,
                )
            )
    return findings


def _period_comparison(metric, values, period_start, period_end):
    periods = [
        p for p in periods_between(metric.period, period_start, period_end) if p.end <= period_end
    ]
    if periods:
        found = compare_year_earlier(metric, values, start=periods[0].start, end=periods[-1].end)
        if found is not None:
            return found
    span = latest_span(metric, values)
    if span is None:
        return None
    return compare_year_earlier(metric, values, start=span[0], end=span[1])
