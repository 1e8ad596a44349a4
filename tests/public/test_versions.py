"""Version history, one published version read-only, and comparing two versions."""

from concordat.core.models import Action
from concordat.core.selectors.compare import compare_versions
from concordat.core.services import plan_version_import
from concordat.imports.parsed import ParsedPlan
from tests.factories import make_area

from .helpers import card_titles, page
from .world import SECRET, import_and_publish, parsed_action, publish


def test_history_lists_published_versions_only(client, world):
    html = page(client, "/areas/northshire/plan/versions/")

    current = '<strong class="govuk-tag govuk-tag--grey">Current</strong>'
    assert f'href="/areas/northshire/plan/versions/2/">Version 2</a> {current}' in html
    assert 'href="/areas/northshire/plan/versions/1/">Version 1</a>' in html
    assert "/plan/versions/3/" not in html
    assert 'href="/areas/northshire/plan/compare/?from=1&amp;to=2">What changed' in html


def test_old_version_is_shown_as_it_was_published(client, world):
    html = page(client, "/areas/northshire/plan/versions/1/")

    assert '<h1 class="govuk-heading-xl">Version 1</h1>' in html
    assert "This version has been replaced." in html
    assert card_titles(html) == ["1.2", "1.1", "2.1"]
    # In version 1, action 2.1 was not started.
    assert "As written: Not started" in html
    assert SECRET not in html


def test_latest_version_says_it_is_current(client, world):
    html = page(client, "/areas/northshire/plan/versions/2/")

    assert "This is the current version of the plan." in html


def test_draft_or_submitted_or_missing_version_is_not_found(client, world):
    page(client, "/areas/northshire/plan/versions/3/", status=404)  # the draft
    page(client, "/areas/southshire/plan/versions/2/", status=404)  # submitted
    page(client, "/areas/northshire/plan/versions/9/", status=404)
    page(client, "/areas/nowhere/plan/versions/1/", status=404)
    page(client, "/areas/nowhere/plan/versions/", status=404)


def test_compare_defaults_to_the_last_two_versions(client, world):
    html = page(client, "/areas/northshire/plan/compare/")

    assert "From Version 1 to Version 2</h2>" in html
    assert "<li>0 actions added</li>" in html
    assert "<li>1 action changed</li>" in html
    assert "<li>2 actions unchanged</li>" in html
    changed = world.action("2.1")
    assert (
        f'<a class="govuk-link" href="/areas/northshire/plan/versions/2/#action-{changed.pk}">'
        "Action 2.1</a>"
    ) in html
    cell = '<td class="govuk-table__cell">'
    assert f"Status, as written</th> {cell} Not started </td> {cell} Underway </td>" in html
    assert SECRET not in html


def rebuilt_plan():
    area = make_area("Rebuiltshire")
    v1 = import_and_publish(
        area,
        [
            parsed_action("1.1", "Keep the crisis line open at night", 1),
            parsed_action("1.2", "Close the old place of safety", 1),
        ],
        days_ago=200,
    )
    v2 = plan_version_import(
        area=area,
        actor=None,
        parsed=ParsedPlan(
            title="Refreshed",
            actions=[
                parsed_action("1.1", "Keep the crisis line open at night and weekends", 1),
                parsed_action("1.3", "Open a safe haven café in the town centre", 2),
            ],
        ),
    )
    return area, v1, publish(v2, days_ago=1)


def test_compare_matches_actions_by_identity(world):
    _area, v1, v2 = rebuilt_plan()

    comparison = compare_versions(v1, v2)

    assert [a.ref for a in comparison.added] == ["1.3"]
    assert [a.ref for a in comparison.removed] == ["1.2"]
    assert len(comparison.changed) == 1
    changed = comparison.changed[0]
    assert changed.before.identity_id == changed.after.identity_id
    assert [(c.label, c.before, c.after) for c in changed.changes] == [
        (
            "Action",
            "Keep the crisis line open at night",
            "Keep the crisis line open at night and weekends",
        )
    ]
    assert Action.objects.filter(identity=changed.after.identity).count() == 2


def test_compare_page_lists_added_and_removed(client, world):
    rebuilt_plan()

    html = page(client, "/areas/rebuiltshire/plan/compare/?from=1&to=2")
    added = Action.objects.get(version__plan__area__slug="rebuiltshire", ref="1.3")

    assert (
        f'<li><a class="govuk-link" href="/areas/rebuiltshire/plan/versions/2/#action-{added.pk}">'
        "<strong>1.3</strong></a> Open a safe haven café in the town centre</li>"
    ) in html
    assert "<li><strong>1.2</strong> Close the old place of safety</li>" in html
    # Either way round.
    backwards = page(client, "/areas/rebuiltshire/plan/compare/?from=2&to=1")
    assert "<strong>1.2</strong></a> Close the old place of safety</li>" in backwards
    assert "From Version 2 to Version 1</h2>" in backwards


def test_compare_refuses_drafts_and_same_version(client, world):
    html = page(client, "/areas/northshire/plan/compare/?from=1&to=3")
    assert "<title>Error: Compare versions" in html
    assert "Choose a published version to compare to" in html
    assert SECRET not in html

    html = page(client, "/areas/northshire/plan/compare/?from=2&to=2")
    assert "Choose two different versions to compare" in html

    html = page(client, "/areas/northshire/plan/compare/?from=1")
    assert "Choose a version to compare to" in html


def test_compare_with_one_version(client, world):
    html = page(client, "/areas/southshire/plan/compare/")

    assert "Only one version of this plan has been published" in html
