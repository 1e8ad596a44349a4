"""How a person is named on the site: one rule for every page, export and email."""

from django.core.exceptions import ObjectDoesNotExist


def display_name(user):
    """The name a person goes by: the name on their profile, else the name on their account,
    else their email address ("" for no one)."""
    if user is None or not getattr(user, "pk", None):
        return ""
    try:
        name = user.concordat_profile.name
    except (ObjectDoesNotExist, AttributeError):
        name = ""
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return name or full_name or getattr(user, "email", "") or str(user)


def public_name(name):
    """A name as public pages show it: never an email address (a person who gave no name
    is shown by none)."""
    name = name if isinstance(name, str) else display_name(name)
    return "" if "@" in name else name
