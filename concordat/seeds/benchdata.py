"""Synthetic data at the scale of all of England, for benchmarks (DESIGN.md, "Scale").

152 local areas across the regions, each with a declaration, three published plan versions of
80 actions (identities carried across versions, a few actions dropped and added at each
refresh), 20 progress updates per action spread over the versions, 12 outcome measures with
monthly figures for five years, and two progress reports. Text lengths follow the real plans.

The same seed gives the same data: every random choice comes from one `random.Random(seed)`,
in a fixed order, and the dates hang off `as_of`, not off today. Rows are written with
`bulk_create` in batches, bypassing the services on purpose: this is test data, not a record.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from concordat.core import geography
from concordat.core.models import (
    Action,
    ActionIdentity,
    ActionLead,
    ActionPlan,
    Area,
    CanonicalStatus,
    Organisation,
    PlanVersion,
    ProgressUpdate,
    Rag,
    Region,
    Section,
    Sector,
)
from concordat.core.rules import add_months
from concordat.reports.models import Metric, MetricValue, Milestone, ProgressReport, ReportSection

BATCH = 2000
AS_OF = date(2026, 1, 1)


@dataclass(frozen=True)
class Scale:
    areas: int = 152
    versions: int = 3
    actions: int = 80
    updates: int = 20
    metrics: int = 12
    months: int = 60
    reports: int = 2
    churn: int = 3  # actions dropped, and as many added, at each refresh


# --- words --------------------------------------------------------------------------------

_ROOTS = [
    "Ash", "Brad", "Carl", "Dun", "Elm", "Fen", "Gran", "Hal", "Ing", "Kes", "Lan", "Mar",
    "Nor", "Ock", "Pen", "Ros", "Sel", "Thorn", "Ul", "Ven", "Wen", "Yar", "Bex", "Cor",
]  # fmt: skip
_ENDINGS = [
    "ford", "ley", "ton", "bury", "field", "ham", "worth", "wick", "mouth", "dale", "borough",
    "stead", "by",
]  # fmt: skip
_REGIONS = [r for r in Region.values if r != Region.NATIONAL]
_VERBS = [
    "Develop", "Review", "Commission", "Agree", "Establish", "Extend", "Map", "Train",
    "Pilot", "Evaluate", "Publish", "Improve", "Embed", "Co-produce", "Audit",
]  # fmt: skip
_OBJECTS = [
    "a street triage scheme with the police",
    "the section 136 place of safety pathway",
    "24/7 crisis home treatment for adults of all ages",
    "a crisis line reached through NHS 111",
    "liaison psychiatry in the emergency department",
    "a crisis house run with the voluntary sector",
    "training in de-escalation for control room staff",
    "data sharing between ambulance, police and mental health services",
    "a joint protocol for conveyance to a place of safety",
    "support for carers when the person they care for is in crisis",
    "peer support for people leaving hospital",
    "crisis care for children and young people",
    "the local Joint Strategic Needs Assessment for mental health",
    "a directory of crisis services for front-line staff",
    "an approved mental health professional rota that covers nights and weekends",
]
_CLAUSES = [
    "so that no one under 18 is held in a police cell",
    "with people who have lived experience of crisis and their carers",
    "across the Health and Wellbeing Board area",
    "reporting quarterly to the Concordat steering group",
    "in line with the minimum expectations of the national Concordat",
    "building on the findings of the 2014 baseline review",
    "within existing budgets, with a business case for any gap",
    "and agree the measures that will show whether it works",
]
_NOTE_SENTENCES = [
    "The working group met twice in the period and agreed the terms of reference.",
    "A business case has gone to the joint commissioning board for approval.",
    "Recruitment to the new posts is under way and two staff have started.",
    "Figures for the quarter show fewer detentions under section 136 than last year.",
    "The pilot ran for six months and the evaluation report is being finalised.",
    "Partners signed the information sharing agreement in the spring.",
    "Training has been delivered to 140 front-line staff, with more sessions booked.",
    "Service users and carers helped write the new leaflet and tested it in clinics.",
    "Delays in procurement mean the start date has moved back by a quarter.",
    "The steering group asked for a further update at its next meeting.",
    "Funding for the next year has been confirmed by the clinical commissioning group.",
    "Police and ambulance leads now review every section 136 case together each month.",
]
_OUTCOMES = [
    "Fewer people detained in police cells as a place of safety",
    "Quicker access to a mental health assessment in a crisis",
    "Improved experience of crisis services reported by service users",
    "Carers feel supported and informed",
    "Reduced repeat attendances at the emergency department",
    "Staff confident to respond to people in mental health crisis",
    "Better data on crisis activity to plan services",
]
_SUBTHEMES = ["", "", "Data and intelligence", "Workforce", "Partnership working", "Pathways"]
_STATUS_WORDS = {
    CanonicalStatus.NOT_STARTED: ["Not started", "Not yet started", "Planned"],
    CanonicalStatus.IN_PROGRESS: ["Ongoing", "On track", "Underway", "In progress", "Delayed"],
    CanonicalStatus.COMPLETE: ["Complete", "Completed", "Achieved"],
    CanonicalStatus.SUPERSEDED: ["Superseded", "No longer being taken forward"],
}
_RAG_FOR = {
    CanonicalStatus.NOT_STARTED: [Rag.AMBER, Rag.GREEN, Rag.RED],
    CanonicalStatus.IN_PROGRESS: [Rag.GREEN, Rag.AMBER, Rag.RED],
    CanonicalStatus.COMPLETE: [Rag.BLUE],
    CanonicalStatus.SUPERSEDED: [""],
}
_PEOPLE = [
    "Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Chris", "Helen", "Mark", "Ruth", "Imran",
    "Kate", "Owen", "Grace",
]  # fmt: skip
_SURNAMES = [
    "Hughes", "Patel", "Morgan", "Walsh", "Okafor", "Reid", "Lewis", "Turner", "Shah",
    "Bennett", "Price",
]  # fmt: skip
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip


class _Words:
    def __init__(self, rng):
        self.rng = rng

    def person(self):
        return f"{self.rng.choice(_PEOPLE)} {self.rng.choice(_SURNAMES)}"

    def action_text(self):
        text = f"{self.rng.choice(_VERBS)} {self.rng.choice(_OBJECTS)}"
        for _ in range(self.rng.randint(0, 2)):
            text += f" {self.rng.choice(_CLAUSES)}"
        text += "."
        if self.rng.random() < 0.2:
            items = self.rng.sample(_OBJECTS, 3)
            text += "\n" + "\n".join(f"• {item[0].upper()}{item[1:]}" for item in items)
        return text

    def note(self):
        sentences = self.rng.sample(_NOTE_SENTENCES, self.rng.randint(1, 5))
        return " ".join(sentences)

    def outcomes(self):
        return self.rng.sample(_OUTCOMES, self.rng.randint(1, 4))


def _timescale(rng, start, due):
    """Words a plan would use for these dates, and the dates they stand for."""
    kind = rng.random()
    if kind < 0.1:
        return "Ongoing", None, None, True
    if kind < 0.25:
        return f"From {_MONTHS[start.month - 1]} {start.year}", start, None, False
    if kind < 0.35:
        fy = due.year if due.month > 3 else due.year - 1
        end = date(fy + 1, 3, 31)
        return f"{fy}/{str(fy + 1)[2:]}", None, end, False
    month_end = add_months(date(due.year, due.month, 1), 1) - timedelta(days=1)
    word = _MONTHS[due.month - 1]
    if kind < 0.7:
        return f"{word} {due.year}", None, month_end, False
    return f"By end of {word} {due.year}", None, month_end, False


def _aware(day, rng):
    return datetime(
        day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59), tzinfo=UTC
    )


def _batched(model, rows, using):
    return model.objects.using(using).bulk_create(rows, batch_size=BATCH)


# --- the generator ------------------------------------------------------------------------


def _area_names(rng, count):
    """Made-up place names; about one area in seven covers two places ("X and Y")."""
    names = [f"{root}{ending}" for root in _ROOTS for ending in _ENDINGS]
    rng.shuffle(names)
    if count * 2 > len(names):
        names += [f"{name} {part}" for part in ("North", "South") for name in list(names)]
    chosen = []
    while len(chosen) < count:
        if rng.random() < 0.15:
            chosen.append(f"{names.pop()} and {names.pop()}")
        else:
            chosen.append(names.pop())
    return chosen


def _places(rng, names):
    """[(ONS codes, population)] per area: real board areas' codes from the hex layout, one
    each (two for an "X and Y" area) until they run out, then shared with an earlier area,
    so the map has areas several groups cover; populations from 120,000 to 1.5 million."""
    codes = list(geography.board_areas())
    rng.shuffle(codes)
    free = iter(codes)
    places = []
    for index, name in enumerate(names):
        wanted = 2 if " and " in name else 1
        chosen = [code for code in (next(free, None) for _ in range(wanted)) if code]
        if not chosen:
            chosen = [codes[index % len(codes)]]
        places.append((chosen, rng.randint(120, 1500) * 1000))
    return places


def _organisations(rng, area_names, using):
    kinds = [
        ("{} Clinical Commissioning Group", Sector.NHS_COMMISSIONER, "CCG"),
        ("{} Council", Sector.LOCAL_AUTHORITY, "Council"),
        ("{} Mind", Sector.VOLUNTARY, "Mind"),
        ("{} Healthcare NHS Trust", Sector.NHS_PROVIDER, "Trust"),
    ]
    regional = [
        ("{} Police", Sector.POLICE, "Police"),
        ("{} Ambulance Service", Sector.AMBULANCE, "Ambulance"),
    ]
    rows = []
    for name in area_names:
        for pattern, sector, short in kinds:
            rows.append(
                Organisation(
                    name=pattern.format(name),
                    slug=slugify(pattern.format(name)),
                    short_name=f"{name[:3].upper()} {short}",
                    sector=sector,
                )
            )
    for region in _REGIONS:
        label = Region(region).label
        for pattern, sector, short in regional:
            rows.append(
                Organisation(
                    name=pattern.format(label),
                    slug=slugify(pattern.format(label)),
                    short_name=short,
                    sector=sector,
                )
            )
    created = _batched(Organisation, rows, using)
    local = {name: created[i * 4 : i * 4 + 4] for i, name in enumerate(area_names)}
    offset = len(area_names) * 4
    by_region = {
        region: created[offset + i * 2 : offset + i * 2 + 2] for i, region in enumerate(_REGIONS)
    }
    return local, by_region


def _publication_days(rng, declared, versions, as_of):
    """Publication days of each version, oldest first, the latest within 14 months of as_of."""
    latest = as_of - timedelta(days=rng.randint(20, 420))
    days = [latest]
    for _ in range(versions - 1):
        days.append(days[-1] - timedelta(days=rng.randint(150, 300)))
    days.reverse()
    return [max(day, declared + timedelta(days=30 * (i + 1))) for i, day in enumerate(days)]


def _status_for(rng, progress):
    """A canonical status for an action `progress` (0 to 1) of the way through the plan's life."""
    roll = rng.random()
    if roll < 0.12:
        return ""
    if roll < 0.12 + 0.5 * progress:
        return CanonicalStatus.COMPLETE
    if roll < 0.15 + 0.5 * progress:
        return CanonicalStatus.SUPERSEDED
    if roll < 0.9 - 0.3 * progress:
        return CanonicalStatus.IN_PROGRESS
    return CanonicalStatus.NOT_STARTED


def generate(*, using="default", seed=1, scale=None, as_of=AS_OF, log=print):
    """Write the whole synthetic England into the database `using`; return row counts."""
    scale = scale or Scale()
    rng = random.Random(seed)
    words = _Words(rng)
    counts = {}
    with transaction.atomic(using=using):
        sections = {s.number: s for s in Section.objects.using(using).all()}
        names = _area_names(rng, scale.areas)
        local_orgs, regional_orgs = _organisations(rng, names, using)
        counts["organisations"] = Organisation.objects.using(using).count()

        areas = []
        # Their own random stream, so the rest of the data is as it was before places.
        places = _places(random.Random(f"places-{seed}"), names)
        for index, name in enumerate(names):
            region = _REGIONS[index % len(_REGIONS)]
            codes, population = places[index]
            areas.append(
                Area(
                    name=name,
                    slug=slugify(name),
                    kind=Area.Kind.LOCAL,
                    region=region,
                    hwb_areas=name.split(" and "),
                    ons_codes=codes,
                    population=population,
                    population_year=as_of.year - 1,
                    declaration_date=date(2014, 3, 1) + timedelta(days=rng.randint(0, 480)),
                    governance=(
                        f"The {name} Crisis Care Concordat group reports to the {name} Health and "
                        "Wellbeing Board every six months. "
                        + " ".join(rng.sample(_NOTE_SENTENCES, 2))
                    ),
                    accountable_boards=(
                        f"{name} Health and Wellbeing Board\n{name} Safeguarding Board"
                    ),
                    chair=words.person(),
                    project_manager=words.person(),
                    review_cycle_months=6,
                )
            )
        areas = _batched(Area, areas, using)
        signed = Area.declaration_signatories.through
        _batched(
            signed,
            [
                signed(area_id=area.pk, organisation_id=org.pk)
                for area in areas
                for org in local_orgs[area.name] + regional_orgs[area.region]
            ],
            using,
        )
        counts["areas"] = len(areas)
        log(f"{len(areas)} areas and their organisations.")

        plans = _batched(
            ActionPlan,
            [
                ActionPlan(area=area, title=f"{area.name} Crisis Care Concordat action plan")
                for area in areas
            ],
            using,
        )
        counts.update(
            _plans(
                rng,
                words,
                areas,
                plans,
                sections,
                local_orgs,
                regional_orgs,
                scale,
                as_of,
                using,
                log,
            )
        )
        counts.update(_metrics(rng, areas, scale, as_of, using))
        log(f"{counts['metric_values']} metric values.")
        counts.update(_reports(rng, words, areas, scale, as_of, using))
    return counts


def _plans(rng, words, areas, plans, sections, local_orgs, regional_orgs, scale, as_of, using, log):
    versions, identities, actions, leads, updates = [], [], [], [], []
    for area, plan in zip(areas, plans, strict=True):
        days = _publication_days(rng, area.declaration_date, scale.versions, as_of)
        plan_versions = [
            PlanVersion(
                plan=plan,
                number=number,
                label=f"Version {number}",
                title=plan.title,
                state=PlanVersion.State.PUBLISHED,
                published_at=_aware(day, rng),
                review_due=add_months(day, area.review_cycle_months),
                stated_date=f"{_MONTHS[day.month - 1]} {day.year}",
            )
            for number, day in enumerate(days, start=1)
        ]
        versions.append((area, plan, plan_versions, days))
    flat_versions = _batched(PlanVersion, [v for _, _, vs, _ in versions for v in vs], using)
    log(f"{len(flat_versions)} published plan versions.")

    # Which identities each version holds: the first has `actions`; each refresh drops
    # `churn` of them and adds as many new ones.
    plan_rows = []
    for area, plan, plan_versions, days in versions:
        count = scale.actions
        held = [list(range(count))]
        next_id = count
        for _ in range(1, scale.versions):
            keep = sorted(rng.sample(held[-1], count - scale.churn))
            keep.extend(range(next_id, next_id + scale.churn))
            next_id += scale.churn
            held.append(keep)
        ids = [
            ActionIdentity(plan=plan, uid=uuid.UUID(int=rng.getrandbits(128), version=4))
            for _ in range(next_id)
        ]
        identities.extend(ids)
        plan_rows.append((area, plan_versions, days, held, ids))
    _batched(ActionIdentity, identities, using)
    counts = {"identities": len(identities)}

    for area, plan_versions, days, held, ids in plan_rows:
        orgs = local_orgs[area.name] + regional_orgs[area.region]
        base = {}  # identity index -> the fields it was first written with
        for number, (version, day, members) in enumerate(
            zip(plan_versions, days, held, strict=True), start=1
        ):
            per_section = _section_sizes(rng, len(members))
            position = 0
            for section_number, size in per_section:
                for n in range(1, size + 1):
                    index = members[position]
                    position += 1
                    fields = base.get(index)
                    if fields is None:
                        fields = _new_action_fields(rng, words, day, orgs)
                        base[index] = fields
                    elif rng.random() < 0.1:
                        fields = {**fields, "text": words.action_text()}
                        base[index] = fields
                    progress = number / scale.versions
                    status = _status_for(rng, progress)
                    rag = rng.choice(_RAG_FOR[status]) if status and rng.random() < 0.6 else ""
                    action = Action(
                        version=version,
                        identity=ids[index],
                        position=position,
                        ref=f"{section_number}.{n}",
                        ref_raw=f"{section_number}.{n}",
                        new=index >= scale.actions and number > 1,
                        section=sections.get(section_number),
                        section_raw=sections[section_number].title
                        if section_number in sections
                        else "",
                        subtheme=fields["subtheme"],
                        text=fields["text"],
                        timescale=fields["timescale"],
                        start=fields["start"],
                        due=fields["due"],
                        ongoing=fields["ongoing"],
                        lead=fields["lead"],
                        outcomes=fields["outcomes"],
                        status=rng.choice(_STATUS_WORDS[status]) if status else "",
                        canonical_status=status,
                        rag_raw=str(rag).upper() if rag else "",
                        rag=rag,
                    )
                    actions.append((action, fields["leads"]))
    created = _batched(Action, [a for a, _ in actions], using)
    counts["actions"] = len(created)
    for action, (_, lead_orgs) in zip(created, actions, strict=True):
        for place, org in enumerate(lead_orgs):
            leads.append(
                ActionLead(
                    action_id=action.pk,
                    organisation_id=org.pk,
                    matched_text=org.short_name,
                    position=place,
                )
            )
    _batched(ActionLead, leads, using)
    log(f"{len(created)} actions, {len(leads)} lead organisations.")

    for area, plan_versions, days, held, ids in plan_rows:
        holders = {}
        for version, day, members in zip(plan_versions, days, held, strict=True):
            for index in members:
                holders.setdefault(index, []).append((version, day))
        previous_day = {
            v.pk: (days[i - 1] if i else area.declaration_date) for i, v in enumerate(plan_versions)
        }
        for index, held_by in holders.items():
            for k in range(scale.updates):
                version, day = held_by[k * len(held_by) // scale.updates]
                start = previous_day[version.pk]
                span = max((day - start).days, 1)
                status = _status_for(rng, 0.5)
                day = start + timedelta(days=rng.randint(0, span))
                # One note in twenty came from a document that gave no date: undated.
                dated = rng.random() < 0.95
                updates.append(
                    ProgressUpdate(
                        identity=ids[index],
                        version=version,
                        date=day if dated else None,
                        note=words.note(),
                        status=rng.choice(_STATUS_WORDS[status]) if status else "",
                        canonical_status=status,
                        rag=rng.choice(_RAG_FOR[status]) if status else "",
                        author_name=words.person(),
                        source=ProgressUpdate.Source.WEB if dated else ProgressUpdate.Source.IMPORT,
                    )
                )
    _batched(ProgressUpdate, updates, using)
    counts["updates"] = len(updates)
    log(f"{len(updates)} progress updates.")
    return counts


def _section_sizes(rng, total):
    weights = [rng.uniform(0.6, 1.6) * w for w in (0.35, 0.2, 0.2, 0.15, 0.1)]
    sizes = [max(1, int(total * w / sum(weights))) for w in weights]
    sizes[0] += total - sum(sizes)
    return list(enumerate(sizes, start=1))


def _new_action_fields(rng, words, day, orgs):
    start = day + timedelta(days=rng.randint(-60, 60))
    due = start + timedelta(days=rng.randint(60, 720))
    timescale, start_on, due_on, ongoing = _timescale(rng, start, due)
    lead_orgs = rng.sample(orgs, rng.choice([1, 1, 1, 2, 2, 3]))
    return {
        "subtheme": rng.choice(_SUBTHEMES),
        "text": words.action_text(),
        "timescale": timescale,
        "start": start_on,
        "due": due_on,
        "ongoing": ongoing,
        "lead": " / ".join(org.short_name for org in lead_orgs),
        "leads": lead_orgs,
        "outcomes": words.outcomes(),
    }


def _metrics(rng, areas, scale, as_of, using):
    catalogue = list(
        Metric.objects.using(using).filter(area__isnull=True).order_by("position", "slug")
    )
    catalogue = catalogue[: scale.metrics]
    for number in range(len(catalogue), scale.metrics):
        catalogue.append(
            Metric.objects.using(using).create(
                slug=f"synthetic-measure-{number + 1}",
                name=f"Synthetic measure {number + 1}",
                unit="cases",
                position=100 + number,
            )
        )
    first = add_months(date(as_of.year, as_of.month, 1), -scale.months)
    values = []
    for area in areas:
        size = rng.uniform(0.5, 2.0)
        for metric in catalogue:
            # Counts grow with the population: per 100,000 residents, areas are alike.
            level = 70.0 if metric.is_percentage else 20.0 * size * area.population / 500_000
            for month in range(scale.months):
                start = add_months(first, month)
                end = add_months(start, 1) - timedelta(days=1)
                if metric.is_never_event:
                    value = 1 if rng.random() < 0.02 else 0
                elif metric.is_percentage:
                    value = round(min(100.0, max(0.0, rng.gauss(level, 8))), 1)
                else:
                    value = max(0, round(rng.gauss(level, level / 4)))
                values.append(
                    MetricValue(
                        metric=metric,
                        area=area,
                        period_start=start,
                        period_end=end,
                        value=Decimal(str(value)),
                    )
                )
    _batched(MetricValue, values, using)
    return {"metrics": len(catalogue), "metric_values": len(values)}


def _reports(rng, words, areas, scale, as_of, using):
    reports, sections, milestones = [], [], []
    for area in areas:
        for number in range(scale.reports):
            end = add_months(date(as_of.year, as_of.month, 1), -6 * number) - timedelta(days=1)
            start = add_months(end + timedelta(days=1), -6)
            reports.append(
                ProgressReport(
                    area=area,
                    title=f"{area.name} Crisis Care Concordat progress report",
                    period_start=start,
                    period_end=end,
                    period_label=(
                        f"{_MONTHS[start.month - 1]} to {_MONTHS[end.month - 1]} {end.year}"
                    ),
                    project_manager=area.project_manager,
                    authors=area.project_manager,
                    date_of_update=end,
                    overall_status=rng.choice(ProgressReport.OverallStatus.values),
                    state=ProgressReport.State.PUBLISHED,
                    published_at=_aware(end + timedelta(days=14), rng),
                )
            )
    reports = _batched(ProgressReport, reports, using)
    for report in reports:
        for position, (key, title) in enumerate(
            [
                ("aim", "Aim"),
                ("narrative", "Project status"),
                ("progress", "Progress"),
                ("outcomes", "Outcomes"),
                ("priorities", "Priorities for the next period"),
            ]  # fmt: skip
        ):
            sections.append(
                ReportSection(
                    report=report, key=key, title=title, body=words.note(), position=position
                )
            )
        for position in range(8):
            ref = f"{rng.randint(1, 5)}.{rng.randint(1, 8)}"
            done = rng.random() < 0.5
            milestones.append(
                Milestone(
                    report=report,
                    position=position,
                    item_text=ref,
                    refs=[ref],
                    text=rng.choice(_OBJECTS).capitalize(),
                    due_text=f"{_MONTHS[report.period_end.month - 1]} {report.period_end.year}",
                    due=report.period_end,
                    status_text="Complete" if done else "Underway",
                    canonical_status=CanonicalStatus.COMPLETE
                    if done
                    else CanonicalStatus.IN_PROGRESS,
                )
            )
    _batched(ReportSection, sections, using)
    _batched(Milestone, milestones, using)
    return {"reports": len(reports)}
