"""A small world for the alert digests: Lakeside with a published plan, two confirmed
subscriptions (the area, daily; action 1.1, weekly), one unconfirmed, and a progress update
published after they were confirmed."""

from datetime import timedelta

from django.utils import timezone

from concordat.alerts.models import Subscription
from concordat.core.models import Action
from concordat.core.services import plan_version_import, plan_version_publish, progress_update_post
from concordat.imports.parsed import ParsedPlan
from tests.factories import make_area, parsed_action


def build():
    area = make_area("Lakeside")
    version = plan_version_import(
        area=area,
        actor=None,
        parsed=ParsedPlan(
            title="Plan",
            actions=[
                parsed_action("1.1", "Open a crisis café", 1),
                parsed_action("1.2", "Train officers", 1),
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
