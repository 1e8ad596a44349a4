"""Reads of the public's voice. Public reads start from `Question.objects.public()` (answered
and published) and from the verdicts of an area's panels; every function runs a fixed number
of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from concordat.core.models import Action, CanonicalStatus, ProgressUpdate, UpdateEvidence
from concordat.core.selectors.published import has_public_evidence, latest_versions

from . import rules
from .models import Question, ReviewPanel, Verdict

OPEN_STATES = (Question.State.WAITING, Question.State.ACCEPTED)


def public_questions():
    return Question.objects.public()


def _asked_day(question):
    return timezone.localdate(question.asked_at) if question.asked_at else None


@dataclass
class PanelVerdict:
    panel: ReviewPanel
    verdict: Verdict | None
    area_rag: str

    @property
    def disagrees(self):
        return bool(self.verdict) and rules.disagrees(self.area_rag, self.verdict.rag)


def latest_verdicts(identity_ids, panels):
    """{identity id: {panel id: the panel's latest Verdict}} in one query."""
    latest = {}
    if not identity_ids or not panels:
        return latest
    rows = Verdict.objects.filter(
        identity_id__in=list(identity_ids), panel_id__in=[p.pk for p in panels]
    ).order_by("identity_id", "panel_id", "-created_at", "-pk")
    for verdict in rows:
        latest.setdefault(verdict.identity_id, {}).setdefault(verdict.panel_id, verdict)
    return latest


def area_panels(area):
    return list(ReviewPanel.objects.filter(area=area).order_by("name", "pk"))


def evidenced_identities(identity_ids):
    """Ids of the actions (identities) with evidence on at least one public update."""
    return set(
        UpdateEvidence.objects.filter(
            update__identity_id__in=list(identity_ids),
            update__in=ProgressUpdate.objects.public(),
        ).values_list("update__identity_id", flat=True)
    )


@dataclass
class ActionVoice:
    questions: list
    verdicts: list  # PanelVerdict, one per panel of the area
    complete_without_evidence: bool
    area_rag: str

    @property
    def disagreements(self):
        return [v for v in self.verdicts if v.disagrees]

    @property
    def given(self):
        return [v for v in self.verdicts if v.verdict]


def action_voice(area, action, updates=None):
    """What the public's voice adds to a published action's page: 2 queries, and one more
    without `updates` (the action's listed updates with their evidence prefetched, which
    say whether a public one carries evidence)."""
    questions = list(
        public_questions().filter(identity_id=action.identity_id).order_by("replied_at", "pk")
    )
    latest = {}
    verdicts = (
        Verdict.objects.filter(identity_id=action.identity_id, panel__area=area)
        .select_related("panel")
        .order_by("panel__name", "panel_id", "-created_at", "-pk")
    )
    for verdict in verdicts:
        latest.setdefault(verdict.panel_id, verdict)
    complete = action.canonical_status == CanonicalStatus.COMPLETE
    if not complete:
        evidenced = True
    elif updates is not None:
        evidenced = any(u.is_public and u.evidence.all() for u in updates)
    else:
        evidenced = action.identity_id in evidenced_identities([action.identity_id])
    return ActionVoice(
        questions=questions,
        verdicts=[PanelVerdict(v.panel, v, action.rag) for v in latest.values()],
        complete_without_evidence=complete and not evidenced,
        area_rag=action.rag,
    )


def report_questions(report):
    return list(public_questions().filter(report=report).order_by("replied_at", "pk"))


@dataclass
class Unanswered:
    question: Question
    asked_on: date
    working_days: int


def unanswered(area=None, *, on):
    """Questions that reached moderation more than UNANSWERED_WORKING_DAYS working days ago
    and are not yet answered (waiting for moderation, or accepted and waiting for the reply),
    oldest first. The public sees what they are about and when, never their text."""
    cutoff = rules.unanswered_cutoff(on)
    queryset = Question.objects.filter(
        state__in=OPEN_STATES, asked_at__date__lte=cutoff
    ).select_related("area", "report")
    if area is not None:
        queryset = queryset.filter(area=area)
    items = []
    for question in queryset.order_by("asked_at", "pk"):
        asked = _asked_day(question)
        items.append(Unanswered(question, asked, rules.working_days_between(asked, on)))
    return items


@dataclass
class Disagreement:
    action: Action
    panel: ReviewPanel
    verdict: Verdict


def area_disagreements(area, version):
    """The actions of the area's published version where a panel's latest verdict differs
    from the area's reported RAG: one query, and one more when there are verdicts."""
    if version is None:
        return []
    verdicts = (
        Verdict.objects.filter(
            panel__area=area, identity_id__in=version.actions.values("identity_id")
        )
        .select_related("panel")
        .order_by("identity_id", "panel_id", "-created_at", "-pk")
    )
    latest = {}
    for verdict in verdicts:
        latest.setdefault(verdict.identity_id, {}).setdefault(verdict.panel_id, verdict)
    if not latest:
        return []
    actions = version.actions.filter(identity_id__in=list(latest)).only(
        "pk", "ref", "rag", "identity_id", "position"
    )
    found = []
    for action in actions.order_by("position", "pk"):
        for verdict in latest[action.identity_id].values():
            if rules.disagrees(action.rag, verdict.rag):
                found.append(Disagreement(action, verdict.panel, verdict))
    return found


@dataclass
class AreaVerdicts:
    area: object
    version: object
    actions: int = 0
    reviewed: int = 0  # actions with at least one verdict
    disagreements: int = 0  # actions where a verdict differs from the area's RAG
    complete: int = 0
    complete_without_evidence: int = 0
    panels: list = field(default_factory=list)

    @property
    def share_disagreeing(self):
        return self.disagreements / self.reviewed if self.reviewed else 0.0


def national_verdicts():
    """Every area with a published plan: actions reviewed by its independent panels, where
    they disagree with the area, and complete actions with no evidence given. Areas with the
    most disagreement first. 4 queries."""
    from concordat.core.models import Area

    versions = {v.pk: v for v in latest_versions()}
    areas = Area.objects.in_bulk({v.area_id for v in versions.values()})
    rows = {
        v.area_id: AreaVerdicts(area=areas[v.area_id], version=v)
        for v in versions.values()
        if v.area_id in areas
    }
    counts = (
        Action.objects.filter(version_id__in=list(versions))
        .values("version_id")
        .annotate(
            n=Count("pk"),
            complete=Count("pk", filter=Q(canonical_status=CanonicalStatus.COMPLETE)),
            bare=Count(
                "pk",
                filter=Q(canonical_status=CanonicalStatus.COMPLETE) & ~Q(has_public_evidence()),
            ),
        )
        .order_by()
    )
    for row in counts:
        item = rows[versions[row["version_id"]].area_id]
        item.actions, item.complete, item.complete_without_evidence = (
            row["n"],
            row["complete"],
            row["bare"],
        )
    panels = {}
    for panel in ReviewPanel.objects.filter(area_id__in=list(rows)).order_by("name"):
        panels[panel.pk] = panel
        rows[panel.area_id].panels.append(panel)
    latest_rag = {}
    verdicts = (
        Verdict.objects.filter(panel_id__in=list(panels))
        .order_by("identity_id", "panel_id", "-created_at", "-pk")
        .values_list("identity_id", "panel_id", "rag")
    )
    for identity_id, panel_id, rag in verdicts:
        latest_rag.setdefault((identity_id, panel_id), rag)
    reviewed_identities = {identity_id for identity_id, _panel in latest_rag}
    actions = Action.objects.filter(
        version_id__in=list(versions), identity_id__in=reviewed_identities
    ).values_list("version_id", "identity_id", "rag")
    for version_id, identity_id, rag in actions:
        item = rows[versions[version_id].area_id]
        theirs = [
            latest_rag[(identity_id, p.pk)]
            for p in item.panels
            if (identity_id, p.pk) in latest_rag
        ]
        if theirs:
            item.reviewed += 1
            item.disagreements += any(rules.disagrees(rag, other) for other in theirs)
    return sorted(
        rows.values(),
        key=lambda r: (-r.disagreements, -r.share_disagreeing, r.area.name),
    )
