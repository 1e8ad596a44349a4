"""The minimum expectations of a local plan (seed 002), each checked with its evidence.

The system proposes; the Concordat office's reviewer confirms. A check passes when some
action (or the area's own details) shows the expectation is met, and lists that evidence;
a failing check says what is missing.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from .models import ActionLead, Section, Sector

# Words that show an action deals with an expectation; matched on word boundaries.
TOPICS = {
    "children_and_young_people": (
        "Children and young people are included (all ages)",
        r"child\w*|young people|young person|\bCYP\b|CAMHS|under[- ]18s?|all[- ]ages?|"
        r"ageless|paediatric\w*|adolescen\w*|transition",
    ),
    "nhs_111": ("Mental health support through NHS 111", r"\b111\b"),
    "home_treatment": (
        "24/7 crisis home treatment",
        r"home treatment|\bCRHT\b|crisis resolution|24/7|24 hours?|twenty[- ]four",
    ),
    "place_of_safety": (
        "Enough place-of-safety capacity that no one under 18 or vulnerable adult is assessed "
        "in a police cell",
        r"place of safety|police cells?|\bs\.?\s?136\b|section 136|136 suites?",
    ),
    "lived_experience": (
        "People with lived experience and carers are involved",
        r"service users?|lived experience|carers?\b|patient experience|experts? by experience|"
        r"co-?produc\w*|user group|healthwatch",
    ),
    "governance": (
        "Governance is described",
        r"governance|terms of reference|\bTOR\b|steering group|accountab\w*|"
        r"system resilience|\bSRG\b|health and wellbeing board",
    ),
    "metrics": (
        "There are metrics to track progress",
        r"\bKPIs?\b|metrics?|data set|dataset|baseline data|performance indicators?|audit",
    ),
    "voluntary_sector": (
        "The voluntary sector is involved",
        r"voluntary|\bVSOs?\b|third sector|charit\w*|\bVCS\b",
    ),
}


@dataclass
class Evidence:
    ref: str
    text: str


@dataclass
class Check:
    key: str
    title: str
    passed: bool
    summary: str
    evidence: list[Evidence] = field(default_factory=list)


def _matching(actions, pattern):
    expression = re.compile(pattern, re.IGNORECASE)
    return [
        Evidence(action.ref or "(no ref)", action.text[:200])
        for action in actions
        if expression.search(
            " ".join([action.text, action.subtheme, " ".join(action.outcomes), action.lead])
        )
    ]


def _topic_check(key, actions, extra_evidence=(), extra_summary=""):
    title, pattern = TOPICS[key]
    evidence = list(extra_evidence) + _matching(actions, pattern)
    if evidence:
        count = len(evidence)
        summary = extra_summary or f"{count} item{'s' if count != 1 else ''} address this."
        return Check(key, title, True, summary, evidence)
    return Check(key, title, False, "No action in the plan addresses this.")


def check_minimum_expectations(*, version):
    """Run every check against a plan version (draft or published)."""
    area = version.plan.area
    actions = list(
        version.actions.select_related("section").prefetch_related(
            Prefetch("leads", queryset=ActionLead.objects.select_related("organisation"))
        )
    )
    checks = [_sections_check(actions)]

    area_governance = [
        Evidence("Area details", text)
        for text in (area.governance, area.accountable_boards, area.srg_link)
        if text.strip()
    ]
    checks.append(_topic_check("governance", actions, area_governance))
    checks.append(_completeness_check(actions))
    for key in ("children_and_young_people", "nhs_111", "home_treatment", "place_of_safety"):
        checks.append(_topic_check(key, actions))
    checks.append(_topic_check("lived_experience", actions))

    voluntary_leads = [
        Evidence(action.ref or "(no ref)", f"Led by {lead.organisation.name}")
        for action in actions
        for lead in action.leads.all()
        if lead.organisation.sector == Sector.VOLUNTARY
    ]
    checks.append(_topic_check("voluntary_sector", actions, voluntary_leads))

    own_metrics = [
        Evidence("Metrics", metric.name) for metric in area.own_metrics.order_by("position")
    ]
    indicators = [
        Evidence(action.ref or "(no ref)", action.performance_indicator[:200])
        for action in actions
        if action.performance_indicator.strip()
    ]
    checks.append(_topic_check("metrics", actions, own_metrics + indicators))
    checks.append(_review_check(version, area))
    return checks


def _sections_check(actions):
    counts = {section.number: 0 for section in Section.objects.all()}
    for action in actions:
        if action.section is not None:
            counts[action.section.number] += 1
    missing = [number for number, count in counts.items() if count == 0]
    evidence = [Evidence(f"Section {n}", f"{count} actions") for n, count in counts.items()]
    if missing:
        names = ", ".join(str(n) for n in missing)
        return Check(
            "every_section",
            "Every Concordat section has actions",
            False,
            f"No actions in section{'s' if len(missing) > 1 else ''} {names}.",
            evidence,
        )
    return Check(
        "every_section", "Every Concordat section has actions", True, "All five sections.", evidence
    )


def _completeness_check(actions):
    gaps = []
    for action in actions:
        missing = [
            name
            for name, present in (
                ("lead", action.lead.strip()),
                ("timescale", action.timescale.strip() or action.start or action.due),
                ("outcome", any(o.strip() for o in action.outcomes)),
            )
            if not present
        ]
        if missing:
            gaps.append(Evidence(action.ref or "(no ref)", "No " + ", no ".join(missing)))
    title = "Every action has a lead, a timescale and an outcome"
    if gaps:
        return Check(
            "lead_timescale_outcome",
            title,
            False,
            f"{len(gaps)} of {len(actions)} actions lack one or more.",
            gaps,
        )
    return Check("lead_timescale_outcome", title, True, f"All {len(actions)} actions.")


def _review_check(version, area):
    title = "A review date is set"
    if version.review_due:
        return Check("review_date", title, True, f"Review due {version.review_due:%-d %B %Y}.")
    if area.review_cycle_months:
        return Check(
            "review_date",
            title,
            True,
            f"Review due {area.review_cycle_months} months after publication.",
        )
    return Check("review_date", title, False, "The area has no review cycle.")
