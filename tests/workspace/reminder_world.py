"""A small world for the reminder tests that run `send_reminders` in separate processes:
an area with a lead and an editor, and a published plan with one overdue action (updated
today, so not stale)."""

from datetime import date

from concordat.core.services import plan_version_import, plan_version_publish
from concordat.core.services.updates import progress_update_post
from concordat.imports.parsed import ParsedPlan
from tests.factories import make_area, make_member, parsed_action


def build():
    area = make_area("Lakeside")
    for email, role in (("lead@lakeside.example", "lead"), ("editor@lakeside.example", "editor")):
        make_member(area, role, email=email)
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=ParsedPlan(
            title="Lakeside plan",
            actions=[
                parsed_action(
                    "1.1",
                    "Open a crisis house",
                    1,
                    timescale="June 2015",
                    due=date(2015, 6, 30),
                    timescale_understood=True,
                    status="Ongoing",
                    canonical_status="in_progress",
                )
            ],
        ),
    )
    plan_version_publish(version=version, actor=None)
    # Updated today: only the overdue reminder is due.
    progress_update_post(action=version.actions.get(), actor=None, note="Premises found.")
