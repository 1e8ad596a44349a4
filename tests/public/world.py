"""A small published world for the public pages, built through the services.

Northshire: version 1 published 400 days ago, version 2 published 10 days ago, and a draft
(version 3) on top whose changes carry a SECRET marker. Southshire: one published version and
a submitted version 2 (also SECRET). Westshire: a declaration and no plan. Northshire has a
published progress report and a draft one; and figures for a national measure.
`add_areas(n, actions)` adds more areas like Northshire, for query counts at another size.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from concordat.core.models import Action, Area, NationalRole, Organisation, PlanVersion, Region
from concordat.core.services import (
    action_update,
    plan_version_import,
    plan_version_start_draft,
    progress_update_post,
    progress_update_withdraw,
)
from concordat.imports.parsed import ParsedPlan
from concordat.reports.models import Metric, MetricValue
from concordat.reports.services import progress_report_create, progress_report_publish
from tests.factories import (
    lead,
    make_area,
    make_organisation,
    parsed_action,
    publish,
    publish_plan,
    submit,
)

# The builders that tests once imported from here.
import_and_publish = publish_plan
__all__ = ["SECRET", "build_world", "import_and_publish", "parsed_action", "publish"]

SECRET = "SECRET"


@dataclass
class World:
    today: date
    north: Area
    south: Area
    west: Area
    police: Organisation
    mind: Organisation
    v1: PlanVersion
    v2: PlanVersion
    draft: PlanVersion
    south_v1: PlanVersion
    submitted: PlanVersion
    report: object
    draft_report: object

    def action(self, ref, version=None):
        return Action.objects.get(version=version or self.v2, ref=ref)


def north_actions(today, police, mind, prefix=""):
    return [
        parsed_action(
            "1.1",
            f"{prefix}Set up a street triage scheme with the police",
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
            f"{prefix}Open a crisis house for adults",
            2,
            timescale="From April 2015",
            start=today - timedelta(days=300),
            lead="Mind",
            lead_matches=[lead(mind)],
            status="Complete",
            canonical_status="complete",
            rag="green",
            outcomes=["Fewer admissions", "Shorter stays"],
        ),
        parsed_action(
            "2.1",
            f"{prefix}Train control room staff in de-escalation",
            4,
            timescale="Next year",
            due=today + timedelta(days=200),
            status="Not started",
            canonical_status="not_started",
        ),
    ]


def build_area(name, *, region, police, mind, today, extra_actions=0):
    """An area like Northshire: v1 (old), v2 (recent, with a progress update), a report."""
    area = Area.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        region=region,
        declaration_date=today - timedelta(days=700),
        governance="Reports to the Health and Wellbeing Board.",
        chair="Pat Chair",
        project_manager="Sam Manager",
    )
    area.declaration_signatories.set([police, mind])
    actions = north_actions(today, police, mind)
    actions += [
        parsed_action(
            f"5.{n}",
            f"Extra action {n}",
            5,
            due=today + timedelta(days=n),
            lead_matches=[lead(police), lead(mind)],
            canonical_status="in_progress",
            progress=f"Extra progress {n}",
        )
        for n in range(1, extra_actions + 1)
    ]
    v1 = publish_plan(area, actions, days_ago=400)
    training = Action.objects.get(version=v1, ref="2.1")
    progress_update_post(
        action=training,
        actor=None,
        note="Two training days held for control room staff.",
        on=today - timedelta(days=5),
    )
    # The refresh, not the update, moves 2.1 on: Version 1 stays as it was published.
    draft = plan_version_start_draft(area=area, actor=None)
    action_update(
        action=draft.actions.get(ref="2.1"),
        actor=None,
        status="Underway",
        canonical_status="in_progress",
    )
    v2 = publish(draft, days_ago=10)
    report = progress_report_create(
        area=area,
        actor=None,
        title=f"{name} progress report, autumn",
        period_label="June to December",
        overall_status="work_progressing",
        overall_status_text="Work progressing",
        sections=[("narrative", "Project status", "Street triage now covers the whole county.")],
        milestones=[
            {
                "item_text": "1.1",
                "refs": ["1.1"],
                "text": "Street triage live",
                "due_text": "March 2015",
            },
            {"item_text": "9.9", "refs": ["9.9"], "text": "A milestone with no action"},
        ],
    )
    report = progress_report_publish(report=report, actor=None)
    metric, _ = Metric.objects.get_or_create(
        slug="section-136-detentions-test",
        defaults={"name": "Section 136 detentions", "unit": "detentions", "better": "lower"},
    )
    MetricValue.objects.create(
        metric=metric,
        area=area,
        period_start=date(2015, 1, 1),
        period_end=date(2015, 1, 31),
        value=12,
    )
    return area, v1, v2, report


def build_world():
    today = timezone.localdate()
    signatory, _ = NationalRole.objects.get_or_create(
        key="signatory", defaults={"name": "Signatory", "summary": "Signs the Concordat."}
    )
    police = make_organisation("Northshire Police", national_role=signatory)
    mind = make_organisation("Northshire Mind")
    north, v1, v2, report = build_area(
        "Northshire", region=Region.NORTH_WEST, police=police, mind=mind, today=today
    )

    street = Action.objects.get(version=v2, ref="1.1")
    action_update(action=street, actor=None, text=f"{SECRET} street triage rewritten in the draft")
    # An update waiting for the lead's approval, and one the office withdrew: neither note
    # is ever public.
    progress_update_post(
        action=street,
        actor=None,
        note=f"{SECRET} note waiting for approval",
        on=today,
        needs_approval=True,
    )
    progress_update_withdraw(
        update=progress_update_post(
            action=street, actor=None, note=f"{SECRET} note the office withdrew", on=today
        ),
        actor=None,
        reason="Named a patient",
    )
    draft = north.plan.versions.get(state=PlanVersion.State.DRAFT)
    draft_report = progress_report_create(
        area=north, actor=None, title=f"{SECRET} draft report", period_label="Next period"
    )

    south = make_area("Southshire", region=Region.SOUTH_WEST)
    south_v1 = publish_plan(
        south,
        [
            parsed_action(
                "A1", "Map crisis services across the county", 1, canonical_status="complete"
            )
        ],
        days_ago=30,
    )
    submitted = plan_version_import(
        area=south,
        actor=None,
        parsed=ParsedPlan(
            title="Refreshed plan",
            actions=[
                parsed_action("A1", f"{SECRET} refreshed action", 1, progress=f"{SECRET} progress")
            ],
        ),
    )
    submit(submitted)

    west = make_area("Westshire", region=Region.SOUTH_WEST, declaration_date=today)
    return World(
        today=today,
        north=north,
        south=south,
        west=west,
        police=police,
        mind=mind,
        v1=v1,
        v2=v2,
        draft=draft,
        south_v1=south_v1,
        submitted=submitted,
        report=report,
        draft_report=draft_report,
    )


def add_areas(world, count, *, extra_actions):
    """More areas like Northshire, each with more actions: the same pages, more data."""
    for n in range(count):
        build_area(
            f"Extra Area {n}",
            region=Region.NORTH_WEST if n % 2 else Region.LONDON,
            police=world.police,
            mind=world.mind,
            today=world.today,
            extra_actions=extra_actions,
        )


def varied_area(today):
    """An old plan whose actions cover every branch of the rules."""
    area = make_area("Eastshire", region=Region.EAST_OF_ENGLAND)
    specs = [
        ("1.1", {"due": today - timedelta(days=5), "canonical_status": "in_progress"}),
        ("1.2", {"due": today + timedelta(days=10), "canonical_status": "not_started"}),
        ("1.3", {"due": today + timedelta(days=90), "canonical_status": "not_started"}),
        ("1.4", {"canonical_status": "not_started"}),
        ("2.1", {"canonical_status": "superseded", "due": today - timedelta(days=50)}),
        ("2.2", {"canonical_status": "complete", "due": today - timedelta(days=50)}),
        ("2.3", {"canonical_status": "", "rag": "amber"}),
        ("3.1", {"canonical_status": "in_progress", "progress": "An undated imported note."}),
        ("3.2", {"canonical_status": "in_progress", "due": today + timedelta(days=400)}),
        ("4.1", {"canonical_status": "", "due": today + timedelta(days=30)}),
    ]
    actions = [parsed_action(ref, f"Action {ref}", int(ref[0]), **fields) for ref, fields in specs]
    publish_plan(area, actions, days_ago=300)
    return area


# A board area for each stage, for the map: (ONS code, its name on the map).
STAGE_PLACES = {
    "behind": ("E06000022", "Bath and North East Somerset"),
    "delivering": ("E06000045", "Southampton"),
    "declaration_signed": ("E06000034", "Thurrock"),
    "no_declaration": ("E10000012", "Essex"),
    "plan_published": ("E09000003", "Barnet"),
}


def areas_at_every_stage(world):
    """Put each of the world's areas on the map, and add the two stages it lacks: Northshire
    (behind), Southshire (delivering), Westshire (declaration signed), Noshire (no
    declaration, no plan) and Freshshire (a plan published yesterday, nothing due or done
    yet). Returns {stage: area}."""
    nowhere = make_area("Noshire", region=Region.EAST_OF_ENGLAND)
    fresh = make_area("Freshshire", region=Region.LONDON)
    publish_plan(
        fresh,
        [
            parsed_action(
                "1.1",
                "Agree a crisis pathway for young people",
                2,
                due=world.today + timedelta(days=200),
                canonical_status="not_started",
            )
        ],
        days_ago=1,
    )
    areas = {
        "behind": world.north,
        "delivering": world.south,
        "declaration_signed": world.west,
        "no_declaration": nowhere,
        "plan_published": fresh,
    }
    for stage, area in areas.items():
        area.ons_codes = [STAGE_PLACES[stage][0]]
        area.save()
    return areas
