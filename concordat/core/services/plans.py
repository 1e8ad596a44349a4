"""Writes to plans and their versions: start a draft, import one, publish, discard."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from concordat.core import rules, workflow
from concordat.core.audit import audit_record
from concordat.core.matching import Candidate, match_identities
from concordat.core.models import (
    Action,
    ActionIdentity,
    ActionLead,
    ActionPlan,
    Organisation,
    PlanVersion,
    ProgressUpdate,
    Section,
)
from concordat.core.signals import plan_version_published
from concordat.core.timescales import parse_timescale

# The fields an Action shares with the version it was copied from.
ACTION_COPY_FIELDS = [
    "position",
    "ref",
    "ref_raw",
    "section_id",
    "section_raw",
    "subtheme",
    "text",
    "timescale",
    "start_text",
    "finish_text",
    "start",
    "due",
    "ongoing",
    "timescale_needs_review",
    "lead",
    "outcomes",
    "performance_indicator",
    "status",
    "canonical_status",
    "rag_raw",
    "rag",
    "retired_reason",
    "extra",
    "raw",
]

WORKING_STATES = (PlanVersion.State.DRAFT, PlanVersion.State.SUBMITTED)
REMOVED_IN_DOCUMENT = "Shown as removed (struck through or greyed out) in the imported document."


def plan_get_or_create(*, area):
    plan, _created = ActionPlan.objects.get_or_create(
        area=area, defaults={"title": f"{area.name} Crisis Care Concordat action plan"}
    )
    return plan


def working_version(plan):
    return plan.versions.filter(state__in=WORKING_STATES).first()


def _next_number(plan):
    return (plan.versions.aggregate(top=Max("number"))["top"] or 0) + 1


def _refuse_if_working_version(plan):
    current = working_version(plan)
    if current is not None:
        if current.state == PlanVersion.State.SUBMITTED:
            raise ValidationError(
                f"{current.display_label()} is waiting for review. It must be published or "
                "returned before another version is started."
            )
        raise ValidationError(
            f"This area already has a draft ({current.display_label()}). Publish or discard "
            "it before starting another."
        )


@transaction.atomic
def plan_version_start_draft(*, area, actor, label=""):
    """Start a draft from the latest published version (or an empty one), copying its actions.

    Actions in the draft keep their identities, so progress history carries over.
    """
    plan = plan_get_or_create(area=area)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    existing = working_version(plan)
    if existing is not None and existing.state == PlanVersion.State.DRAFT:
        return existing
    _refuse_if_working_version(plan)
    base = PlanVersion.objects.latest_published_of(plan=plan)
    draft = PlanVersion.objects.create(
        plan=plan,
        number=_next_number(plan),
        label=label,
        title=base.title if base else plan.title,
        based_on=base,
        financial_year=base.financial_year if base else None,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if base is not None:
        _copy_actions(source=base, target=draft)
    audit_record(
        actor=actor,
        verb="started draft",
        object_type="planversion",
        object_id=draft.pk,
        area=area,
        version=draft,
        note=f"From {base.display_label()}" if base else "Empty plan",
    )
    return draft


def _copy_actions(*, source, target):
    originals = list(source.actions.prefetch_related("leads"))
    copies = Action.objects.bulk_create(
        [
            Action(
                version=target,
                identity_id=original.identity_id,
                **{field: getattr(original, field) for field in ACTION_COPY_FIELDS},
            )
            for original in originals
        ]
    )
    ActionLead.objects.bulk_create(
        [
            ActionLead(
                action=copy,
                organisation_id=lead.organisation_id,
                matched_text=lead.matched_text,
                score=lead.score,
                position=lead.position,
            )
            for original, copy in zip(originals, copies, strict=True)
            for lead in original.leads.all()
        ]
    )


def _organisations_to_create(names):
    created = {}
    for name in names:
        clean = " ".join(name.split())
        if not clean:
            continue
        organisation = Organisation.objects.filter(name__iexact=clean).first()
        if organisation is None:
            organisation = Organisation.objects.create(name=clean, slug=_unique_slug(clean))
        created[clean.lower()] = organisation
    return created


def _unique_slug(name):
    base = slugify(name)[:180] or "organisation"
    slug, counter = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def plan_version_import(
    *,
    area,
    parsed,
    actor,
    filename="",
    sha256="",
    label="",
    create_organisations=(),
    author_name="",
    notes_date=None,
):
    """Create a draft version from a parsed document, all in one transaction.

    Actions are matched to the latest published version by ref and text so their identities
    (and progress history) carry over. Progress text in the document becomes one imported
    progress update per action, unless the action's latest update already says the same;
    each carries `notes_date`, by default the document's own date (`document_date`), and is
    undated when the document gives none.
    """
    if not parsed.actions:
        raise ValidationError("The document has no actions to import.")
    plan = plan_get_or_create(area=area)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    _refuse_if_working_version(plan)
    base = PlanVersion.objects.latest_published_of(plan=plan)
    if parsed.title and not plan.title:
        plan.title = parsed.title
        plan.save(update_fields=["title"])

    version = PlanVersion.objects.create(
        plan=plan,
        number=_next_number(plan),
        label=label or (parsed.stated_version or ""),
        title=parsed.title or plan.title,
        based_on=base,
        financial_year=parsed.financial_year,
        preamble=parsed.preamble or "",
        trailing=getattr(parsed, "trailing", "") or "",
        not_imported=[
            {"where": item.where, "text": item.text} for item in getattr(parsed, "not_imported", [])
        ],
        stated_date=parsed.stated_date or "",
        stated_version=parsed.stated_version or "",
        source_filename=filename,
        source_sha256=sha256,
        created_by=actor if getattr(actor, "pk", None) else None,
    )

    previous = list(base.actions.all()) if base else []
    keys = match_identities(
        [Candidate(key=a.identity_id, ref=a.ref, text=a.text) for a in previous],
        [(p.ref, p.text) for p in parsed.actions],
    )
    new_identities = ActionIdentity.objects.bulk_create(
        [ActionIdentity(plan=plan) for key in keys if key is None]
    )
    fresh = iter(new_identities)
    identity_ids = [key if key is not None else next(fresh).pk for key in keys]

    sections = {s.number: s for s in Section.objects.all()}
    actions = Action.objects.bulk_create(
        [
            _action_from_parsed(parsed_action, version, identity_id, position, sections)
            for position, (parsed_action, identity_id) in enumerate(
                zip(parsed.actions, identity_ids, strict=True), start=1
            )
        ]
    )

    new_organisations = _organisations_to_create(create_organisations)
    leads = []
    for action, parsed_action in zip(actions, parsed.actions, strict=True):
        seen = set()
        for position, match in enumerate(parsed_action.lead_matches):
            organisation_id = match.organisation_id
            if organisation_id is None and match.proposed_new:
                created = new_organisations.get(" ".join(match.text.split()).lower())
                organisation_id = created.pk if created else None
            if organisation_id is None or organisation_id in seen:
                continue
            seen.add(organisation_id)
            leads.append(
                ActionLead(
                    action=action,
                    organisation_id=organisation_id,
                    matched_text=match.text[:300],
                    score=match.score,
                    position=position,
                )
            )
    ActionLead.objects.bulk_create(leads)

    _import_progress_notes(
        version=version,
        actions=actions,
        parsed_actions=parsed.actions,
        actor=actor,
        author_name=author_name,
        day=notes_date if notes_date is not None else document_date(parsed),
    )
    audit_record(
        actor=actor,
        verb="imported",
        object_type="planversion",
        object_id=version.pk,
        area=area,
        version=version,
        note=f"{len(actions)} actions from {filename or 'a document'}",
    )
    return version


def _action_from_parsed(parsed_action, version, identity_id, position, sections):
    return Action(
        version=version,
        identity_id=identity_id,
        position=position,
        ref=parsed_action.ref[:40],
        ref_raw=parsed_action.ref_raw[:80],
        new=parsed_action.new,
        section=sections.get(parsed_action.section),
        section_raw=parsed_action.section_raw[:300],
        subtheme=parsed_action.subtheme[:300],
        text=parsed_action.text,
        timescale=parsed_action.timescale,
        start_text=parsed_action.start_text,
        finish_text=parsed_action.finish_text,
        start=parsed_action.start,
        due=parsed_action.due,
        ongoing=parsed_action.ongoing,
        timescale_needs_review=not parsed_action.timescale_understood,
        lead=parsed_action.lead,
        outcomes=list(parsed_action.outcomes),
        performance_indicator=parsed_action.performance_indicator,
        status=parsed_action.status,
        canonical_status=parsed_action.canonical_status,
        rag_raw=parsed_action.rag_raw[:200],
        rag=parsed_action.rag,
        retired_reason=REMOVED_IN_DOCUMENT if getattr(parsed_action, "removed", False) else "",
        extra=dict(parsed_action.extra),
        raw=dict(parsed_action.raw),
    )


def document_date(parsed, *, today=None):
    """The day a document speaks for: the date it states about itself (a day, or the end of
    the month or period it names), else the end of the financial year it covers; never
    after `today` (the day it is loaded). None when it gives no date: its notes are then
    undated, and an undated note never counts as recent."""
    today = today or timezone.localdate()
    day = None
    if parsed.stated_date:
        day = parse_timescale(parsed.stated_date).due
    if day is None and parsed.financial_year:
        day = date(parsed.financial_year + 1, 3, 31)
    return min(day, today) if day else None


def _import_progress_notes(*, version, actions, parsed_actions, actor, author_name, day):
    with_notes = [
        (action, parsed_action)
        for action, parsed_action in zip(actions, parsed_actions, strict=True)
        if (parsed_action.progress or "").strip()
    ]
    if not with_notes:
        return
    latest_notes = {}
    for update in ProgressUpdate.objects.filter(
        identity_id__in=[action.identity_id for action, _ in with_notes]
    ).order_by("identity_id", "-created_at"):
        latest_notes.setdefault(update.identity_id, update.note)
    ProgressUpdate.objects.bulk_create(
        [
            ProgressUpdate(
                identity_id=action.identity_id,
                version=version,
                date=day,
                note=parsed_action.progress.strip(),
                status=parsed_action.status,
                canonical_status=parsed_action.canonical_status,
                rag=parsed_action.rag,
                author=actor if getattr(actor, "pk", None) else None,
                author_name=author_name,
                source=ProgressUpdate.Source.IMPORT,
                state=ProgressUpdate.State.IN_DRAFT,
            )
            for action, parsed_action in with_notes
            if latest_notes.get(action.identity_id) != parsed_action.progress.strip()
        ]
    )


@transaction.atomic
def plan_version_publish(*, version, actor, now=None):
    """Publish a draft or submitted version: it is frozen from now on."""
    now = now or timezone.now()
    locked = PlanVersion.objects.select_for_update().get(pk=version.pk)
    workflow.refuse_unless_allowed(locked, "publish")
    if not locked.actions.exists():
        raise ValidationError("A plan with no actions cannot be published.")
    locked.review_due = rules.review_due_date(
        published_on=timezone.localdate(now), cycle_months=locked.plan.area.review_cycle_months
    )
    workflow.change_state(locked, "publish", actor=actor, now=now)
    # The progress notes imported with this version are public from now on. Updates posted
    # on the site meanwhile belong to no version: they stay with their actions.
    ProgressUpdate.objects.filter(version=locked, state=ProgressUpdate.State.IN_DRAFT).update(
        state=ProgressUpdate.State.PUBLISHED, published_at=now
    )
    transaction.on_commit(lambda: plan_version_published.send(sender=PlanVersion, version=locked))
    return locked


@transaction.atomic
def plan_version_discard(*, version, actor):
    """Throw away a draft. Progress updates never belong to a draft, so none is lost; the
    progress notes imported with it (never public) go with it."""
    locked = PlanVersion.objects.select_for_update().get(pk=version.pk)
    if locked.state != PlanVersion.State.DRAFT:
        raise ValidationError("Only a draft can be discarded.")
    if locked.updates.exclude(state=ProgressUpdate.State.IN_DRAFT).exists():
        raise ValidationError(
            "Progress updates that are public or waiting for approval belong to this draft; "
            "it cannot be discarded."
        )
    area = locked.plan.area
    audit_record(
        actor=actor,
        verb="discarded draft",
        object_type="planversion",
        object_id=locked.pk,
        area=area,
        note=locked.display_label(),
    )
    # Identities created for the draft stay, so the audit trail that names them survives.
    locked.updates.all().delete()
    locked.actions.all().delete()
    locked.delete()
