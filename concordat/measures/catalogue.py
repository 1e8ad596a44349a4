"""The national catalogue of outcome measures (issue 5, from seed 000's outcome data and the
KPI set at the end of seed 004), and how an area's own KPIs map onto it.

The catalogue is loaded by a data migration, so it exists on every database; an area's own
KPI that is the same measure as a catalogue entry points at it (`Metric.maps_to`) and its
values are recorded against the catalogue entry, so every area can be compared on it.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CatalogueEntry:
    slug: str
    name: str
    description: str
    measure_phrase: str
    unit: str
    better: str  # "lower" | "higher" | "neither"
    period: str = "month"
    kind: str = "hard"
    aggregation: str = "sum"
    is_never_event: bool = False


CATALOGUE = [
    CatalogueEntry(
        slug="section-136-detentions",
        name="Section 136 detentions",
        description=(
            "People the police removed to a place of safety under section 136 of the Mental "
            "Health Act 1983, counted in the period."
        ),
        measure_phrase="section 136 detentions",
        unit="detentions",
        better="lower",
    ),
    CatalogueEntry(
        slug="police-cells-place-of-safety-adults",
        name="Adults held in police cells as a place of safety",
        description=(
            "Section 136 detentions of people aged 18 or over in which a police cell was used "
            "as the place of safety."
        ),
        measure_phrase="uses of police cells as a place of safety",
        unit="detentions",
        better="lower",
    ),
    CatalogueEntry(
        slug="police-cells-place-of-safety-under-18",
        name="Under-18s held in police cells as a place of safety",
        description=(
            "Section 136 detentions of children and young people under 18 in which a police "
            "cell was used as the place of safety. This should never happen: any value above "
            "zero is flagged."
        ),
        measure_phrase="under-18s held in police cells as a place of safety",
        unit="detentions",
        better="lower",
        is_never_event=True,
    ),
    CatalogueEntry(
        slug="ambulance-section-136-within-30-minutes",
        name="Ambulance arrival within 30 minutes for section 136 conveyance",
        description=(
            "The share of section 136 conveyances for which an ambulance arrived within 30 "
            "minutes of being called."
        ),
        measure_phrase="section 136 conveyances reached by an ambulance within 30 minutes",
        unit="%",
        better="higher",
        aggregation="mean",
    ),
    CatalogueEntry(
        slug="out-of-area-placements",
        name="Out-of-area bed placements",
        description=(
            "Admissions of people in mental health crisis to an acute bed outside the area "
            "because no local bed was available."
        ),
        measure_phrase="out-of-area bed placements",
        unit="placements",
        better="lower",
    ),
    CatalogueEntry(
        slug="ae-mental-health-four-hour-breaches",
        name="Mental health A&E four-hour breaches",
        description=(
            "Attendances at A&E by people in mental health crisis that waited longer than four "
            "hours."
        ),
        measure_phrase="four-hour A&E breaches for people in mental health crisis",
        unit="breaches",
        better="lower",
    ),
    CatalogueEntry(
        slug="crisis-response-within-four-hours",
        name="Crisis team response within four hours",
        description=(
            "The share of urgent referrals the mental health crisis team responded to within "
            "four hours."
        ),
        measure_phrase="urgent referrals answered by the crisis team within four hours",
        unit="%",
        better="higher",
        aggregation="mean",
    ),
    CatalogueEntry(
        slug="police-restraint",
        name="Police restraint in mental health incidents",
        description="Incidents involving a person in mental health crisis in which police "
        "used restraint.",
        measure_phrase="uses of police restraint",
        unit="incidents",
        better="lower",
    ),
    CatalogueEntry(
        slug="section-12-doctor-assessments",
        name="Section 12 doctor assessments",
        description="Mental Health Act assessments that needed a section 12 approved doctor.",
        measure_phrase="section 12 doctor assessments",
        unit="assessments",
        better="lower",
    ),
    CatalogueEntry(
        slug="crisis-line-appropriate-calls",
        name="Appropriate calls to the crisis line",
        description=(
            "Calls to the mental health crisis line from partner services (police, ambulance, "
            "GPs, A&E) that were appropriate for it."
        ),
        measure_phrase="appropriate calls to the crisis line",
        unit="calls",
        better="higher",
    ),
    CatalogueEntry(
        slug="service-user-feedback",
        name="Service user feedback on crisis care",
        description=(
            "The share of people asked after a crisis who said the services that responded "
            "treated them well (a soft measure)."
        ),
        measure_phrase="service users reporting a good experience of crisis care",
        unit="%",
        better="higher",
        period="quarter",
        kind="soft",
        aggregation="mean",
    ),
    CatalogueEntry(
        slug="carer-feedback",
        name="Carer feedback on crisis services",
        description=(
            "The share of carers asked who said crisis services involved and supported them "
            "(a soft measure)."
        ),
        measure_phrase="carers reporting a good experience of crisis services",
        unit="%",
        better="higher",
        period="quarter",
        kind="soft",
        aggregation="mean",
    ),
]

# An area KPI, as written, that is the same measure as a catalogue entry. Tried in order;
# a KPI no pattern fits stays the area's own measure (A&E crisis admissions, training).
SAME_MEASURE = [
    (r"under (?:the age of )?18|child or young person", "police-cells-place-of-safety-under-18"),
    (r"police cells?", "police-cells-place-of-safety-adults"),
    (r"section 136 detentions|s136 detentions", "section-136-detentions"),
    (r"section 12", "section-12-doctor-assessments"),
    (r"a&e breach|a and e breach", "ae-mental-health-four-hour-breaches"),
    (r"4 hour response|four hour response", "crisis-response-within-four-hours"),
    (r"ambulance", "ambulance-section-136-within-30-minutes"),
    (r"crisis line", "crisis-line-appropriate-calls"),
    (r"police restraint", "police-restraint"),
    (r"carer feedback", "carer-feedback"),
    (r"service user feedback", "service-user-feedback"),
    (r"out of area|out-of-area", "out-of-area-placements"),
]


def same_measure(text):
    """The catalogue slug an area's KPI text is the same measure as, or None."""
    lowered = " ".join(text.lower().split())
    for pattern, slug in SAME_MEASURE:
        if re.search(pattern, lowered):
            return slug
    return None


def catalogue_upsert(metric_model, using="default"):
    """Create or refresh every catalogue entry; `metric_model` may be a historical model."""
    for position, entry in enumerate(CATALOGUE, start=1):
        metric_model.objects.using(using).update_or_create(
            slug=entry.slug,
            defaults={
                "name": entry.name,
                "description": entry.description,
                "measure_phrase": entry.measure_phrase,
                "unit": entry.unit,
                "better": entry.better,
                "period": entry.period,
                "kind": entry.kind,
                "aggregation": entry.aggregation,
                "is_never_event": entry.is_never_event,
                "area": None,
                "position": position,
            },
        )
