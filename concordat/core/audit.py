from concordat.core.models import AuditEntry


def _text(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " | ".join(str(item) for item in value)
    return str(value)


def actor_label(actor):
    if actor is None:
        return "system"
    return getattr(actor, "email", "") or str(actor)


def audit_record(
    *,
    actor,
    verb,
    object_type,
    object_id="",
    area=None,
    version=None,
    identity=None,
    identity_id=None,
    field="",
    before=None,
    after=None,
    note="",
    object_version=None,
):
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor_label(actor),
        area=area,
        version=version,
        identity=identity,
        **({"identity_id": identity_id} if identity_id is not None else {}),
        object_type=object_type,
        object_id=str(object_id),
        verb=verb,
        field=field,
        before=_text(before),
        after=_text(after),
        note=note,
        object_version=object_version,
    )


def audit_field_changes(
    *, actor, instance, before, fields, area=None, version=None, identity=None, after=None
):
    """Record one entry per field whose value changed from `before[field]`.

    `after` overrides the value read from the instance (for many-to-many fields).
    """
    after = after or {}
    entries = []
    for field in fields:
        old = before.get(field)
        new = after[field] if field in after else getattr(instance, field)
        if _text(old) != _text(new):
            entries.append(
                AuditEntry(
                    actor=actor if getattr(actor, "pk", None) else None,
                    actor_name=actor_label(actor),
                    area=area,
                    version=version,
                    identity=identity,
                    object_type=instance._meta.model_name,
                    object_id=str(instance.pk),
                    verb="changed",
                    field=field,
                    before=_text(old),
                    after=_text(new),
                    object_version=getattr(instance, "lock_version", None),
                )
            )
    AuditEntry.objects.bulk_create(entries)
    return entries
