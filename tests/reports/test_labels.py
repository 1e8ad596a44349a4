"""The progress report's and the measures' labels are written once, on the models, and the
forms, the report's details and the Word export's milestone table read them from there; the
words people see stay as they were."""

from concordat.core.labels import field_label
from concordat.exports.docx import MILESTONE_COLUMNS
from concordat.reports.forms import MetricValueForm, MilestoneForm, ReportForm, ReportStartForm
from concordat.reports.models import Metric, MetricValue, Milestone, ProgressReport
from concordat.reports.presenters import report_details
from tests.factories import make_area


def test_the_models_name_their_fields():
    assert field_label(ProgressReport, "authors") == "Report authors"
    assert field_label(ProgressReport, "period_label") == "Period"
    assert field_label(Milestone, "item_text") == "Item no."
    assert field_label(Metric, "is_never_event") == "Never event"
    assert field_label(MetricValue, "period_start") == "Period start"


def test_the_report_forms_keep_their_labels():
    start = ReportStartForm.base_fields
    assert [start[n].label for n in ("period_start", "period_end")] == [
        "First day of the period",
        "Last day of the period",
    ]
    report = ReportForm.base_fields
    names = ["title", "project_manager", "authors", "date_of_update", "overall_status"]
    assert [report[n].label for n in names] == [
        "Title",
        "Project manager",
        "Report authors",
        "Date of update",
        "Overall status",
    ]
    assert report["date_of_update"].error_messages["invalid"] == (
        "The date of update must be a real date, like 31/12/2015"
    )
    milestone = MilestoneForm.base_fields
    assert [milestone[n].label for n in ("item_text", "text", "due_text", "status_text")] == [
        "Item no.",
        "Milestone",
        "Due date",
        "Status",
    ]
    value = MetricValueForm.base_fields
    assert [value[n].label for n in ("metric", "value", "note")] == ["Metric", "Value", "Note"]


def test_the_milestone_headings_of_the_word_export_are_unchanged():
    assert [c.heading for c in MILESTONE_COLUMNS] == ["Item no.", "Milestone", "Due date", "Status"]


def test_the_report_details_keep_their_words(db):
    report = ProgressReport(
        area=make_area("Riverside"),
        title="Riverside progress report",
        period_label="June–December 2015",
        project_manager="A. Manager",
        authors="B. Author",
        date_of_update_text="1 January 2016",
        overall_status=ProgressReport.OverallStatus.ON_SCHEDULE,
    )
    assert report_details(report) == [
        ("Area", "Riverside"),
        ("Period", "June–December 2015"),
        ("Project manager", "A. Manager"),
        ("Report authors", "B. Author"),
        ("Date of update", "1 January 2016"),
        ("Overall status", "On schedule"),
    ]
