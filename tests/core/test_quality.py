import pytest
from django.core.management import call_command

from concordat.core.models import PlanVersion
from concordat.core.quality import check_minimum_expectations
from concordat.core.services import plan_version_import
from tests.factories import make_area, parsed_action, parsed_plan

pytestmark = pytest.mark.django_db


def checks_by_key(version):
    return {check.key: check for check in check_minimum_expectations(version=version)}


def test_south_west_essex_plan_against_the_minimum_expectations(django_assert_max_num_queries):
    call_command("load_seeds", verbosity=0)
    version = PlanVersion.objects.get(plan__area__slug="south-west-essex")
    with django_assert_max_num_queries(8):
        checks = checks_by_key(version)
    assert set(checks) == {
        "every_section",
        "governance",
        "lead_timescale_outcome",
        "children_and_young_people",
        "nhs_111",
        "home_treatment",
        "place_of_safety",
        "lived_experience",
        "voluntary_sector",
        "metrics",
        "review_date",
    }
    passed = {key for key, check in checks.items() if check.passed}
    assert passed == set(checks) - {"lead_timescale_outcome"}
    # Action 1.5 names no lead: the check says so, with the evidence.
    gaps = {e.ref: e.text for e in checks["lead_timescale_outcome"].evidence}
    assert gaps["1.5"] == "No lead"
    assert "1.24" in {e.ref for e in checks["nhs_111"].evidence}
    assert "1.27" in {e.ref for e in checks["governance"].evidence}
    assert any(e.text == "Led by Basildon Mind" for e in checks["voluntary_sector"].evidence)
    assert len([e for e in checks["metrics"].evidence if e.ref == "Metrics"]) == 14


def test_a_thin_plan_fails_with_what_is_missing():

    area = make_area("Thin", review_cycle_months=0)
    version = plan_version_import(
        area=area,
        parsed=parsed_plan(parsed_action("1.1", "Agree a plan", section=1, lead="CCG")),
        actor=None,
    )
    checks = checks_by_key(version)
    assert not checks["every_section"].passed
    assert checks["every_section"].summary == "No actions in sections 2, 3, 4, 5."
    assert not checks["nhs_111"].passed
    assert checks["nhs_111"].summary == "No action in the plan addresses this."
    assert not checks["review_date"].passed
    assert [e.text for e in checks["lead_timescale_outcome"].evidence] == [
        "No timescale, no outcome"
    ]
