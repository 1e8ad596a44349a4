"""A published world for the public's voice, on the test users' area (Riverside).

Riverside publishes a plan of three actions: 1.1 (in progress, reported amber), 1.2
(complete, reported green, with a public progress update that carries no evidence) and 2.1
(not started, no RAG); and a progress report. `panel` is its lived-experience panel, whose
member is `reviewer`. Hillside (`other_area`) has a plan of its own.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from concordat.core.models import Action, Area
from concordat.core.services import progress_update_post
from concordat.reports.services import progress_report_create, progress_report_publish
from concordat.voice.models import Question, ReviewPanel
from tests.factories import make_reviewer, parsed_action, publish_plan

TITLE = "Crisis care plan"


@dataclass
class VoiceWorld:
    area: Area
    version: object
    report: object
    panel: ReviewPanel
    update: object  # the public update on 1.2

    def action(self, ref):
        return Action.objects.select_related("version__plan__area").get(
            version=self.version, ref=ref
        )


@pytest.fixture
def world(area, other_area, area_lead, office_user):
    return build_world(area, other_area, area_lead, office_user)


@pytest.fixture
def reviewer(world, office_user):
    return add_reviewer(world, office_user)


def build_world(area, other_area, area_lead, office_user):
    version = publish_plan(
        area,
        title=TITLE,
        actions=[
            parsed_action(
                "1.1",
                "Keep the crisis line open around the clock",
                3,
                canonical_status="in_progress",
                status="Underway",
                rag="amber",
                due=timezone.localdate() + timedelta(days=90),
            ),
            parsed_action(
                "1.2",
                "Open a crisis café in the town centre",
                2,
                canonical_status="complete",
                status="Complete",
                rag="green",
            ),
            parsed_action("2.1", "Train call handlers", 4, canonical_status="not_started"),
        ],
    )
    publish_plan(other_area, [parsed_action("1.1", "Hillside's first action", 1)], title=TITLE)
    action = Action.objects.get(version=version, ref="1.2")
    update = progress_update_post(
        action=action, actor=area_lead, note="The café opened in March.", status="Complete"
    )
    report = progress_report_create(
        area=area, actor=area_lead, title="Progress report, winter", period_label="Winter"
    )
    report = progress_report_publish(report=report, actor=office_user)
    panel = ReviewPanel.objects.create(
        area=area, name="Riverside lived-experience panel", kind="lived_experience"
    )
    return VoiceWorld(area=area, version=version, report=report, panel=panel, update=update)


def add_reviewer(world, office_user):
    return make_reviewer(world.panel, by=office_user)


def make_question(
    world, *, body, state, ref="1.1", reply="", days_ago=1, email="asker@example.org"
):
    """A question in a given state, written straight to the table (for crawls and lists)."""
    action = world.action(ref)
    now = timezone.now() - timedelta(days=days_ago)
    return Question.objects.create(
        area=world.area,
        identity_id=action.identity_id,
        action_ref=ref,
        body=body,
        email=email,
        state=state,
        asked_at=None if state == Question.State.UNCONFIRMED else now,
        reply=reply,
        replied_at=now if reply else None,
        rejection_reason="abuse" if state == Question.State.REJECTED else "",
    )
