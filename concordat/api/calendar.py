"""An area's due dates as an iCalendar feed that Outlook and other calendars can subscribe to."""

from datetime import timedelta

from django.conf import settings
from icalendar import Calendar, Event

from concordat.core.models import CLOSED_STATUSES, Action, PlanVersion

from .schemas import public_path

PRODID = "-//Crisis Care Concordat//Action plan due dates//EN"


def latest_published_version(area):
    return (
        PlanVersion.objects.filter(plan__area=area, state=PlanVersion.State.PUBLISHED)
        .order_by("-published_at", "-number")
        .first()
    )


def due_calendar(area, *, site_url=None):
    site_url = (site_url or settings.SITE_URL).rstrip("/")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{area.name}: Crisis Care Concordat due dates")
    version = latest_published_version(area)
    if version is None:
        return calendar
    actions = (
        Action.objects.filter(version=version, due__isnull=False)
        .exclude(canonical_status__in=CLOSED_STATUSES)
        .select_related("identity")
        .order_by("due", "position")
    )
    for action in actions:
        event = Event()
        event.add("uid", f"{action.identity.uid}@concordat")
        event.add("dtstamp", version.published_at)
        event.add("last-modified", version.published_at)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        title = " ".join(action.text.split())
        if len(title) > 120:
            title = title[:119] + "…"
        event.add("summary", f"Due: {action.ref} {title}".replace("  ", " "))
        details = [action.text, ""]
        if action.lead:
            details.append(f"Lead: {action.lead}")
        if action.timescale:
            details.append(f"Timescale: {action.timescale}")
        if action.status:
            details.append(f"Status: {action.status}")
        event.add("description", "\n".join(details).strip())
        path = public_path("public:action", area.slug, action.ref)
        if path:
            event.add("url", f"{site_url}{path}")
        calendar.add_component(event)
    return calendar
