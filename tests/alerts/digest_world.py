"""A small world for the alert digests: Lakeside with a published plan, two confirmed
subscriptions (the area, daily; action 1.1, weekly), one unconfirmed, and a progress update
published after they were confirmed."""

from datetime import timedelta

from django.utils import timezone

from concordat.alerts.models import Subscription
from concordat.core.models import Action, Area
from concordat.core.services import plan_version_import, plan_version_publish, progress_update_post
from concordat.imports.parsed import ParsedAction, ParsedPlan


def build():
    area = Area.objects.create(name="Lakeside", slug="lakeside")
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=ParsedPlan(
            title="Plan",
            actions=[
                ParsedAction(row=1, ref="1.1", ref_raw="1.1", section=1, text="Open a crisis café"),
                ParsedAction(row=2, ref="1.2", ref_raw="1.2", section=1, text="Train officers"),
            ],
        ),
    )
    plan_version_publish(version=version, actor=None, now=timezone.now() - timedelta(days=9))
    confirmed = timezone.now() - timedelta(days=8)
    action = Action.objects.get(version=version, ref="1.1")
    Subscription.objects.create(
        email="reader@example.org",
        area=area,
        frequency="daily",
        confirmed_at=confirmed,
        covered_until=confirmed,
    )
    Subscription.objects.create(
        email="carer@example.org",
        area=area,
        identity=action.identity,
        frequency="weekly",
        confirmed_at=confirmed,
        covered_until=confirmed,
    )
    Subscription.objects.create(email="never@example.org", area=area, frequency="daily")
    progress_update_post(action=action, actor=None, note="The café opened on Friday nights")
    return area
