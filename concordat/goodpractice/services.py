"""Marking, featuring and withdrawing good practice. Each change is audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from concordat.core.models import Action, ProgressUpdate
from concordat.core.services import audit_record
from concordat.reports.models import ReportSection

from .models import GoodPractice

REASON_MIN, REASON_MAX = 10, 500
THEME_MAX = 120


def _target_fields(target):
    """Which area, action and section a marked thing belongs to; refuses unpublished ones."""
    if isinstance(target, Action):
        if not target.version.is_published:
            raise ValidationError("Only an action of a published plan can be marked.")
        return {
            "kind": GoodPractice.Kind.ACTION,
            "area": target.version.plan.area,
            "identity": target.identity,
            "version": target.version,
            "section_id": target.section_id,
            "default_theme": target.subtheme,
        }
    if isinstance(target, ProgressUpdate):
        if not target.is_public:
            raise ValidationError("Only a published progress update can be marked.")
        action = (
            Action.objects.published()
            .filter(identity=target.identity)
            .newest_version_first()
            .first()
        )
        return {
            "kind": GoodPractice.Kind.UPDATE,
            "area": target.identity.plan.area,
            "identity": target.identity,
            "version": action.version if action else target.version,
            "update": target,
            "section_id": action.section_id if action else None,
            "default_theme": action.subtheme if action else "",
        }
    if isinstance(target, ReportSection):
        if not target.report.is_published:
            raise ValidationError("Only a section of a published progress report can be marked.")
        return {
            "kind": GoodPractice.Kind.REPORT_SECTION,
            "area": target.report.area,
            "report_section": target,
            "section_id": None,
            "default_theme": target.title,
        }
    raise ValidationError("Only an action, a progress update or a report section can be marked.")


def _clean_reason(reason):
    reason = " ".join((reason or "").split())
    if len(reason) < REASON_MIN:
        raise ValidationError(
            f"Say in a sentence why this is good practice (at least {REASON_MIN} characters)."
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(f"Keep the reason to {REASON_MAX} characters or fewer.")
    return reason


@transaction.atomic
def good_practice_mark(*, actor, target, reason, theme=""):
    fields = _target_fields(target)
    area = fields["area"]
    reason = _clean_reason(reason)
    default_theme = fields.pop("default_theme")
    theme = (" ".join((theme or "").split()) or default_theme)[:THEME_MAX]
    try:
        with transaction.atomic():
            mark = GoodPractice.objects.create(
                theme=theme, reason=reason, marked_by=actor, **fields
            )
    except IntegrityError as error:
        raise ValidationError("This is already marked as good practice.") from error
    audit_record(
        actor=actor,
        verb="marked good practice",
        object_type="goodpractice",
        object_id=mark.pk,
        area=area,
        version=fields.get("version"),
        identity=fields.get("identity"),
        after=reason,
        note=mark.get_kind_display(),
    )
    return mark


@transaction.atomic
def good_practice_feature(*, actor, mark, featured=True):
    locked = GoodPractice.objects.select_for_update().get(pk=mark.pk)
    if locked.withdrawn_at is not None:
        raise ValidationError("This mark has been withdrawn.")
    if locked.featured == featured:
        return locked
    locked.featured = featured
    locked.featured_by = actor if featured else None
    locked.featured_at = timezone.now() if featured else None
    locked.save(update_fields=["featured", "featured_by", "featured_at"])
    audit_record(
        actor=actor,
        verb="featured good practice" if featured else "unfeatured good practice",
        object_type="goodpractice",
        object_id=locked.pk,
        area=locked.area,
        identity=locked.identity,
        field="featured",
        before=not featured,
        after=featured,
    )
    return locked


@transaction.atomic
def good_practice_withdraw(*, actor, mark):
    locked = GoodPractice.objects.select_for_update().get(pk=mark.pk)
    if locked.withdrawn_at is not None:
        raise ValidationError("This mark has already been withdrawn.")
    locked.withdrawn_at = timezone.now()
    locked.featured = False
    locked.save(update_fields=["withdrawn_at", "featured"])
    audit_record(
        actor=actor,
        verb="withdrew good practice",
        object_type="goodpractice",
        object_id=locked.pk,
        area=locked.area,
        identity=locked.identity,
        before=locked.reason,
    )
    return locked
