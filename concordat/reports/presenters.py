"""What a progress report shows, for the report page, the workspace preview and the exports."""

from concordat.core.dates import long_date
from concordat.core.labels import field_label

from .models import ProgressReport
from .prompts import prompt_for


def report_details(report):
    """The report's details as (label, value), labelled by the model's fields."""

    def label(name):
        return field_label(ProgressReport, name)

    details = [
        (label("area"), report.area.name),
        (label("period_label"), report.period_label),
        (label("project_manager"), report.project_manager),
        (label("authors"), report.authors),
        (label("date_of_update"), report.date_of_update_text or long_date(report.date_of_update)),
        (
            label("overall_status"),
            report.get_overall_status_display() if report.overall_status else "",
        ),
    ]
    return [(label, value) for label, value in details if value]


def section_title(section):
    prompt = prompt_for(section.key)
    return section.title or (prompt.title if prompt else section.key)


def report_context(report, *, draft=False):
    """Template context for `reports/_report_body.html` (sections and milestones must be
    prefetched by the caller to keep the query count fixed)."""
    sections = [s for s in report.sections.all() if s.body.strip()]
    for section in sections:
        section.title = section_title(section)
    return {
        "report": report,
        "draft": draft,
        "details": report_details(report),
        "sections": sections,
        "milestones": list(report.milestones.all()),
        "has_narrative": any(s.key == "narrative" for s in sections),
    }
