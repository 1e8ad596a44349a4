"""A small world for the workspace tests, built through the services on top of the role
fixtures of tests/accounts/fixtures.py.

Riverside (`area`) has a published Version 1, published 30 days ago:

- 1.1 "Agree a crisis plan for children and young people", May 2015 (overdue), led by the
  Testland Health Board (the area's partner, whose signatory editor may update it);
- 1.2 "Train police officers in section 136", complete;
- 2.1 "Open a crisis café with the voluntary sector", ongoing, in progress;
- 3.1 "Review the place of safety", due in a year, not started.

England (`national_area`) has a published plan with 1.1 led by the Testland Health Board
and 1.2 led by the Testland Police College.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from concordat.core.models import Action, Area, PlanVersion
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.imports.parsed import LeadMatch, ParsedAction, ParsedPlan


def lead(organisation):
    return [
        LeadMatch(
            text=organisation.name,
            organisation_id=organisation.pk,
            organisation_name=organisation.name,
            score=100,
            proposed_new=False,
        )
    ]


def publish_plan(area, actions, *, days_ago=30, title="Crisis care action plan"):
    version = plan_version_import(
        area=area, actor=None, parsed=ParsedPlan(title=title, actions=actions)
    )
    return plan_version_publish(
        version=version, actor=None, now=timezone.now() - timedelta(days=days_ago)
    )


@dataclass
class World:
    area: Area
    national: Area
    v1: PlanVersion
    national_v1: PlanVersion

    def action(self, ref, version=None):
        return Action.objects.get(version=version or self.v1, ref=ref)

    def current(self, ref):
        """The action with this ref in the area's working version (draft or submitted)."""
        return Action.objects.get(
            version__plan__area=self.area,
            version__state__in=["draft", "submitted"],
            ref=ref,
        )

    def current_or_published(self, ref):
        """The action in the working version, else in the latest published one."""
        rows = Action.objects.filter(version__plan__area=self.area, ref=ref)
        working = rows.filter(version__state__in=["draft", "submitted"]).first()
        return working or rows.order_by("-version__published_at").first()


def riverside_actions(organisation, today):
    return [
        ParsedAction(
            row=1,
            ref="1.1",
            ref_raw="1.1",
            section=1,
            text="Agree a crisis plan for children and young people",
            timescale="May 2015",
            due=date(2015, 5, 31),
            timescale_understood=True,
            lead="Testland Health Board",
            lead_matches=lead(organisation),
            outcomes=["Fewer under-18s in police cells"],
            status="Ongoing",
            canonical_status="in_progress",
            rag="amber",
        ),
        ParsedAction(
            row=2,
            ref="1.2",
            ref_raw="1.2",
            section=1,
            text="Train police officers in section 136",
            timescale="2014/15",
            due=date(2015, 3, 31),
            timescale_understood=True,
            lead="Police",
            status="Complete",
            canonical_status="complete",
        ),
        ParsedAction(
            row=3,
            ref="2.1",
            ref_raw="2.1",
            section=2,
            text="Open a crisis café with the voluntary sector",
            timescale="Ongoing",
            ongoing=True,
            timescale_understood=True,
            lead="Mind",
            status="Underway",
            canonical_status="in_progress",
        ),
        ParsedAction(
            row=4,
            ref="3.1",
            ref_raw="3.1",
            section=3,
            text="Review the place of safety",
            timescale="Next year",
            due=today + timedelta(days=365),
            timescale_understood=True,
            lead="Council",
            status="Not started",
            canonical_status="not_started",
        ),
    ]


@pytest.fixture
def world(area, national_area, organisation, other_organisation):
    today = timezone.localdate()
    v1 = publish_plan(area, riverside_actions(organisation, today))
    national_v1 = publish_plan(
        national_area,
        [
            ParsedAction(
                row=1,
                ref="1.1",
                ref_raw="1.1",
                section=1,
                text="Publish guidance on crisis care commissioning",
                lead="Testland Health Board",
                lead_matches=lead(organisation),
                status="Ongoing",
                canonical_status="in_progress",
            ),
            ParsedAction(
                row=2,
                ref="1.2",
                ref_raw="1.2",
                section=1,
                text="Train every police college cohort",
                lead="Testland Police College",
                lead_matches=lead(other_organisation),
                status="Ongoing",
                canonical_status="in_progress",
            ),
        ],
        title="National action plan",
    )
    return World(area=area, national=national_area, v1=v1, national_v1=national_v1)
