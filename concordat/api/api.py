"""The read-only open-data API: published plans, actions, progress, reports and metrics.

Every listing has a JSON form (paginated) and a CSV form with the same filters.
"""

from typing import Any
from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.pagination import PaginationBase, paginate

from concordat.core.models import Section

from . import columns, records, schemas, selectors
from .csvfiles import csv_response

DESCRIPTION = (
    "Open data from the Crisis Care Concordat action plans: only what has been published. "
    "Every listing is paginated (limit, offset) and has a CSV twin with the same filters "
    "(the same path ending in .csv). An action's `uid` stays the same across the versions of "
    "its plan; with the version number it names one action as written in one version."
)

api = NinjaAPI(
    title="Crisis Care Concordat open data",
    version="1",
    description=DESCRIPTION,
    urls_namespace="open-data",
    docs_url=None,
    openapi_url="/openapi.json",
)

NOT_FOUND = {404: schemas.Message}
INVALID = {
    422: {
        "description": "A parameter could not be read; `detail` says which and why.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"detail": {"type": "array", "items": {"type": "object"}}},
                    "required": ["detail"],
                }
            }
        },
    }
}
JSON_EXTRA = {"responses": INVALID}
CSV_EXTRA = {
    "responses": {
        200: {
            "description": "CSV with a header row",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        **INVALID,
    }
}


class Page(PaginationBase):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=500)
        offset: int = Field(0, ge=0, le=10_000_000)

    class Output(Schema):
        count: int
        limit: int
        offset: int
        items: list[Any]

    def paginate_queryset(self, queryset, pagination, request, **params):
        start, end = pagination.offset, pagination.offset + pagination.limit
        return {
            "count": queryset.count(),
            "limit": pagination.limit,
            "offset": pagination.offset,
            "items": list(queryset[start:end]),
        }


class DeferredRows:
    """A page in two steps: the ids of the page (filters and order only), then the page's
    rows with everything they carry, so joins and per-row subqueries run for one page
    rather than for every row in England."""

    def __init__(self, queryset, shape=None, *, all_ids=False):
        self.queryset = queryset
        self.shape = shape or (lambda rows: rows)
        # For bounded lists with costly filters, one query for every matching id serves
        # both the count and the page.
        self._ids = list(queryset.values_list("pk", flat=True)) if all_ids else None

    def count(self):
        return len(self._ids) if self._ids is not None else self.queryset.count()

    def __getitem__(self, page):
        if self._ids is not None:
            ids = self._ids[page]
        else:
            ids = list(self.queryset.values_list("pk", flat=True)[page])
        rows = self.queryset.order_by().in_bulk(ids) if ids else {}
        return self.shape([rows[pk] for pk in ids])


def _action_records(rows, today):
    leads = selectors.lead_organisations(row.pk for row in rows)
    return [schemas.action_record(row, today, leads) for row in rows]


def _actions(filters):
    today = timezone.localdate()
    current = not (filters.all_versions or filters.version is not None)
    queryset = selectors.actions(today=today, current=current)
    values = filters.dict(exclude={"all_versions"})
    return selectors.filter_actions(queryset, today=today, **values)


# Sections and registry -------------------------------------------------------------------------


@api.get("/sections", response=list[schemas.Section], tags=["registry"], openapi_extra=JSON_EXTRA)
def list_sections(request):
    """The five Concordat sections every plan is arranged in."""
    return Section.objects.order_by("number")


@api.get("/sections.csv", tags=["registry"], openapi_extra=CSV_EXTRA)
def list_sections_csv(request):
    section_columns = [
        columns.Column("number", "", lambda s: s.number),
        columns.Column("title", "", lambda s: s.title),
        columns.Column("short_title", "", lambda s: s.short_title),
        columns.Column("slug", "", lambda s: s.slug),
    ]
    return csv_response(
        filename="sections.csv", columns=section_columns, queryset=Section.objects.all()
    )


@api.get("/areas", response=list[schemas.Area], tags=["registry"], openapi_extra=JSON_EXTRA)
@paginate(Page)
def list_areas(request, filters: Query[schemas.AreaFilters]):
    """Local Concordat groups and the national area, with their latest published version."""
    return selectors.areas(**filters.dict())


@api.get("/areas.csv", tags=["registry"], openapi_extra=CSV_EXTRA)
def list_areas_csv(request, filters: Query[schemas.AreaFilters]):
    return csv_response(
        filename="areas.csv",
        columns=columns.AREA_COLUMNS,
        queryset=selectors.areas(**filters.dict()),
    )


@api.get(
    "/areas/{slug}",
    response={200: schemas.Area, **NOT_FOUND},
    tags=["registry"],
    openapi_extra=JSON_EXTRA,
)
def get_area(request, slug: schemas.Slug):
    return get_object_or_404(selectors.areas(), slug=slug)


@api.get(
    "/organisations",
    response=list[schemas.Organisation],
    tags=["registry"],
    openapi_extra=JSON_EXTRA,
)
@paginate(Page)
def list_organisations(request, filters: Query[schemas.OrganisationFilters]):
    """Organisations: national signatories and supporters, and those local plans name."""
    return selectors.organisations(**filters.dict())


@api.get("/organisations.csv", tags=["registry"], openapi_extra=CSV_EXTRA)
def list_organisations_csv(request, filters: Query[schemas.OrganisationFilters]):
    return csv_response(
        filename="organisations.csv",
        columns=columns.ORGANISATION_COLUMNS,
        queryset=selectors.organisations(**filters.dict()),
    )


@api.get(
    "/organisations/{slug}",
    response={200: schemas.Organisation, **NOT_FOUND},
    tags=["registry"],
    openapi_extra=JSON_EXTRA,
)
def get_organisation(request, slug: schemas.Slug):
    return get_object_or_404(selectors.organisations(), slug=slug)


# Plans -----------------------------------------------------------------------------------------


@api.get("/versions", response=list[schemas.Version], tags=["plans"], openapi_extra=JSON_EXTRA)
@paginate(Page)
def list_versions(request, filters: Query[schemas.PublishedFilters]):
    """Published plan versions. A published version never changes."""
    return selectors.versions(**filters.dict())


@api.get("/versions.csv", tags=["plans"], openapi_extra=CSV_EXTRA)
def list_versions_csv(request, filters: Query[schemas.PublishedFilters]):
    return csv_response(
        filename="versions.csv",
        columns=columns.VERSION_COLUMNS,
        queryset=selectors.versions(**filters.dict()),
    )


@api.get(
    "/versions/{area}/{number}",
    response={200: schemas.Version, **NOT_FOUND},
    tags=["plans"],
    openapi_extra=JSON_EXTRA,
)
def get_version(request, area: schemas.Slug, number: int = Path(..., ge=1, le=100_000)):
    return get_object_or_404(selectors.versions(area=area), number=number)


@api.get("/actions", response=list[schemas.Action], tags=["plans"], openapi_extra=JSON_EXTRA)
@paginate(Page)
def list_actions(request, filters: Query[schemas.ActionFilters]):
    """Actions of each plan's latest published version (or of every published version)."""
    today = timezone.localdate()
    costly = filters.stale is not None or bool(filters.rag or filters.updated_since)
    return DeferredRows(
        _actions(filters), lambda rows: _action_records(rows, today), all_ids=costly
    )


@api.get("/actions.csv", tags=["plans"], openapi_extra=CSV_EXTRA)
def list_actions_csv(request, filters: Query[schemas.ActionFilters]):
    return csv_response(
        filename="actions.csv",
        columns=columns.ACTION_COLUMNS,
        queryset=records.action_records(_actions(filters)),
    )


def _action_detail(uid, number=None):
    today = timezone.localdate()
    rows = list(selectors.actions(today=today, current=False).filter(identity__uid=uid))
    if not rows:
        raise Http404("No published action has this uid.")
    rows.sort(key=lambda action: action.version.number)
    if number is None:
        action = max(rows, key=lambda action: (action.version.published_at, action.version.number))
    else:
        action = next((a for a in rows if a.version.number == number), None)
        if action is None:
            raise Http404("The action is not in that published version.")
    record = _action_records([action], today)[0]
    record["updates"] = list(selectors.updates(action=uid))
    record["versions"] = [row.version.number for row in rows]
    return record


@api.get(
    "/actions/{uid}",
    response={200: schemas.ActionDetail, **NOT_FOUND},
    tags=["plans"],
    openapi_extra=JSON_EXTRA,
)
def get_action(request, uid: UUID):
    """One action as its latest published version writes it, with its whole public progress."""
    return _action_detail(uid)


@api.get(
    "/actions/{uid}/versions/{number}",
    response={200: schemas.ActionDetail, **NOT_FOUND},
    tags=["plans"],
    openapi_extra=JSON_EXTRA,
)
def get_action_version(request, uid: UUID, number: int = Path(..., ge=1, le=100_000)):
    """One action as a given published version writes it."""
    return _action_detail(uid, number)


@api.get("/updates", response=list[schemas.Update], tags=["plans"], openapi_extra=JSON_EXTRA)
@paginate(Page)
def list_updates(request, filters: Query[schemas.UpdateFilters]):
    """Published progress updates: dated notes on actions, oldest first within each action."""
    return DeferredRows(selectors.updates(**filters.dict()))


@api.get("/updates.csv", tags=["plans"], openapi_extra=CSV_EXTRA)
def list_updates_csv(request, filters: Query[schemas.UpdateFilters]):
    return csv_response(
        filename="updates.csv",
        columns=columns.UPDATE_COLUMNS,
        queryset=records.update_records(selectors.updates(**filters.dict())),
    )


# Reports and metrics ---------------------------------------------------------------------------


@api.get("/reports", response=list[schemas.Report], tags=["reports"], openapi_extra=JSON_EXTRA)
@paginate(Page)
def list_reports(request, filters: Query[schemas.PublishedFilters]):
    """Published progress reports."""
    return selectors.reports(**filters.dict())


@api.get("/reports.csv", tags=["reports"], openapi_extra=CSV_EXTRA)
def list_reports_csv(request, filters: Query[schemas.PublishedFilters]):
    return csv_response(
        filename="reports.csv",
        columns=columns.REPORT_COLUMNS,
        queryset=selectors.reports(**filters.dict()),
    )


@api.get(
    "/reports/{report_id}",
    response={200: schemas.ReportDetail, **NOT_FOUND},
    tags=["reports"],
    openapi_extra=JSON_EXTRA,
)
def get_report(request, report_id: int = Path(..., ge=1, le=2**62)):
    """One published progress report with its sections and milestones."""
    return get_object_or_404(selectors.reports(), pk=report_id)


@api.get("/metrics", response=list[schemas.Metric], tags=["reports"], openapi_extra=JSON_EXTRA)
@paginate(Page)
def list_metrics(request, filters: Query[schemas.MetricFilters]):
    """Outcome measures and KPIs: the national set and areas' own."""
    return selectors.metrics(**filters.dict())


@api.get("/metrics.csv", tags=["reports"], openapi_extra=CSV_EXTRA)
def list_metrics_csv(request, filters: Query[schemas.MetricFilters]):
    return csv_response(
        filename="metrics.csv",
        columns=columns.METRIC_COLUMNS,
        queryset=selectors.metrics(**filters.dict()),
    )


@api.get(
    "/metric-values", response=list[schemas.MetricValue], tags=["reports"], openapi_extra=JSON_EXTRA
)
@paginate(Page)
def list_metric_values(request, filters: Query[schemas.MetricValueFilters]):
    """Values recorded for the metrics, per area per period."""
    return DeferredRows(selectors.metric_values(**filters.dict()))


@api.get("/metric-values.csv", tags=["reports"], openapi_extra=CSV_EXTRA)
def list_metric_values_csv(request, filters: Query[schemas.MetricValueFilters]):
    return csv_response(
        filename="metric-values.csv",
        columns=columns.METRIC_VALUE_COLUMNS,
        queryset=records.metric_value_records(selectors.metric_values(**filters.dict())),
    )
