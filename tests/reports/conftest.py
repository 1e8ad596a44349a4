"""Fixtures for the reports tests: the seeds loaded, and a small plan with a history."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from concordat.core.models import Action, Section
from concordat.core.services import (
    action_create,
    action_retire,
    action_update,
    plan_version_import,
    plan_version_publish,
    plan_version_start_draft,
    progress_update_post,
)
from concordat.seeds.loader import load_seeds
from tests.factories import make_area, parsed_action, parsed_plan

LONDON = ZoneInfo("Europe/London")


def moment(year, month, day):
    return datetime(year, month, day, 12, 0, tzinfo=LONDON)


@pytest.fixture
def seeds(db):
    load_seeds()


@pytest.fixture
def history(db):
    """Testshire: version 1 published 1 March 2015 with five actions; version 2 published
    15 October 2015 in which 1.1 is complete, 3.1 is gone, 4.1 is retired and 5.1 is new;
    two progress notes dated in the second half of 2015."""
    area = make_area(
        "Testshire",
        srg_link="The group reports to the Testshire System Resilience Group every quarter.",
    )
    v1 = plan_version_import(
        area=area,
        parsed=parsed_plan(
            parsed_action(
                "1.1",
                "Agree a crisis plan",
                timescale="May 2015",
                due=date(2015, 5, 31),
                status="Not started",
                canonical_status="not_started",
            ),
            parsed_action(
                "1.2",
                "Train police officers",
                timescale="September 2015",
                due=date(2015, 9, 30),
                status="Ongoing",
                canonical_status="in_progress",
                rag="amber",
                rag_raw="Amber",
            ),
            parsed_action(
                "2.1",
                "Open a crisis cafe",
                section=2,
                timescale="March 2016",
                due=date(2016, 3, 31),
                status="Underway",
                canonical_status="in_progress",
            ),
            parsed_action(
                "3.1",
                "Review places of safety",
                section=3,
                timescale="December 2015",
                due=date(2015, 12, 31),
                canonical_status="not_started",
            ),
            parsed_action(
                "4.1",
                "Set up street triage",
                section=4,
                timescale="August 2015",
                due=date(2015, 8, 31),
                status="Ongoing",
                canonical_status="in_progress",
            ),
        ),
        actor=None,
    )
    plan_version_publish(version=v1, actor=None, now=moment(2015, 3, 1))
    draft = plan_version_start_draft(area=area, actor=None)
    actions = {a.ref: a for a in draft.actions.all()}
    action_update(action=actions["1.1"], actor=None, status="Complete", canonical_status="complete")
    progress_update_post(
        action=Action.objects.get(pk=actions["1.1"].pk),
        actor=None,
        note="The crisis plan was agreed by all partners.",
        on=date(2015, 7, 14),
        status="Complete",
        canonical_status="complete",
    )
    progress_update_post(
        action=Action.objects.get(pk=actions["1.2"].pk),
        actor=None,
        note="Forty officers trained so far.\nMore sessions booked.",
        on=date(2015, 9, 2),
        status="Ongoing",
        canonical_status="in_progress",
        rag="amber",
    )
    action_retire(action=actions["4.1"], actor=None, reason="Merged with the county's triage.")
    Action.objects.filter(pk=actions["3.1"].pk).delete()
    action_create(
        area=area,
        actor=None,
        text="Publish a crisis services map",
        section=Section.objects.get(number=5),
        ref="5.1",
        timescale="November 2015",
    )
    v2 = plan_version_publish(version=draft, actor=None, now=moment(2015, 10, 15))
    return area, v1, v2
