"""Reads of published plans: versions, actions with their latest public progress, and each
action's verdict today (concordat.core.verdict: overdue, stale, the RAG to show).

Only published rows are read, through `concordat.core.selectors.published` (the one
definition of a published version, each plan's latest one and a public update). Every
function runs a fixed number of queries, whatever the data size.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Subquery

from concordat.core import rules, verdict
from concordat.core.models import (
    Action,
    ActionLead,
    Area,
    CanonicalStatus,
    PlanVersion,
    ProgressUpdate,
    Section,
)

from .published import VersionRef, latest_public_update, latest_version, latest_versions

NOT_STATED = "none"  # the filter value for "no status" or "no RAG"


def _latest_update_id():
    return Subquery(latest_public_update().values("pk")[:1])


@dataclass
class PublicAction(verdict.Judged):
    """An action of a published version with the verdict the public pages show beside it."""

    action: Action
    version: PlanVersion
    area: object
    organisations: list
    verdict: verdict.Verdict

    @property
    def section_number(self):
        return self.action.section.number if self.action.section_id else None

    @property
    def rag_label(self):
        return _RAG_LABELS.get(self.rag, "")


_RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}


@dataclass
class LeadOrganisation:
    """An organisation named as a lead: what pages show of it, without a model instance."""

    pk: int
    name: str
    slug: str
    url: str = ""


def lead_organisations(action_ids):
    """{action id: [LeadOrganisation, …]} in lead order, in one query (cheaper than a
    prefetch, which builds a queryset and two model instances per lead)."""
    leads = defaultdict(list)
    if not action_ids:
        return leads
    rows = (
        ActionLead.objects.filter(action_id__in=action_ids)
        .order_by("action_id", "position", "pk")
        .values_list("action_id", "organisation_id", "organisation__name", "organisation__slug")
    )
    seen = {}
    for action_id, pk, name, slug in rows:
        organisation = seen.get(pk) or seen.setdefault(pk, LeadOrganisation(pk, name, slug))
        leads[action_id].append(organisation)
    return leads


# Columns no public page shows; `raw` can be large.
_NOT_SHOWN = ("raw", "extra", "section_raw", "lock_version", "created_at", "updated_at")


def _with_progress(queryset, *, on, versions, areas, with_leads=True):
    """Describe the actions; `versions` and `areas` map ids to the objects already read.
    Without `with_leads`, `organisations` is left empty (one query fewer)."""
    actions = list(
        queryset.select_related("section")
        .defer(*_NOT_SHOWN)
        .annotate(latest_update_id=_latest_update_id())
    )
    leads = lead_organisations([action.pk for action in actions]) if with_leads else {}
    wanted = {a.latest_update_id for a in actions if a.latest_update_id}
    by_id = ProgressUpdate.objects.in_bulk(wanted) if wanted else {}
    items = []
    for action in actions:
        version = versions[action.version_id]
        items.append(
            PublicAction(
                action=action,
                version=version,
                area=areas[version.area_id],
                organisations=leads.get(action.pk, []),
                verdict=verdict.action_verdict(
                    action, last_update=by_id.get(action.latest_update_id), on=on
                ),
            )
        )
    return items


def version_actions(version, *, on):
    """Every action of a published version, in plan order, described for the public.

    `version` must come with its plan and area (select_related("plan__area")).
    """
    if not version.is_published:
        raise ValueError("Only a published version's actions are public.")
    version.area_id = version.plan.area_id
    return _with_progress(
        version.actions.order_by("position", "pk"),
        on=on,
        versions={version.pk: version},
        areas={version.area_id: version.plan.area},
    )


@dataclass
class LedArea:
    area: Area
    actions: int  # how many actions the organisation leads there
    version: VersionRef  # the area's latest published version


def organisation_led_areas(organisation):
    """Every area whose latest published plan has actions the organisation leads, by name,
    with how many: counted in the database, so a page can say so without reading them."""
    versions = {version.pk: version for version in latest_versions()}
    per_version = dict(
        Action.objects.filter(version_id__in=list(versions), leads__organisation=organisation)
        .values_list("version_id")
        .annotate(number=Count("pk"))
        .order_by()
    )
    areas = Area.objects.only("name", "slug").in_bulk({versions[pk].area_id for pk in per_version})
    led = [
        LedArea(areas[versions[pk].area_id], number, versions[pk])
        for pk, number in per_version.items()
    ]
    return sorted(led, key=lambda item: (item.area.name, item.area.pk))


def organisation_actions(organisation, led_areas, *, on):
    """The actions the organisation leads in these areas (from organisation_led_areas), by
    area then plan order (without the other lead organisations)."""
    versions = {item.version.pk: item.version for item in led_areas}
    areas = {item.area.pk: item.area for item in led_areas}
    queryset = Action.objects.filter(
        version_id__in=list(versions), leads__organisation=organisation
    ).order_by("version__plan__area__name", "version__plan__area_id", "position", "pk")
    return _with_progress(queryset, on=on, versions=versions, areas=areas, with_leads=False)


@dataclass
class ActionPage:
    item: PublicAction
    updates: list
    history: list  # (version, action) for every published version the action is written in


def action_page(area, ref, *, on):
    """The action with this ref in the area's latest published plan, or None."""
    version = latest_version(area)
    if version is None:
        return None
    queryset = version.actions.filter(ref=ref).order_by("position", "pk")[:1]
    version.area_id = version.plan.area_id
    items = _with_progress(
        queryset, on=on, versions={version.pk: version}, areas={area.pk: version.plan.area}
    )
    if not items:
        return None
    item = items[0]
    identity_id = item.action.identity_id
    # Withdrawn updates are listed too: the page shows the withdrawal in their place.
    updates = list(
        ProgressUpdate.objects.listed()
        .filter(identity_id=identity_id)
        .select_related("version")
        .prefetch_related("evidence")
        .order_by(*verdict.LATEST_FIRST)
    )
    for update in updates:
        update.day = verdict.update_day(update)
    history = [
        (other.version, other)
        for other in Action.objects.published()
        .filter(identity_id=identity_id)
        .select_related("version")
        .newest_version_first()
    ]
    return ActionPage(item=item, updates=updates, history=history)


# --- filters --------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionFilters:
    section: int | None = None
    status: str = ""  # a canonical status, NOT_STATED, or "" for any
    rag: str = ""  # red, amber, green, blue, NOT_STATED, or "" for any
    lead: str = ""  # an organisation's slug
    overdue: bool = False
    stale: bool = False

    @property
    def active(self):
        return bool(
            self.section or self.status or self.rag or self.lead or self.overdue or self.stale
        )


def _matches(item, filters):
    action = item.action
    if filters.section and item.section_number != filters.section:
        return False
    if filters.status:
        wanted = "" if filters.status == NOT_STATED else filters.status
        if action.canonical_status != wanted:
            return False
    if filters.rag:
        wanted = "" if filters.rag == NOT_STATED else filters.rag
        if item.rag != wanted:
            return False
    if filters.lead and filters.lead not in {o.slug for o in item.organisations}:
        return False
    if filters.overdue and not item.overdue:
        return False
    return not (filters.stale and not item.stale)


def filter_actions(items, filters):
    return [item for item in items if _matches(item, filters)]


def lead_choices(items):
    """(slug, name) of every organisation leading at least one of these actions, by name."""
    seen = {o.slug: o.name for item in items for o in item.organisations}
    return sorted(seen.items(), key=lambda pair: pair[1].lower())


# --- grouping ---------------------------------------------------------------------------


@dataclass
class SubthemeGroup:
    title: str
    items: list = field(default_factory=list)


@dataclass
class SectionGroup:
    section: Section | None
    subthemes: list = field(default_factory=list)

    @property
    def count(self):
        return sum(len(group.items) for group in self.subthemes)


def group_by_section(items):
    """Sections in number order (actions without one last), sub-themes in plan order."""
    groups: dict = {}
    for item in items:
        action = item.action
        key = item.section_number or 99
        group = groups.setdefault(key, SectionGroup(section=action.section))
        if not group.subthemes or group.subthemes[-1].title != action.subtheme:
            group.subthemes.append(SubthemeGroup(title=action.subtheme))
        group.subthemes[-1].items.append(item)
    return [groups[key] for key in sorted(groups)]


def summarise(items):
    """Counts by canonical status and shown RAG (with how many of each RAG are suggested),
    with the overdue, already-due and freshness totals.

    Freshness splits the whole: `updated_recently` + `not_updated` == `total`, and `stale`
    (open and not updated: what needs an update) is the open part of `not_updated`."""
    on = items[0].verdict.on if items else None
    updated = sum(item.updated_recently for item in items)
    return {
        "total": len(items),
        "by_status": rules.counts_by_status(item.action.canonical_status for item in items),
        "by_rag": rules.counts_by_rag(item.rag for item in items),
        "by_rag_suggested": rules.counts_by_rag(item.rag for item in items if item.rag_suggested),
        "overdue": sum(item.overdue for item in items),
        "stale": sum(item.stale for item in items),
        "updated_recently": updated,
        "not_updated": len(items) - updated,
        "already_due": sum(1 for item in items if item.action.due and item.action.due < on),
        "complete": sum(item.action.canonical_status == CanonicalStatus.COMPLETE for item in items),
        "last_update": max((i.last_update_on for i in items if i.last_update_on), default=None),
    }


def sections():
    return list(Section.objects.order_by("number"))
