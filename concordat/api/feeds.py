"""Atom feeds of publications: national, and one per area with its progress updates and
status changes."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from concordat.core.links import public_path
from concordat.core.models import Action, Area, CanonicalStatus
from concordat.core.outbound import sentence, xml_safe
from concordat.core.selectors import published
from concordat.core.selectors.updates import published_updates

from . import selectors
from .schemas import site_link

LIMIT = 50


@dataclass
class Entry:
    key: str
    title: str
    description: str
    link: str
    published: datetime
    area: str


def _stable_id(key):
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'concordat:{key}')}"


def _version_entry(version):
    area = version.plan.area
    return Entry(
        key=f"version:{version.pk}",
        title=f"{area.name}: {version.display_label()} of the action plan published",
        description=f"{version.title or 'The action plan'} ({version.action_count} actions).",
        link=public_path("public:plan_version", area.slug, version.number)
        or public_path("public:area", area.slug)
        or "/",
        published=version.published_at,
        area=area.name,
    )


def _report_entry(report):
    period = f" ({report.period_label})" if report.period_label else ""
    status = f" Overall status: {report.overall_status_text}." if report.overall_status_text else ""
    return Entry(
        key=f"report:{report.pk}",
        title=f"{report.area.name}: progress report published{period}",
        description=f"{sentence(report.title)}{status}",
        link=public_path("public:report", report.area.slug, report.pk)
        or public_path("public:area", report.area.slug)
        or "/",
        published=report.published_at,
        area=report.area.name,
    )


def status_changes(area):
    """Actions whose canonical status changed from one published version to the next."""
    versions = published.versions_in_order(area)
    if len(versions) < 2:
        return []
    rows = (
        Action.objects.filter(version__in=versions)
        .select_related("version")
        .only(
            "ref",
            "text",
            "canonical_status",
            "identity_id",
            "version__number",
            "version__published_at",
            "version__label",
        )
        .order_by("version__published_at", "version__number")
    )
    previous_status, changes = {}, []
    for action in rows:
        before = previous_status.get(action.identity_id)
        previous_status[action.identity_id] = action.canonical_status
        if before is None or before == action.canonical_status:
            continue
        now = (
            CanonicalStatus(action.canonical_status).label
            if action.canonical_status
            else "no status"
        )
        was = CanonicalStatus(before).label if before else "no status"
        changes.append(
            Entry(
                key=f"status:{action.pk}",
                title=f"{area.name}: action {action.ref or '(no ref)'} is now {now.lower()}",
                description=f"Was {was.lower()} before {action.version.display_label()}. "
                f"{action.text[:300]}",
                link=public_path("public:action", area.slug, action.ref)
                or public_path("public:area", area.slug)
                or "/",
                published=action.version.published_at,
                area=area.name,
            )
        )
    return changes


def _update_entry(update):
    area = update.identity.plan.area
    ref = update.action_ref
    status = f" Status: {update.status}." if update.status else ""
    return Entry(
        key=f"update:{update.pk}",
        title=f"{area.name}: progress on action {ref or '(no ref)'}",
        description=f"{update.summary[:500]}{status}",
        link=(public_path("public:action", area.slug, ref) if ref else None)
        or public_path("public:area", area.slug)
        or "/",
        published=update.published_at,
        area=area.name,
    )


def _answered_questions(area):
    from concordat.voice.selectors import public_questions

    return public_questions().filter(area=area).order_by("-replied_at", "-pk")[:LIMIT]


def _question_entry(area, question):
    """A question from the public and the area's reply, published together."""
    if question.identity_id:
        link = public_path("public:action", area.slug, question.action_ref)
    else:
        link = public_path("public:report", area.slug, question.report_id)
    return Entry(
        key=f"question:{question.pk}",
        title=f"{area.name}: a question about {question.about} answered",
        description=f"Question: {question.body[:500]}\n\nReply from {area.name}: "
        f"{question.reply[:1000]}",
        link=f"{link or public_path('public:area', area.slug) or '/'}#question-{question.pk}",
        published=question.replied_at,
        area=area.name,
    )


def _newest(entries):
    return sorted(entries, key=lambda entry: (entry.published, entry.key), reverse=True)[:LIMIT]


class SafeAtom1Feed(Atom1Feed):
    """Atom that no stored text can break: XML-illegal characters are left out on the way out
    (Django refuses to write them, which would make the feed fail)."""

    def write(self, outfile, encoding):
        self.feed = {key: xml_safe(value) for key, value in self.feed.items()}
        self.items = [{key: xml_safe(value) for key, value in item.items()} for item in self.items]
        super().write(outfile, encoding)


class PublicationsFeed(Feed):
    """Links are absolute on the configured site address, as the calendars' are."""

    feed_type = SafeAtom1Feed
    author_name = "Crisis Care Concordat"

    def link(self):
        return site_link("/")

    def feed_url(self):
        return site_link(public_path("publications_feed"))

    def title(self):
        return f"{settings.CONCORDAT_SERVICE_NAME}: publications"

    def subtitle(self):
        return "Every action plan version and progress report published, across England."

    def feed_guid(self):
        return _stable_id("feed:publications")

    def items(self):
        entries = [
            _version_entry(v) for v in selectors.versions().order_by("-published_at")[:LIMIT]
        ]
        entries += [_report_entry(r) for r in selectors.reports().order_by("-published_at")[:LIMIT]]
        return _newest(entries)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return site_link(item.link)

    def item_guid(self, item):
        return _stable_id(item.key)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.published

    def item_author_name(self, item):
        return item.area


class AreaFeed(PublicationsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Area, slug=slug)

    def title(self, obj):
        return f"{obj.name}: Crisis Care Concordat updates"

    def subtitle(self, obj):
        return (
            f"Plan versions, progress reports and progress updates {obj.name} published, and "
            "actions whose status changed between versions."
        )

    def link(self, obj):
        return site_link(public_path("public:area", obj.slug))

    def feed_url(self, obj):
        return site_link(public_path("area_feed", obj.slug))

    def feed_guid(self, obj):
        return _stable_id(f"feed:area:{obj.pk}")

    def items(self, obj):
        entries = [_version_entry(v) for v in selectors.versions(area=obj.slug)]
        entries += [_report_entry(r) for r in selectors.reports(area=obj.slug)]
        entries += status_changes(obj)
        entries += [_update_entry(u) for u in published_updates(area=obj)[:LIMIT]]
        entries += [_question_entry(obj, q) for q in _answered_questions(obj)]
        return _newest(entries)


publications_feed = PublicationsFeed()
area_feed = AreaFeed()
