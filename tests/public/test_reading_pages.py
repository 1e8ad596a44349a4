"""Pages people can read: About these figures, linked from every page with figures; the plan
page's summary, jump links, compact table and print rules; compare versions in plain words."""

from datetime import timedelta

from concordat.core.models import Action
from concordat.core.selectors.plans import summarise, version_actions
from concordat.core.services.actions import action_update
from concordat.core.services.updates import progress_update_post

from .helpers import card_titles, page
from .world import SECRET, publish


def test_about_these_figures_states_every_rule(client, world):
    html = page(client, "/about-these-figures/")

    assert "<title>About these figures" in html
    for words in (
        "but it never counts as recent. Publishing a plan is not a progress update",
        "Its due date has passed and it is neither complete nor superseded.",
        "Its last update is on or after the same day 6 months ago.",
        "25% or more of the actions already due (due date passed) are overdue",
        "the plan's review date has passed",
        "no action has been updated in the last 6 months, and the plan was published 6 "
        "months ago or more",
        "Red, amber, green and blue are used only for RAG ratings",
        "per 100,000 residents: the count divided by the area's population, times 100,000",
        "quartiles split that ranking into four groups of about equal size: an area in "
        "the first quartile is among the best quarter",
        'Not updated for 6 months</dt> <dd class="govuk-summary-list__value">Every other '
        "action: its last update is older, or it has none, or only undated ones.",
        "Wherever the two figures are given they add up to all the actions counted",
        "Open and not updated for 6 months</dt>",
        "The day the latest published plan is due to be reviewed: 6 months after it was "
        "published, unless the area sets its own review cycle.",
        "The day the latest version of the plan was published.",
        'The latest day of any of its actions\' last updates; "Never" when the plan has '
        "no dated update.",
        "Complete actions whose last update is in the last 6 months.",
        "counts are added up and rates averaged",
        "For a never event, such as a child held in a police cell, any figure above zero is "
        "flagged.",
    ):
        assert words in html, words
    assert html.count('<dt class="govuk-summary-list__key">') == 18


def test_about_these_figures_is_linked_from_every_page_with_figures(client, world):
    for path in (
        "/",
        "/areas/",
        "/areas/map/",
        "/areas/northshire/",
        "/areas/northshire/plan/",
        "/metrics/section-136-detentions-test/",
        "/metrics/",
        "/areas/northshire/metrics/",
    ):
        assert 'href="/about-these-figures/' in page(client, path), path


def test_outcome_measures_are_in_the_navigation_and_on_the_home_page(client, world):
    html = page(client, "/")
    assert '<a class="govuk-service-navigation__link" href="/metrics/">Outcome measures</a>' in html
    assert '<a class="govuk-link" href="/metrics/">See the outcome measures</a>' in html
    assert 'aria-current="page"' in page(client, "/metrics/")


def test_plan_opens_with_a_summary_that_agrees_with_the_actions(client, world):
    html = page(client, "/areas/northshire/plan/")
    expected = summarise(version_actions(world.v2, on=world.today))

    assert (expected["total"], expected["complete"], expected["overdue"]) == (3, 1, 1)
    assert (expected["updated_recently"], expected["not_updated"], expected["stale"]) == (1, 2, 1)
    assert 'Actions</dt> <dd class="govuk-summary-list__value">3, of which 1 complete' in html
    assert '<a class="govuk-link" href="?overdue=on">1 action</a>' in html
    assert (
        'Updated in the last six months</dt> <dd class="govuk-summary-list__value">1 of 3 actions'
        in html
    )
    assert (
        'Not updated for six months</dt> <dd class="govuk-summary-list__value">2 actions, of '
        'which <a class="govuk-link" href="?stale=on">1 open</a></dd>'
    ) in html
    assert 'aria-label="Actions by status"' in html and 'aria-label="Actions by RAG rating"' in html
    # 1.1's red and 2.1's green are suggested: hatched, and counted apart in the legend.
    assert "concordat-bar__segment--red concordat-bar__segment--suggested" in html
    assert 'Red: 1 <span class="concordat-bar-legend__suggested">' in html
    assert "1 suggested</span>" in html


def test_plan_has_jump_links_to_each_section(client, world):
    html = page(client, "/areas/northshire/plan/")

    for number in (2, 3, 4):
        assert f'<a class="govuk-link" href="#section-{number}">' in html
        assert f'<h2 class="govuk-heading-m" id="section-{number}">' in html


def test_plan_has_a_compact_table_view_that_keeps_the_filters(client, world):
    html = page(client, "/areas/northshire/plan/?overdue=on")
    assert 'href="/areas/northshire/plan/?overdue=on&amp;view=table">a compact table</a>' in html

    table = page(client, "/areas/northshire/plan/?overdue=on&view=table")
    assert card_titles(table) == []
    assert table.count('<tr class="govuk-table__row">') == 2  # the header and 1.1
    assert 'href="http://testserver/areas/northshire/plan/actions/1.1/">1.1</a>' in table
    assert '<strong class="govuk-tag concordat-late">Overdue</strong>' in table
    assert '<input type="hidden" name="view" value="table">' in table
    assert 'href="/areas/northshire/plan/?overdue=on">cards</a>' in table
    assert SECRET not in table


def test_printed_plan_keeps_actions_whole_and_prints_link_addresses(client, world):
    html = page(client, "/areas/northshire/plan/")
    assert '<div class="concordat-print-urls">' in html
    assert 'href="http://testserver/organisations/northshire-police/"' in html
    assert 'href="http://testserver/areas/northshire/plan/actions/1.1/"' in html


def test_compare_shows_changed_text_links_plain_labels_and_updates_between(client, world):
    # Version 3: 1.2's RAG cleared, a note dated between the publications of 2 and 3.
    draft = world.draft
    action_update(action=Action.objects.get(version=draft, ref="1.2"), actor=None, rag="")
    progress_update_post(
        action=Action.objects.get(version=draft, ref="2.1"),
        actor=None,
        note="Third training day held.",
        on=world.today - timedelta(days=2),
    )
    publish(draft, days_ago=0)

    html = page(client, "/areas/northshire/plan/compare/?from=2&to=3")

    # The note above and the training note (5 days ago); the world's notes of today wait for
    # approval or were withdrawn, so they are not public.
    assert "<li>2 progress updates dated between the two publications</li>" in html
    v3_action = Action.objects.get(version=draft, ref="1.2")
    assert (
        f'<a class="govuk-link" href="/areas/northshire/plan/versions/3/#action-{v3_action.pk}">'
        "Action 1.2</a>"
    ) in html
    assert "Open a crisis house for adults" in html
    assert 'RAG rating</th> <td class="govuk-table__cell"> Green </td>' in html
    assert '<span class="concordat-muted">Not stated</span>' in html
    assert "Empty" not in html and "Canonical status" not in html
    training = Action.objects.get(version=draft, ref="2.1")
    two_days_ago = world.today - timedelta(days=2)
    assert (
        f'href="/areas/northshire/plan/versions/3/#action-{training.pk}"><strong>2.1</strong></a> '
        f"{two_days_ago.day} {two_days_ago:%B %Y}: Third training day held.</li>"
    ) in html


def test_compare_with_nothing_between_says_so(client, world):
    html = page(client, "/areas/northshire/plan/compare/?from=1&to=2")
    # The training note (5 days ago) is after version 2 (10 days ago): not between.
    assert "No progress update is dated between" in html
