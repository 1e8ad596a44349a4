"""Big listings as streams of dicts: values() queries in chunks, no model instances.

Actions and progress updates run to hundreds of thousands of rows at England scale; building
a model (and its related models) per row would make the downloads ZIP take minutes.
"""

from concordat.core.models import ActionLead

from .columns import rag_source

CHUNK = 2000

ACTION_FIELDS = {
    "pk": "pk",
    "area": "version__plan__area__slug",
    "version": "version__number",
    "uid": "identity__uid",
    "ref": "ref",
    "section": "section__number",
    "subtheme": "subtheme",
    "action": "text",
    "timescale": "timescale",
    "start": "start",
    "due": "due",
    "ongoing": "ongoing",
    "lead": "lead",
    "outcomes": "outcomes",
    "status": "status",
    "canonical_status": "canonical_status",
    "reported_rag": "rag",
    "rag": "effective_rag",
    "new": "new",
    "latest_update": "latest_update_note",
    "latest_update_date": "latest_update_date",
}


def _chunks(rows):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _records(queryset, fields):
    names = list(fields)
    rows = queryset.prefetch_related(None).values_list(*fields.values())
    for values in rows.iterator(chunk_size=CHUNK):
        yield dict(zip(names, values, strict=True))


def action_records(queryset):
    for chunk in _chunks(_records(queryset, ACTION_FIELDS)):
        leads = {}
        for action_id, name, slug in (
            ActionLead.objects.filter(action_id__in=[row["pk"] for row in chunk])
            .order_by("action_id", "position")
            .values_list("action_id", "organisation__name", "organisation__slug")
        ):
            leads.setdefault(action_id, []).append((name, slug))
        for row in chunk:
            named = leads.get(row["pk"], [])
            row["lead_organisations"] = [name for name, _ in named]
            row["lead_organisation_slugs"] = [slug for _, slug in named]
            row["rag_source"] = rag_source(row["reported_rag"], row["rag"])
            yield row


UPDATE_FIELDS = {
    "id": "pk",
    "area": "version__plan__area__slug",
    "action_uid": "identity__uid",
    "version": "version_number",
    "date": "on",
    "note": "note",
    "status": "status",
    "canonical_status": "canonical_status",
    "rag": "rag",
    "kind": "kind",
}


def update_records(queryset):
    return _records(queryset, UPDATE_FIELDS)


METRIC_VALUE_FIELDS = {
    "metric": "metric__slug",
    "area": "area__slug",
    "period_start": "period_start",
    "period_end": "period_end",
    "value": "value",
    "note": "note",
}


def metric_value_records(queryset):
    return _records(queryset, METRIC_VALUE_FIELDS)
