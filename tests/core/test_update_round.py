"""The update round's one service: each row saved in its own savepoint, per-row results."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from concordat.core.models import AuditEntry, ProgressUpdate
from concordat.core.services import RoundRow, progress_update_round_post
from concordat.core.services import updates as update_services
from tests.factories import (
    action_in,
    import_version,
    make_area,
    make_user,
    parsed_action,
    publish_plan,
)

pytestmark = pytest.mark.django_db

ON = date(2016, 2, 2)
ACTIONS = [
    parsed_action(
        "1.1", "Agree a crisis plan", status="Ongoing", canonical_status="in_progress", rag="amber"
    ),
    parsed_action(
        "1.2",
        "Train police officers",
        status="Ongoing",
        canonical_status="in_progress",
        rag="green",
    ),
    parsed_action(
        "2.1",
        "Open a crisis café",
        section=2,
        status="Ongoing",
        canonical_status="in_progress",
        rag="red",
    ),
]
WRITES = ["posted update", "changed by a progress update"]


@pytest.fixture
def ann():
    return make_user("ann@example.org", name="Ann")


@pytest.fixture
def published():
    return publish_plan(make_area("Testshire"), ACTIONS)


def posted():
    return list(ProgressUpdate.objects.order_by("pk").values_list("note", flat=True))


def test_a_round_saves_every_row_and_returns_each_update(published, ann):
    area = published.plan.area
    rows = [
        RoundRow(action_in(published, "1.1"), "Agreed with schools", "complete", "blue"),
        RoundRow(action_in(published, "2.1"), no_change=True),
    ]
    results = progress_update_round_post(
        area=area, actor=ann, rows=rows, on=ON, needs_approval=False
    )
    assert [(r.saved, r.errors, r.row) for r in results] == [
        (True, (), rows[0]),
        (True, (), rows[1]),
    ]
    first, second = (r.update for r in results)
    assert (first.note, first.date, first.status, first.canonical_status, first.rag) == (
        "Agreed with schools",
        ON,
        "Complete",
        "complete",
        "blue",
    )
    assert (second.kind, second.date, second.status, second.rag) == (
        "no_change",
        ON,
        "Ongoing",
        "red",
    )
    assert {first.state, second.state} == {"published"}
    assert posted() == ["Agreed with schools", ""]
    agreed = action_in(published, "1.1")
    assert (agreed.status, agreed.canonical_status, agreed.rag) == ("Complete", "complete", "blue")
    assert AuditEntry.objects.filter(verb="posted update").count() == 2


def test_updates_that_need_approval_wait_and_change_nothing_yet(published, ann):
    results = progress_update_round_post(
        area=published.plan.area,
        actor=ann,
        rows=[RoundRow(action_in(published, "1.2"), "Trained", "complete", "blue")],
        on=ON,
        needs_approval=True,
    )
    assert [r.update.state for r in results] == ["awaiting_approval"]
    assert action_in(published, "1.2").canonical_status == "in_progress"
    assert AuditEntry.objects.filter(verb="posted update for approval").count() == 1


def test_a_refused_row_saves_nothing_and_the_others_are_saved(published, ann):
    area = published.plan.area
    rows = [
        RoundRow(action_in(published, "1.1"), "Agreed with schools", "complete", ""),
        RoundRow(action_in(published, "1.2"), "", "complete", "blue", no_change=True),
        RoundRow(action_in(published, "2.1"), "   ", "", "blue"),
        RoundRow(action_in(published, "2.1"), "Café open on Fridays", "", "green"),
    ]
    results = progress_update_round_post(area=area, actor=ann, rows=rows, on=ON)
    assert [r.saved for r in results] == [True, False, False, True]
    assert results[1].errors == (
        "“Reviewed, no change” keeps the status and RAG as they are; post a note to change them.",
    )
    assert results[2].errors == ("Enter the progress note.",)
    assert (results[1].update, results[2].update) == (None, None)
    assert posted() == ["Agreed with schools", "Café open on Fridays"]
    assert action_in(published, "1.2").rag == "green"
    assert action_in(published, "2.1").rag == "green"
    assert AuditEntry.objects.filter(verb="posted update").count() == 2


def test_a_row_refused_after_its_update_was_written_leaves_nothing_behind(
    published, ann, monkeypatch
):
    """The savepoint: a refusal once the row's update and audit entry are written (here,
    while its status is applied) takes them back, and the next row is still saved."""
    real = update_services._made_public
    refused = action_in(published, "1.2").identity_id

    def refuses_1_2(update, *, actor):
        real(update, actor=actor)
        if update.identity_id == refused:
            raise ValidationError("The action could not be updated.")

    monkeypatch.setattr(update_services, "_made_public", refuses_1_2)
    results = progress_update_round_post(
        area=published.plan.area,
        actor=ann,
        rows=[
            RoundRow(action_in(published, "1.2"), "Trained", "complete", "blue"),
            RoundRow(action_in(published, "2.1"), "Café open", "complete", ""),
        ],
        on=ON,
    )
    assert [(r.saved, r.errors) for r in results] == [
        (False, ("The action could not be updated.",)),
        (True, ()),
    ]
    assert posted() == ["Café open"]
    assert not AuditEntry.objects.filter(identity_id=refused, verb__in=WRITES).exists()
    # 2.1's update, and its status (words and canonical) changed in the published version.
    assert sorted(AuditEntry.objects.filter(verb__in=WRITES).values_list("verb", "field")) == [
        ("changed by a progress update", "canonical_status"),
        ("changed by a progress update", "status"),
        ("posted update", ""),
    ]
    refused_action = action_in(published, "1.2")
    assert (refused_action.canonical_status, refused_action.rag) == ("in_progress", "green")
    assert action_in(published, "2.1").canonical_status == "complete"


def test_nothing_is_saved_for_an_area_with_no_published_plan(ann):
    area = make_area("Draftshire")
    draft = import_version(area, ACTIONS)
    rows = [
        RoundRow(action_in(draft, "1.1"), "Agreed with schools"),
        RoundRow(action_in(draft, "2.1"), no_change=True),
    ]
    results = progress_update_round_post(area=area, actor=ann, rows=rows, on=ON)
    assert [r.saved for r in results] == [False, False]
    assert {r.errors for r in results} == {
        (
            "This action is not in the published plan, so progress cannot be posted on it. "
            "An action a refresh adds takes updates once the refresh is published.",
        )
    }
    assert not ProgressUpdate.objects.exists()
    assert not AuditEntry.objects.filter(verb__in=WRITES).exists()


def test_a_row_on_another_areas_action_is_refused(published, ann):
    other = make_area("Otherton")
    results = progress_update_round_post(
        area=other,
        actor=ann,
        rows=[RoundRow(action_in(published, "1.1"), "Not ours to say")],
        on=ON,
    )
    assert [r.errors for r in results] == [
        ("This action is not in Otherton's plan, so progress on it cannot be posted here.",)
    ]
    assert not ProgressUpdate.objects.exists()
    assert action_in(published, "1.1").canonical_status == "in_progress"
