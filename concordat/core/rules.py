"""Domain rules as pure functions: overdue, stale, suggested RAG, counts, an area's stage.

What they say about one action together is `concordat.core.verdict.action_verdict`.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import models

from concordat.core.choices import CLOSED_STATUSES, CanonicalStatus, Rag

DUE_SOON_DAYS = 30
SECTION_NUMBERS = range(1, 6)


def add_months(d: date, months: int) -> date:
    """d moved by whole months, the day clamped to the month (31 Jan + 1 → 28/29 Feb)."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _is_open(canonical_status: str) -> bool:
    return canonical_status not in CLOSED_STATUSES


def is_overdue(*, due: date | None, canonical_status: str, on: date) -> bool:
    """The due date has passed and the action is neither complete nor superseded."""
    return due is not None and due < on and _is_open(canonical_status)


def stale_cutoff(*, on: date, months: int | None = None) -> date:
    """Activity before this date is stale (months defaults to CONCORDAT_STALE_MONTHS)."""
    if months is None:
        months = settings.CONCORDAT_STALE_MONTHS
    return add_months(on, -months)


def is_stale(
    *, canonical_status: str, last_activity: date | None, on: date, months: int | None = None
) -> bool:
    """An open action with no activity since the cutoff (or none ever)."""
    if not _is_open(canonical_status):
        return False
    return last_activity is None or last_activity < stale_cutoff(on=on, months=months)


def suggest_rag(*, canonical_status: str, due: date | None, on: date, stale: bool = False) -> str:
    """The RAG the system suggests where none was reported.

    complete → blue; superseded → none; overdue → red; stale, or due within 30 days → amber;
    in progress → green. By judgement: not started with a due date more than 30 days away is
    green (nothing is late yet); not started without a due date, and a status not stated
    that is neither late, stale nor near its date, get no suggestion: there is nothing to go on.
    """
    if canonical_status == CanonicalStatus.COMPLETE:
        return str(Rag.BLUE)
    if canonical_status == CanonicalStatus.SUPERSEDED:
        return ""
    if is_overdue(due=due, canonical_status=canonical_status, on=on):
        return str(Rag.RED)
    if stale or (due is not None and due <= on + timedelta(days=DUE_SOON_DAYS)):
        return str(Rag.AMBER)
    if canonical_status == CanonicalStatus.IN_PROGRESS:
        return str(Rag.GREEN)
    if canonical_status == CanonicalStatus.NOT_STARTED and due is not None:
        return str(Rag.GREEN)
    return ""


def effective_rag(
    *, reported: str, canonical_status: str, due: date | None, on: date, stale: bool = False
) -> tuple[str, str]:
    """(rag, source): the reported RAG if there is one, else the suggestion, and which it is."""
    if reported:
        return reported, "reported"
    suggested = suggest_rag(canonical_status=canonical_status, due=due, on=on, stale=stale)
    return (suggested, "suggested") if suggested else ("", "")


def counts_by_status(statuses: Iterable[str]) -> dict[str, int]:
    """Every canonical status in order, then '' (not stated, or a value not known); zeros kept."""
    counts = {str(value): 0 for value in CanonicalStatus.values} | {"": 0}
    for status in statuses:
        counts[status if status in counts else ""] += 1
    return counts


def counts_by_rag(rags: Iterable[str]) -> dict[str, int]:
    """red, amber, green, blue, then '' (none, or a value not known); zeros kept."""
    counts = {str(value): 0 for value in Rag.values} | {"": 0}
    for rag in rags:
        counts[rag if rag in counts else ""] += 1
    return counts


def coverage_by_section(section_numbers: Iterable[int | None]) -> dict[int, int]:
    """How many actions each Concordat section 1–5 has; zeros kept, others ignored."""
    counts = dict.fromkeys(SECTION_NUMBERS, 0)
    for number in section_numbers:
        if number in counts:
            counts[number] += 1
    return counts


def review_due_date(*, published_on: date, cycle_months: int) -> date:
    return add_months(published_on, cycle_months)


class Stage(models.TextChoices):
    """Where an area is, judged by delivery, not paperwork (in the order of a plan's life;
    "behind" sits before "delivering": a published plan that is not being delivered)."""

    NO_DECLARATION = "no_declaration", "No declaration yet"
    DECLARATION_SIGNED = "declaration_signed", "Declaration signed, no plan published"
    PLAN_PUBLISHED = "plan_published", "Plan published"
    BEHIND = "behind", "Behind"
    DELIVERING = "delivering", "Delivering the plan"


STAGE_ORDER = {str(stage): position for position, stage in enumerate(Stage)}
# An area is behind when at least this share of its actions already due are overdue.
BEHIND_OVERDUE_SHARE = 0.25


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class StageVerdict:
    """An area's stage and, when it is behind, why (one reason a rule)."""

    stage: str
    reasons: tuple[str, ...] = ()

    @property
    def label(self):
        return Stage(self.stage).label

    @property
    def reason(self):
        """The reasons as one line: "22 of 64 actions overdue; review overdue since …"."""
        text = "; ".join(self.reasons)
        return text[:1].upper() + text[1:]

    @property
    def reason_lines(self):
        """Each reason on its own, as a sentence begins: for lists of them."""
        return [reason[:1].upper() + reason[1:] for reason in self.reasons]


def area_stage(
    *,
    declared: bool,
    published_on: date | None,
    review_due: date | None,
    total: int,
    complete: int,
    already_due: int,
    overdue: int,
    updated_recently: int,
    on: date,
    months: int | None = None,
) -> StageVerdict:
    """Where an area is on the day `on` (the rules the "About these figures" page states).

    No plan published: "declaration signed" if a declaration is recorded, else "no
    declaration yet". A published plan is **behind** when any of these holds, each giving
    its reason: its review date has passed; a quarter or more of the actions already due
    (due date passed) are overdue; no action has been updated in the last six months
    although the plan was published six months ago or more. Otherwise it is "delivering"
    once an action is complete or updated in the last six months, else "plan published".
    """
    if published_on is None:
        return StageVerdict(str(Stage.DECLARATION_SIGNED if declared else Stage.NO_DECLARATION))
    if months is None:
        months = settings.CONCORDAT_STALE_MONTHS
    reasons = []
    if already_due and overdue and overdue >= BEHIND_OVERDUE_SHARE * already_due:
        reasons.append(
            f"{overdue} of {total} action{'s' if total != 1 else ''} overdue"
            f" ({overdue} of the {already_due} already due)"
        )
    if review_due is not None and review_due < on:
        reasons.append(f"review overdue since {long_date(review_due)}")
    cutoff = stale_cutoff(on=on, months=months)
    if total and not updated_recently and published_on <= cutoff:
        reasons.append(f"no progress update for {months} months")
    if reasons:
        return StageVerdict(str(Stage.BEHIND), tuple(reasons))
    if complete or updated_recently:
        return StageVerdict(str(Stage.DELIVERING))
    return StageVerdict(str(Stage.PLAN_PUBLISHED))
