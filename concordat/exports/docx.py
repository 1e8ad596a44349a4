"""Word exports: the plan as a board paper, and a progress report."""

from django.utils import timezone

from concordat.core.labels import field_label
from concordat.reports.models import Milestone
from concordat.reports.presenters import report_details, section_title

from . import paper, word
from .columns import Column

MILESTONE_COLUMNS = [
    Column("item", field_label(Milestone, "item_text"), 10),
    Column("milestone", field_label(Milestone, "text"), 45),
    Column("due", field_label(Milestone, "due_text"), 15),
    Column("status", field_label(Milestone, "status_text"), 14),
]


def plan_docx(export):
    version = export.version
    document = word.new_document(
        title=export.title,
        subject=export.version_line,
        author=export.area.name,
        created=version.published_at or version.created_at,
        modified=timezone.now(),
        landscape=True,
        draft=export.draft,
    )
    word.render(document, paper.plan_paper(export))
    return word.to_bytes(document)


# Progress reports ----------------------------------------------------------------------


def report_docx(report, *, draft=False):
    document = word.new_document(
        title=report.title,
        subject=f"{report.area.name} progress report {report.period_label}".strip(),
        author=report.area.name,
        created=report.published_at or report.created_at,
        modified=timezone.now(),
        draft=draft,
    )
    blocks = [paper.Heading(report.title, 1)]
    if draft:
        blocks.append(paper.Paragraph(paper.DRAFT_NOTICE, strong=True))
    blocks += [paper.Paragraph(value, label=label) for label, value in report_details(report)]
    sections = [s for s in report.sections.all() if s.body.strip()]
    milestones = _milestones(list(report.milestones.all()))
    milestones_after = "narrative" if any(s.key == "narrative" for s in sections) else None
    if milestones_after is None:
        blocks += milestones
    for section in sections:
        blocks.append(paper.Heading(section_title(section), 2))
        blocks += paper.text_blocks(section.body)
        if section.key == milestones_after:
            blocks += milestones
    word.render(document, blocks)
    return word.to_bytes(document)


def _milestones(milestones):
    blocks = [paper.Heading("Milestones", 2)]
    if not milestones:
        return blocks + [paper.Paragraph("The report lists no milestones.")]
    rows = [
        paper.Row([paper.Cell(value) for value in (m.item_text, m.text, m.due_text, m.status_text)])
        for m in milestones
    ]
    return blocks + [paper.Grid("Milestones", MILESTONE_COLUMNS, rows)]
