"""Emails about accounts, each with a plain-text and an HTML part."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .selectors import display_name


def site_link(path):
    """An absolute link for an email, from CONCORDAT_SITE_URL (never the request's Host)."""
    return settings.SITE_URL.rstrip("/") + path


def send_templated_email(*, to, template, context):
    """Render accounts/emails/<template>_subject.txt, .txt and .html and send them."""
    context = {"service_name": settings.CONCORDAT_SERVICE_NAME, **context}
    subject = render_to_string(f"accounts/emails/{template}_subject.txt", context)
    subject = " ".join(subject.split())
    text = render_to_string(f"accounts/emails/{template}.txt", context)
    html = render_to_string(f"accounts/emails/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()
    return message


def send_invitation_email(*, invitation, token, existing_user=None):
    inviter = invitation.invited_by
    return send_templated_email(
        to=invitation.email,
        template="invitation",
        context={
            "invitation": invitation,
            "inviter_name": display_name(inviter) if inviter else "The Concordat office",
            "role": invitation.describe_role(),
            "link": site_link(reverse("accounts:invitation_open", args=[token])),
            "has_account": existing_user is not None and existing_user.has_usable_password(),
            "expires_at": invitation.expires_at,
        },
    )
