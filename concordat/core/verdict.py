"""One verdict per action: everything the site says about an action on a day.

Every page, the API, the exports, reminders and report drafting ask `action_verdict` (or
`judge`, its form for values already read) and nothing else; the API's SQL filters are twins
of these rules, tested to agree with them.

Rule, then the function that holds it:

- The day of a progress update: the date it states. A note written on the site always
  states one (the day it was written unless the writer gave another); a note loaded from a
  document carries the document's date, or none. -> `update_day`
- The latest update of an action: the newest by its day (undated notes after every dated
  one), then the last written. -> `latest_update`, `LATEST_FIRST`
- Updated recently: the latest update's day is on or after the cutoff, six months
  (CONCORDAT_STALE_MONTHS) before today; an undated note is never recent. -> `is_recent`
- Overdue: the due date has passed and the status is neither complete nor superseded
  (`CLOSED_STATUSES`). -> `rules.is_overdue`
- Stale, "not updated for six months": open and not updated recently. -> `rules.is_stale`
- RAG: the reported one, else the one the system suggests, and which it is.
  -> `rules.effective_rag`, `rules.suggest_rag`

So for an open action "not updated for six months" is exactly "not updated in the last six
months", wherever either is counted.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import F

from concordat.core import rules
from concordat.core.models.plans import CLOSED_STATUSES

__all__ = [
    "CLOSED_STATUSES",
    "LATEST_FIRST",
    "Verdict",
    "action_verdict",
    "is_recent",
    "judge",
    "latest_update",
    "recent_cutoff",
    "update_day",
]

# The order in which an action's updates are newest first, for querysets.
LATEST_FIRST = (F("date").desc(nulls_last=True), F("created_at").desc(), F("pk").desc())


def update_day(update) -> date | None:
    """The day a progress update speaks for, or None when it is undated.

    A note written on the site always carries a date (progress_update_post sets it, and the
    database refuses a web note without one); a note loaded from a document carries the
    document's date where the document gives one.
    """
    return update.date if update is not None else None


def _newness(update):
    day = update_day(update)
    return (day is not None, day or date.min, update.created_at, update.pk)


def latest_update(updates):
    """The newest of `updates` (LATEST_FIRST, in Python), or None."""
    return max(updates, key=_newness, default=None)


def recent_cutoff(on: date) -> date:
    """Updates on or after this day are recent (CONCORDAT_STALE_MONTHS before `on`)."""
    return rules.stale_cutoff(on=on)


def is_recent(day: date | None, *, on: date) -> bool:
    """Updated in the last six months: an undated note never is."""
    return day is not None and day >= recent_cutoff(on)


@dataclass(frozen=True)
class Verdict:
    """What the site says about one action on the day `on`."""

    on: date
    overdue: bool
    stale: bool  # open and not updated in the last six months
    updated_recently: bool  # its latest update is dated in the last six months
    last_update: object  # the latest update the reader may see, or None
    last_update_on: date | None  # its day; None when there is none or it is undated
    rag: str  # red, amber, green, blue or ""
    rag_source: str  # "reported", "suggested" or ""

    @property
    def rag_suggested(self):
        return self.rag_source == "suggested"

    @property
    def last_activity(self):
        """The day of the last update (the name the older pages use)."""
        return self.last_update_on


def judge(
    *,
    canonical_status: str,
    due: date | None,
    reported_rag: str,
    last_update_on: date | None,
    on: date,
    last_update=None,
) -> Verdict:
    """The verdict from the values it rests on (for callers that read them in bulk)."""
    stale = rules.is_stale(canonical_status=canonical_status, last_activity=last_update_on, on=on)
    rag, source = rules.effective_rag(
        reported=reported_rag, canonical_status=canonical_status, due=due, on=on, stale=stale
    )
    return Verdict(
        on=on,
        overdue=rules.is_overdue(due=due, canonical_status=canonical_status, on=on),
        stale=stale,
        updated_recently=is_recent(last_update_on, on=on),
        last_update=last_update,
        last_update_on=last_update_on,
        rag=rag,
        rag_source=source,
    )


def action_verdict(action, *, last_update, on: date) -> Verdict:
    """Everything the site says about `action` on `on`, given its latest visible update."""
    return judge(
        canonical_status=action.canonical_status,
        due=action.due,
        reported_rag=action.rag,
        last_update_on=update_day(last_update),
        on=on,
        last_update=last_update,
    )


class Judged:
    """What a described action says through its verdict, for the dataclasses the pages,
    the workspace and the exports build around an action (each has `verdict`)."""

    verdict: Verdict

    @property
    def latest_update(self):
        return self.verdict.last_update

    @property
    def latest_update_on(self):
        return self.verdict.last_update_on

    @property
    def last_update_on(self):
        return self.verdict.last_update_on

    @property
    def last_activity(self):
        return self.verdict.last_update_on

    @property
    def updated_recently(self):
        return self.verdict.updated_recently

    @property
    def overdue(self):
        return self.verdict.overdue

    @property
    def stale(self):
        return self.verdict.stale

    @property
    def rag(self):
        return self.verdict.rag

    @property
    def rag_source(self):
        return self.verdict.rag_source

    @property
    def rag_suggested(self):
        return self.verdict.rag_suggested
