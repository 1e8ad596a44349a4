"""Two published versions of a plan side by side: actions added, removed and changed.

Actions are matched by their identity, so an action whose ref or wording changed between
versions shows as changed, not as one removed and one added.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from concordat.core import verdict

from .plans import lead_organisations
from .published import public_updates

# (label, how to read the value from an Action), in the order a reader expects.
COMPARED_FIELDS = [
    ("Ref", lambda a: a.ref),
    ("Section", lambda a: str(a.section) if a.section_id else ""),
    ("Sub-theme", lambda a: a.subtheme),
    ("Action", lambda a: a.text),
    ("Timescale", lambda a: a.timescale),
    ("Start, as written", lambda a: a.start_text),
    ("Finish, as written", lambda a: a.finish_text),
    ("Start date", lambda a: a.start),
    ("Due date", lambda a: a.due),
    ("Ongoing", lambda a: a.ongoing),
    ("Lead", lambda a: a.lead),
    ("Lead organisations", lambda a: [organisation.name for organisation in a.organisations]),
    ("Outcomes", lambda a: list(a.outcomes)),
    ("Performance indicator", lambda a: a.performance_indicator),
    ("Status, as written", lambda a: a.status),
    ("Status", lambda a: a.get_canonical_status_display() if a.canonical_status else ""),
    ("RAG rating", lambda a: a.get_rag_display() if a.rag else ""),
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

    @property
    def other_changes(self):
        """The changed fields other than the action's text."""
        return [change for change in self.changes if change.label != "Action"]


@dataclass
class Comparison:
    old: object
    new: object
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0


def _actions(version):
    actions = list(
        version.actions.select_related("section")
        .defer("raw", "extra", "section_raw")
        .order_by("position", "pk")
    )
    leads = lead_organisations([action.pk for action in actions])
    for action in actions:
        action.organisations = leads.get(action.pk, [])
    return actions


def field_changes(before, after):
    changes = []
    for label, read in COMPARED_FIELDS:
        old, new = read(before), read(after)
        if old != new:
            changes.append(FieldChange(label=label, before=old, after=new))
    return changes


def compare_versions(old, new, *, include_drafts=False):
    """What changed from `old` to `new` (both published versions of the same plan).

    The workspace passes `include_drafts=True` to compare a draft or submitted version with
    the last published one; without it an unpublished version is refused, so a public page
    can never show a draft.
    """
    if old.plan_id != new.plan_id:
        raise ValueError("Only two versions of the same plan can be compared.")
    if not include_drafts and not (old.is_published and new.is_published):
        raise ValueError("Only published versions can be compared in public.")
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


@dataclass
class AddedUpdate:
    action: object  # the action as the newer version writes it
    update: object
    day: object


def updates_between(comparison):
    """The public progress updates dated after the older version was published, up to the
    day the newer one was, on the newer version's actions (an undated note has no day, so
    it is in no period): one query."""
    start = timezone.localdate(comparison.old.published_at)
    end = timezone.localdate(comparison.new.published_at)
    if end <= start:
        return []
    actions = {
        action.identity_id: action
        for action in comparison.new.actions.only("pk", "version_id", "ref", "text", "identity_id")
    }
    updates = (
        public_updates()
        .filter(identity_id__in=list(actions), date__gt=start, date__lte=end)
        .order_by("date", "created_at", "pk")
    )
    return [
        AddedUpdate(
            action=actions[update.identity_id], update=update, day=verdict.update_day(update)
        )
        for update in updates
    ]
