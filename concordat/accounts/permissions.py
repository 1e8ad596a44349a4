"""Who may do what: the one module of permission rules.

The rule: the view asks, the service trusts. Every view (and every other entry point that
acts for a person: the API, a management command) asks this module before it calls a
service, and refuses there (404 when the person may not even see the area's workspace, 403
when they may see it but not act, as the helpers below do). Services take the caller's word
for who the actor is allowed to be: they check only the state of things and the data given
(`ValidationError` with a readable message), never the actor's rights, so the importer,
seeds and commands call them as the system. Which role makes each state change of a plan
version or progress report is in `concordat.core.workflow.TRANSITIONS`, read here by
`can_change_state`.

Every `can_*` function takes the user (anonymous or not) and the object, and returns a bool.
They answer *who* may act. *When* is not theirs: a published version refuses every change in
the models and services, whoever asks, so a view still checks the version's state.

The roles (see `concordat.accounts.models`):

=========================  ===============================================================
administrator              an active superuser: may do everything below.
Concordat office           `Profile.is_office`: sees every workspace and draft, reviews and
                           publishes, edits area details, invites area leads and signatory
                           editors, and keeps the national plan (the area of kind "national").
area lead                  `AreaMembership(role="lead")`: everything an editor does, plus
                           submit, edit area details, and invite or remove the area's editors.
area editor                `AreaMembership(role="editor")`: sees the area's workspace and
                           drafts, edits the plan's actions, posts progress updates.
signatory editor           `SignatoryEditor(organisation=O)`: sees the national workspace and
                           that of every area listing O among `Area.partners`, and posts
                           progress updates on the actions O leads there
                           (`Action.lead_organisations`). Edits no action text.
independent reviewer       `ReviewerMembership(panel=P)`: records panel P's own RAG and note
                           on the actions of P's area. Sees no workspace, draft or
                           unmoderated question.
=========================  ===============================================================

The public's questions are moderated by the office or the area's members, and answered by
the area's members; an area's lead (or the office) names its independent review panels.

An inactive or anonymous user has no role. Roles are read once per user object (a few
queries) and kept on it; call `forget_roles(user)` after changing them in the same request.

Rules about an action read `action.version.plan.area` and, for signatory editors,
`action.lead_organisations` (partners are read once, with the roles): list views should
`select_related("version__plan__area")` and `prefetch_related("lead_organisations")`.
The office edits no local plan's actions; it reviews them.

View helpers:

- `get_area_for_user(user, slug, *, edit=False) -> Area`
- `get_action_for_user(user, pk, *, edit=False, post_update=False) -> Action`
- decorators `area_view(edit=False)`, `office_required`.

Each raises `Http404` when the user may not even see the area's workspace (so another area's
draft is never leaked, not even whether it exists) and `PermissionDenied` (403) when the user
may see it but not make the change asked for.
"""

from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from concordat.core import workflow
from concordat.core.models import Action, Area

from .models import AreaMembership, Profile, ReviewerMembership, Role, SignatoryEditor

EDITOR = Role.EDITOR.value
LEAD = Role.LEAD.value
SIGNATORY_EDITOR = Role.SIGNATORY_EDITOR.value
OFFICE = Role.OFFICE.value
REVIEWER = Role.REVIEWER.value


@dataclass(frozen=True)
class Roles:
    """Everything a user is, read once."""

    is_administrator: bool = False
    is_office: bool = False
    # area id -> "editor" or "lead"
    area_roles: dict = field(default_factory=dict)
    # ids of the organisations the user is a signatory editor for
    organisation_ids: frozenset = frozenset()
    # area id -> ids of the user's organisations that the area lists as partners
    partner_organisations: dict = field(default_factory=dict)

    @property
    def is_office_or_administrator(self):
        return self.is_office or self.is_administrator


NO_ROLES = Roles()


def roles_for(user):
    """The user's `Roles`, read from the database on first use and kept on the user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ROLES
    cached = getattr(user, "_concordat_roles", None)
    if cached is not None:
        return cached
    organisation_ids = frozenset(
        SignatoryEditor.objects.filter(user=user).values_list("organisation_id", flat=True)
    )
    partner_organisations = {}
    if organisation_ids:
        through = Area.partners.through.objects.filter(organisation_id__in=organisation_ids)
        for area_id, organisation_id in through.values_list("area_id", "organisation_id"):
            partner_organisations.setdefault(area_id, set()).add(organisation_id)
    roles = Roles(
        is_administrator=user.is_superuser,
        is_office=Profile.objects.filter(user=user, is_office=True).exists(),
        area_roles=dict(AreaMembership.objects.filter(user=user).values_list("area_id", "role")),
        organisation_ids=organisation_ids,
        partner_organisations={k: frozenset(v) for k, v in partner_organisations.items()},
    )
    user._concordat_roles = roles
    return roles


def forget_roles(user):
    """Drop the roles kept on this user object, so the next check reads them again."""
    if user is not None and hasattr(user, "_concordat_roles"):
        del user._concordat_roles


# Who someone is.


def is_administrator(user):
    return roles_for(user).is_administrator


def is_office(user):
    """True for the Concordat office (administrators count as office too)."""
    return roles_for(user).is_office_or_administrator


def area_role(user, area):
    """ "lead", "editor", or None: the user's membership role in the area."""
    return roles_for(user).area_roles.get(area.pk)


def is_area_member(user, area):
    return area_role(user, area) is not None


def is_area_lead(user, area):
    return area_role(user, area) == LEAD


def signatory_organisation_ids(user):
    """Ids of the organisations the user is a signatory editor for (empty for everyone else)."""
    return roles_for(user).organisation_ids


def _signatory_organisations_in(roles, area):
    """The user's organisations whose actions in this area they may update."""
    if area.is_national:
        return roles.organisation_ids
    return roles.partner_organisations.get(area.pk, frozenset())


def _area_of(action):
    return action.version.plan.area


# Areas.


def can_view_area_workspace(user, area):
    """The area's workspace (its draft, submissions, history): office, the area's members,
    and signatory editors whose organisation works in it (every signatory editor for the
    national area)."""
    roles = roles_for(user)
    return bool(
        roles.is_office_or_administrator
        or area.pk in roles.area_roles
        or _signatory_organisations_in(roles, area)
    )


def can_view_draft(user, area):
    """A draft or submitted (unpublished) version of the area's plan: the same people as the
    workspace."""
    return can_view_area_workspace(user, area)


def can_export_draft(user, area):
    """Download a draft as Word, Excel, PDF or CSV: whoever may see the draft."""
    return can_view_draft(user, area)


def can_edit_plan(user, area):
    """Add, edit, reorder and retire the actions of the area's draft, and start or import a
    new draft: the area's editors and lead; for the national plan, the office."""
    roles = roles_for(user)
    if roles.is_administrator or area.pk in roles.area_roles:
        return True
    return roles.is_office and area.is_national


def can_edit_area_details(user, area):
    """Declaration, signatories, governance, chair, project manager, review cycle: the area's
    lead and the office."""
    roles = roles_for(user)
    return roles.is_office_or_administrator or roles.area_roles.get(area.pk) == LEAD


def can_submit(user, area):
    """Submit the area's draft (or a progress report) for publication: the area's lead; for
    the national plan, the office."""
    roles = roles_for(user)
    if roles.is_administrator or roles.area_roles.get(area.pk) == LEAD:
        return True
    return roles.is_office and area.is_national


def can_reply_to_review(user, area):
    """Answer the office's comments on a returned submission (the right of reply): the
    area's members."""
    roles = roles_for(user)
    return roles.is_administrator or area.pk in roles.area_roles


def can_manage_members(user, area):
    """See the area's people page with its forms, withdraw invitations, remove members: the
    area's lead and the office. Other members see the list only."""
    return can_edit_area_details(user, area)


def can_invite(user, area, role):
    """Invite someone to `role` ("editor", "lead", "signatory_editor" or "office").

    `area` is the area for "editor" and "lead", and None for the others. The office invites
    area leads and signatory editors; an area's lead invites editors of that area (the office
    may too); only administrators invite to the office.
    """
    roles = roles_for(user)
    if roles.is_administrator:
        return True
    if role == OFFICE:
        return False
    if role == SIGNATORY_EDITOR:
        return roles.is_office
    if role == REVIEWER:
        return area is not None and can_manage_panels(user, area)
    if area is None or role not in (EDITOR, LEAD):
        return False
    if roles.is_office:
        return True
    return role == EDITOR and roles.area_roles.get(area.pk) == LEAD


# Actions.


def can_edit_action(user, action):
    """Change an action's text, dates, lead, status or RAG, or retire it: whoever may edit
    the plan it belongs to (`can_edit_plan`)."""
    return can_edit_plan(user, _area_of(action))


def can_post_update(user, action):
    """Post a progress update (note, status, RAG) on the action: whoever may edit it, and
    the signatory editors of an organisation that leads it, in the national plan or in an
    area that lists the organisation among its partners."""
    area = _area_of(action)
    if can_edit_plan(user, area):
        return True
    organisations = _signatory_organisations_in(roles_for(user), area)
    if not organisations:
        return False
    return any(org.pk in organisations for org in action.lead_organisations.all())


# The office.


def can_review(user):
    """See the review queue and review submissions: the office."""
    return is_office(user)


def can_publish(user):
    """Publish a submitted version or return it with comments: the office."""
    return is_office(user)


def can_change_state(user, area, kind, change):
    """Make a change of the publication workflow (`core.workflow.TRANSITIONS`:
    kind "plan" or "report", change "submit", "return", "withdraw" or "publish") on the
    area's plan version or progress report: the table's "area" changes are `can_submit`'s,
    its "office" changes `can_publish`'s."""
    if workflow.transition(kind, change).who == workflow.AREA:
        return can_submit(user, area)
    return can_publish(user)


# View helpers.


def get_area_for_user(user, slug, *, edit=False):
    """The area with this slug, for a workspace view.

    Http404 if there is none or the user may not see its workspace; with `edit=True`,
    PermissionDenied if the user may see it but not edit its plan (`can_edit_plan`).
    """
    area = Area.objects.filter(slug=slug).first()
    if area is None or not can_view_area_workspace(user, area):
        raise Http404("No such area.")
    if edit and not can_edit_plan(user, area):
        raise PermissionDenied
    return area


def get_action_for_user(user, pk, *, edit=False, post_update=False):
    """The action with this id, with its version, plan and area loaded.

    Http404 if there is none or the user may not see its area's workspace; PermissionDenied
    if `edit` and not `can_edit_action`, or `post_update` and not `can_post_update`.
    """
    action = (
        Action.objects.select_related("version__plan__area")
        .prefetch_related("lead_organisations")
        .filter(pk=pk)
        .first()
    )
    if action is None or not can_view_area_workspace(user, _area_of(action)):
        raise Http404("No such action.")
    if edit and not can_edit_action(user, action):
        raise PermissionDenied
    if post_update and not can_post_update(user, action):
        raise PermissionDenied
    return action


def area_view(*, edit=False):
    """Decorator for a view whose URL has `<slug:slug>`: asks anonymous visitors to sign in,
    then calls `view(request, area, **other_kwargs)` with the area from `get_area_for_user`.

        @area_view(edit=True)
        def action_add(request, area): ...
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, slug, **kwargs):
            area = get_area_for_user(request.user, slug, edit=edit)
            return view(request, area, *args, **kwargs)

        return wrapper

    return decorator


def office_required(view):
    """Decorator: anonymous visitors are asked to sign in; signed-in users who are not the
    office get 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# Progress updates.


def can_approve_updates(user, area):
    """Approve or decline progress updates waiting for approval, and choose whether the area
    approves updates first: the area's lead; for the national plan, the office."""
    return can_submit(user, area)


def update_needs_approval(user, area):
    """Whether a progress update this user writes in the area waits for approval before it
    is public: when the area asks its lead to approve updates first, for everyone but those
    who approve them."""
    return area.approve_updates_first and not can_approve_updates(user, area)


def can_withdraw_update(user):
    """Withdraw a public progress update with a reason, and see every new update in the
    national list: the office."""
    return is_office(user)


# The public's voice: questions, independent reviewers, evidence.


def reviewer_panel_ids(user):
    """Ids of the review panels the user is a member of, read once and kept on the user
    (apart from `roles_for`, so pages that never ask pay nothing)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_concordat_panels", None)
    if cached is None:
        cached = frozenset(
            ReviewerMembership.objects.filter(user=user).values_list("panel_id", flat=True)
        )
        user._concordat_panels = cached
    return cached


def forget_panels(user):
    if user is not None and hasattr(user, "_concordat_panels"):
        del user._concordat_panels


def can_record_verdict(user, panel):
    """Record a panel's RAG and note on its area's actions: the panel's own members."""
    return panel.pk in reviewer_panel_ids(user)


def can_manage_panels(user, area):
    """Name an area's independent review panels and invite their members: the area's lead
    and the office."""
    return can_edit_area_details(user, area)


def can_moderate_questions(user, area):
    """See the public's questions about the area before they are published, and accept or
    reject them: the office and the area's members."""
    roles = roles_for(user)
    return roles.is_office_or_administrator or area.pk in roles.area_roles


def can_reply_to_questions(user, area):
    """Answer an accepted question for the area, which publishes it: the area's members."""
    roles = roles_for(user)
    return roles.is_administrator or area.pk in roles.area_roles


def can_add_evidence(user, action):
    """Add a link or a file to a progress update on the action: whoever may post one."""
    return can_post_update(user, action)


# Good practice.


def can_mark_good_practice(user, area):
    """Mark an area's published action, update or report section as good practice, and
    withdraw such a mark: the area's members and the office."""
    return is_office(user) or is_area_member(user, area)


def can_feature_good_practice(user):
    """Feature a good practice mark on the national list: the office."""
    return is_office(user)
