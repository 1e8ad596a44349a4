"""Reads for the workspace: a plan's current version with what the rules say about each
action, the areas a user works on, the review queue, and history from the audit log.

Unlike the public selectors these read drafts and progress updates that are not public
(waiting for approval, declined, withdrawn): only the workspace views (behind the permission
rules) call them. Freshness (last activity, stale) counts public updates only, as the public
pages and reminders do. Each runs a fixed number of queries.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery

from concordat.accounts import permissions
from concordat.accounts.models import AreaMembership
from concordat.core import verdict
from concordat.core.labels import field_label as model_label
from concordat.core.models import (
    Action,
    ActionPlan,
    Area,
    AuditEntry,
    Organisation,
    PlanVersion,
    ProgressUpdate,
)
from concordat.core.selectors.compare import compare_versions
from concordat.core.selectors.published import latest_public_update
from concordat.core.services.plans import WORKING_STATES
from concordat.reports.models import ProgressReport

from .models import Submission, SubmissionComment

# --- one plan -----------------------------------------------------------------------------


@dataclass
class PlanState:
    """An area's plan as the workspace sees it: the version being worked on (draft or
    submitted), the latest published one, and the one to show (working, else published)."""

    plan: ActionPlan | None
    working: PlanVersion | None
    published: PlanVersion | None

    @property
    def current(self):
        return self.working or self.published

    @property
    def is_submitted(self):
        return self.working is not None and self.working.state == PlanVersion.State.SUBMITTED

    @property
    def is_draft(self):
        return self.working is not None and self.working.state == PlanVersion.State.DRAFT


def plan_state(area):
    """Two queries: the plan, then its working and latest published versions together."""
    plan = ActionPlan.objects.filter(area=area).first()
    if plan is None:
        return PlanState(plan=None, working=None, published=None)
    plan.area = area
    versions = list(
        plan.versions.filter(
            Q(state__in=WORKING_STATES)
            | Q(
                pk=Subquery(
                    PlanVersion.objects.filter(plan=plan)
                    .published()
                    .newest_first()
                    .values("pk")[:1]
                )
            )
        ).select_related("created_by")
    )
    for version in versions:
        version.plan = plan
    working = next((v for v in versions if v.state in WORKING_STATES), None)
    published = next((v for v in versions if v.is_published), None)
    return PlanState(plan=plan, working=working, published=published)


@dataclass
class WorkspaceAction(verdict.Judged):
    """An action of the version being worked on, with its verdict today (from its public
    updates, as the public pages and reminders judge it)."""

    action: Action
    organisations: list
    verdict: verdict.Verdict
    can_update: bool = False
    can_edit: bool = False

    @property
    def is_open(self):
        return self.action.is_open


def _latest_update_id():
    return Subquery(latest_public_update().values("pk")[:1])


def workspace_actions(state, *, on, user=None):
    """Every action of the current version in plan order, described (four queries).

    With `user`, each item says whether that user may edit it and post updates on it.
    """
    version = state.current
    if version is None:
        return []
    actions = list(
        version.actions.select_related("section")
        .defer("raw", "extra")
        .prefetch_related("lead_organisations")
        .annotate(latest_update_id=_latest_update_id())
        .order_by("position", "pk")
    )
    wanted = [a.latest_update_id for a in actions if a.latest_update_id]
    updates = ProgressUpdate.objects.in_bulk(wanted) if wanted else {}
    area = state.plan.area
    may_edit = permissions.can_edit_plan(user, area) if user is not None else False
    items = []
    for action in actions:
        action.version = version
        items.append(
            WorkspaceAction(
                action=action,
                organisations=list(action.lead_organisations.all()),
                verdict=verdict.action_verdict(
                    action, last_update=updates.get(action.latest_update_id), on=on
                ),
                can_edit=may_edit,
                can_update=may_edit
                or (user is not None and permissions.can_post_update(user, action)),
            )
        )
    return items


def changes_since_publication(state):
    """What the working version changes against the latest published one, or None."""
    if state.working is None or state.published is None:
        return None
    return compare_versions(state.published, state.working, include_drafts=True)


@dataclass
class AreaWorkspace:
    area: Area
    state: PlanState
    items: list
    changes: object
    submissions: list
    reports: list
    waiting: Submission | None
    returned: Submission | None = None  # the plan's last submission, returned and not resent
    returned_comment: SubmissionComment | None = None
    awaiting_approval: int = 0

    @property
    def open_items(self):
        return [item for item in self.items if item.is_open]

    @property
    def overdue(self):
        return [item for item in self.items if item.overdue]

    @property
    def stale(self):
        return [item for item in self.items if item.stale]

    @property
    def retired(self):
        return [item for item in self.items if item.action.retired_reason]


def area_workspace(area, *, user, on):
    state = plan_state(area)
    items = workspace_actions(state, on=on, user=user)
    submissions = list(
        Submission.objects.filter(area=area)
        .select_related("version", "report")
        .annotate(comment_count=Count("comments"))[:10]
    )
    waiting = next(
        (s for s in submissions if s.is_waiting and s.kind == Submission.Kind.PLAN), None
    )
    reports = list(
        ProgressReport.objects.filter(
            area=area, state__in=[ProgressReport.State.DRAFT, ProgressReport.State.SUBMITTED]
        )
        .only("pk", "title", "state", "area_id", "period_label", "created_at")
        .order_by("-created_at")
    )
    returned = next((s for s in submissions if s.kind == Submission.Kind.PLAN), None)
    if returned is None or returned.state != Submission.State.RETURNED or not state.is_draft:
        returned = None
    comment = (
        returned.comments.filter(kind=SubmissionComment.Kind.RETURNED).order_by("-pk").first()
        if returned is not None
        else None
    )
    return AreaWorkspace(
        area=area,
        state=state,
        items=items,
        changes=changes_since_publication(state),
        submissions=submissions,
        reports=reports,
        waiting=waiting,
        returned=returned,
        returned_comment=comment,
        awaiting_approval=ProgressUpdate.objects.awaiting_approval()
        .filter(identity__plan__area=area)
        .count(),
    )


# --- the areas a user works on ------------------------------------------------------------


@dataclass
class AreaRow:
    area: Area
    role: str
    working_state: str = ""
    working_label: str = ""
    published_label: str = ""
    review_due: date | None = None
    waiting: int = 0


@dataclass
class Workspaces:
    areas: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    waiting_total: int = 0


ROLE_LABELS = {
    "lead": "Area lead",
    "editor": "Area editor",
    "office": "Concordat office",
    "signatory": "Signatory editor",
}


def user_workspaces(user):
    """The areas the user works on (every area for the office) with where each plan stands,
    and the organisations a signatory editor keeps (a fixed number of queries)."""
    roles = permissions.roles_for(user)
    office = roles.is_office_or_administrator
    areas = Area.objects.order_by("kind", "name")
    if not office:
        wanted = set(roles.area_roles) | set(roles.partner_organisations)
        if roles.organisation_ids:
            wanted |= set(Area.objects.filter(kind=Area.Kind.NATIONAL).values_list("pk", flat=True))
        areas = areas.filter(pk__in=wanted)
    areas = list(areas.only("pk", "name", "slug", "kind"))
    ids = [area.pk for area in areas]
    working = {
        row["plan__area_id"]: row
        for row in PlanVersion.objects.filter(plan__area_id__in=ids, state__in=WORKING_STATES)
        .values("plan__area_id", "state", "number", "label")
        .order_by()
    }
    latest = {
        row["plan__area_id"]: row
        for row in PlanVersion.objects.latest_published()
        .filter(plan__area_id__in=ids)
        .values("plan__area_id", "number", "label", "published_at", "review_due")
        .order_by()
    }
    waiting = dict(
        Submission.objects.filter(area_id__in=ids, state=Submission.State.WAITING)
        .values("area_id")
        .annotate(n=Count("pk"))
        .values_list("area_id", "n")
        .order_by()
    )
    rows = []
    for area in areas:
        if area.pk in roles.area_roles:
            role = roles.area_roles[area.pk]
        elif office:
            role = "office"
        else:
            role = "signatory"
        row = AreaRow(area=area, role=ROLE_LABELS[role], waiting=waiting.get(area.pk, 0))
        if area.pk in working:
            version = working[area.pk]
            row.working_state = version["state"]
            row.working_label = version["label"] or f"Version {version['number']}"
        if area.pk in latest:
            version = latest[area.pk]
            row.published_label = version["label"] or f"Version {version['number']}"
            row.review_due = version["review_due"]
        rows.append(row)
    organisations = (
        list(Organisation.objects.filter(pk__in=roles.organisation_ids).order_by("name"))
        if roles.organisation_ids
        else []
    )
    return Workspaces(areas=rows, organisations=organisations, waiting_total=sum(waiting.values()))


def area_people(area):
    return list(
        AreaMembership.objects.filter(area=area).select_related("user").order_by("role", "pk")
    )


# --- review -------------------------------------------------------------------------------


def review_queue():
    """Submissions waiting for the office, oldest first, and the latest decisions."""
    base = Submission.objects.select_related("area", "version", "report")
    waiting = list(base.filter(state=Submission.State.WAITING).order_by("submitted_at", "pk"))
    decided = list(base.exclude(state=Submission.State.WAITING).order_by("-decided_at", "-pk")[:20])
    return waiting, decided


def submission_for_area(area, pk):
    return (
        Submission.objects.filter(area=area, pk=pk)
        .select_related("area", "version__plan", "report")
        .prefetch_related(
            Prefetch("comments", queryset=SubmissionComment.objects.order_by("created_at", "pk"))
        )
        .first()
    )


def submission_by_pk(pk):
    return (
        Submission.objects.filter(pk=pk)
        .select_related("area", "version__plan__area", "report")
        .prefetch_related(
            Prefetch("comments", queryset=SubmissionComment.objects.order_by("created_at", "pk"))
        )
        .first()
    )


def earlier_rounds(submission):
    """Earlier submissions of the same version or report, with their comments."""
    target = (
        {"version_id": submission.version_id}
        if submission.kind == Submission.Kind.PLAN
        else {"report_id": submission.report_id}
    )
    if submission.target is None:
        return []
    return list(
        Submission.objects.filter(**target, submitted_at__lt=submission.submitted_at)
        .prefetch_related("comments")
        .order_by("-submitted_at")
    )


# --- history ------------------------------------------------------------------------------

# The history's labels: an action's or an area's field under the model's own words, except
# where the history says more than the field's name (what was written, what a flag means).
FIELD_LABELS = {
    **{
        name: model_label(Action, name)
        for name in (
            "ref",
            "text",
            "ongoing",
            "lead_organisations",
            "outcomes",
            "performance_indicator",
            "rag",
            "retired_reason",
        )
    },
    **{
        name: model_label(Area, name)
        for name in (
            "declaration_date",
            "declaration_signatories",
            "governance",
            "accountable_boards",
            "srg_link",
            "urgent_care_network_link",
            "chair",
            "project_manager",
            "review_cycle_months",
            "hwb_areas",
            "website",
        )
    },
    "section": "Section",
    "subtheme": "Sub-theme",
    "timescale": "Timescale (as written)",
    "start": "Start date",
    "due": "Due date",
    "timescale_needs_review": "Timescale needs a person to read it",
    "lead": "Lead (as written)",
    "status": "Status (as written)",
    "canonical_status": "Status",
    "new": "New in this version",
    "position": "Position in the plan",
    "partners": "Partner organisations",
}


def field_label(name):
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def _describe_entries(entries):
    """Label each entry's field and, where it is about an action, the action's ref then."""
    pairs = {(e.identity_id, e.version_id) for e in entries if e.identity_id and e.version_id}
    refs = {}
    if pairs:
        query = Q()
        for identity_id, version_id in pairs:
            query |= Q(identity_id=identity_id, version_id=version_id)
        for row in Action.objects.filter(query).values("identity_id", "version_id", "ref", "pk"):
            refs[(row["identity_id"], row["version_id"])] = row
    for entry in entries:
        entry.field_label = field_label(entry.field) if entry.field else ""
        row = refs.get((entry.identity_id, entry.version_id))
        entry.action_ref = row["ref"] if row else ""
        entry.action_pk = row["pk"] if row else None
    return entries


def area_history(area):
    """A queryset of the area's audit entries, newest first (paginate it, then describe)."""
    return AuditEntry.objects.filter(area=area).select_related("version").order_by("-at", "-id")


def describe_entries(entries):
    return _describe_entries(list(entries))


def action_history(action):
    """Every audit entry about the action's identity, newest first, across all versions."""
    entries = (
        AuditEntry.objects.filter(identity_id=action.identity_id)
        .select_related("version")
        .order_by("-at", "-id")
    )
    return _describe_entries(list(entries))


def action_updates(action):
    """Every progress update on the action's identity, newest first: public ones, those
    waiting for approval, declined or withdrawn, and notes imported with a draft."""
    updates = list(
        ProgressUpdate.objects.filter(identity_id=action.identity_id)
        .select_related("version")
        .order_by(*verdict.LATEST_FIRST)
    )
    for update in updates:
        update.day = verdict.update_day(update)
    return updates


# --- progress updates: approval and the office's national list ----------------------------


def _with_ref(queryset):
    from concordat.core.selectors.updates import current_ref

    return queryset.select_related("identity__plan__area").annotate(action_ref=current_ref())


def updates_awaiting_approval(area):
    """The area's updates waiting for its lead's approval, oldest first."""
    return list(
        _with_ref(
            ProgressUpdate.objects.awaiting_approval().filter(identity__plan__area=area)
        ).order_by("created_at", "pk")
    )


def national_updates():
    """Every progress update written on the site, across England, newest first (paginate
    it): public, withdrawn, waiting for approval or declined."""
    return _with_ref(ProgressUpdate.objects.filter(source=ProgressUpdate.Source.WEB)).order_by(
        "-created_at", "-pk"
    )


def update_by_pk(pk):
    return _with_ref(ProgressUpdate.objects.filter(pk=pk)).first()


def notes_published_with(version):
    """The progress notes imported with a version: they are public when it is published
    (notes written on the site belong to no version). Each with `action_ref`, its action's
    ref in that version, in plan order."""
    refs = Action.objects.filter(version=version, identity=OuterRef("identity")).values("ref")[:1]
    positions = Action.objects.filter(version=version, identity=OuterRef("identity")).values(
        "position"
    )[:1]
    return list(
        ProgressUpdate.objects.filter(version=version)
        .annotate(action_ref=Subquery(refs), position=Subquery(positions))
        .order_by("position", "-date", "pk")
    )


def round_filter(
    items,
    *,
    overdue=False,
    stale=False,
    section=None,
    lead="",
    mine=False,
    organisation_ids=(),
):
    """The update round's filters over `workspace_actions` items: overdue, not updated for
    six months, a section's number, a lead organisation's slug, and "my organisation's
    actions" (those led by one of `organisation_ids`, a signatory editor's organisations)."""
    mine_ids = set(organisation_ids) if mine else None
    found = []
    for item in items:
        organisations = item.organisations
        number = item.action.section.number if item.action.section_id else None
        if overdue and not item.overdue:
            continue
        if stale and not item.stale:
            continue
        if section and number != section:
            continue
        if lead and lead not in {organisation.slug for organisation in organisations}:
            continue
        if mine_ids is not None and not {o.pk for o in organisations} & mine_ids:
            continue
        found.append(item)
    return found
