"""Writes for the publication workflow: submit, return, publish, reply, withdraw.

A submission is the office's record of one plan version or progress report sent for review.
The state changes themselves (which are allowed, from which states, their audit entries) are
`concordat.core.workflow`'s; plan versions change here, progress reports through
the reports app's services. Publishing always goes through `plan_version_publish` /
`progress_report_publish`, which send the signals the search index and the downloads listen
to.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from concordat.core import workflow
from concordat.core.audit import actor_label
from concordat.core.models import PlanVersion
from concordat.core.quality import check_minimum_expectations
from concordat.core.services import audit_record, plan_version_publish
from concordat.reports.services import (
    progress_report_publish,
    progress_report_return,
    progress_report_submit,
    progress_report_withdraw,
)

from .models import ReminderKind, ReminderPreference, Submission, SubmissionComment

# The code of the ValidationError `submission_publish` raises when a reason is missing.
NOT_MET_REASON = "not_met_reason"


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def _comment(submission, *, kind, body, actor):
    return SubmissionComment.objects.create(
        submission=submission,
        kind=kind,
        body=body.strip(),
        author=_user(actor),
        author_name=actor_label(actor),
    )


def _lock(submission):
    return (
        Submission.objects.select_for_update(of=("self",))
        .select_related("area", "version__plan", "report")
        .get(pk=submission.pk)
    )


@transaction.atomic
def submission_submit_version(*, version, actor, note="", now=None):
    """Send a draft plan version to the Concordat office for publication."""
    now = now or timezone.now()
    locked = (
        PlanVersion.objects.select_for_update(of=("self",))
        .select_related("plan__area")
        .get(pk=version.pk)
    )
    workflow.refuse_unless_allowed(locked, "submit")
    if not locked.actions.exists():
        raise ValidationError("A plan with no actions cannot be sent for publication.")
    workflow.change_state(locked, "submit", actor=actor, now=now)
    submission = Submission(
        kind=Submission.Kind.PLAN,
        area=locked.plan.area,
        version=locked,
        submitted_at=now,
        submitted_by=_user(actor),
        submitted_by_name=actor_label(actor),
    )
    submission.title = submission.describe_target()
    submission.save()
    if note.strip():
        _comment(submission, kind=SubmissionComment.Kind.NOTE, body=note, actor=actor)
    return submission


def report_submission_open(*, report, actor, name=None):
    """The waiting submission for a report that has just been submitted, made if missing."""
    existing = Submission.objects.filter(report=report, state=Submission.State.WAITING).first()
    if existing is not None:
        return existing
    return Submission.objects.create(
        kind=Submission.Kind.REPORT,
        area=report.area,
        report=report,
        title=f"Progress report: {report.title}"[:400],
        submitted_at=report.submitted_at or timezone.now(),
        submitted_by=_user(actor),
        submitted_by_name=name or actor_label(actor),
    )


@transaction.atomic
def submission_submit_report(*, report, actor, note=""):
    """Send a draft progress report to the Concordat office for publication."""
    submitted = progress_report_submit(report=report, actor=actor)
    submission = report_submission_open(report=submitted, actor=actor)
    if note.strip():
        _comment(submission, kind=SubmissionComment.Kind.NOTE, body=note, actor=actor)
    return submission


def _decide(locked, *, state, actor, now, checklist):
    locked.state = state
    locked.decided_at = now
    locked.decided_by = _user(actor)
    locked.decided_by_name = actor_label(actor)
    if checklist is not None:
        locked.checklist = checklist
    locked.save()


def _checklist(version, confirmed):
    """The minimum expectations as the system reads the version, with the reviewer's
    confirmations (`confirmed`: the keys of the checks the reviewer confirmed)."""
    keys = set(confirmed or ())
    return [
        {
            "key": check.key,
            "title": check.title,
            "passed": check.passed,
            "summary": check.summary,
            "confirmed": check.key in keys,
        }
        for check in check_minimum_expectations(version=version)
    ]


def _refuse_unless_submitted(item):
    """A submission is published only while its version or report still waits for review
    (publishing straight from a draft is for seeds and the office's own imports)."""
    if item.state != workflow.SUBMITTED:
        if workflow.kind_of(item) == workflow.PLAN:
            raise ValidationError(f"{item.display_label()} is not waiting for review.")
        raise ValidationError("This progress report is not waiting for review.")


def _refuse_unless_waiting(locked):
    if not locked.is_waiting:
        raise ValidationError(
            f"This submission is no longer waiting for review: it was "
            f"{locked.get_state_display().lower()}."
        )


@transaction.atomic
def submission_return(*, submission, actor, comments, confirmed=(), now=None):
    """Send a submission back to its area with the office's comments; a plan becomes a draft
    again, so the area can change it and send it once more."""
    if not comments.strip():
        raise ValidationError("Say what the area needs to change before it is published.")
    now = now or timezone.now()
    locked = _lock(submission)
    _refuse_unless_waiting(locked)
    checklist = None
    if locked.kind == Submission.Kind.PLAN:
        version = PlanVersion.objects.select_for_update().get(pk=locked.version_id)
        workflow.refuse_unless_allowed(version, "return")
        checklist = _checklist(version, confirmed)
        workflow.change_state(version, "return", actor=actor, note=comments.strip()[:500])
    else:
        progress_report_return(report=locked.report, actor=actor, comment=comments.strip())
    _decide(locked, state=Submission.State.RETURNED, actor=actor, now=now, checklist=checklist)
    _comment(locked, kind=SubmissionComment.Kind.RETURNED, body=comments, actor=actor)
    return locked


@transaction.atomic
def submission_publish(
    *, submission, actor, comments="", confirmed=(), not_met_reason="", now=None
):
    """Publish what was submitted. The version (or report) is frozen from now on and the
    public pages show it at once.

    A plan is published against the minimum expectations (`confirmed`: the keys of the
    checks the reviewer confirmed). While any check is not met, publishing needs a reason:
    it is kept in the audit and shown to the area with the submission.
    """
    now = now or timezone.now()
    locked = _lock(submission)
    _refuse_unless_waiting(locked)
    checklist = None
    if locked.kind == Submission.Kind.PLAN:
        _refuse_unless_submitted(locked.version)
        checklist = _checklist(locked.version, confirmed)
        not_met = [check["title"] for check in checklist if not check["passed"]]
        if not_met and not not_met_reason.strip():
            raise ValidationError(
                f"Say why you are publishing although {len(not_met)} minimum "
                f"expectation{'s are' if len(not_met) != 1 else ' is'} not met.",
                code=NOT_MET_REASON,
            )
        plan_version_publish(version=locked.version, actor=actor, now=now)
        if not_met:
            _comment(locked, kind=SubmissionComment.Kind.NOT_MET, body=not_met_reason, actor=actor)
            audit_record(
                actor=actor,
                verb="published with checks not met",
                object_type="submission",
                object_id=locked.pk,
                area=locked.area,
                version=locked.version,
                field="minimum expectations",
                after="Not met: " + "; ".join(not_met),
                note=not_met_reason.strip(),
            )
    else:
        _refuse_unless_submitted(locked.report)
        progress_report_publish(report=locked.report, actor=actor, now=now)
    _decide(locked, state=Submission.State.PUBLISHED, actor=actor, now=now, checklist=checklist)
    if comments.strip():
        _comment(locked, kind=SubmissionComment.Kind.PUBLISHED, body=comments, actor=actor)
    return locked


@transaction.atomic
def submission_reply(*, submission, actor, body):
    """The area's answer to the office's comments, kept with the submission."""
    if not body.strip():
        raise ValidationError("Write your reply.")
    locked = _lock(submission)
    if not locked.comments.filter(
        kind__in=[SubmissionComment.Kind.RETURNED, SubmissionComment.Kind.PUBLISHED]
    ).exists():
        raise ValidationError("The Concordat office has not commented on this submission yet.")
    comment = _comment(locked, kind=SubmissionComment.Kind.REPLY, body=body, actor=actor)
    audit_record(
        actor=actor,
        verb="replied",
        object_type="submission",
        object_id=locked.pk,
        area=locked.area,
        version=locked.version,
        after=comment.body[:500],
    )
    return comment


@transaction.atomic
def submission_withdraw(*, submission, actor):
    """Take a submission back before the office decides: the plan or report is a draft again."""
    locked = _lock(submission)
    _refuse_unless_waiting(locked)
    if locked.kind == Submission.Kind.PLAN:
        version = PlanVersion.objects.select_for_update().get(pk=locked.version_id)
        workflow.change_state(version, "withdraw", actor=actor)
    else:
        progress_report_withdraw(report=locked.report, actor=actor)
    locked.state = Submission.State.WITHDRAWN
    locked.save(update_fields=["state"])
    return locked


@transaction.atomic
def reminder_preferences_update(*, user, **wanted):
    """Turn reminder kinds on or off for one user (fields of `ReminderPreference`)."""
    preference, _created = ReminderPreference.objects.select_for_update().get_or_create(user=user)
    for kind, value in wanted.items():
        if kind not in ReminderKind.values:
            raise ValueError(f"No such reminder: {kind}")
        setattr(preference, kind, bool(value))
    preference.save()
    return preference
