"""An area's due dates as an iCalendar feed that Outlook and other calendars can subscribe to."""

from datetime import timedelta

from icalendar import Calendar, Event

from concordat.core.links import public_path
from concordat.core.models import CLOSED_STATUSES, Action
from concordat.core.outbound import xml_safe
from concordat.core.selectors.published import latest_version

from .schemas import site_link

PRODID = "-//Crisis Care Concordat//Action plan due dates//EN"


def due_calendar(area):
    """Text goes through `xml_safe`: a control character in stored text would make an invalid
    calendar (RFC 5545 allows none but tab)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", xml_safe(f"{area.name}: Crisis Care Concordat due dates"))
    version = latest_version(area)
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
        event.add("summary", xml_safe(f"Due: {action.ref} {title}".replace("  ", " ")))
        details = [action.text, ""]
        if action.lead:
            details.append(f"Lead: {action.lead}")
        if action.timescale:
            details.append(f"Timescale: {action.timescale}")
        if action.status:
            details.append(f"Status: {action.status}")
        event.add("description", xml_safe("\n".join(details).strip()))
        path = public_path("public:action", area.slug, action.ref)
        if path:
            event.add("url", site_link(path))
        calendar.add_component(event)
    return calendar
