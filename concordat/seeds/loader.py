"""Load the five source documents as data. Safe to run again: nothing is duplicated.

Each document is parsed from its text. Plans go through the importer's pipeline and the same
services the web importer uses; areas and organisations are created once and then left to
the people who edit them.
"""

import hashlib
import re
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from concordat.core import geography
from concordat.core.models import Area, CanonicalStatus, NationalRole, PlanVersion, Region
from concordat.core.registry_data import LOCAL_ORGANISATIONS, NATIONAL_ORGANISATIONS
from concordat.core.selectors.organisations import organisation_names
from concordat.core.services import organisation_upsert, plan_version_import, plan_version_publish
from concordat.core.statuses import canonical_status
from concordat.core.timescales import parse_timescale
from concordat.imports.pipeline import RegistryEntry, parse_plan
from concordat.reports.models import Metric, ProgressReport
from concordat.reports.services import (
    metric_link_catalogue,
    progress_report_create,
    progress_report_publish,
)

from .faq import parse_faq
from .report import parse_progress_report

SEED_PREFIXES = {
    "guidance": "000_",
    "national_plan": "001_",
    "faq": "002_",
    "progress_report": "003_",
    "local_plan": "004_",
}
IMPORTED_BY = "Concordat office (loaded from the source document)"
# The national Concordat was published on 18 February 2014.
CONCORDAT_PUBLISHED = date(2014, 2, 18)
ESSEX, THURROCK = "E10000012", "E06000034"
DECLARATION = re.compile(r"\bdeclaration", re.IGNORECASE)


class SeedError(Exception):
    pass


def seed_path(name, seeds_dir=None):
    folder = Path(seeds_dir or settings.CONCORDAT_SEEDS_DIR)
    matches = sorted(folder.glob(f"{SEED_PREFIXES[name]}*.txt"))
    if len(matches) != 1:
        raise SeedError(
            f"Expected one file starting {SEED_PREFIXES[name]} in {folder}, found {len(matches)}."
        )
    return matches[0]


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def registry():
    return [
        RegistryEntry(id=pk, name=name, names=names) for pk, name, names in organisation_names()
    ]


@transaction.atomic
def load_seeds(*, seeds_dir=None):
    """Load every seed; return one line per thing done or found already there."""
    log = []
    faq = parse_faq(seed_path("faq", seeds_dir).read_text(encoding="utf-8"))
    signatories = load_organisations(faq, log)

    england = _area(
        log,
        slug="england",
        name="England",
        kind=Area.Kind.NATIONAL,
        region=Region.NATIONAL,
        declaration_date=CONCORDAT_PUBLISHED,
        review_cycle_months=12,
    )
    if not england.declaration_signatories.exists():
        england.declaration_signatories.set(signatories)
    _load_plan(log, england, seed_path("national_plan", seeds_dir))

    essex = _area(
        log,
        slug="south-west-essex",
        name="South West Essex",
        region=Region.EAST_OF_ENGLAND,
        # Essex in part (its south west), and Thurrock.
        ons_codes=[ESSEX, THURROCK],
        hwb_areas=["Essex (in part)", "Thurrock"],
    )
    version, parsed = _load_plan(log, essex, seed_path("local_plan", seeds_dir))
    _load_metrics(log, essex, version, parsed)

    _load_progress_report(log, seed_path("progress_report", seeds_dir))
    return log


def load_organisations(faq, log):
    roles = {
        NationalRole.SIGNATORY: ("Signatory", faq.signatory_role),
        NationalRole.SUPPORTER: ("Supporter", faq.supporter_role),
    }
    role_objects = {}
    for key, (name, text) in roles.items():
        role, _ = NationalRole.objects.update_or_create(
            key=key,
            defaults={"name": name, "summary": text.summary, "commitments": text.commitments},
        )
        role_objects[key] = role

    signatories, created = [], 0
    for role_key, names in (
        (NationalRole.SIGNATORY, faq.signatories),
        (NationalRole.SUPPORTER, faq.supporters),
    ):
        for name in names:
            short_name, aliases, sector = NATIONAL_ORGANISATIONS.get(name, ("", [], ""))
            organisation, was_created = organisation_upsert(
                name=name,
                short_name=short_name,
                aliases=aliases,
                sector=sector,
                national_role=role_objects[role_key],
            )
            created += was_created
            if role_key == NationalRole.SIGNATORY:
                signatories.append(organisation)
    for name, (short_name, aliases, sector) in LOCAL_ORGANISATIONS.items():
        _organisation, was_created = organisation_upsert(
            name=name, short_name=short_name, aliases=aliases, sector=sector
        )
        created += was_created
    log.append(
        f"Organisations: {len(faq.signatories)} signatories, {len(faq.supporters)} supporters, "
        f"{len(LOCAL_ORGANISATIONS)} local ({created} new)."
    )
    return signatories


def _area(log, *, slug, name, **defaults):
    """The area, created once; a later load only fills in what is still empty (what the
    documents say, added since), never what someone has edited."""
    area, created = Area.objects.get_or_create(slug=slug, defaults={"name": name, **defaults})
    if not created:
        missing = [
            field
            for field, value in defaults.items()
            if value not in (None, "", []) and getattr(area, field) in (None, "", [])
        ]
        for field in missing:
            setattr(area, field, defaults[field])
        if missing:
            area.save(update_fields=missing)
    log.append(f"Area {area.name}: {'created' if created else 'already there'}.")
    return area


def _load_plan(log, area, path):
    """Import and publish the plan unless this exact file was loaded; return (version, parsed)."""
    data = path.read_bytes()
    sha256 = _sha256(data)
    parsed = parse_plan(data, path.name, registry=registry())
    existing = PlanVersion.objects.filter(plan__area=area, source_sha256=sha256).first()
    if existing is not None:
        log.append(f"{area.name} plan from {path.name}: already loaded ({existing}).")
        return existing, parsed
    version = plan_version_import(
        area=area,
        parsed=parsed,
        actor=None,
        filename=path.name,
        sha256=sha256,
        author_name=IMPORTED_BY,
    )
    version = plan_version_publish(version=version, actor=None)
    log.append(f"{area.name} plan from {path.name}: {version.actions.count()} actions, published.")
    return version, parsed


def metric_direction(text):
    lowered = text.lower()
    if re.search(r"\b(increase|improved?|more)\b", lowered):
        return Metric.Better.HIGHER
    if re.search(r"\b(reduction|reduce|fewer|eliminat\w*|no child|no one)\b", lowered):
        return Metric.Better.LOWER
    return Metric.Better.NEITHER


def _load_metrics(log, area, version, parsed):
    for position, metric in enumerate(parsed.metrics, start=1):
        lowered = metric.text.lower()
        definition, _created = Metric.objects.get_or_create(
            slug=slugify(f"{area.slug} {metric.name}")[:120],
            defaults={
                "name": metric.name,
                "kind": metric.kind,
                "better": metric_direction(metric.text),
                "is_never_event": "under the age of 18" in lowered and "police cell" in lowered,
                "unit": "%" if "percentage" in lowered else "",
                "area": area,
                "source_version": version,
                "source_text": metric.text,
                "position": position,
            },
        )
        metric_link_catalogue(metric=definition)
    log.append(f"{area.name} KPIs: {len(parsed.metrics)} metric definitions.")


def _load_progress_report(log, path):
    """The overarching area the report is for, with its declarations and local groups, and
    the report itself (once)."""
    data = path.read_bytes()
    sha256 = _sha256(data)
    parsed = parse_progress_report(data.decode("utf-8"))
    narrative = parsed.section("narrative").body
    boards = _hwb_areas(_first(r"accountable to the (.+?) Health and Wellbeing", narrative))
    declared_text, declared_on = _declarations(parsed)
    area = _area(
        log,
        slug="hampshire-and-isle-of-wight",
        name="Hampshire and Isle of Wight",
        kind=Area.Kind.OVERARCHING,
        region=Region.SOUTH_EAST,
        project_manager=parsed.project_manager,
        chair=_first(r"independent chair, ([^,]+), has been appointed", narrative),
        accountable_boards=_first(r"accountable to the (.+? Boards)", narrative),
        governance=_first(r"(The group is accountable to .+?\.)", narrative),
        hwb_areas=boards,
        ons_codes=_codes(boards),
        declaration_date=declared_on,
        declaration_text=declared_text,
    )
    _local_groups(log, area, boards, declared_text, declared_on)
    existing = ProgressReport.objects.filter(source_sha256=sha256).first()
    if existing is not None:
        log.append(f"Progress report from {path.name}: already loaded.")
        return existing
    period = parse_timescale(parsed.period_label)
    report = progress_report_create(
        area=area,
        actor=None,
        title=parsed.title,
        period_start=period.start,
        period_end=period.due,
        period_label=parsed.period_label,
        project_manager=parsed.project_manager,
        authors=parsed.authors,
        date_of_update=parse_timescale(parsed.date_of_update_text).due,
        date_of_update_text=parsed.date_of_update_text,
        overall_status=parsed.overall_status,
        overall_status_text=parsed.overall_status_text,
        source_filename=path.name,
        source_sha256=sha256,
        sections=[(s.key, s.title, s.body) for s in parsed.sections],
        milestones=[
            {
                "item_text": m.item_text,
                "refs": m.refs,
                "text": m.text,
                "due_text": m.due_text,
                "due": parse_timescale(m.due_text).due if m.due_text else None,
                "status_text": m.status_text,
                "canonical_status": canonical_status(m.status_text),
            }
            for m in parsed.milestones
        ],
    )
    progress_report_publish(report=report, actor=None)
    log.append(f"Progress report from {path.name}: {len(parsed.milestones)} milestones, published.")
    return report


def _declarations(parsed):
    """(the date as written, the day) of the declarations the report records as signed: its
    completed milestone about a declaration, dated by its due date ("December 2014" is read
    as its last day); ("", None) when the report records none."""
    for milestone in parsed.milestones:
        done = canonical_status(milestone.status_text) == CanonicalStatus.COMPLETE
        if done and DECLARATION.search(milestone.text):
            day = parse_timescale(milestone.due_text).due if milestone.due_text else None
            return (milestone.due_text if day else "signed, date not given"), day
    return "", None


def _codes(names):
    """The ONS codes of the board areas named (by their names in the hex layout)."""
    by_name = {board.name.lower(): code for code, board in geography.board_areas().items()}
    return [by_name[name.lower()] for name in names if name.lower() in by_name]


def _local_groups(log, parent, boards, declared_text, declared_on):
    """One local group per board area the overarching group covers, each with the
    declaration the report records for it ("one for each Health and Wellbeing Board area")."""
    for name in boards:
        codes = _codes([name])
        _area(
            log,
            slug=slugify(name),
            name=name,
            kind=Area.Kind.LOCAL,
            parent=parent,
            region=parent.region,
            hwb_areas=[name],
            ons_codes=codes,
            declaration_date=declared_on,
            declaration_text=declared_text,
        )


def _first(pattern, text):
    found = re.search(pattern, text)
    return found.group(1).strip() if found else ""


def _hwb_areas(text):
    parts = re.split(r",\s*|\s+and\s+", text)
    return [part.strip() for part in parts if part.strip()]
