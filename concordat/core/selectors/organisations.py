from django.db.models import Prefetch

from concordat.core.models import NationalRole, Organisation


def organisation_names():
    """(id, name, every name it goes by) for each organisation: what lead matching needs."""
    return [
        (organisation.pk, organisation.name, tuple(organisation.names()))
        for organisation in Organisation.objects.order_by("name")
    ]


def roles_with_organisations():
    """Each national role (signatory, supporter) with its organisations by name: one query
    for the roles, one for their organisations."""
    return list(
        NationalRole.objects.order_by("key").prefetch_related(
            Prefetch("organisations", queryset=Organisation.objects.order_by("name"))
        )
    )


def organisations_without_role():
    """Organisations named in plans that hold no national role (local bodies)."""
    return list(Organisation.objects.filter(national_role__isnull=True).order_by("name"))


def organisation_by_slug(slug):
    return Organisation.objects.select_related("national_role").filter(slug=slug).first()
