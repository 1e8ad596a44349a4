from concordat.core.models import Organisation


def organisation_names():
    """(id, name, every name it goes by) for each organisation: what lead matching needs."""
    return [
        (organisation.pk, organisation.name, tuple(organisation.names()))
        for organisation in Organisation.objects.order_by("name")
    ]
