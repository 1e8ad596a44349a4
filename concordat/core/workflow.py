"""The publication workflow: every state change of a plan version or a progress report.

Plan versions (`core.PlanVersion`) and progress reports (`reports.ProgressReport`) move
through the same three states, and only along the rows of `TRANSITIONS`:

=========  ==========  =====================  =========  ============  ================
kind       change      from                   to         who           audit verb
=========  ==========  =====================  =========  ============  ================
plan       submit      draft                  submitted  area          submitted
plan       return      submitted              draft      office        returned
plan       withdraw    submitted              draft      area          withdrew
plan       publish     draft, submitted       published  office        published
report     submit      draft                  submitted  area          submitted
report     return      submitted              draft      office        returned
report     withdraw    submitted              draft      area          withdrew
report     publish     draft, submitted       published  office        published
=========  ==========  =====================  =========  ============  ================

"who" names the rule the view asks before calling the service (`accounts.permissions
.can_change_state`): "area" is the area's lead (the office for the national plan), "office"
the Concordat office. Publishing from a draft is how loaded seeds and the office's own
imports are published; a person's publication goes through a submission (submit, then
publish or return: `workspace.services`).

`refuse_unless_allowed(item, change)` raises the `ValidationError` the person reads when the
item is in a state the change does not start from; `change_state(item, change, ...)` makes
the change on a row the caller has locked (`select_for_update`): the new state, the time
stamps, the lock version, and one `AuditEntry` in the shared pattern (the verb above, the
item's type and id, its area, the plan version for plans, and a note that is the item's
label unless given). Whatever else a change does (a submission record, the publication
signals, progress notes made public) stays with the service that calls it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from concordat.core.audit import audit_record

DRAFT, SUBMITTED, PUBLISHED = "draft", "submitted", "published"
PLAN, REPORT = "plan", "report"
AREA, OFFICE = "area", "office"

# The model (by `_meta.model_name`) of each kind of item.
KINDS = {"planversion": PLAN, "progressreport": REPORT}


@dataclass(frozen=True)
class Transition:
    kind: str
    change: str
    sources: tuple
    target: str
    who: str
    verb: str
    # state -> what the person is told when the item is in it ("{label}" is the item's
    # label); `otherwise` for any other state the change does not start from.
    refusals: tuple = ()
    otherwise: str = ""

    def refusal(self, state, label):
        message = dict(self.refusals).get(state, self.otherwise)
        return message.format(label=label)


_PLAN_NOT_WAITING = "{label} is not waiting for review."

TRANSITIONS = (
    Transition(
        PLAN,
        "submit",
        (DRAFT,),
        SUBMITTED,
        AREA,
        "submitted",
        refusals=((SUBMITTED, "{label} is already waiting for review."),),
        otherwise="{label} is published; there is nothing to send.",
    ),
    Transition(
        PLAN, "return", (SUBMITTED,), DRAFT, OFFICE, "returned", otherwise=_PLAN_NOT_WAITING
    ),
    Transition(
        PLAN, "withdraw", (SUBMITTED,), DRAFT, AREA, "withdrew", otherwise=_PLAN_NOT_WAITING
    ),
    Transition(
        PLAN,
        "publish",
        (DRAFT, SUBMITTED),
        PUBLISHED,
        OFFICE,
        "published",
        otherwise="{label} is already published.",
    ),
    Transition(
        REPORT,
        "submit",
        (DRAFT,),
        SUBMITTED,
        AREA,
        "submitted",
        refusals=(
            (
                SUBMITTED,
                "This report has been submitted for publication. It can be changed again if "
                "the Concordat office returns it.",
            ),
        ),
        otherwise="A published progress report cannot be changed.",
    ),
    Transition(
        REPORT,
        "return",
        (SUBMITTED,),
        DRAFT,
        OFFICE,
        "returned",
        otherwise="Only a report waiting for review can be returned.",
    ),
    Transition(
        REPORT,
        "withdraw",
        (SUBMITTED,),
        DRAFT,
        AREA,
        "withdrew",
        otherwise="Only a report waiting for review can be withdrawn.",
    ),
    Transition(
        REPORT,
        "publish",
        (DRAFT, SUBMITTED),
        PUBLISHED,
        OFFICE,
        "published",
        otherwise="This progress report is already published.",
    ),
)

_BY_KEY = {(t.kind, t.change): t for t in TRANSITIONS}


def kind_of(item):
    return KINDS[item._meta.model_name]


def transition(kind, change):
    """The row of `TRANSITIONS` for this kind of item and change (KeyError if none)."""
    return _BY_KEY[(kind, change)]


def label_of(item):
    """How the messages and the audit name the item: a version's label, a report's title."""
    if kind_of(item) == PLAN:
        return item.display_label()
    return item.title


def _area_of(item):
    return item.plan.area if kind_of(item) == PLAN else item.area


def refuse_unless_allowed(item, change):
    """Raise the person's `ValidationError` unless `change` may start from the item's state."""
    row = transition(kind_of(item), change)
    if item.state not in row.sources:
        raise ValidationError(row.refusal(item.state, label_of(item)))
    return row


def change_state(item, change, *, actor, now=None, note=None):
    """Make `change` on `item` (a row locked by the caller), save it and audit it.

    Submitting stamps `submitted_at`; publishing stamps `published_at` and `published_by`.
    Every change adds one to the item's lock version, so a copy opened before it is stale.
    """
    row = refuse_unless_allowed(item, change)
    now = now or timezone.now()
    item.state = row.target
    if change == "submit":
        item.submitted_at = now
    if change == "publish":
        item.published_at = now
        item.published_by = actor if getattr(actor, "pk", None) else None
    item.lock_version += 1
    item.save()
    audit_record(
        actor=actor,
        verb=row.verb,
        object_type=item._meta.model_name,
        object_id=item.pk,
        area=_area_of(item),
        version=item if row.kind == PLAN else None,
        note=label_of(item) if note is None else note,
    )
    return item
