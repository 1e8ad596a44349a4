"""Labels are written once, on the models, and the export headings and form labels that use
the same words read them from there; the headings themselves are a contract and stay."""

from concordat.core.labels import field_label
from concordat.core.models import Action, Area
from concordat.exports.columns import AFTER, BEFORE, DATES, START_FINISH, TIMESCALE
from concordat.workspace.forms import ActionForm, AreaDetailsForm


def test_field_labels_are_the_capitalised_verbose_names():
    assert field_label(Action, "rag") == "RAG"
    assert field_label(Action, "text") == "Action"
    assert field_label(Action, "subtheme") == "Sub-theme heading"
    assert field_label(Area, "srg_link") == "Link to the System Resilience Group"


def test_the_export_headings_are_unchanged():
    headings = [c.heading for c in BEFORE + TIMESCALE + DATES + START_FINISH + AFTER]
    assert headings == [
        "Ref",
        "Action",
        "Timescale",
        "Start",
        "Due",
        "Start date",
        "Finish date",
        "Lead",
        "Outcomes",
        "Status",
        "RAG",
        "Suggested RAG",
        "Latest progress",
        "Progress date",
    ]


def test_form_labels_that_repeat_a_field_come_from_the_model():
    action = ActionForm.base_fields
    assert [action[name].label for name in ("ref", "section", "subtheme", "text")] == [
        "Ref",
        "Concordat section",
        "Sub-theme heading",
        "Action",
    ]
    area = AreaDetailsForm.base_fields
    assert area["urgent_care_network_link"].label == (
        "Link to the urgent and emergency care network"
    )
    assert area["project_manager"].label == "Project manager"
