"""A small published world with unpublished work beside it, for the open-data tests.

Northshire has two published versions and a draft on top; Southshire has only a submitted
version; there is a published progress report and a draft one. Every unpublished text carries
a SECRET marker, so a test can assert that no answer contains it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from concordat.core.models import Action, Area, Organisation, PlanVersion, ProgressUpdate
from concordat.core.services import plan_version_import, plan_version_start_draft
from concordat.reports.models import Metric, MetricValue
from concordat.reports.services import progress_report_create, progress_report_publish
from tests.factories import (
    lead,
    make_area,
    make_organisation,
    parsed_action,
    parsed_plan,
    publish,
    submit,
)

# The builders that tests once imported from here.
__all__ = ["SECRET", "build_world", "lead", "parsed_action", "parsed_plan", "publish"]

SECRET = "SECRET"


@dataclass
class World:
    today: object
    north: Area
    south: Area
    police: Organisation
    mind: Organisation
    v1: PlanVersion
    v2: PlanVersion
    draft: PlanVersion
    submitted: PlanVersion
    report: object
    draft_report: object

    def action(self, ref, version=None):
        return Action.objects.get(version=version or self.v2, ref=ref)


def build_world():
    today = timezone.localdate()
    police = make_organisation("Northshire Police")
    mind = make_organisation("Northshire Mind")
    north = make_area("Northshire", region="north-west")
    south = make_area("Southshire", region="south-west")

    v1 = plan_version_import(
        area=north,
        actor=None,
        parsed=parsed_plan(
            parsed_action(
                "1.1",
                "Set up a street triage scheme with the police",
                3,
                timescale="March 2015",
                due=today - timedelta(days=100),
                lead="Northshire Police",
                lead_matches=[lead(police)],
                status="Underway",
                canonical_status="in_progress",
                progress="Street triage pilot began in the town centre.",
            ),
            parsed_action(
                "1.2",
                "Open a crisis house for adults",
                2,
                due=today + timedelta(days=200),
                lead="Mind",
                lead_matches=[lead(mind)],
                status="Complete",
                canonical_status="complete",
                rag="green",
                outcomes=["Fewer admissions", "Shorter stays"],
            ),
            parsed_action(
                "2.1",
                "Train control room staff in de-escalation",
                4,
                due=today + timedelta(days=30),
                status="Not started",
                canonical_status="not_started",
            ),
        ),
    )
    v1 = publish(v1, days_ago=400)
    v2 = plan_version_start_draft(area=north, actor=None)
    training = Action.objects.get(version=v2, ref="2.1")
    training.canonical_status = "in_progress"
    training.status = "Underway"
    training.save()
    ProgressUpdate.objects.create(
        identity=training.identity,
        version=v2,
        date=today - timedelta(days=5),
        note="Two training days held for control room staff.",
        canonical_status="in_progress",
        source=ProgressUpdate.Source.IMPORT,
        state=ProgressUpdate.State.IN_DRAFT,
    )
    v2 = publish(v2, days_ago=10)

    draft = plan_version_start_draft(area=north, actor=None)
    draft_action = Action.objects.get(version=draft, ref="1.1")
    draft_action.text = f"{SECRET} street triage rewritten in the draft"
    draft_action.save()
    ProgressUpdate.objects.create(
        identity=draft_action.identity,
        version=draft,
        date=today,
        note=f"{SECRET} note posted on the draft about street triage",
        source=ProgressUpdate.Source.IMPORT,
        state=ProgressUpdate.State.IN_DRAFT,
    )
    # A note written on the site, waiting for the area lead's approval: never public.
    ProgressUpdate.objects.create(
        identity=draft_action.identity,
        date=today,
        note=f"{SECRET} note waiting for approval about street triage",
        state=ProgressUpdate.State.AWAITING_APPROVAL,
    )

    submitted = plan_version_import(
        area=south,
        actor=None,
        parsed=parsed_plan(
            parsed_action(
                "1.1",
                f"{SECRET} street triage action waiting for review",
                3,
                due=today + timedelta(days=10),
                progress=f"{SECRET} progress waiting for review",
            )
        ),
    )
    submit(submitted)

    report = progress_report_create(
        area=north,
        actor=None,
        title="Northshire progress report, autumn",
        period_label="June to December",
        overall_status="work_progressing",
        overall_status_text="Work progressing",
        sections=[("narrative", "Narrative", "Street triage now covers the whole county.")],
        milestones=[{"item_text": "1.1", "refs": ["1.1"], "text": "Street triage live"}],
    )
    report = progress_report_publish(
        report=report, actor=None, now=timezone.now() - timedelta(days=3)
    )
    draft_report = progress_report_create(
        area=north,
        actor=None,
        title=f"{SECRET} draft report",
        sections=[("narrative", "Narrative", f"{SECRET} street triage report text")],
    )

    national = Metric.objects.create(slug="s136-detentions", name="Section 136 detentions")
    Metric.objects.create(slug="secret-kpi", name=f"{SECRET} KPI", area=north, source_version=draft)
    MetricValue.objects.create(
        metric=national,
        area=north,
        period_start=today.replace(day=1) - timedelta(days=31),
        period_end=today.replace(day=1) - timedelta(days=1),
        value=12,
    )
    return World(
        today=today,
        north=north,
        south=south,
        police=police,
        mind=mind,
        v1=v1,
        v2=v2,
        draft=draft,
        submitted=submitted,
        report=report,
        draft_report=draft_report,
    )
