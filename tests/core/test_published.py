"""The one read layer for published data: each rule defined once, every reader agreeing."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User

from concordat.accounts.models import Profile
from concordat.core.links import public_path
from concordat.core.models import Action, Area, PlanVersion, ProgressUpdate, UpdateEvidence
from concordat.core.selectors import published
from concordat.core.services import (
    plan_version_import,
    plan_version_publish,
    plan_version_start_draft,
)
from concordat.goodpractice.services import good_practice_mark
from concordat.reports.models import ProgressReport
from concordat.reports.published import (
    latest_report,
    previous_published_report,
    published_reports,
)
from tests.factories import parsed_action, parsed_plan

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MARCH = datetime(2015, 3, 31, 12, tzinfo=LONDON)
JUNE = datetime(2015, 6, 30, 12, tzinfo=LONDON)


def _area(slug):
    return Area.objects.create(name=slug.title(), slug=slug, review_cycle_months=6)


def _publish_two(area, *, first, second):
    """Version 1 published at `first`, version 2 (a draft from it) at `second`."""
    v1 = plan_version_import(
        area=area, parsed=parsed_plan(parsed_action("1.1", "Agree a plan")), actor=None
    )
    v1 = plan_version_publish(version=v1, actor=None, now=first)
    v2 = plan_version_start_draft(area=area, actor=None)
    v2 = plan_version_publish(version=v2, actor=None, now=second)
    return v1, v2


def _every_reading_of_the_latest(area):
    """The latest published version as each reader finds it (pks)."""
    plan = area.plan
    return {
        "queryset": list(PlanVersion.objects.latest_published().filter(plan=plan)),
        "latest_version": published.latest_version(area),
        "latest_version_of_plan": published.latest_version_of_plan(plan),
        "latest_versions": [v.pk for v in published.latest_versions() if v.plan_id == plan.pk],
        "latest_version_ids": list(
            PlanVersion.objects.filter(pk__in=published.latest_version_ids(), plan=plan)
        ),
        "current_actions": sorted(
            {a.version_id for a in Action.objects.current().filter(version__plan=plan)}
        ),
        "newest_action": Action.objects.published()
        .filter(version__plan=plan)
        .newest_version_first()
        .first()
        .version,
    }


def _as_pks(readings):
    return {
        name: [v if isinstance(v, int) else v.pk for v in value]
        if isinstance(value, list)
        else value.pk
        for name, value in readings.items()
    }


def test_every_reader_finds_the_latest_publication_and_never_a_draft():
    area = _area("laterton")
    _v1, v2 = _publish_two(area, first=MARCH, second=JUNE)
    plan_version_start_draft(area=area, actor=None)  # version 3, a draft: never public
    readings = _as_pks(_every_reading_of_the_latest(area))
    assert readings == {
        "queryset": [v2.pk],
        "latest_version": v2.pk,
        "latest_version_of_plan": v2.pk,
        "latest_versions": [v2.pk],
        "latest_version_ids": [v2.pk],
        "current_actions": [v2.pk],
        "newest_action": v2.pk,
    }
    assert list(published.published_versions().filter(plan=area.plan).order_by("number")) == [
        _v1,
        v2,
    ]
    assert [v.number for v in published.versions_in_order(area)] == [1, 2]
    assert [v.number for v in published.area_versions(area)] == [2, 1]
    assert published.version_by_number(area, 3) is None


def test_two_versions_published_at_the_same_moment_the_higher_number_is_the_latest():
    area = _area("sametime")
    _v1, v2 = _publish_two(area, first=MARCH, second=MARCH)
    readings = _as_pks(_every_reading_of_the_latest(area))
    assert set(map(str, readings.values())) == {str(v2.pk), str([v2.pk])}


def test_marking_an_update_takes_the_action_of_the_latest_version_on_a_tie():
    """Good practice took an update's action by publication time alone (no number to break
    a tie); it now reads the latest published wording by the one rule."""
    area = _area("tiedshire")
    _v1, v2 = _publish_two(area, first=MARCH, second=MARCH)
    action = Action.objects.get(version=v2)
    update = ProgressUpdate.objects.create(
        identity=action.identity, date=date(2015, 4, 1), note="Street triage started."
    )
    office = User.objects.create_user(username="office@example.org", password="x-long-pass-1")
    Profile.objects.create(user=office, is_office=True)
    mark = good_practice_mark(
        actor=office, target=update, reason="Police and nurses answer calls together."
    )
    assert mark.version == v2


def test_public_evidence_counts_only_on_public_updates():
    area = _area("evidenced")
    v1 = plan_version_import(
        area=area, parsed=parsed_plan(parsed_action("1.1", "Agree a plan")), actor=None
    )
    v1 = plan_version_publish(version=v1, actor=None, now=MARCH)
    action = Action.objects.get(version=v1)
    waiting = ProgressUpdate.objects.create(
        identity=action.identity,
        date=date(2015, 4, 1),
        note="Waiting",
        state=ProgressUpdate.State.AWAITING_APPROVAL,
    )
    UpdateEvidence.objects.create(
        update=waiting, kind=UpdateEvidence.Kind.LINK, title="Plan", url="https://example.org/a"
    )

    def evidenced():
        return (
            Action.objects.filter(pk=action.pk)
            .annotate(evidenced=published.has_public_evidence())
            .get()
            .evidenced
        )

    assert evidenced() is False
    public = ProgressUpdate.objects.create(
        identity=action.identity, date=date(2015, 4, 2), note="Done"
    )
    UpdateEvidence.objects.create(
        update=public, kind=UpdateEvidence.Kind.LINK, title="Plan", url="https://example.org/b"
    )
    assert evidenced() is True


def test_published_reports_newest_period_first_drafts_never():
    area = _area("reporting")

    def report(title, end, state=ProgressReport.State.PUBLISHED):
        return ProgressReport.objects.create(
            area=area, title=title, period_end=end, state=state, published_at=JUNE
        )

    old = report("Old", date(2015, 3, 31))
    new = report("New", date(2015, 9, 30))
    report("Draft", date(2015, 12, 31), state=ProgressReport.State.DRAFT)
    assert published_reports(area) == [new, old]
    assert latest_report(area) == new
    assert previous_published_report(area, before=date(2015, 9, 30)) == old
    assert previous_published_report(area, before=date(2015, 3, 31)) is None
    assert list(ProgressReport.objects.published().filter(area=area).newest_first()) == [new, old]


def test_public_path_names_a_public_page_or_gives_nothing():
    assert public_path("public:area", "northshire") == "/areas/northshire/"
    assert public_path("public:action", "northshire", "not a ref/") == ""
