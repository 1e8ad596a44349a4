"""Signing in and out, passwords, the account page, invitations and the people pages."""

import smtplib

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from concordat.core.models import Organisation

from . import forms, permissions, selectors, services
from .models import AreaMembership, Invitation, Role, SignatoryEditor
from .security import (
    TOO_MANY_SIGN_INS,
    axes_username,
    client_ip,
    normalise_email,
    rate_limit_exceeded,
    sign_in_rate_exceeded,
)

INVITATION_SESSION_KEY = "_concordat_invitation_token"
TOO_MANY_RESETS = (
    "There have been too many requests to reset a password. Wait an hour, then try again."
)


class SignInView(auth_views.LoginView):
    form_class = forms.SignInForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if sign_in_rate_exceeded(request):
            # Refused before the password is even checked.
            form = self.get_form()
            form.cleaned_data, form._errors = {}, ErrorDict()
            form.add_error(None, TOO_MANY_SIGN_INS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows instead of signing in, once an account is locked."""
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "username": axes_username(request, credentials),
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    template_name = "registration/password_reset_form.html"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    email_template_name = "accounts/emails/password_reset.txt"
    html_email_template_name = "accounts/emails/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {
            "service_name": settings.CONCORDAT_SERVICE_NAME,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        email = normalise_email(form.cleaned_data["email"])
        rate = settings.CONCORDAT_PASSWORD_RESET_RATE
        over_ip = rate_limit_exceeded("reset-ip", client_ip(self.request), rate=rate)
        over_email = rate_limit_exceeded("reset-email", email, rate=rate)
        if over_ip or over_email:
            form.add_error(None, TOO_MANY_RESETS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password ends any lock-out from earlier failed sign-ins.
        axes_reset(username=form.user.username)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")


@login_required
def account(request):
    """Your account: who you are, what you work on, and what you can do from here."""
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "name": selectors.display_name(user),
            "summary": selectors.role_summary(user),
            "lead_of": selectors.areas_user_leads(user),
            "is_office": permissions.is_office(user),
        },
    )


@permissions.office_required
def people(request):
    """For the office: every area and signatory organisation, each with its people page."""
    return render(
        request,
        "accounts/people.html",
        {
            "areas": selectors.areas_with_member_counts(),
            "organisations": selectors.signatory_organisations_with_editor_counts(),
        },
    )


# Invitations.


def invitation_open(request, token):
    """The emailed link. The token moves into the session and out of the address bar, so it
    cannot leak through the Referer header or browser history."""
    request.session[INVITATION_SESSION_KEY] = token
    return redirect("accounts:invitation_accept")


def invitation_accept(request):
    token = request.session.get(INVITATION_SESSION_KEY, "")
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(
            request,
            "accounts/invitation_unusable.html",
            {
                "reason": "This invitation link is not right, or has already been opened in "
                "another browser. Open the link from your email again."
            },
            status=404,
        )
    refusal = services.invitation_refusal(invitation)
    if refusal:
        return render(request, "accounts/invitation_unusable.html", {"reason": refusal}, status=410)

    existing = services.user_for_email(invitation.email)
    has_account = existing is not None and existing.has_usable_password()
    context = {"invitation": invitation, "has_account": has_account}

    if has_account:
        signed_in_as_invitee = (
            request.user.is_authenticated
            and normalise_email(request.user.email) == invitation.email
        )
        context["signed_in_as_invitee"] = signed_in_as_invitee
        context["login_url"] = (
            reverse("accounts:login") + "?next=" + reverse("accounts:invitation_accept")
        )
        if request.method == "POST" and signed_in_as_invitee:
            try:
                services.invitation_accept(token=token, user=request.user)
            except ValidationError as error:
                context["errors"] = error.messages
                return render(request, "accounts/invitation_accept.html", context, status=400)
            del request.session[INVITATION_SESSION_KEY]
            messages.success(request, f"You are now {invitation.describe_role()}.")
            return redirect("accounts:account")
        return render(request, "accounts/invitation_accept.html", context)

    form = forms.AcceptInvitationForm(
        request.POST or None, email=invitation.email, initial={"name": invitation.name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            del request.session[INVITATION_SESSION_KEY]
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, f"Your account is ready. You are now {invitation.describe_role()}."
            )
            return redirect("accounts:account")
    context["form"] = form
    return render(
        request, "accounts/invitation_accept.html", context, status=400 if form.errors else 200
    )


def _invite(request, form, *, role_target):
    """Send the invitation the form describes; returns True when it went."""
    try:
        invitation = services.invitation_create(
            invited_by=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            name=form.cleaned_data["name"],
            **role_target,
        )
    except ValidationError as error:
        form.add_error("email", error)
        return False
    except (smtplib.SMTPException, OSError):
        form.add_error(
            None,
            "The invitation email could not be sent, so nobody was invited. Try again later.",
        )
        return False
    messages.success(
        request,
        f"Invitation sent to {invitation.email}. The link works for "
        f"{settings.CONCORDAT_INVITATION_DAYS} days.",
    )
    return True


@permissions.area_view()
def area_people(request, area):
    """The people of an area: members and pending invitations. Leads and the office invite
    and remove; other members see the list."""
    user = request.user
    roles = [role for role in (Role.EDITOR, Role.LEAD) if permissions.can_invite(user, area, role)]
    form = forms.InvitationForm(request.POST or None, roles=roles) if roles else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and _invite(request, form, role_target={"area": area}):
            return redirect("accounts:area_people", slug=area.slug)
    return render(
        request,
        "accounts/area_people.html",
        {
            "area": area,
            "members": selectors.area_members(area),
            "invitations": selectors.pending_invitations(area=area),
            "form": form,
            "can_manage": permissions.can_manage_members(user, area),
            "invitation_days": settings.CONCORDAT_INVITATION_DAYS,
        },
        status=400 if form is not None and form.errors else 200,
    )


@require_POST
@permissions.area_view()
def membership_remove(request, area, pk):
    if not permissions.can_manage_members(request.user, area):
        raise PermissionDenied
    membership = get_object_or_404(AreaMembership.objects.select_related("user"), pk=pk, area=area)
    if membership.role == Role.LEAD and not permissions.can_invite(request.user, area, Role.LEAD):
        raise PermissionDenied
    try:
        services.membership_remove(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{membership.user.email} is no longer in {area}.")
    return redirect("accounts:area_people", slug=area.slug)


@permissions.office_required
def organisation_people(request, slug):
    """The signatory editors of an organisation, for the office to invite and remove."""
    organisation = get_object_or_404(Organisation, slug=slug)
    form = forms.InvitationForm(request.POST or None, roles=[Role.SIGNATORY_EDITOR])
    invited = (
        request.method == "POST"
        and form.is_valid()
        and _invite(request, form, role_target={"organisation": organisation})
    )
    if invited:
        return redirect("accounts:organisation_people", slug=organisation.slug)
    return render(
        request,
        "accounts/organisation_people.html",
        {
            "organisation": organisation,
            "editors": selectors.signatory_editors(organisation),
            "invitations": selectors.pending_invitations(organisation=organisation),
            "form": form,
            "invitation_days": settings.CONCORDAT_INVITATION_DAYS,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@permissions.office_required
def signatory_editor_remove(request, slug, pk):
    editorship = get_object_or_404(
        SignatoryEditor.objects.select_related("user", "organisation"),
        pk=pk,
        organisation__slug=slug,
    )
    services.signatory_editor_remove(editorship=editorship, by=request.user)
    messages.success(
        request,
        f"{editorship.user.email} is no longer a signatory editor for {editorship.organisation}.",
    )
    return redirect("accounts:organisation_people", slug=slug)


@require_POST
@login_required
def invitation_withdraw(request, pk):
    """Withdraw a pending invitation: whoever could have sent it. Others get 404 if they
    cannot see the area, else 403."""
    invitation = Invitation.objects.select_related("area", "organisation").filter(pk=pk).first()
    if invitation is None:
        raise Http404
    if invitation.area is not None and not permissions.can_view_area_workspace(
        request.user, invitation.area
    ):
        raise Http404
    if not permissions.can_invite(request.user, invitation.area, invitation.role):
        raise PermissionDenied
    try:
        services.invitation_withdraw(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The invitation to {invitation.email} was withdrawn.")
    if invitation.area is not None:
        return redirect("accounts:area_people", slug=invitation.area.slug)
    if invitation.organisation is not None:
        return redirect("accounts:organisation_people", slug=invitation.organisation.slug)
    return redirect("accounts:account")
