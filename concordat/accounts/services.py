"""Writes to accounts: users, roles and invitations. Each change of role is audited."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from concordat.core.services import audit_record

from . import permissions
from .emails import send_invitation_email
from .models import (
    AREA_ROLES,
    AreaMembership,
    Invitation,
    Profile,
    ReviewerMembership,
    Role,
    SignatoryEditor,
    hash_token,
)
from .security import normalise_email

User = get_user_model()


def user_for_email(email):
    """The user with this email address (in any case), or None."""
    return User.objects.filter(username=normalise_email(email)).first()


@transaction.atomic
def user_create(*, email, name="", password=None):
    """A new active user whose username is the lower-cased email address. Without a password
    the account cannot sign in until one is set."""
    email = normalise_email(email)
    if not email:
        raise ValidationError("Enter an email address.")
    if len(email) > User._meta.get_field("username").max_length:
        raise ValidationError("Email addresses longer than 150 characters cannot be used.")
    if User.objects.filter(username=email).exists():
        raise ValidationError(f"There is already an account for {email}.")
    user = User(username=email, email=email)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, name=name.strip())
    return user


def profile_for(user):
    """The user's profile, made if missing (kept on the user object either way)."""
    try:
        return user.concordat_profile
    except Profile.DoesNotExist:
        return Profile.objects.create(user=user)


@transaction.atomic
def membership_grant(*, user, area, role, by=None):
    """Make the user an editor or lead of the area. A lead given "editor" stays lead: use
    `membership_set_role` to step someone down."""
    if role not in AREA_ROLES:
        raise ValidationError("Choose editor or lead.")
    if ReviewerMembership.objects.filter(user=user, panel__area=area).exists():
        raise ValidationError(
            f"{user.email} is an independent reviewer of {area}, so cannot also work on its "
            "plan. Remove them from the review panel first."
        )
    membership, created = AreaMembership.objects.select_for_update().get_or_create(
        user=user, area=area, defaults={"role": role, "added_by": by}
    )
    if not created and membership.role == Role.EDITOR and role == Role.LEAD:
        membership_set_role(membership=membership, role=Role.LEAD, by=by)
    elif created:
        audit_record(
            actor=by,
            verb="added",
            object_type="membership",
            object_id=membership.pk,
            area=area,
            field="role",
            after=f"{user.email}: {membership.get_role_display()}",
        )
    permissions.forget_roles(user)
    return membership


@transaction.atomic
def membership_set_role(*, membership, role, by=None):
    if role not in AREA_ROLES:
        raise ValidationError("Choose editor or lead.")
    before = membership.get_role_display()
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        actor=by,
        verb="changed",
        object_type="membership",
        object_id=membership.pk,
        area=membership.area,
        field="role",
        before=f"{membership.user.email}: {before}",
        after=f"{membership.user.email}: {membership.get_role_display()}",
    )
    permissions.forget_roles(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, membership, by=None):
    """Take the user off the area. An area keeps at least one lead once it has had one."""
    if (
        membership.role == Role.LEAD
        and not AreaMembership.objects.filter(area=membership.area, role=Role.LEAD)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(
            f"{membership.user.email} is the only lead of {membership.area}. "
            "Invite another lead before removing them."
        )
    audit_record(
        actor=by,
        verb="removed",
        object_type="membership",
        object_id=membership.pk,
        area=membership.area,
        field="role",
        before=f"{membership.user.email}: {membership.get_role_display()}",
    )
    membership.delete()
    permissions.forget_roles(membership.user)


def reviewer_check_independent(*, email, area):
    """An independent reviewer is no member of the area they review (its delivery partners'
    people work on the plan as its editors and lead)."""
    email = normalise_email(email)
    if AreaMembership.objects.filter(user__email__iexact=email, area=area).exists():
        raise ValidationError(
            f"{email} works on {area}'s plan, so cannot be one of its independent reviewers."
        )


@transaction.atomic
def reviewer_grant(*, user, panel, by=None):
    """Make the user a member of an independent review panel."""
    reviewer_check_independent(email=user.email, area=panel.area)
    membership, created = ReviewerMembership.objects.get_or_create(
        user=user, panel=panel, defaults={"added_by": by}
    )
    if created:
        audit_record(
            actor=by,
            verb="added",
            object_type="reviewermembership",
            object_id=membership.pk,
            area=panel.area,
            field="role",
            after=f"{user.email}: independent reviewer, {panel.name}",
        )
    permissions.forget_panels(user)
    return membership


@transaction.atomic
def reviewer_remove(*, membership, by=None):
    audit_record(
        actor=by,
        verb="removed",
        object_type="reviewermembership",
        object_id=membership.pk,
        area=membership.panel.area,
        field="role",
        before=f"{membership.user.email}: independent reviewer, {membership.panel.name}",
    )
    user = membership.user
    membership.delete()
    permissions.forget_panels(user)


@transaction.atomic
def signatory_editor_grant(*, user, organisation, by=None):
    editorship, created = SignatoryEditor.objects.get_or_create(
        user=user, organisation=organisation, defaults={"added_by": by}
    )
    if created:
        audit_record(
            actor=by,
            verb="added",
            object_type="signatory_editor",
            object_id=editorship.pk,
            field="organisation",
            after=f"{user.email}: {organisation}",
        )
    permissions.forget_roles(user)
    return editorship


@transaction.atomic
def signatory_editor_remove(*, editorship, by=None):
    audit_record(
        actor=by,
        verb="removed",
        object_type="signatory_editor",
        object_id=editorship.pk,
        field="organisation",
        before=f"{editorship.user.email}: {editorship.organisation}",
    )
    editorship.delete()
    permissions.forget_roles(editorship.user)


@transaction.atomic
def office_grant(*, user, by=None):
    profile = profile_for(user)
    if not profile.is_office:
        profile.is_office = True
        profile.save(update_fields=["is_office"])
        audit_record(
            actor=by,
            verb="added",
            object_type="office",
            object_id=user.pk,
            field="is_office",
            before="False",
            after=f"{user.email}: True",
        )
    permissions.forget_roles(user)
    return profile


def _check_target(role, area, organisation):
    if role == Role.REVIEWER:
        if area is None:
            raise ValidationError("Choose the review panel the person will join.")
        return area, None
    if role in AREA_ROLES:
        if area is None:
            raise ValidationError("Choose the area the person will work on.")
        return area, None
    if role == Role.SIGNATORY_EDITOR:
        if organisation is None:
            raise ValidationError("Choose the organisation the person will edit for.")
        return None, organisation
    if role == Role.OFFICE:
        return None, None
    raise ValidationError("Choose a role.")


def _already_has_role(user, role, area, organisation, panel=None):
    if role == Role.REVIEWER:
        return ReviewerMembership.objects.filter(user=user, panel=panel).exists()
    if role in AREA_ROLES:
        current = AreaMembership.objects.filter(user=user, area=area).first()
        return current is not None and (current.role == Role.LEAD or current.role == role)
    if role == Role.SIGNATORY_EDITOR:
        return SignatoryEditor.objects.filter(user=user, organisation=organisation).exists()
    return Profile.objects.filter(user=user, is_office=True).exists()


@transaction.atomic
def invitation_create(
    *, invited_by, email, role, area=None, organisation=None, name="", panel=None
):
    """Invite `email` to `role` and email them a link that works once, for
    `CONCORDAT_INVITATION_DAYS` days. An earlier pending invitation to the same role is
    withdrawn. If the email cannot be sent, nothing is saved and the error propagates."""
    email = normalise_email(email)
    if role == Role.REVIEWER:
        if panel is None:
            raise ValidationError("Choose the review panel the person will join.")
        area = panel.area
    else:
        panel = None
    area, organisation = _check_target(role, area, organisation)
    if len(email) > Invitation._meta.get_field("email").max_length:
        raise ValidationError("Email addresses longer than 150 characters cannot be used.")
    existing = user_for_email(email)
    if existing is not None and _already_has_role(existing, role, area, organisation, panel):
        raise ValidationError(f"{email} already has this role.")
    if role == Role.REVIEWER:
        reviewer_check_independent(email=email, area=area)
    now = timezone.now()
    Invitation.objects.pending(now=now).filter(
        email=email, role=role, area=area, organisation=organisation, panel=panel
    ).update(withdrawn_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        name=name.strip(),
        role=role,
        area=area,
        organisation=organisation,
        panel=panel,
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=now + timedelta(days=settings.CONCORDAT_INVITATION_DAYS),
    )
    audit_record(
        actor=invited_by,
        verb="invited",
        object_type="invitation",
        object_id=invitation.pk,
        area=area,
        field="role",
        after=f"{email}: {invitation.describe_role()}",
    )
    send_invitation_email(invitation=invitation, token=token, existing_user=existing)
    return invitation


def invitation_for_token(token):
    """The invitation this link's token belongs to (in any state), or None."""
    if not token:
        return None
    return (
        Invitation.objects.select_related("area", "organisation", "invited_by", "panel")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitation_refusal(invitation, *, now=None):
    """Why this invitation can no longer be accepted, in plain words, or "" if it can."""
    state = invitation.state(now=now)
    if state == "accepted":
        return "This invitation has already been used. Sign in with your email and password."
    if state == "withdrawn":
        return "This invitation was withdrawn. Ask the person who invited you to send a new one."
    if state == "expired":
        return "This invitation has expired. Ask the person who invited you to send a new one."
    return ""


def _grant(invitation, user):
    by = invitation.invited_by
    if invitation.role == Role.REVIEWER:
        reviewer_grant(user=user, panel=invitation.panel, by=by)
    elif invitation.role in AREA_ROLES:
        membership_grant(user=user, area=invitation.area, role=invitation.role, by=by)
    elif invitation.role == Role.SIGNATORY_EDITOR:
        signatory_editor_grant(user=user, organisation=invitation.organisation, by=by)
    else:
        office_grant(user=user, by=by)


@transaction.atomic
def invitation_accept(*, token, user=None, name="", password=None):
    """Accept the invitation: with `user` (signed in as the invited address) it adds the role
    to that account; otherwise it creates the account with `name` and `password`. The link
    then never works again: the claim is one UPDATE that only one request can win.

    Returns the user. Raises ValidationError in plain words if the link is unknown, used,
    withdrawn or expired, or the account does not match.
    """
    invitation = invitation_for_token(token)
    if invitation is None:
        raise ValidationError("This invitation link is not right. Check you copied all of it.")
    refusal = invitation_refusal(invitation)
    if refusal:
        raise ValidationError(refusal)
    if user is not None and normalise_email(user.email) != invitation.email:
        raise ValidationError(
            f"This invitation is for {invitation.email}, but you are signed in as "
            f"{user.email}. Sign out, then open the link again."
        )
    existing = None if user is not None else user_for_email(invitation.email)
    if existing is not None and existing.has_usable_password():
        raise ValidationError(
            f"There is already an account for {invitation.email}. Sign in to accept."
        )
    if user is None:
        if not password:
            raise ValidationError("Choose a password.")
        password_validation.validate_password(
            password, user=existing or User(username=invitation.email, email=invitation.email)
        )
    now = timezone.now()
    claimed = Invitation.objects.pending(now=now).filter(pk=invitation.pk).update(accepted_at=now)
    if claimed != 1:
        raise ValidationError("This invitation has already been used.")
    if existing is not None:
        # An account made without a password (by an administrator) gets one now.
        existing.set_password(password)
        existing.save(update_fields=["password"])
        user = existing
    elif user is None:
        user = user_create(email=invitation.email, name=name or invitation.name, password=password)
    Invitation.objects.filter(pk=invitation.pk).update(accepted_by=user)
    _grant(invitation, user)
    audit_record(
        actor=user,
        verb="accepted",
        object_type="invitation",
        object_id=invitation.pk,
        area=invitation.area,
        field="role",
        after=f"{user.email}: {invitation.describe_role()}",
    )
    return user


@transaction.atomic
def invitation_withdraw(*, invitation, by):
    now = timezone.now()
    pending = Invitation.objects.pending(now=now).filter(pk=invitation.pk)
    withdrawn = pending.update(withdrawn_at=now)
    if withdrawn != 1:
        raise ValidationError("This invitation has already been used, withdrawn or expired.")
    audit_record(
        actor=by,
        verb="withdrew",
        object_type="invitation",
        object_id=invitation.pk,
        area=invitation.area,
        field="role",
        before=f"{invitation.email}: {invitation.describe_role()}",
    )
