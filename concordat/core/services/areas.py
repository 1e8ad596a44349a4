from django.core.exceptions import ValidationError
from django.db import transaction

from concordat.core.audit import audit_field_changes
from concordat.core.models import Area

AREA_DETAIL_FIELDS = [
    "declaration_date",
    "declaration_text",
    "governance",
    "accountable_boards",
    "srg_link",
    "urgent_care_network_link",
    "chair",
    "project_manager",
    "review_cycle_months",
    "hwb_areas",
    "website",
]


@transaction.atomic
def area_update_details(*, area, actor, declaration_signatories=None, partners=None, **changes):
    """Change an area's declaration, governance and people; each change is audited."""
    unknown = set(changes) - set(AREA_DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    locked = Area.objects.select_for_update().get(pk=area.pk)
    before = {field: getattr(locked, field) for field in AREA_DETAIL_FIELDS}
    after = {}
    for field, value in changes.items():
        setattr(locked, field, value)
    if locked.review_cycle_months is not None and not 1 <= locked.review_cycle_months <= 36:
        raise ValidationError("The review cycle must be between 1 and 36 months.")
    locked.full_clean(exclude=["parent", "declaration_signatories", "partners"])
    locked.save()
    for name, organisations in (
        ("declaration_signatories", declaration_signatories),
        ("partners", partners),
    ):
        if organisations is None:
            continue
        manager = getattr(locked, name)
        before[name] = sorted(manager.values_list("name", flat=True))
        manager.set(organisations)
        after[name] = sorted(org.name for org in organisations)
    audit_field_changes(
        actor=actor,
        instance=locked,
        before=before,
        fields=[*AREA_DETAIL_FIELDS, *after],
        after=after,
        area=locked,
    )
    return locked


PLACE_FIELDS = ["ons_codes", "population", "population_year"]


def _clean_place(*, ons_codes, population, population_year):
    codes = [str(code).strip().upper() for code in ons_codes if str(code).strip()]
    if population is not None and population < 1:
        raise ValidationError("The population must be a whole number of residents, like 485000.")
    if population_year is not None and not 1990 <= population_year <= 2100:
        raise ValidationError("The population's year must be a year like 2024.")
    if population is None and population_year is not None:
        raise ValidationError("Give the population for the year, or leave both empty.")
    return codes


@transaction.atomic
def area_set_place(*, area, actor, ons_codes, population=None, population_year=None):
    """Set the board areas an area covers (ONS codes) and its population; audited."""
    codes = _clean_place(
        ons_codes=ons_codes, population=population, population_year=population_year
    )
    locked = Area.objects.select_for_update().get(pk=area.pk)
    before = {field: getattr(locked, field) for field in PLACE_FIELDS}
    locked.ons_codes, locked.population, locked.population_year = (
        codes,
        population,
        population_year,
    )
    locked.full_clean(exclude=["parent", "declaration_signatories", "partners"])
    locked.save(update_fields=[*PLACE_FIELDS, "updated_at"])
    audit_field_changes(
        actor=actor, instance=locked, before=before, fields=PLACE_FIELDS, area=locked
    )
    return locked


@transaction.atomic
def area_populations_load(*, rows, actor):
    """Set many areas' populations from rows of {"area": slug, "population", "year"}: all or
    nothing, every problem named with its line; returns the areas changed."""
    problems, changes = [], []
    areas = Area.objects.in_bulk(field_name="slug")
    seen = set()
    for line, row in rows:
        slug = (row.get("area") or "").strip()
        area = areas.get(slug)
        if area is None:
            problems.append(f"Line {line}: no area with the address “{slug}”.")
            continue
        if slug in seen:
            problems.append(f"Line {line}: {area.name} is given more than once.")
            continue
        seen.add(slug)
        try:
            population = int((row.get("population") or "").replace(",", "").strip())
            year_text = (row.get("year") or "").strip()
            year = int(year_text) if year_text else None
            _clean_place(ons_codes=[], population=population, population_year=year)
        except ValueError:
            problems.append(f"Line {line}: the population and year must be whole numbers.")
            continue
        except ValidationError as error:
            problems.append(f"Line {line}: {error.messages[0]}")
            continue
        changes.append((area, population, year))
    if not changes and not problems:
        problems.append("The file has no rows of populations.")
    if problems:
        raise ValidationError(problems)
    return [
        area_set_place(
            area=area,
            actor=actor,
            ons_codes=area.ons_codes,
            population=population,
            population_year=year,
        )
        for area, population, year in changes
    ]
