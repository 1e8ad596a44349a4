import pytest

from concordat.reports.models import Metric
from concordat.reports.prompts import PROMPTS, prompt_for

pytestmark = pytest.mark.django_db


def test_the_national_catalogue_exists_after_migrating():
    catalogue = Metric.objects.filter(area__isnull=True)
    assert catalogue.count() == 12
    under_18 = catalogue.get(slug="police-cells-place-of-safety-under-18")
    assert under_18.is_never_event and under_18.better == "lower"
    ambulance = catalogue.get(slug="ambulance-section-136-within-30-minutes")
    assert (ambulance.unit, ambulance.better, ambulance.aggregation) == ("%", "higher", "mean")
    assert set(catalogue.filter(kind="soft").values_list("slug", flat=True)) == {
        "service-user-feedback",
        "carer-feedback",
    }
    assert all(metric.measure_phrase for metric in catalogue)


def test_south_west_essex_kpis_map_onto_the_catalogue(seeds):
    mapped = dict(
        Metric.objects.filter(area__slug="south-west-essex").values_list("name", "maps_to__slug")
    )
    assert len(mapped) == 14
    assert mapped == {
        "Reduction in section 136 detentions": "section-136-detentions",
        "Reduction in A&E crisis admission s and readmissions": None,
        "Elimination of the use of police cells as a place of safety under section 136": (
            "police-cells-place-of-safety-adults"
        ),
        "No child or young person under the age of 18 to be detained in a police cell under "
        "section 136": "police-cells-place-of-safety-under-18",
        "Reduction in Section 12 doctors assessment required": "section-12-doctor-assessments",
        "A&E breaches eliminated": "ae-mental-health-four-hour-breaches",
        "4 hour response target within MH service - response time and percentage within "
        "target": "crisis-response-within-four-hours",
        "National Ambulance response targets for MH": "ambulance-section-136-within-30-minutes",
        "Increase in the number of appropriate calls from stakeholders to the MH crisis line.": (
            "crisis-line-appropriate-calls"
        ),
        "Reduction in police restraint": "police-restraint",
        "Service user feedback on experience when in crisis from all key stakeholders services": (
            "service-user-feedback"
        ),
        "Improved experience for service users detained under the MH act": None,
        "Carer feedback on crisis services": "carer-feedback",
        "Training programmes in place across all stakeholders": None,
    }


def test_prompts_cover_seed_003_and_seed_000():
    keys = [prompt.key for prompt in PROMPTS]
    assert len(keys) == len(set(keys))
    for key in ("aim", "narrative", "progress", "outcomes", "priorities"):
        assert prompt_for(key).source == "progress report"
    for key in (
        "measuring",
        "actions_changed",
        "outcome_data",
        "partnership",
        "s136",
        "evaluations",
        "challenges",
        "cqc_and_minister",
    ):
        assert prompt_for(key).source == "guidance to local groups"
    assert "System Resilience Group" in prompt_for("partnership").guidance
    assert "never event" in prompt_for("s136").guidance
    assert "Care Quality Commission" in prompt_for("cqc_and_minister").guidance
    assert all(len(prompt.guidance) > 60 for prompt in PROMPTS)
    assert prompt_for("nonsense") is None
