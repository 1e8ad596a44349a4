"""Writes of the public's voice: ask, confirm, accept, reject and answer questions; name
review panels; record verdicts. Each is one transaction and audited; emails go through
Django's mail framework once the transaction commits."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from concordat.core.audit import actor_label
from concordat.core.models import Rag
from concordat.core.services import audit_record

from . import rules
from .models import Question, ReviewPanel, Verdict, hash_token
from .signals import voice_published

PUBLIC = "a member of the public"


def link(path):
    return settings.SITE_URL.rstrip("/") + path


def _send(*, to, subject, template, context):
    if not to:
        return
    body = render_to_string(
        f"voice/emails/{template}.txt",
        {"service_name": settings.CONCORDAT_SERVICE_NAME, **context},
    )
    # Sent inside the transaction, as the alerts' confirmations are: if it cannot be sent,
    # nothing is saved and the person can try again.
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to]).send()


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def _page_of(question):
    if question.identity_id:
        return link(reverse("public:action", args=[question.area.slug, question.action_ref]))
    return link(reverse("public:report", args=[question.area.slug, question.report_id]))


def _text(value, *, what, limit):
    text = rules.plain_text(value)
    if not text:
        raise ValidationError(f"Enter your {what}.")
    if len(text) > limit:
        raise ValidationError(f"Keep your {what} to {limit:,} characters or fewer.")
    return text


def _audit(question, actor, verb, **fields):
    audit_record(
        actor=actor if actor is not None else PUBLIC,
        verb=verb,
        object_type="question",
        object_id=question.pk,
        area=question.area,
        **({"identity_id": question.identity_id} if question.identity_id else {}),
        **fields,
    )


# Questions ---------------------------------------------------------------------------------


@transaction.atomic
def question_ask(*, area, body, action=None, report=None, email="", asker=None, now=None):
    """A question about a published action (`action`, a row of the area's published plan) or
    a published progress report. Signed in, it goes to moderation at once; otherwise a link
    to confirm the address is emailed, and it waits for that. Returns the question."""
    now = now or timezone.now()
    if (action is None) == (report is None):
        raise ValidationError("Ask about one action or one progress report.")
    if action is not None and (
        action.version.plan.area_id != area.pk or not action.version.is_published
    ):
        raise ValidationError("Questions can be asked about published actions only.")
    if report is not None and (report.area_id != area.pk or not report.is_published):
        raise ValidationError("Questions can be asked about published progress reports only.")
    text = _text(body, what="question", limit=rules.QUESTION_MAX_LENGTH)
    signed_in = asker is not None and asker.is_authenticated
    email = (asker.email if signed_in else str(email or "")).strip().lower()
    if not email:
        raise ValidationError("Enter your email address, so that we can tell you of the reply.")
    question = Question(
        area=area,
        identity_id=action.identity_id if action is not None else None,
        action_ref=action.ref if action is not None else "",
        report=report,
        body=text,
        email=email,
        asker=asker if signed_in else None,
    )
    token = ""
    if signed_in:
        question.state = Question.State.WAITING
        question.asked_at = now
    else:
        token = secrets.token_urlsafe(32)
        question.token_hash = hash_token(token)
    question.save()
    _audit(question, asker if signed_in else None, "asked question", after=question.state)
    if token:
        _send(
            to=email,
            subject="Confirm your question",
            template="confirm",
            context={
                "about": question.about,
                "area": area,
                "confirm_link": link(reverse("voice:confirm", args=[token])),
            },
        )
    else:
        _send_received(question)
    return question


def _send_received(question):
    _send(
        to=question.email,
        subject="We have your question",
        template="received",
        context={"question": question, "area": question.area, "page": _page_of(question)},
    )


def question_for_token(token):
    if not token:
        return None
    return (
        Question.objects.select_related("area", "report").filter(token_hash=hash_token(token))
    ).first()


@transaction.atomic
def question_confirm(*, token, now=None):
    """The asker opened the link and pressed the button: the question goes to moderation."""
    now = now or timezone.now()
    question = question_for_token(token)
    if question is None:
        raise ValidationError("This link is not valid any more.")
    question = (
        Question.objects.select_for_update(of=("self",))
        .select_related("area", "report")
        .get(pk=question.pk)
    )
    if question.state != Question.State.UNCONFIRMED:
        return question
    question.state = Question.State.WAITING
    question.asked_at = now
    question.save(update_fields=["state", "asked_at"])
    _audit(question, None, "confirmed question", after=question.state)
    _send_received(question)
    return question


def _lock(question):
    return (
        Question.objects.select_for_update(of=("self",))
        .select_related("area", "report")
        .get(pk=question.pk)
    )


@transaction.atomic
def question_accept(*, question, actor, no_personal_details, now=None):
    """A moderator lets the question through: it waits for the area's reply and is still not
    public. The moderator must confirm it says nothing about an individual's care."""
    question = _lock(question)
    if question.state != Question.State.WAITING:
        raise ValidationError("This question is not waiting for moderation.")
    if not no_personal_details:
        raise ValidationError(
            "Confirm that the question says nothing about an individual's care and names no "
            "patient or member of staff, or reject it."
        )
    question.state = Question.State.ACCEPTED
    question.moderated_at = now or timezone.now()
    question.moderated_by = _user(actor)
    question.moderated_by_name = actor_label(actor)
    question.save(update_fields=["state", "moderated_at", "moderated_by", "moderated_by_name"])
    _audit(question, actor, "accepted question", after=question.state)
    return question


@transaction.atomic
def question_reject(*, question, actor, reason, now=None):
    """A moderator rejects the question for a stated reason and the asker is told which. A
    question rejected for personal details has its text deleted: it is never kept."""
    question = _lock(question)
    if question.state not in (Question.State.WAITING, Question.State.ACCEPTED):
        raise ValidationError("This question is not waiting for moderation or a reply.")
    if reason not in Question.Reason.values:
        raise ValidationError("Choose why the question is rejected.")
    question.state = Question.State.REJECTED
    question.rejection_reason = reason
    question.moderated_at = now or timezone.now()
    question.moderated_by = _user(actor)
    question.moderated_by_name = actor_label(actor)
    email = question.email
    question.email = ""
    fields = ["state", "rejection_reason", "moderated_at", "moderated_by", "moderated_by_name"]
    if reason == Question.Reason.PERSONAL_DETAILS:
        question.body = ""
        fields.append("body")
    question.save(update_fields=[*fields, "email"])
    _audit(question, actor, "rejected question", after=question.state, note=reason)
    _send(
        to=email,
        subject="Your question was not published",
        template="rejected",
        context={
            "about": question.about,
            "area": question.area,
            "reason": question.get_rejection_reason_display(),
            "personal_details": reason == Question.Reason.PERSONAL_DETAILS,
        },
    )
    return question


@transaction.atomic
def question_reply(*, question, actor, reply, no_personal_details, now=None):
    """The area answers an accepted question: question and reply are published together, and
    the asker is told (their address is then forgotten)."""
    question = _lock(question)
    if question.state != Question.State.ACCEPTED:
        raise ValidationError("Only an accepted question can be answered.")
    text = _text(reply, what="reply", limit=rules.REPLY_MAX_LENGTH)
    if not no_personal_details:
        raise ValidationError(
            "Confirm that the reply says nothing about an individual's care and names no "
            "patient or member of staff."
        )
    question.state = Question.State.PUBLISHED
    question.reply = text
    question.replied_at = now or timezone.now()
    question.replied_by = _user(actor)
    question.replied_by_name = actor_label(actor)
    email = question.email
    question.email = ""
    question.save(
        update_fields=["state", "reply", "replied_at", "replied_by", "replied_by_name", "email"]
    )
    _audit(question, actor, "answered question", after=text[:500])
    _send(
        to=email,
        subject="Your question has been answered",
        template="answered",
        context={"about": question.about, "area": question.area, "page": _page_of(question)},
    )
    transaction.on_commit(lambda: voice_published.send(sender=Question, item=question))
    return question


# Independent review panels and their verdicts -----------------------------------------------


def _partner_names(area):
    names = set()
    for organisation in area.partners.all():
        names.update(n.strip().lower() for n in (organisation.name, organisation.short_name) if n)
    return names


@transaction.atomic
def panel_create(*, area, actor, name, kind, description=""):
    """Name an independent review panel for the area: not one of its delivery partners."""
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError("Enter the panel's name.")
    if len(name) > 200:
        raise ValidationError("Keep the name to 200 characters or fewer.")
    if kind not in ReviewPanel.Kind.values:
        raise ValidationError("Choose what kind of group it is.")
    if name.lower() in _partner_names(area):
        raise ValidationError(
            f"{name} is one of {area.name}'s delivery partners. Independent reviewers come "
            "from outside the partnership."
        )
    if ReviewPanel.objects.filter(area=area, name__iexact=name).exists():
        raise ValidationError(f"{area.name} already has a panel called {name}.")
    panel = ReviewPanel.objects.create(
        area=area,
        name=name,
        kind=kind,
        description=rules.plain_text(description)[:2000],
        named_by=_user(actor),
    )
    audit_record(
        actor=actor,
        verb="named review panel",
        object_type="reviewpanel",
        object_id=panel.pk,
        area=area,
        after=f"{panel.name} ({panel.get_kind_display()})",
    )
    return panel


@transaction.atomic
def verdict_record(*, panel, action, actor, rag, note):
    """A panel's own RAG and short note on an action of its area's published plan."""
    if action.version.plan.area_id != panel.area_id or not action.version.is_published:
        raise ValidationError("Verdicts are given on the area's published actions only.")
    if rag not in Rag.values:
        raise ValidationError("Choose red, amber, green or blue.")
    text = _text(note, what="note", limit=Verdict.NOTE_MAX_LENGTH)
    verdict = Verdict.objects.create(
        panel=panel,
        identity_id=action.identity_id,
        rag=rag,
        note=text,
        recorded_by=_user(actor),
        recorded_by_name=actor_label(actor),
    )
    audit_record(
        actor=actor,
        verb="recorded verdict",
        object_type="verdict",
        object_id=verdict.pk,
        area=panel.area,
        identity_id=action.identity_id,
        after=f"{panel.name}: {verdict.get_rag_display()}: {text}"[:500],
    )
    transaction.on_commit(lambda: voice_published.send(sender=Verdict, item=verdict))
    return verdict
