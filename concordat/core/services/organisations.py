from django.db import transaction
from django.utils.text import slugify

from concordat.core.audit import audit_record
from concordat.core.models import Organisation


@transaction.atomic
def organisation_upsert(
    *, name, actor=None, short_name="", aliases=(), sector="", national_role=None
):
    """Create the organisation, or bring its registry facts up to date. Returns (org, created)."""
    name = " ".join(name.split())
    organisation = Organisation.objects.filter(name=name).first()
    wanted = {
        "short_name": short_name,
        "aliases": list(aliases),
        "sector": sector,
        "national_role": national_role,
    }
    if organisation is None:
        organisation = Organisation.objects.create(name=name, slug=slugify(name)[:200], **wanted)
        audit_record(
            actor=actor,
            verb="created",
            object_type="organisation",
            object_id=organisation.pk,
            note=name,
        )
        return organisation, True
    changed = [field for field, value in wanted.items() if getattr(organisation, field) != value]
    if changed:
        for field in changed:
            setattr(organisation, field, wanted[field])
        organisation.save(update_fields=[*changed, "updated_at"])
    return organisation, False
