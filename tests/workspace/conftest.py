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
from tests.factories import lead, parsed_action, publish_plan

# The builder that tests once imported from here.
__all__ = ["World", "publish_plan", "riverside_actions"]


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
        parsed_action(
            "1.1",
            "Agree a crisis plan for children and young people",
            1,
            timescale="May 2015",
            due=date(2015, 5, 31),
            timescale_understood=True,
            lead="Testland Health Board",
            lead_matches=[lead(organisation)],
            outcomes=["Fewer under-18s in police cells"],
            status="Ongoing",
            canonical_status="in_progress",
            rag="amber",
        ),
        parsed_action(
            "1.2",
            "Train police officers in section 136",
            1,
            timescale="2014/15",
            due=date(2015, 3, 31),
            timescale_understood=True,
            lead="Police",
            status="Complete",
            canonical_status="complete",
        ),
        parsed_action(
            "2.1",
            "Open a crisis café with the voluntary sector",
            2,
            timescale="Ongoing",
            ongoing=True,
            timescale_understood=True,
            lead="Mind",
            status="Underway",
            canonical_status="in_progress",
        ),
        parsed_action(
            "3.1",
            "Review the place of safety",
            3,
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
            parsed_action(
                "1.1",
                "Publish guidance on crisis care commissioning",
                1,
                lead="Testland Health Board",
                lead_matches=[lead(organisation)],
                status="Ongoing",
                canonical_status="in_progress",
            ),
            parsed_action(
                "1.2",
                "Train every police college cohort",
                1,
                lead="Testland Police College",
                lead_matches=[lead(other_organisation)],
                status="Ongoing",
                canonical_status="in_progress",
            ),
        ],
        title="National action plan",
    )
    return World(area=area, national=national_area, v1=v1, national_v1=national_v1)
