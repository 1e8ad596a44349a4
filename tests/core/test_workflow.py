"""The publication workflow's one table of state changes, for plan versions and reports."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from concordat.accounts import permissions
from concordat.accounts.models import AreaMembership, Profile
from concordat.core import workflow
from concordat.core.models import Area, AuditEntry, PlanVersion
from concordat.core.services import plan_version_import
from concordat.reports.models import ProgressReport
from concordat.reports.services import progress_report_withdraw
from tests.factories import parsed_action, parsed_plan

pytestmark = pytest.mark.django_db

STATES = (workflow.DRAFT, workflow.SUBMITTED, workflow.PUBLISHED)


def _table_in_docstring():
    rows = []
    for line in workflow.__doc__.splitlines():
        if not line.startswith(("plan ", "report ")):
            continue
        kind, change, rest = line.split(None, 2)
        sources, target, who, verb = [part.strip() for part in rest.split("  ") if part.strip()]
        rows.append((kind, change, tuple(sources.split(", ")), target, who, verb))
    return rows


def test_the_table_in_the_docstring_is_the_table_the_code_follows():
    assert _table_in_docstring() == [
        (t.kind, t.change, t.sources, t.target, t.who, t.verb) for t in workflow.TRANSITIONS
    ]
    assert len(workflow.TRANSITIONS) == 8


@pytest.fixture
def ann():
    return get_user_model().objects.create_user("ann@example.org", "ann@example.org", "x")


@pytest.fixture
def area():
    return Area.objects.create(name="Testshire", slug="testshire")


def _plan(area, state):
    version = plan_version_import(
        area=area, parsed=parsed_plan(parsed_action("1.1", "Agree a crisis plan")), actor=None
    )
    PlanVersion.objects.filter(pk=version.pk).update(state=state)
    return PlanVersion.objects.select_related("plan__area").get(pk=version.pk)


def _report(area, state):
    report = ProgressReport.objects.create(area=area, title="Testshire report, 2015", state=state)
    return ProgressReport.objects.get(pk=report.pk)


def _item(kind, area, state):
    return _plan(area, state) if kind == workflow.PLAN else _report(area, state)


@pytest.mark.parametrize("row", workflow.TRANSITIONS, ids=lambda t: f"{t.kind}-{t.change}")
def test_each_change_moves_stamps_and_audits_once(row, area, ann):
    item = _item(row.kind, area, row.sources[-1])
    lock = item.lock_version
    audited = AuditEntry.objects.count()
    changed = workflow.change_state(item, row.change, actor=ann)
    saved = type(item).objects.get(pk=item.pk)
    assert (saved.state, saved.lock_version) == (row.target, lock + 1)
    assert changed.state == row.target
    if row.change == "submit":
        assert saved.submitted_at is not None
    if row.change == "publish":
        assert saved.published_at is not None and saved.published_by == ann
    assert AuditEntry.objects.count() == audited + 1
    entry = AuditEntry.objects.latest("pk")
    label = "Version 1" if row.kind == workflow.PLAN else "Testshire report, 2015"
    assert (entry.verb, entry.object_type, entry.object_id, entry.area, entry.note) == (
        row.verb,
        item._meta.model_name,
        str(item.pk),
        area,
        label,
    )
    assert entry.actor == ann
    assert entry.version_id == (item.pk if row.kind == workflow.PLAN else None)


REFUSALS = {
    ("plan", "submit", "submitted"): "Version 1 is already waiting for review.",
    ("plan", "submit", "published"): "Version 1 is published; there is nothing to send.",
    ("plan", "return", "draft"): "Version 1 is not waiting for review.",
    ("plan", "return", "published"): "Version 1 is not waiting for review.",
    ("plan", "withdraw", "draft"): "Version 1 is not waiting for review.",
    ("plan", "withdraw", "published"): "Version 1 is not waiting for review.",
    ("plan", "publish", "published"): "Version 1 is already published.",
    ("report", "submit", "submitted"): "This report has been submitted for publication. It can "
    "be changed again if the Concordat office returns it.",
    ("report", "submit", "published"): "A published progress report cannot be changed.",
    ("report", "return", "draft"): "Only a report waiting for review can be returned.",
    ("report", "return", "published"): "Only a report waiting for review can be returned.",
    ("report", "withdraw", "draft"): "Only a report waiting for review can be withdrawn.",
    ("report", "withdraw", "published"): "Only a report waiting for review can be withdrawn.",
    ("report", "publish", "published"): "This progress report is already published.",
}


def test_every_change_not_in_the_table_is_listed_as_refused():
    not_allowed = {
        (t.kind, t.change, state)
        for t in workflow.TRANSITIONS
        for state in STATES
        if state not in t.sources
    }
    assert not_allowed == set(REFUSALS)


@pytest.mark.parametrize("key", sorted(REFUSALS), ids="-".join)
def test_a_change_from_a_state_it_does_not_start_from_is_refused_and_nothing_saved(key, area, ann):
    kind, change, state = key
    item = _item(kind, area, state)
    audited = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        workflow.change_state(item, change, actor=ann)
    assert caught.value.messages == [REFUSALS[key]]
    saved = type(item).objects.get(pk=item.pk)
    assert (saved.state, saved.lock_version) == (state, 0)
    assert AuditEntry.objects.count() == audited


def test_a_report_withdrawn_by_its_area_is_audited_as_withdrawn(area, ann):
    report = _report(area, workflow.SUBMITTED)
    withdrawn = progress_report_withdraw(report=report, actor=ann)
    assert withdrawn.state == ProgressReport.State.DRAFT
    entry = AuditEntry.objects.get(object_type="progressreport")
    assert (entry.verb, entry.note) == ("withdrew", "Withdrawn by the area before review.")


@pytest.fixture
def people(area):
    User = get_user_model()
    lead = User.objects.create_user("lead@example.org", "lead@example.org", "x")
    editor = User.objects.create_user("editor@example.org", "editor@example.org", "x")
    office = User.objects.create_user("office@example.org", "office@example.org", "x")
    outsider = User.objects.create_user("out@example.org", "out@example.org", "x")
    AreaMembership.objects.create(user=lead, area=area, role="lead")
    AreaMembership.objects.create(user=editor, area=area, role="editor")
    Profile.objects.update_or_create(user=office, defaults={"is_office": True})
    return {"lead": lead, "editor": editor, "office": office, "outsider": outsider}


@pytest.mark.parametrize("kind", [workflow.PLAN, workflow.REPORT])
def test_who_may_make_each_change_follows_the_table(kind, area, people):
    expected = {
        "submit": {"lead"},
        "withdraw": {"lead"},
        "return": {"office"},
        "publish": {"office"},
    }
    for change, allowed in expected.items():
        may = {
            name
            for name, user in people.items()
            if permissions.can_change_state(user, area, kind, change)
        }
        assert may == allowed, change


def test_the_office_makes_the_area_changes_of_the_national_plan(people):
    national = Area.objects.create(name="England", slug="england", kind="national")
    office, lead = people["office"], people["lead"]
    assert permissions.can_change_state(office, national, workflow.PLAN, "submit")
    assert not permissions.can_change_state(lead, national, workflow.PLAN, "submit")
