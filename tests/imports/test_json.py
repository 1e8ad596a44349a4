"""ParsedPlan.to_json: exactly the object `import_plan --dry-run --json` prints (issue 3)."""

import json

from concordat.imports.pipeline import parse_plan

from .documents import docx_bytes

ACTION_KEYS = [
    "ref",
    "section",
    "subtheme",
    "action",
    "timescale",
    "start",
    "due",
    "ongoing",
    "lead",
    "lead_organisations",
    "outcomes",
    "status",
    "canonical_status",
    "rag",
    "progress",
    "new",
    "extra",
]
# Issue 9 added these after issue 3's keys; none of those was renamed or moved.
ADDED_ACTION_KEYS = [
    "ref_raw",
    "section_title",
    "performance_indicator",
    "start_text",
    "finish_text",
    "rag_raw",
    "removed",
    "doubts",
]
PLAN_KEYS = ["title", "columns", "actions", "warnings"]
ADDED_PLAN_KEYS = ["preamble", "trailing", "not_imported", "financial_year", "doubts"]


def test_the_contract_on_the_national_plan(national_plan):
    data = json.loads(json.dumps(national_plan.to_json()))
    assert list(data) == PLAN_KEYS + ADDED_PLAN_KEYS
    assert data["title"] is None
    assert data["columns"]["Highlights and Achievements"] == "progress"
    for action in data["actions"]:
        assert list(action) == ACTION_KEYS + ADDED_ACTION_KEYS
        assert isinstance(action["removed"], bool) and not action["removed"]
        assert isinstance(action["doubts"], list)
        assert isinstance(action["section"], int) and 1 <= action["section"] <= 5
        assert isinstance(action["lead_organisations"], list)
        assert all(isinstance(name, str) for name in action["lead_organisations"])
        assert isinstance(action["outcomes"], list)
        assert isinstance(action["ongoing"], bool) and isinstance(action["new"], bool)
        assert isinstance(action["extra"], dict)
        for key in ("action", "timescale", "lead", "status", "progress"):
            value = action[key]
            assert value is None or value == " ".join(value.split()), (action["ref"], key)
    by_ref = {action["ref"]: action for action in data["actions"]}
    assert by_ref["3.8"]["start"] == "2014-04-01"
    assert by_ref["3.8"]["due"] == "2015-08-31"
    assert by_ref["3.8"]["status"] == "ONGOING – IN FINAL STAGES"
    assert by_ref["3.8"]["canonical_status"] == "in_progress"
    assert by_ref["1.1"]["lead_organisations"] == [
        "Local Government Association",
        "Association of Directors of Adult Social Services",
    ]
    assert by_ref["1.6"]["progress"].startswith("• Joint NHSE / CCG assembly position statement")
    assert by_ref["3.4"]["start"] is None
    assert by_ref["1.1"]["rag"] is None
    for warning in data["warnings"]:
        assert list(warning) == ["row", "ref", "message"]
        assert isinstance(warning["row"], int)


def test_the_contract_on_the_local_plan(local_plan):
    data = local_plan.to_json()
    first = data["actions"][0]
    assert first["ref"] == "1.1"
    assert first["action"].startswith("Establish baseline data · Street triage pilot · s136")
    assert first["outcomes"][0] == (
        "Improved demographic data on the people using crisis services to inform service "
        "development"
    )
    assert first["progress"] is None
    assert first["start"] == "2015-04-01" and first["due"] is None
    assert data["columns"] == {
        "No.": "ref",
        "Action": "action",
        "Timescale": "timescale",
        "Led By": "lead",
        "Outcomes": "outcomes",
    }
    by_ref = {action["ref"]: action for action in data["actions"]}
    assert by_ref["1.15"]["timescale"] == "From March – May 2015"
    assert by_ref["1.4"]["lead"] == "BTUH CDAS"
    assert by_ref["1.4"]["lead_organisations"] == [
        "Basildon and Thurrock University Hospitals NHS Foundation Trust",
        "CDAS",
    ]


def test_extra_columns_new_flags_and_rag(registry):
    rows = [
        ["Ref", "Action", "Timescale", "Lead", "RAG", "Budget  line"],
        ["2.4*", "Text   the\ncrisis line.", "June 2015", "Mind", "Amber", "  £5,000\n a year"],
    ]
    data = parse_plan(docx_bytes([("table", rows)]), "plan.docx", registry=registry).to_json()
    action = data["actions"][0]
    assert (action["ref"], action["new"], action["rag"]) == ("2.4", True, "amber")
    assert action["action"] == "Text the crisis line."
    assert action["extra"] == {"Budget line": "£5,000 a year"}
    assert data["columns"]["Budget line"] is None
    assert action["due"] == "2015-06-30"
