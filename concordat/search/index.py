"""Keep the search index in step with what is published.

Per area: the actions of its latest published version and every published progress update.
Per published progress report: one document for each section, and one for its milestones.
"""

from django.db import transaction

from concordat.core.models import Action, ActionIdentity, ActionLead, Area
from concordat.core.selectors import published
from concordat.reports.models import ProgressReport

from .highlight import clean
from .models import SearchDocument

Kind = SearchDocument.Kind


def _lines(values):
    return "\n".join(str(value) for value in values if value)


def _action_document(action, area):
    return SearchDocument(
        kind=Kind.ACTION,
        area=area,
        section_id=action.section_id,
        canonical_status=action.canonical_status,
        identity_id=action.identity_id,
        action=action,
        ref=action.ref,
        title=clean(action.text),
        body=clean(
            _lines(
                [
                    action.subtheme,
                    _lines(action.outcomes or []),
                    action.performance_indicator,
                    action.lead,
                    action.timescale,
                    action.status,
                ]
            )
        ),
        date=action.due,
    )


def _link_organisations(pairs):
    through = SearchDocument.organisations.through
    through.objects.bulk_create(
        [
            through(searchdocument_id=document.pk, organisation_id=organisation_id)
            for document, organisation_ids in pairs
            for organisation_id in organisation_ids
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def index_area(area):
    """Replace the area's action and update documents with what is published now."""
    SearchDocument.objects.filter(area=area, kind__in=[Kind.ACTION, Kind.UPDATE]).delete()
    version = published.latest_version(area)
    if version is None:
        return 0
    actions = list(Action.objects.filter(version=version).order_by("position"))
    leads = {}
    for lead in ActionLead.objects.filter(action__version=version).values_list(
        "action_id", "organisation_id"
    ):
        leads.setdefault(lead[0], []).append(lead[1])
    documents = SearchDocument.objects.bulk_create(
        [_action_document(action, area) for action in actions]
    )
    by_identity = {action.identity_id: action for action in actions}
    updates = list(
        published.public_updates()
        .filter(identity__plan__area=area)
        .only("pk", "identity_id", "kind", "note", "date", "canonical_status")
    )
    update_documents = []
    for update in updates:
        action = by_identity.get(update.identity_id)
        update_documents.append(
            SearchDocument(
                kind=Kind.UPDATE,
                area=area,
                section_id=action.section_id if action else None,
                canonical_status=action.canonical_status if action else update.canonical_status,
                identity_id=update.identity_id,
                action=action,
                update_id=update.pk,
                anchor=f"update-{update.pk}",
                ref=action.ref if action else "",
                title="",
                body=clean(update.summary),
                date=update.date,
            )
        )
    update_documents = SearchDocument.objects.bulk_create(update_documents, batch_size=2000)
    _link_organisations(
        [(document, leads.get(document.action_id, [])) for document in documents]
        + [(document, leads.get(document.action_id, [])) for document in update_documents]
    )
    return len(documents) + len(update_documents)


@transaction.atomic
def index_report(report):
    SearchDocument.objects.filter(report=report).delete()
    if not report.is_published:
        return 0
    documents = [
        SearchDocument(
            kind=Kind.REPORT,
            area_id=report.area_id,
            report=report,
            anchor=f"section-{section.key}",
            title=clean(section.title),
            body=clean(section.body),
            date=report.period_end,
        )
        for section in report.sections.all()
        if section.body.strip()
    ]
    milestones = list(report.milestones.all())
    if milestones:
        documents.append(
            SearchDocument(
                kind=Kind.REPORT,
                area_id=report.area_id,
                report=report,
                anchor="milestones",
                title="Milestones",
                body=clean(
                    _lines(
                        f"{m.item_text} {m.text} {m.due_text} {m.status_text}".strip()
                        for m in milestones
                    )
                ),
                date=report.period_end,
            )
        )
    SearchDocument.objects.bulk_create(documents)
    return len(documents)


def rebuild():
    """Throw the whole index away and build it again from published data."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
    total = 0
    for area in Area.objects.order_by("pk"):
        total += index_area(area)
    for report in ProgressReport.objects.published():
        total += index_report(report)
    return total


def on_version_published(version, **kwargs):
    index_area(version.plan.area)


def on_update_changed(update, **kwargs):
    """A progress update became public or was withdrawn: the area's documents follow (its
    action's status may have changed with it)."""
    index_area(
        ActionIdentity.objects.select_related("plan__area").get(pk=update.identity_id).plan.area
    )


def on_report_published(report, **kwargs):
    index_report(report)
