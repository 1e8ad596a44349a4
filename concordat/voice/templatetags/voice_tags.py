"""Template tags that put the public's voice on pages other apps own (the action, report and
area pages, the workspace), so those views need not change. Each runs a fixed number of
queries."""

from django import template
from django.utils import timezone

from concordat.accounts import permissions
from concordat.core.selectors.published import latest_version

from .. import selectors
from ..models import Question, ReviewPanel

register = template.Library()


@register.simple_tag
def action_voice(area, action, updates=None):
    """Published questions, the panels' verdicts and the evidence mark for an action page."""
    return selectors.action_voice(area, action, updates)


@register.simple_tag
def report_questions(report):
    return selectors.report_questions(report)


@register.simple_tag
def area_voice(area, version=None):
    """For the area's page: questions unanswered after 20 working days (what they are about
    and when, never their text), and where independent reviewers disagree. `version`: the
    area's latest published version, if the page has it (else it is read)."""
    return {
        "unanswered": selectors.unanswered(area, on=timezone.localdate()),
        "disagreements": selectors.area_disagreements(area, version or latest_version(area)),
    }


@register.simple_tag
def reviewer_panels(user):
    """The review panels the user records verdicts for (workspace home)."""
    ids = permissions.reviewer_panel_ids(user)
    if not ids:
        return []
    return list(ReviewPanel.objects.filter(pk__in=ids).select_related("area").order_by("name"))


@register.simple_tag
def area_question_counts(user, area):
    """For the area's workspace page: how many questions wait for moderation and for a reply,
    for those who may moderate them (None for others)."""
    if not permissions.can_moderate_questions(user, area):
        return None
    open_questions = Question.objects.filter(area=area, state__in=selectors.OPEN_STATES)
    counts = dict.fromkeys(selectors.OPEN_STATES, 0)
    for state in open_questions.values_list("state", flat=True):
        counts[state] += 1
    return {
        "waiting": counts[Question.State.WAITING],
        "accepted": counts[Question.State.ACCEPTED],
        "may_manage_panels": permissions.can_manage_panels(user, area),
    }
