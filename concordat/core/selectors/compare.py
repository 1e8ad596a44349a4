"""Two published versions of a plan side by side: actions added, removed and changed.

Actions are matched by their identity, so an action whose ref or wording changed between
versions shows as changed, not as one removed and one added.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from concordat.core.models import ActionLead

# (label, how to read the value from an Action), in the order a reader expects.
COMPARED_FIELDS = [
    ("Ref", lambda a: a.ref),
    ("Section", lambda a: str(a.section) if a.section_id else ""),
    ("Sub-theme", lambda a: a.subtheme),
    ("Action", lambda a: a.text),
    ("Timescale", lambda a: a.timescale),
    ("Start (as written)", lambda a: a.start_text),
    ("Finish (as written)", lambda a: a.finish_text),
    ("Start date", lambda a: a.start),
    ("Due date", lambda a: a.due),
    ("Ongoing", lambda a: a.ongoing),
    ("Lead", lambda a: a.lead),
    ("Lead organisations", lambda a: [lead.organisation.name for lead in a.leads.all()]),
    ("Outcomes", lambda a: list(a.outcomes)),
    ("Performance indicator", lambda a: a.performance_indicator),
    ("Status", lambda a: a.status),
    ("Canonical status", lambda a: a.get_canonical_status_display() if a.canonical_status else ""),
    ("RAG reported", lambda a: a.get_rag_display() if a.rag else ""),
]


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: object
    after: object


@dataclass
class ChangedAction:
    before: object
    after: object
    changes: list


@dataclass
class Comparison:
    old: object
    new: object
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0


def _actions(version):
    return list(
        version.actions.select_related("section")
        .prefetch_related(
            Prefetch("leads", queryset=ActionLead.objects.select_related("organisation"))
        )
        .order_by("position", "pk")
    )


def field_changes(before, after):
    changes = []
    for label, read in COMPARED_FIELDS:
        old, new = read(before), read(after)
        if old != new:
            changes.append(FieldChange(label=label, before=old, after=new))
    return changes


def compare_versions(old, new):
    """What changed from `old` to `new` (both published versions of the same plan)."""
    if old.plan_id != new.plan_id:
        raise ValueError("Only two versions of the same plan can be compared.")
    before = _actions(old)
    after = _actions(new)
    before_by_identity = {a.identity_id: a for a in before}
    after_identities = {a.identity_id for a in after}
    comparison = Comparison(old=old, new=new)
    comparison.removed = [a for a in before if a.identity_id not in after_identities]
    for action in after:
        previous = before_by_identity.get(action.identity_id)
        if previous is None:
            comparison.added.append(action)
            continue
        changes = field_changes(previous, action)
        if changes:
            comparison.changed.append(ChangedAction(before=previous, after=action, changes=changes))
        else:
            comparison.unchanged += 1
    return comparison
