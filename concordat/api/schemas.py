"""Shapes of the open-data API: filters in, published records out."""

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from django.conf import settings
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator

from concordat.core import dates, verdict
from concordat.core.links import public_path


def _iso_date_only(value):
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("Give the date as YYYY-MM-DD.")
    return value


def _plausible(value):
    if not dates.is_plausible(value):
        raise ValueError(f"Give a date {dates.range_text()}.")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date_only), AfterValidator(_plausible)]
Slug = Annotated[str, Field(pattern=r"^[-a-z0-9]+$", max_length=200)]
Status = Literal["not_started", "in_progress", "complete", "superseded"]
RagValue = Literal["red", "amber", "green", "blue"]


def site_link(path):
    """An absolute link for a feed or a calendar, on the configured site address
    (CONCORDAT_SITE_URL), never the Host a request happened to name."""
    return settings.SITE_URL.rstrip("/") + (path or "/")


# Filters -------------------------------------------------------------------------------------


class ActionFilters(Schema):
    area: Slug | None = Field(None, description="Only this area's actions (its slug).")
    version: int | None = Field(
        None, ge=1, le=100_000, description="Only this plan version (implies all_versions)."
    )
    all_versions: bool = Field(
        False, description="Include every published version, not only each plan's latest."
    )
    section: int | None = Field(None, ge=1, le=5, description="Concordat section, 1 to 5.")
    status: Status | None = Field(None, description="Canonical status.")
    rag: RagValue | None = Field(None, description="RAG, reported or else suggested.")
    overdue: bool | None = Field(None, description="Due date passed and not complete.")
    stale: bool | None = Field(None, description="Open and no progress for six months.")
    lead_organisation: Slug | None = Field(None, description="Led by this organisation (slug).")
    updated_since: IsoDate | None = Field(
        None,
        description="Has a public progress update dated on or after this date (a date from "
        "2000 to ten years ahead).",
    )


class UpdateFilters(Schema):
    area: Slug | None = None
    action: UUID | None = Field(None, description="The action's uid.")
    since: IsoDate | None = Field(
        None, description="Dated on or after this day (a date from 2000 to ten years ahead)."
    )


class AreaFilters(Schema):
    region: Slug | None = None
    kind: Literal["national", "overarching", "local"] | None = None


class OrganisationFilters(Schema):
    role: Literal["signatory", "supporter"] | None = None
    sector: Annotated[str, Field(pattern=r"^[a-z_]+$", max_length=40)] | None = None


class PublishedFilters(Schema):
    area: Slug | None = None
    published_since: IsoDate | None = Field(
        None, description="Published on or after this day (a date from 2000 to ten years ahead)."
    )


class MetricFilters(Schema):
    area: Slug | None = Field(None, description="The national set plus this area's own.")


class MetricValueFilters(Schema):
    metric: Slug | None = None
    area: Slug | None = None
    period_from: IsoDate | None = None
    period_to: IsoDate | None = None


# Records -------------------------------------------------------------------------------------


class Message(Schema):
    detail: str


class OrganisationRef(Schema):
    slug: str
    name: str


class Section(Schema):
    number: int
    title: str
    short_title: str
    slug: str


class Area(Schema):
    slug: str
    name: str
    kind: str
    region: str
    parent: str | None
    hwb_areas: list[str]
    ons_codes: list[str] = Field(
        description="ONS codes of the Health and Wellbeing Board areas it covers, in whole or "
        "in part."
    )
    population: int | None = Field(description="Residents, for figures per 100,000.")
    declaration_date: date | None
    declaration_signatories: list[str]
    chair: str
    project_manager: str
    review_cycle_months: int
    latest_version: int | None
    latest_published_at: datetime | None
    url: str

    @staticmethod
    def resolve_parent(obj):
        return obj.parent.slug if obj.parent_id else None

    @staticmethod
    def resolve_declaration_signatories(obj):
        return [organisation.slug for organisation in obj.declaration_signatories.all()]

    @staticmethod
    def resolve_url(obj):
        return public_path("public:area", obj.slug)


class Organisation(Schema):
    slug: str
    name: str
    short_name: str
    aliases: list[str]
    sector: str
    national_role: str | None

    @staticmethod
    def resolve_national_role(obj):
        return obj.national_role.key if obj.national_role_id else None


class Version(Schema):
    area: str
    number: int
    label: str
    title: str
    published_at: datetime | None
    review_due: date | None
    action_count: int

    @staticmethod
    def resolve_area(obj):
        return obj.plan.area.slug

    @staticmethod
    def resolve_label(obj):
        return obj.display_label()


class LatestUpdate(Schema):
    date: date | None
    note: str


class Action(Schema):
    uid: UUID = Field(description="Stable across versions; with `version` it names this row.")
    version: int
    area: str
    ref: str
    ref_raw: str
    new: bool
    section: int | None
    section_raw: str
    subtheme: str
    text: str
    timescale: str
    start_text: str
    finish_text: str
    start: date | None
    due: date | None
    ongoing: bool
    lead: str
    lead_organisations: list[OrganisationRef]
    outcomes: list[str]
    performance_indicator: str
    status: str
    canonical_status: str
    rag: str = Field(description="Reported RAG, or the suggested one (see rag_source).")
    rag_source: str
    overdue: bool
    stale: bool
    latest_update: LatestUpdate | None
    url: str


def action_record(obj, today, leads):
    """An Action (from selectors.actions) as the API shows it: built directly, because
    resolving field by field through the schema costs more than the queries. What it says
    about the action today is the one verdict (concordat.core.verdict)."""
    area_slug = obj.version.plan.area.slug
    judged = verdict.judge(
        canonical_status=obj.canonical_status,
        due=obj.due,
        reported_rag=obj.rag,
        last_update_on=obj.latest_update_date,
        on=today,
    )
    return {
        "uid": obj.identity.uid,
        "version": obj.version.number,
        "area": area_slug,
        "ref": obj.ref,
        "ref_raw": obj.ref_raw,
        "new": obj.new,
        "section": obj.section.number if obj.section_id else None,
        "section_raw": obj.section_raw,
        "subtheme": obj.subtheme,
        "text": obj.text,
        "timescale": obj.timescale,
        "start_text": obj.start_text,
        "finish_text": obj.finish_text,
        "start": obj.start,
        "due": obj.due,
        "ongoing": obj.ongoing,
        "lead": obj.lead,
        "lead_organisations": leads.get(obj.pk, []),
        "outcomes": [str(item) for item in obj.outcomes or []],
        "performance_indicator": obj.performance_indicator,
        "status": obj.status,
        "canonical_status": obj.canonical_status,
        "rag": judged.rag,
        "rag_source": judged.rag_source,
        "overdue": judged.overdue,
        "stale": judged.stale,
        "latest_update": None
        if obj.latest_update_note is None
        else {"date": obj.latest_update_date, "note": obj.latest_update_note},
        "url": public_path("public:action", area_slug, obj.ref),
    }


class Update(Schema):
    id: int
    area: str
    action_uid: UUID
    version: int
    date: date | None
    note: str
    status: str
    canonical_status: str
    rag: str
    kind: str = Field(
        description="note, or no_change for a dated “reviewed, no change” entry: the status "
        "and RAG as they stood, the note possibly empty."
    )

    @staticmethod
    def resolve_area(obj):
        return obj.identity.plan.area.slug

    @staticmethod
    def resolve_action_uid(obj):
        return obj.identity.uid

    @staticmethod
    def resolve_version(obj):
        return obj.version_number

    @staticmethod
    def resolve_date(obj):
        return obj.on


class ActionDetail(Action):
    updates: list[Update]
    versions: list[int] = Field(description="Every published version the action appears in.")


class ReportSection(Schema):
    key: str
    title: str
    body: str


class Milestone(Schema):
    item: str
    refs: list[str]
    text: str
    due_text: str
    due: date | None
    status: str
    canonical_status: str

    @staticmethod
    def resolve_item(obj):
        return obj.item_text

    @staticmethod
    def resolve_status(obj):
        return obj.status_text


class Report(Schema):
    id: int
    area: str
    title: str
    period_start: date | None
    period_end: date | None
    period_label: str
    project_manager: str
    authors: str
    date_of_update: date | None
    overall_status: str
    overall_status_text: str
    published_at: datetime | None
    url: str

    @staticmethod
    def resolve_area(obj):
        return obj.area.slug

    @staticmethod
    def resolve_url(obj):
        return public_path("public:report", obj.area.slug, obj.pk)


class ReportDetail(Report):
    sections: list[ReportSection]
    milestones: list[Milestone]

    @staticmethod
    def resolve_sections(obj):
        return list(obj.sections.all())

    @staticmethod
    def resolve_milestones(obj):
        return list(obj.milestones.all())


class Metric(Schema):
    slug: str
    name: str
    description: str
    unit: str
    better: str
    period: str
    kind: str
    never_event: bool
    target: Decimal | None
    target_text: str
    baseline: Decimal | None
    baseline_text: str
    area: str | None

    @staticmethod
    def resolve_never_event(obj):
        return obj.is_never_event

    @staticmethod
    def resolve_area(obj):
        return obj.area.slug if obj.area_id else None


class MetricValue(Schema):
    metric: str
    area: str
    period_start: date
    period_end: date
    value: Decimal
    note: str

    @staticmethod
    def resolve_metric(obj):
        return obj.metric.slug

    @staticmethod
    def resolve_area(obj):
        return obj.area.slug
