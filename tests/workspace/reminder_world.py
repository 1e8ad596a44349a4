"""A small world for the reminder tests that run `send_reminders` in separate processes:
an area with a lead and an editor, and a published plan with one overdue action (updated
today, so not stale)."""

from datetime import date

from django.contrib.auth import get_user_model

from concordat.accounts.models import AreaMembership, Profile
from concordat.core.models import Area
from concordat.core.services import plan_version_import, plan_version_publish
from concordat.core.services.updates import progress_update_post
from concordat.imports.parsed import ParsedAction, ParsedPlan


def build():
    area = Area.objects.create(name="Lakeside", slug="lakeside")
    User = get_user_model()
    for email, role in (("lead@lakeside.example", "lead"), ("editor@lakeside.example", "editor")):
        user = User.objects.create_user(username=email, email=email, password="x")
        Profile.objects.create(user=user)
        AreaMembership.objects.create(user=user, area=area, role=role)
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=ParsedPlan(
            title="Lakeside plan",
            actions=[
                ParsedAction(
                    row=1,
                    ref="1.1",
                    ref_raw="1.1",
                    section=1,
                    text="Open a crisis house",
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
