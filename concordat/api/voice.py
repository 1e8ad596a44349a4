"""The public's voice in the open data: answered questions, independent verdicts and the
evidence behind updates, as JSON listings (under /api/, in the OpenAPI document) with CSV
twins, and as files of the downloads ZIP. Personal data is left out: no asker's email or
name, no reviewer's or editor's name.

One definition of each record (a dict per row, from values() queries) serves the three."""

from datetime import date
from uuid import UUID

from django.db.models import CharField, DateField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from concordat.api.columns import Column
from concordat.api.csvfiles import csv_response
from concordat.api.schemas import IsoDate, Slug
from concordat.core.models import Action, ProgressUpdate, UpdateEvidence
from concordat.core.selectors.published import published_versions
from concordat.voice import rules
from concordat.voice.models import Verdict
from concordat.voice.selectors import public_questions

router = Router(tags=["voice"])


def _column(name, description):
    return Column(name, description, lambda record, name=name: record[name])


# Questions -------------------------------------------------------------------------------------

QUESTION_FIELDS = {
    "id": "pk",
    "area": "area__slug",
    "action_uid": "identity__uid",
    "action_ref": "action_ref",
    "report_id": "report_id",
    "asked_on": "asked_on",
    "question": "body",
    "reply": "reply",
    "replied_on": "replied_on",
}

QUESTION_COLUMNS = [
    _column("id", "The question's id."),
    _column("area", "The area's slug."),
    _column("action_uid", "The stable id of the action asked about; empty for a report."),
    _column("action_ref", "The action's ref when the question was asked."),
    _column("report_id", "The progress report asked about; empty for an action."),
    _column("asked_on", "The day the question reached moderation."),
    _column("question", "The question, as published after moderation."),
    _column("reply", "The area's reply, published with the question."),
    _column("replied_on", "The day the reply was published."),
]


def question_records(*, area=None, action=None, since=None):
    queryset = (
        public_questions()
        .annotate(
            asked_on=Cast("asked_at", DateField()), replied_on=Cast("replied_at", DateField())
        )
        .order_by("pk")
    )
    if area:
        queryset = queryset.filter(area__slug=area)
    if action:
        queryset = queryset.filter(identity__uid=action)
    if since:
        queryset = queryset.filter(replied_at__date__gte=since)
    names = list(QUESTION_FIELDS)
    return (
        dict(zip(names, row, strict=True))
        for row in queryset.values_list(*QUESTION_FIELDS.values()).iterator(chunk_size=2000)
    )


# Verdicts -------------------------------------------------------------------------------------

VERDICT_COLUMNS = [
    _column("id", "The verdict's id. A panel's latest verdict on an action is the one in force."),
    _column("area", "The area's slug."),
    _column("action_uid", "The stable id of the action."),
    _column("panel", "The independent reviewer: the panel's name."),
    _column(
        "panel_kind", "lived_experience, healthwatch, carers_forum or other (independent group)."
    ),
    _column("rag", "The panel's RAG: red, amber, green or blue."),
    _column("note", "The panel's note."),
    _column("recorded_on", "The day it was given."),
    _column("area_rag", "The area's reported RAG in its latest published plan."),
    _column("disagrees", "Whether the two RAGs differ."),
]


def _area_rag():
    latest = published_versions().filter(plan=OuterRef("identity__plan")).newest_first()
    return Subquery(
        Action.objects.filter(
            identity=OuterRef("identity"), version=Subquery(latest.values("pk")[:1])
        ).values("rag")[:1]
    )


def verdict_records(*, area=None, action=None, since=None):
    queryset = (
        Verdict.objects.annotate(recorded_on=Cast("created_at", DateField()), area_rag=_area_rag())
        .order_by("pk")
        .values_list(
            "pk",
            "panel__area__slug",
            "identity__uid",
            "panel__name",
            "panel__kind",
            "rag",
            "note",
            "recorded_on",
            "area_rag",
        )
    )
    if area:
        queryset = queryset.filter(panel__area__slug=area)
    if action:
        queryset = queryset.filter(identity__uid=action)
    if since:
        queryset = queryset.filter(created_at__date__gte=since)
    for row in queryset.iterator(chunk_size=2000):
        record = dict(zip([c.name for c in VERDICT_COLUMNS[:-1]], row, strict=True))
        record["area_rag"] = record["area_rag"] or ""
        record["disagrees"] = rules.disagrees(record["area_rag"], record["rag"])
        yield record


# Evidence -------------------------------------------------------------------------------------

EVIDENCE_COLUMNS = [
    _column("id", "The evidence's id."),
    _column("update_id", "The progress update it is evidence for (see updates)."),
    _column("area", "The area's slug."),
    _column("action_uid", "The stable id of the action."),
    _column("kind", "link or file."),
    _column("title", "What it is."),
    _column("url", "The link, or the site address the file is served from."),
    _column("content_type", "For a file: application/pdf, image/png or image/jpeg."),
    _column("size", "For a file: its size in bytes."),
    _column("added_on", "The day it was added."),
]


def evidence_records(*, area=None, action=None, since=None):
    file_prefix = reverse("voice:evidence_file", args=[0])[: -len("0/")]
    queryset = (
        UpdateEvidence.objects.filter(update__in=ProgressUpdate.objects.public())
        .annotate(
            added_on=Cast("created_at", DateField()),
            file_url=Concat(
                Value(file_prefix), Cast("pk", CharField()), Value("/"), output_field=CharField()
            ),
        )
        .order_by("pk")
    )
    if area:
        queryset = queryset.filter(update__identity__plan__area__slug=area)
    if action:
        queryset = queryset.filter(update__identity__uid=action)
    if since:
        queryset = queryset.filter(created_at__date__gte=since)
    rows = queryset.values_list(
        "pk",
        "update_id",
        "update__identity__plan__area__slug",
        "update__identity__uid",
        "kind",
        "title",
        "url",
        "file_url",
        "content_type",
        "size",
        "added_on",
    )
    for pk, update_id, slug, uid, kind, title, url, file_url, ctype, size, added in rows.iterator(
        chunk_size=2000
    ):
        yield {
            "id": pk,
            "update_id": update_id,
            "area": slug,
            "action_uid": uid,
            "kind": kind,
            "title": title,
            "url": url if kind == UpdateEvidence.Kind.LINK else file_url,
            "content_type": ctype,
            "size": size,
            "added_on": added,
        }


# The API ----------------------------------------------------------------------------------------


class VoiceFilters(Schema):
    area: Slug | None = Field(None, description="Only this area's (its slug).")
    action: UUID | None = Field(None, description="Only this action's (its uid).")
    since: IsoDate | None = Field(None, description="Published on or after this day.")


class QuestionRecord(Schema):
    id: int
    area: str
    action_uid: UUID | None
    action_ref: str
    report_id: int | None
    asked_on: date | None
    question: str
    reply: str
    replied_on: date | None


class VerdictRecord(Schema):
    id: int
    area: str
    action_uid: UUID
    panel: str
    panel_kind: str
    rag: str
    note: str
    recorded_on: date
    area_rag: str
    disagrees: bool


class EvidenceRecord(Schema):
    id: int
    update_id: int
    area: str
    action_uid: UUID
    kind: str
    title: str
    url: str
    content_type: str
    size: int | None
    added_on: date


class _Listing:
    """A generator of records as a sliceable, countable list for the paginator."""

    def __init__(self, records):
        self.rows = list(records)

    def count(self):
        return len(self.rows)

    def __getitem__(self, page):
        return self.rows[page]


def _csv_extra():
    from concordat.api.api import CSV_EXTRA

    return CSV_EXTRA


def register(api):
    """Add the listings to the open-data API (called once, from the app's ready())."""
    from concordat.api.api import JSON_EXTRA, Page

    @router.get("/questions", response=list[QuestionRecord], openapi_extra=JSON_EXTRA)
    @paginate(Page)
    def list_questions(request, filters: Query[VoiceFilters]):
        """Questions from the public with the area's reply: only those moderated, answered and
        published, question and reply together. Who asked is never given."""
        return _Listing(question_records(**filters.dict()))

    @router.get("/questions.csv", openapi_extra=_csv_extra())
    def list_questions_csv(request, filters: Query[VoiceFilters]):
        return csv_response(
            filename="questions.csv",
            columns=QUESTION_COLUMNS,
            queryset=question_records(**filters.dict()),
        )

    @router.get("/verdicts", response=list[VerdictRecord], openapi_extra=JSON_EXTRA)
    @paginate(Page)
    def list_verdicts(request, filters: Query[VoiceFilters]):
        """Independent reviewers' RAGs and notes on actions, beside the area's own RAG."""
        return _Listing(verdict_records(**filters.dict()))

    @router.get("/verdicts.csv", openapi_extra=_csv_extra())
    def list_verdicts_csv(request, filters: Query[VoiceFilters]):
        return csv_response(
            filename="verdicts.csv",
            columns=VERDICT_COLUMNS,
            queryset=verdict_records(**filters.dict()),
        )

    @router.get("/evidence", response=list[EvidenceRecord], openapi_extra=JSON_EXTRA)
    @paginate(Page)
    def list_evidence(request, filters: Query[VoiceFilters]):
        """Evidence behind public progress updates: links and files (PDF or image)."""
        return _Listing(evidence_records(**filters.dict()))

    @router.get("/evidence.csv", openapi_extra=_csv_extra())
    def list_evidence_csv(request, filters: Query[VoiceFilters]):
        return csv_response(
            filename="evidence.csv",
            columns=EVIDENCE_COLUMNS,
            queryset=evidence_records(**filters.dict()),
        )

    api.add_router("", router)


def zip_files():
    """(file name, what it holds, its columns, its rows) for the downloads ZIP."""
    return [
        (
            "questions.csv",
            "Questions from the public with the areas' replies, as published (no asker).",
            QUESTION_COLUMNS,
            question_records(),
        ),
        (
            "verdicts.csv",
            "Independent reviewers' RAGs and notes on actions.",
            VERDICT_COLUMNS,
            verdict_records(),
        ),
        (
            "evidence.csv",
            "Evidence behind public progress updates: links and files.",
            EVIDENCE_COLUMNS,
            evidence_records(),
        ),
    ]
