from django.shortcuts import get_object_or_404
from django.utils import timezone

from concordat.core.models import Area


def area_or_404(slug):
    return get_object_or_404(Area.objects.select_related("parent"), slug=slug)


def today():
    return timezone.localdate()


def area_breadcrumbs(area, *trail):
    """Home › Areas › the area › …trail; the last item is the current page (no href)."""
    items = [
        {"text": "Home", "href": "/"},
        {"text": "Areas", "href": "/areas/"},
        {"text": area.name, "href": area.get_absolute_url()},
    ]
    items.extend({"text": text, "href": href} for text, href in trail)
    if not trail:
        items[-1] = {"text": area.name}
    return items
