"""The one verdict per action (core.verdict) and the one day of a progress update."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, transaction
from hypothesis import given
from hypothesis import strategies as st

from concordat.core import rules, verdict
from concordat.core.models import CLOSED_STATUSES, CanonicalStatus, ProgressUpdate
from concordat.core.services import plan_version_import
from concordat.core.services.plans import document_date
from concordat.imports.parsed import ParsedPlan
from tests.factories import make_area, parsed_action

ON = date(2016, 3, 15)


def note(day, created=(2016, 1, 1), pk=1):
    return SimpleNamespace(date=day, created_at=datetime(*created), pk=pk)


def test_the_day_of_an_update_is_the_date_it_states_and_none_when_undated():
    assert verdict.update_day(note(date(2015, 7, 1))) == date(2015, 7, 1)
    assert verdict.update_day(note(None)) is None
    assert verdict.update_day(None) is None


def test_the_latest_update_puts_undated_notes_after_every_dated_one():
    undated_but_written_last = note(None, created=(2016, 3, 1), pk=9)
    older = note(date(2015, 1, 1), pk=1)
    newer = note(date(2015, 6, 1), pk=2)
    assert verdict.latest_update([older, undated_but_written_last, newer]) is newer
    assert verdict.latest_update([undated_but_written_last]) is undated_but_written_last
    assert verdict.latest_update([]) is None
    # Same day: the one written last.
    first = note(date(2015, 6, 1), created=(2015, 6, 2), pk=3)
    second = note(date(2015, 6, 1), created=(2015, 6, 3), pk=4)
    assert verdict.latest_update([second, first]) is second


def test_recent_means_on_or_after_the_same_day_six_months_ago():
    assert verdict.recent_cutoff(ON) == date(2015, 9, 15)
    assert verdict.is_recent(date(2015, 9, 15), on=ON)
    assert not verdict.is_recent(date(2015, 9, 14), on=ON)
    assert not verdict.is_recent(None, on=ON)


def action(status="in_progress", due=None, rag=""):
    return SimpleNamespace(canonical_status=status, due=due, rag=rag)


def test_action_verdict_brings_every_rule_together():
    late = verdict.action_verdict(
        action(due=date(2016, 1, 31)), last_update=note(date(2015, 12, 1)), on=ON
    )
    assert (late.overdue, late.stale, late.updated_recently) == (True, False, True)
    assert (late.rag, late.rag_source, late.rag_suggested) == ("red", "suggested", True)
    assert (late.last_update_on, late.last_activity) == (date(2015, 12, 1), date(2015, 12, 1))

    undated = verdict.action_verdict(action(rag="green"), last_update=note(None), on=ON)
    assert (undated.stale, undated.updated_recently, undated.last_update_on) == (True, False, None)
    assert (undated.rag, undated.rag_source) == ("green", "reported")

    done = verdict.action_verdict(action(status="complete"), last_update=None, on=ON)
    assert (done.stale, done.overdue, done.rag, done.rag_source) == (
        False,
        False,
        "blue",
        "suggested",
    )


statuses = st.sampled_from(["", *CanonicalStatus.values])
days = st.one_of(st.none(), st.dates(min_value=date(2013, 1, 1), max_value=date(2017, 1, 1)))


@given(status=statuses, due=days, last=days, rag=st.sampled_from(["", "red", "amber", "green"]))
def test_not_updated_for_six_months_is_exactly_not_updated_in_the_last_six(status, due, last, rag):
    judged = verdict.judge(
        canonical_status=status, due=due, reported_rag=rag, last_update_on=last, on=ON
    )
    is_open = status not in CLOSED_STATUSES
    assert judged.stale == (is_open and not judged.updated_recently)
    assert judged.updated_recently == (last is not None and last >= verdict.recent_cutoff(ON))
    assert judged.overdue == rules.is_overdue(due=due, canonical_status=status, on=ON)
    assert (judged.rag, judged.rag_source) == rules.effective_rag(
        reported=rag, canonical_status=status, due=due, on=ON, stale=judged.stale
    )


def test_closed_statuses_are_one_constant():
    assert set(CLOSED_STATUSES) == {"complete", "superseded"}
    assert verdict.CLOSED_STATUSES is CLOSED_STATUSES


@pytest.mark.django_db
def test_a_note_written_on_the_site_must_carry_a_date():
    area = make_area("Dateshire")
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=ParsedPlan(actions=[parsed_action("1.1", "Act", 1)]),
    )
    identity = version.actions.get().identity
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressUpdate.objects.create(identity=identity, version=version, note="No date")
    ProgressUpdate.objects.create(
        identity=identity, version=version, note="From a document", source="import"
    )
    assert ProgressUpdate.objects.get().date is None


def plan(**fields):
    return ParsedPlan(
        actions=[
            parsed_action("1.1", "Act", 1, progress="Done so far."),
            parsed_action("1.2", "Other", 1),
        ],
        **fields,
    )


def test_a_documents_date_is_the_day_or_period_it_states_never_after_loading():
    today = date(2016, 6, 1)
    assert document_date(plan(stated_date="Updated 12 March 2016"), today=today) == date(
        2016, 3, 12
    )
    assert document_date(plan(stated_date="Refreshed October 2015"), today=today) == date(
        2015, 10, 31
    )
    assert document_date(plan(financial_year=2014), today=today) == date(2015, 3, 31)
    # A period still running when the document is loaded: the day it is loaded.
    assert document_date(plan(financial_year=2016), today=today) == today
    assert document_date(plan(), today=today) is None
    assert document_date(plan(stated_date="Version 3"), today=today) is None


@pytest.mark.django_db
def test_imported_notes_carry_the_documents_date_or_none():
    dated = make_area("Datedshire")
    version = plan_version_import(
        area=dated, actor=None, parsed=plan(stated_date="Refreshed October 2015")
    )
    (update,) = ProgressUpdate.objects.filter(version=version)
    assert (update.date, update.source, update.note) == (
        date(2015, 10, 31),
        "import",
        "Done so far.",
    )

    undated = make_area("Undatedshire")
    version = plan_version_import(area=undated, actor=None, parsed=plan())
    (update,) = ProgressUpdate.objects.filter(version=version)
    assert update.date is None
    judged = verdict.action_verdict(version.actions.get(ref="1.1"), last_update=update, on=ON)
    assert (judged.stale, judged.updated_recently) == (True, False)


def test_an_update_a_year_old_to_the_day_is_not_recent_after_six_months():
    on = date(2016, 8, 31)
    assert verdict.recent_cutoff(on) == date(2016, 2, 29)
    assert verdict.is_recent(date(2016, 2, 29), on=on)
    assert not verdict.is_recent(date(2016, 2, 29) - timedelta(days=1), on=on)
