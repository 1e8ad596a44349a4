from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from concordat.accounts.permissions import get_action_for_user


def today():
    return timezone.localdate()


def error_messages(error):
    return error.messages if hasattr(error, "messages") else [str(error)]


def crumbs(area=None, *trail):
    """Breadcrumbs: Your plans › the area › trail ((text, href or None), …)."""
    items = [{"text": "Your plans", "href": reverse("workspace:home")}]
    if area is not None:
        items.append({"text": area.name, "href": reverse("workspace:area", args=[area.slug])})
    items.extend({"text": text, "href": href} for text, href in trail)
    if items and items[-1]["href"]:
        items[-1] = {"text": items[-1]["text"], "href": None}
    return items


def action_in_area(user, area, pk, *, edit=False, post_update=False):
    """The action with this id if it belongs to the area's plan (404 otherwise)."""
    action = get_action_for_user(user, pk, edit=edit, post_update=post_update)
    if action.version.plan.area_id != area.pk:
        raise Http404("No such action in this area.")
    return action


def require(allowed):
    if not allowed:
        raise PermissionDenied
