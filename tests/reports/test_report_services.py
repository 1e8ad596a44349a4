from datetime import date

import pytest
from django.core.exceptions import ValidationError

from concordat.core.models import Area, AuditEntry
from concordat.reports.models import Milestone, ProgressReport
from concordat.reports.prompts import PROMPTS
from concordat.reports.services import (
    StaleReportError,
    progress_report_discard,
    progress_report_draft,
    progress_report_publish,
    progress_report_return,
    progress_report_submit,
    progress_report_update,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(history, area_lead):
    area, _v1, _v2 = history
    return progress_report_draft(
        area=area, actor=area_lead, period_start=date(2015, 6, 1), period_end=date(2015, 12, 31)
    )


def test_a_drafted_report_has_every_prompt_and_the_milestones_due(report):
    assert report.state == ProgressReport.State.DRAFT
    assert report.title == "Testshire progress report, June–December 2015"
    assert report.period_label == "June–December 2015"
    assert [s.key for s in report.sections.order_by("position")] == [p.key for p in PROMPTS]
    assert list(report.milestones.values_list("item_text", "due_text", "status_text")) == [
        ("4.1", "August 2015", "Superseded"),
        ("1.2", "September 2015", "Ongoing"),
        ("5.1", "November 2015", "Not stated"),
    ]
    assert report.milestones.first().refs == ["4.1"]
    assert report.drafted_from.number == 2
    assert report.data_snapshot["actions"] == 5


def test_a_report_for_a_period_that_has_not_ended_is_refused(history, area_lead):
    area, _v1, _v2 = history
    with pytest.raises(ValidationError) as caught:
        progress_report_draft(
            area=area,
            actor=area_lead,
            period_start=date(2015, 6, 1),
            period_end=date(2015, 12, 31),
            today=date(2015, 11, 1),
        )
    assert caught.value.messages == [
        "The period cannot end after today: a progress report describes what has happened."
    ]


def test_edits_are_saved_with_milestone_refs_and_audited(report, area_lead):
    progress_report_update(
        report=report,
        actor=area_lead,
        lock_version=report.lock_version,
        fields={"overall_status": "work_progressing", "authors": "Lee Lead"},
        sections={"narrative": "The group met six times.", "challenges": ""},
        milestones=[
            {
                "item_text": "3.5,6,7",
                "text": "Review of s136 provision",
                "due_text": "January 2015",
                "status_text": "Complete",
            },
            {"item_text": "", "text": "", "due_text": "", "status_text": ""},
        ],
    )
    report.refresh_from_db()
    assert report.overall_status_text == "Work progressing"
    assert report.authors == "Lee Lead"
    assert report.sections.get(key="narrative").body == "The group met six times."
    milestone = Milestone.objects.get(report=report)
    assert (milestone.refs, milestone.due, milestone.canonical_status) == (
        ["3.5", "3.6", "3.7"],
        date(2015, 1, 31),
        "complete",
    )
    changed = set(
        AuditEntry.objects.filter(object_id=str(report.pk), verb="changed").values_list(
            "field", flat=True
        )
    )
    assert changed == {"overall_status", "authors", "narrative", "challenges", "milestones"}


def test_a_save_from_a_stale_copy_is_refused_and_says_what_changed(report, area_lead, area_editor):
    opened = report.lock_version
    progress_report_update(
        report=report,
        actor=area_editor,
        lock_version=opened,
        sections={"narrative": "Written by the editor."},
    )
    with pytest.raises(StaleReportError) as caught:
        progress_report_update(
            report=report,
            actor=area_lead,
            lock_version=opened,
            sections={"narrative": "Written by the lead."},
        )
    assert caught.value.messages == [
        "editor@riverside.test.example saved this report after you opened it, so your changes "
        "were not saved. They changed: narrative. Open the report again to see their changes, "
        "then make yours."
    ]
    assert report.sections.get(key="narrative").body == "Written by the editor."


def test_submit_needs_a_status_and_then_freezes_the_draft(report, area_lead):
    with pytest.raises(ValidationError) as caught:
        progress_report_submit(report=report, actor=area_lead)
    assert "Choose the overall status" in caught.value.messages[0]
    report = progress_report_update(
        report=report,
        actor=area_lead,
        lock_version=report.lock_version,
        fields={"overall_status": "on_schedule"},
    )
    submitted = progress_report_submit(report=report, actor=area_lead)
    assert submitted.state == "submitted" and submitted.submitted_at
    with pytest.raises(ValidationError) as caught:
        progress_report_update(
            report=submitted, actor=area_lead, lock_version=submitted.lock_version, fields={}
        )
    assert "submitted for publication" in caught.value.messages[0]
    returned = progress_report_return(report=submitted, actor=None, comment="Add the figures")
    assert returned.state == "draft"
    published = progress_report_publish(report=returned, actor=None)
    with pytest.raises(ValidationError) as caught:
        progress_report_update(
            report=published, actor=area_lead, lock_version=published.lock_version, fields={}
        )
    assert caught.value.messages == ["A published progress report cannot be changed."]
    with pytest.raises(ValidationError):
        progress_report_discard(
            report=published, actor=area_lead, lock_version=published.lock_version
        )


def test_a_draft_can_be_discarded(report, area_lead):
    progress_report_discard(report=report, actor=area_lead, lock_version=report.lock_version)
    assert not ProgressReport.objects.filter(area__slug="testshire").exists()
    assert AuditEntry.objects.filter(verb="discarded", object_type="progressreport").exists()


def test_a_draft_is_not_discarded_from_a_stale_copy(report, area_lead, area_editor):
    seen = report.lock_version
    progress_report_update(
        report=report,
        actor=area_editor,
        lock_version=seen,
        sections={"narrative": "The group met four times."},
    )
    with pytest.raises(StaleReportError) as caught:
        progress_report_discard(report=report, actor=area_lead, lock_version=seen)
    assert caught.value.messages == [
        "editor@riverside.test.example saved this report after you opened it, so it was not "
        "discarded. They changed: narrative. Open the report again to see their changes before "
        "deciding to discard it."
    ]
    kept = ProgressReport.objects.get(pk=report.pk)
    assert kept.sections.get(key="narrative").body == "The group met four times."
    assert not AuditEntry.objects.filter(verb="discarded").exists()
    with pytest.raises(ValidationError) as caught:
        progress_report_discard(report=report, actor=area_lead, lock_version=None)
    assert caught.value.messages == ["Open the report again, then discard it from there."]
    progress_report_discard(report=report, actor=area_lead, lock_version=kept.lock_version)
    assert not ProgressReport.objects.filter(pk=report.pk).exists()


def test_seed_003_report_is_loaded_whole(seeds):
    report = ProgressReport.objects.get(area__slug="hampshire-and-isle-of-wight")
    assert report.is_published
    assert [s.key for s in report.sections.all()] == [
        "aim",
        "narrative",
        "progress",
        "outcomes",
        "priorities",
    ]
    assert report.milestones.count() == 16
    assert Area.objects.get(slug="hampshire-and-isle-of-wight").progress_reports.count() == 1
