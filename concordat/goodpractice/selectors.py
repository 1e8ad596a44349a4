"""Reads for the good-practice pages."""

from itertools import groupby

from django.db.models import F, OuterRef, Subquery

from concordat.core.links import public_path
from concordat.core.models import Action
from concordat.core.selectors.published import latest_public_update

from .models import GoodPractice


def active():
    return GoodPractice.objects.filter(withdrawn_at__isnull=True)


def listing():
    """Active marks with everything a card shows, ordered for grouping by section and theme."""
    latest = latest_public_update()
    current = (
        Action.objects.published().filter(identity=OuterRef("identity")).newest_version_first()
    )
    return (
        active()
        .select_related("area", "section", "update", "report_section__report")
        .annotate(
            latest_note=Subquery(latest.values("note")[:1]),
            latest_date=Subquery(latest.values("date")[:1]),
            action_ref=Subquery(current.values("ref")[:1]),
            action_text=Subquery(current.values("text")[:1]),
            action_status=Subquery(current.values("canonical_status")[:1]),
        )
        .order_by(F("section__number").asc(nulls_last=True), "theme", "-featured", "-marked_at")
    )


def link(mark):
    """Where a mark leads: its action (progress anchored) or its report section."""
    if mark.kind == GoodPractice.Kind.REPORT_SECTION:
        report = mark.report_section.report
        path = public_path("public:report", mark.area.slug, report.pk)
        return f"{path}#section-{mark.report_section.key}" if path else ""
    path = public_path("public:action", mark.area.slug, mark.action_ref or "")
    if path and mark.kind == GoodPractice.Kind.UPDATE:
        path = f"{path}#update-{mark.update_id}"
    return path


def grouped():
    """[(section or None, [(theme, [marks])])], with each mark's link attached."""
    marks = list(listing())
    for mark in marks:
        mark.link = link(mark)
    groups = []
    for section, in_section in groupby(marks, key=lambda mark: mark.section):
        themes = [
            (theme, list(items)) for theme, items in groupby(in_section, key=lambda m: m.theme)
        ]
        groups.append((section, themes))
    return groups


def featured(limit=6):
    marks = list(listing().filter(featured=True).order_by("-featured_at")[:limit])
    for mark in marks:
        mark.link = link(mark)
    return marks
