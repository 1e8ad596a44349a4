"""Reads about accounts: who works where, and what a user works on."""

from django.db.models import Count, Q

from concordat.core.models import Area, NationalRole, Organisation

from . import permissions
from .models import AreaMembership, Invitation, Profile, SignatoryEditor


def areas_for_user(user):
    """The areas whose workspace the user may open, by name: every area for the office,
    otherwise those they are a member of and those their organisations work in (the national
    area for every signatory editor)."""
    roles = permissions.roles_for(user)
    if roles.is_office_or_administrator:
        return Area.objects.all()
    area_ids = set(roles.area_roles) | set(roles.partner_organisations)
    queryset = Area.objects.filter(pk__in=area_ids)
    if roles.organisation_ids:
        queryset = queryset | Area.objects.filter(kind=Area.Kind.NATIONAL)
    return queryset.order_by("name")


def organisations_for_user(user):
    """The organisations the user is a signatory editor for."""
    return Organisation.objects.filter(pk__in=permissions.signatory_organisation_ids(user))


def areas_user_leads(user):
    roles = permissions.roles_for(user)
    lead_of = [pk for pk, role in roles.area_roles.items() if role == permissions.LEAD]
    return Area.objects.filter(pk__in=lead_of).order_by("name")


def areas_with_member_counts():
    """Every area with `member_count`, for the office's people index."""
    return Area.objects.annotate(member_count=Count("memberships")).order_by("name")


def signatory_organisations_with_editor_counts():
    """National signatory organisations (and any other with an editor), with `editor_count`."""
    return (
        Organisation.objects.annotate(editor_count=Count("signatory_editors"))
        .filter(Q(national_role__key=NationalRole.SIGNATORY) | Q(editor_count__gt=0))
        .order_by("name")
    )


def role_summary(user):
    """The user's roles in words, one a line: "Area lead of South West Essex"."""
    roles = permissions.roles_for(user)
    lines = []
    if roles.is_administrator:
        lines.append("Administrator")
    if roles.is_office:
        lines.append("Concordat office")
    memberships = AreaMembership.objects.filter(user=user).select_related("area")
    for membership in memberships.order_by("area__name"):
        lines.append(f"{membership.get_role_display()} of {membership.area}")
    for organisation in organisations_for_user(user):
        lines.append(f"National signatory editor for {organisation}")
    return lines


def area_members(area):
    """The area's memberships, leads first, with each user's profile."""
    return (
        AreaMembership.objects.filter(area=area)
        .select_related("user__concordat_profile")
        .order_by("-role", "user__email")
    )


def signatory_editors(organisation):
    return (
        SignatoryEditor.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__email")
    )


def pending_invitations(*, area=None, organisation=None):
    queryset = Invitation.objects.pending().select_related("invited_by")
    if area is not None:
        queryset = queryset.filter(area=area)
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    return queryset.order_by("email")


def display_name(user):
    """The name the user gave, else their email address."""
    profile = Profile.objects.filter(user=user).first()
    return (profile and profile.name) or user.email
