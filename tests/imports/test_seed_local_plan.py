"""Seed 004, the South West Essex plan: one cell per line, a KPI set after the table."""

from collections import Counter
from datetime import date

from .conftest import by_ref

SECTION_SIZES = {1: 34, 2: 6, 3: 13, 4: 3, 5: 8}


def test_reads_all_64_actions(local_plan):
    expected = [f"{s}.{n}" for s, size in SECTION_SIZES.items() for n in range(1, size + 1)]
    assert [a.ref for a in local_plan.actions] == expected
    assert Counter(a.section for a in local_plan.actions) == SECTION_SIZES


def test_preamble_and_columns(local_plan):
    assert local_plan.title == "South West Essex Mental Health Crisis Care Concordat Action Plan"
    assert local_plan.area_name == "South West Essex"
    assert local_plan.columns == {
        "No.": "ref",
        "Action": "action",
        "Timescale": "timescale",
        "Led By": "lead",
        "Outcomes": "outcomes",
    }


def test_section_rows(local_plan):
    actions = by_ref(local_plan)
    assert actions["1.1"].section_raw == (
        "1. Commissioning to allow earlier intervention and responsive crisis services"
    )
    assert actions["2.1"].section_raw == "2. ACCESS TO SUPPORT BEFORE CRISIS POINT"
    assert actions["5.8"].section_raw == "5. RECOVERY AND STAYING WELL/PREVENTING FUTURE CRISES"


def test_text_keeps_bullet_lists(local_plan):
    actions = by_ref(local_plan)
    lines = [line for line in actions["1.1"].text.split("\n") if line.strip()]
    assert lines[0] == "Establish baseline data"
    assert lines[1] == "· Street triage pilot"
    assert lines[-1] == "· Review quality of existing data"
    assert len(lines) == 11
    assert actions["3.2"].text.split("\n")[1:] == ["· Training", "· Communications", "· Pathway"]


def test_outcomes_are_lists(local_plan):
    actions = by_ref(local_plan)
    assert actions["1.1"].outcomes == [
        "Improved demographic data on the people using crisis services to inform service "
        "development",
        "Improve services for people when in crisis – appropriate setting, readily available, "
        "smooth transition between services .Understand the effectiveness of the street triage "
        "of the s136 admissions.",
    ]
    assert len(actions["1.11"].outcomes) == 7
    assert actions["1.11"].outcomes[-1] == (
        "possible co-location with other emergency services (Street triage)"
    )
    assert actions["4.2"].outcomes[-1] == "Reduction in railway suicides"


def test_timescales(local_plan):
    actions = by_ref(local_plan)
    assert actions["1.15"].timescale == "From\nMarch – May 2015"
    expected = {
        "1.1": ("From April 2015", date(2015, 4, 1), None),
        "1.2": ("May 2015", None, date(2015, 5, 31)),
        "1.15": ("From\nMarch – May 2015", date(2015, 3, 1), date(2015, 5, 31)),
        "3.4": ("February 2015", None, date(2015, 2, 28)),
        "3.13": ("10th October 2015", None, date(2015, 10, 10)),
        "1.28": ("April 2017", None, date(2017, 4, 30)),
        "1.19": (
            "By 1st November 2015 – aligned with CAMHS re-procurement",
            None,
            date(2015, 11, 1),
        ),
    }
    for ref, (text, start, due) in expected.items():
        action = actions[ref]
        assert (action.timescale, action.start, action.due) == (text, start, due), ref
        assert action.start_text == action.finish_text == ""


def test_leads(local_plan):
    actions = by_ref(local_plan)

    def names(ref):
        return [m.organisation_name or f"new: {m.text}" for m in actions[ref].lead_matches]

    assert actions["1.4"].lead == "BTUH\nCDAS"
    assert names("1.4") == [
        "Basildon and Thurrock University Hospitals NHS Foundation Trust",
        "new: CDAS",
    ]
    assert names("1.1") == []  # All concordat stakeholders
    assert names("1.2") == []  # CCGs/LAs
    assert names("1.25") == [
        "Thurrock Council",
        "Essex County Council",
        "South Essex Partnership University NHS Foundation Trust",
        "North East London NHS Foundation Trust",
    ]
    assert names("3.12") == ["Basildon Mind"]
    assert names("1.24") == ["Castle Point and Rochford Clinical Commissioning Group"]
    assert names("1.18") == ["East of England Ambulance Service NHS Trust"]
    assert actions["1.5"].lead == ""
    assert any(
        w.ref == "1.5" and w.message == "No lead is given for this action."
        for w in local_plan.warnings
    )


def test_kpis_become_metrics(local_plan):
    metrics = local_plan.metrics
    assert len(metrics) == 14
    assert [m.kind for m in metrics] == ["hard"] * 10 + ["soft"] * 4
    assert metrics[0].name == "Reduction in section 136 detentions"
    assert metrics[0].text == "· Reduction in section 136 detentions"
    assert metrics[3].name == (
        "No child or young person under the age of 18 to be detained in a police cell under "
        "section 136"
    )
    assert metrics[-1].name == "Training programmes in place across all stakeholders"


def test_no_status_column(local_plan):
    assert all(a.status == "" and a.progress is None for a in local_plan.actions)
    assert all(a.extra == {} for a in local_plan.actions)
