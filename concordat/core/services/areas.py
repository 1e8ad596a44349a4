from django.core.exceptions import ValidationError
from django.db import transaction

from concordat.core.models import Area

from .audit import audit_field_changes

AREA_DETAIL_FIELDS = [
    "declaration_date",
    "governance",
    "accountable_boards",
    "srg_link",
    "urgent_care_network_link",
    "chair",
    "project_manager",
    "review_cycle_months",
    "hwb_areas",
    "website",
]


@transaction.atomic
def area_update_details(*, area, actor, declaration_signatories=None, partners=None, **changes):
    """Change an area's declaration, governance and people; each change is audited."""
    unknown = set(changes) - set(AREA_DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    locked = Area.objects.select_for_update().get(pk=area.pk)
    before = {field: getattr(locked, field) for field in AREA_DETAIL_FIELDS}
    after = {}
    for field, value in changes.items():
        setattr(locked, field, value)
    if locked.review_cycle_months is not None and not 1 <= locked.review_cycle_months <= 36:
        raise ValidationError("The review cycle must be between 1 and 36 months.")
    locked.full_clean(exclude=["parent", "declaration_signatories", "partners"])
    locked.save()
    for name, organisations in (
        ("declaration_signatories", declaration_signatories),
        ("partners", partners),
    ):
        if organisations is None:
            continue
        manager = getattr(locked, name)
        before[name] = sorted(manager.values_list("name", flat=True))
        manager.set(organisations)
        after[name] = sorted(org.name for org in organisations)
    audit_field_changes(
        actor=actor,
        instance=locked,
        before=before,
        fields=[*AREA_DETAIL_FIELDS, *after],
        after=after,
        area=locked,
    )
    return locked
