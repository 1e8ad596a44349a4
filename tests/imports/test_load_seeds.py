"""`load_seeds` loads the five source documents exactly, and a second run changes nothing."""

from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command

from concordat.core.models import (
    Action,
    Area,
    NationalRole,
    Organisation,
    PlanVersion,
    ProgressUpdate,
)
from concordat.reports.models import Metric, ProgressReport

pytestmark = pytest.mark.django_db

NATIONAL_REFS = (
    [f"1.{n}" for n in range(1, 13)]
    + [f"2.{n}" for n in range(1, 5)]
    + [f"3.{n}" for n in range(1, 21)]
    + [f"4.{n}" for n in range(1, 8)]
    + [f"5.{n}" for n in range(1, 5)]
)
ESSEX_SECTION_SIZES = {1: 34, 2: 6, 3: 13, 4: 3, 5: 8}


@pytest.fixture
def seeds(db):
    call_command("load_seeds", verbosity=0)


def published_actions(slug):
    version = PlanVersion.objects.get(plan__area__slug=slug)
    assert version.state == PlanVersion.State.PUBLISHED
    return version.actions.select_related("section").order_by("position")


def test_national_organisations_and_their_roles(seeds):
    signatories = Organisation.objects.filter(national_role__key=NationalRole.SIGNATORY)
    supporters = Organisation.objects.filter(national_role__key=NationalRole.SUPPORTER)
    assert signatories.count() == 26
    assert supporters.count() == 18
    assert signatories.filter(name="Royal College of Psychiatrists", short_name="RCPsych").exists()
    assert supporters.filter(name="Young Minds").exists()
    assert not supporters.filter(name="Mind").exists()
    signatory = NationalRole.objects.get(key=NationalRole.SIGNATORY)
    assert signatory.summary.startswith("Is a national organisation with significant")
    assert signatory.commitments[-1] == (
        "Will hold other signatories to account for the delivery of the Concordat across England."
    )
    assert len(NationalRole.objects.get(key=NationalRole.SUPPORTER).commitments) == 2
    england = Area.objects.get(slug="england")
    assert england.declaration_signatories.count() == 26


def test_national_plan_has_every_action_in_order(seeds):
    actions = list(published_actions("england"))
    assert [a.ref for a in actions] == NATIONAL_REFS
    assert {a.ref: a.section.number for a in actions}["4.1"] == 4
    by_ref = {a.ref: a for a in actions}
    assert by_ref["1.10"].ref_raw == "1 10"
    assert by_ref["3.20"].ref_raw == "3.20'"
    assert by_ref["3.8"].status == "ONGOING – IN FINAL STAGES"
    assert by_ref["3.8"].canonical_status == "in_progress"
    assert by_ref["1.10"].canonical_status == "superseded"
    assert by_ref["4.1"].text == "Review of Mental Health Act 1983 Code of Practice."
    assert by_ref["2.2"].lead == "Royal College of General Practitioners"
    assert (by_ref["1.5"].start, by_ref["1.5"].due) == (date(2014, 4, 1), date(2016, 3, 31))
    assert by_ref["1.1"].ongoing is True
    assert set(by_ref["1.1"].lead_organisations.values_list("name", flat=True)) == {
        "Local Government Association",
        "Association of Directors of Adult Social Services",
    }


def test_national_progress_notes_are_whole(seeds):
    actions = {a.ref: a for a in published_actions("england")}
    assert ProgressUpdate.objects.filter(version__plan__area__slug="england").count() == 47
    note = ProgressUpdate.objects.get(identity=actions["3.8"].identity).note
    assert note.startswith("Work underway to progress key actions agreed in April 2014.")
    assert note.endswith("ensure specialist input to the final content.")
    five_two = ProgressUpdate.objects.get(identity=actions["5.2"].identity).note
    assert "• A Task and Finish Group has been set up to assist with delivery." in five_two
    assert "<li>" not in five_two
    assert five_two.rstrip().endswith(
        "UCL AHSN has developed standards for crisis home treatment care."
    )


def test_south_west_essex_plan(seeds):
    actions = list(published_actions("south-west-essex"))
    assert len(actions) == 64
    sizes = {n: sum(1 for a in actions if a.section.number == n) for n in ESSEX_SECTION_SIZES}
    assert sizes == ESSEX_SECTION_SIZES
    by_ref = {a.ref: a for a in actions}
    assert by_ref["5.8"].lead == "LAs/SW CCGs"
    assert by_ref["1.11"].timescale == "May 2015"
    assert len(by_ref["1.11"].outcomes) == 7
    assert by_ref["1.15"].start == date(2015, 3, 1) and by_ref["1.15"].due == date(2015, 5, 31)
    assert "Street triage pilot" in by_ref["1.1"].text
    assert by_ref["3.13"].due == date(2015, 10, 10)
    sept = Organisation.objects.get(short_name="SEPT")
    assert by_ref["1.14"].lead_organisations.filter(pk=sept.pk).exists()


def test_south_west_essex_kpis_are_metric_definitions(seeds):
    essex = Area.objects.get(slug="south-west-essex")
    kpis = Metric.objects.filter(source_version__plan__area=essex)
    assert kpis.count() == 14
    assert kpis.filter(kind=Metric.Kind.HARD).count() == 10
    assert kpis.filter(kind=Metric.Kind.SOFT).count() == 4
    assert kpis.filter(is_never_event=True).count() == 1


def test_hampshire_progress_report(seeds):
    report = ProgressReport.objects.get(area__slug="hampshire-and-isle-of-wight")
    assert report.state == ProgressReport.State.PUBLISHED
    assert report.project_manager == "Emily Holloway"
    assert report.authors == "Emily Holloway, Ros Cassy"
    assert report.overall_status == ProgressReport.OverallStatus.WORK_PROGRESSING
    assert (report.period_start, report.period_end) == (date(2015, 6, 1), date(2015, 12, 31))
    milestones = list(report.milestones.all())
    assert len(milestones) == 16
    review = milestones[3]
    assert (review.item_text, review.refs) == ("3.5,6,7", ["3.5", "3.6", "3.7"])
    assert (review.due, review.canonical_status) == (date(2015, 1, 31), "complete")
    assert milestones[10].due == date(2015, 1, 31)  # "December/January 2015"
    assert milestones[-1].text == "Map of Crisis services/providers"
    keys = list(report.sections.values_list("key", flat=True))
    assert keys == ["aim", "narrative", "progress", "outcomes", "priorities"]
    outcomes = report.sections.get(key="outcomes").body
    assert outcomes.startswith("• 83% reduction in use of police cells as place of safety")
    area = report.area
    assert (area.chair, area.project_manager) == ("Ros Cassy", "Emily Holloway")
    assert area.hwb_areas == ["Hampshire", "Southampton", "Portsmouth", "Isle of Wight"]


def test_loading_twice_changes_nothing(seeds):
    models = [m for m in apps.get_models() if m._meta.app_label in {"core", "reports"}]
    before = {m.__name__: m.objects.count() for m in models}
    call_command("load_seeds", verbosity=0)
    after = {m.__name__: m.objects.count() for m in models}
    assert before == after
    assert Action.objects.count() == 47 + 64
