from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from concordat.core.models import (
    Action,
    AuditEntry,
    PlanVersion,
    ProgressUpdate,
    PublishedVersionError,
)
from concordat.core.services import (
    plan_version_discard,
    plan_version_import,
    plan_version_publish,
    plan_version_start_draft,
)
from tests.factories import make_area, make_organisation, parsed_action, parsed_plan

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def area():
    return make_area("Testshire", review_cycle_months=6)


def publish_first_plan(area, *actions):
    version = plan_version_import(area=area, parsed=parsed_plan(*actions), actor=None)
    return plan_version_publish(
        version=version, actor=None, now=datetime(2015, 3, 31, 12, tzinfo=LONDON)
    )


def test_import_creates_a_draft_with_every_field_and_a_progress_update(area):
    organisation = make_organisation("Test Police")
    match = SimpleNamespace(
        text="Test Police",
        organisation_id=organisation.pk,
        organisation_name="Test Police",
        score=100.0,
        proposed_new=False,
    )
    version = plan_version_import(
        area=area,
        parsed=parsed_plan(
            parsed_action(
                "1.10",
                "Run street triage",
                ref_raw="1 10",
                section=3,
                timescale="May 2015",
                due=date(2015, 5, 31),
                lead="Test Police",
                lead_matches=[match],
                outcomes=["Fewer s136 detentions"],
                status="Ongoing",
                canonical_status="in_progress",
                progress="Pilot started in April.",
            )
        ),
        actor=None,
        filename="plan.docx",
    )
    assert version.state == PlanVersion.State.DRAFT
    action = version.actions.get()
    assert (action.ref, action.ref_raw, action.section.number) == ("1.10", "1 10", 3)
    assert action.due == date(2015, 5, 31)
    assert list(action.lead_organisations.all()) == [organisation]
    assert action.outcomes == ["Fewer s136 detentions"]
    update = ProgressUpdate.objects.get()
    assert update.note == "Pilot started in April."
    assert update.identity_id == action.identity_id
    assert update.source == ProgressUpdate.Source.IMPORT
    assert AuditEntry.objects.filter(verb="imported", area=area).count() == 1


def test_import_refuses_an_empty_plan_and_saves_nothing(area):
    with pytest.raises(ValidationError, match="no actions"):
        plan_version_import(area=area, parsed=parsed_plan(), actor=None)
    assert PlanVersion.objects.count() == 0


def test_publish_freezes_the_version_and_sets_the_review_date(area):
    version = publish_first_plan(area, parsed_action("1.1", "Agree a plan"))
    assert version.state == PlanVersion.State.PUBLISHED
    assert version.review_due == date(2015, 9, 30)
    action = version.actions.get()
    action.text = "Changed after publication"
    with pytest.raises(PublishedVersionError):
        action.save()
    version.label = "Renamed"
    with pytest.raises(PublishedVersionError):
        version.save()
    with pytest.raises(ValidationError, match="already published"):
        plan_version_publish(version=version, actor=None)


def test_a_draft_copies_the_published_actions_and_keeps_identities(area):
    published = publish_first_plan(
        area, parsed_action("1.1", "Agree a plan"), parsed_action("1.2", "Train staff")
    )
    draft = plan_version_start_draft(area=area, actor=None)
    assert draft.number == 2 and draft.based_on == published
    copied = list(draft.actions.values_list("ref", "identity_id"))
    original = list(published.actions.values_list("ref", "identity_id"))
    assert copied == original
    # Editing the draft leaves the published version as it was.
    action = draft.actions.get(ref="1.1")
    action.text = "Agree and publish a plan"
    action.save()
    assert published.actions.get(ref="1.1").text == "Agree a plan"
    # Starting a draft again returns the same one.
    assert plan_version_start_draft(area=area, actor=None) == draft


def test_a_refreshed_import_carries_identity_and_history(area):
    published = publish_first_plan(
        area,
        parsed_action("1.1", "Establish baseline data on crisis services", progress="Started"),
        parsed_action("1.2", "Train all police officers in mental health awareness"),
    )
    refreshed = plan_version_import(
        area=area,
        parsed=parsed_plan(
            parsed_action(
                "1.1", "Establish baseline data on crisis services and 111", progress="Started"
            ),
            parsed_action("2.1", "Train all police officers in mental health awareness"),
            parsed_action("2.2", "A wholly new action about carers"),
        ),
        actor=None,
    )
    before = {a.text[:20]: a.identity_id for a in published.actions.all()}
    after = {a.ref: a.identity_id for a in refreshed.actions.all()}
    assert after["1.1"] == before["Establish baseline d"]
    assert after["2.1"] == before["Train all police off"]
    assert after["2.2"] not in before.values()
    # The same progress text is not recorded twice.
    assert ProgressUpdate.objects.filter(identity_id=after["1.1"]).count() == 1


def test_only_one_working_version_at_a_time(area):
    publish_first_plan(area, parsed_action("1.1", "Agree a plan"))
    plan_version_start_draft(area=area, actor=None)
    with pytest.raises(ValidationError, match="already has a draft"):
        plan_version_import(area=area, parsed=parsed_plan(parsed_action("1", "x")), actor=None)


def test_discarding_a_draft_leaves_the_published_version(area):
    published = publish_first_plan(area, parsed_action("1.1", "Agree a plan"))
    draft = plan_version_start_draft(area=area, actor=None)
    plan_version_discard(version=draft, actor=None)
    assert list(PlanVersion.objects.all()) == [published]
    assert PlanVersion.objects.latest_published_of(plan=published.plan) == published
    assert Action.objects.filter(version=published).count() == 1
    with pytest.raises(ValidationError, match="Only a draft"):
        plan_version_discard(version=published, actor=None)


def test_progress_updates_are_append_only(area):
    version = plan_version_import(
        area=area,
        parsed=parsed_plan(parsed_action("1.1", "Agree a plan", progress="First note")),
        actor=None,
    )
    update = ProgressUpdate.objects.get(version=version)
    update.note = "Rewritten"
    with pytest.raises(ValidationError, match="cannot be edited"):
        update.save()
    with pytest.raises(ValidationError, match="cannot be deleted"):
        update.delete()
