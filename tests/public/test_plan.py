"""/areas/<slug>/plan/: the latest published plan by section, with GET filters."""

import re
from datetime import timedelta

from django.utils import timezone

from concordat.core.models import Action

from .helpers import card, card_titles, page
from .world import SECRET, varied_area

NATIONAL_REFS = (
    [f"1.{n}" for n in range(1, 13)]
    + [f"2.{n}" for n in range(1, 5)]
    + [f"3.{n}" for n in range(1, 21)]
    + [f"4.{n}" for n in range(1, 8)]
    + [f"5.{n}" for n in range(1, 5)]
)


def day(value):
    return f"{value.day} {value:%B %Y}"


SECTION_HEADING = re.compile(
    r'<h2 class="govuk-heading-m" id="section-\d">(\d)\. [^<]+</h2> '
    r'<p class="govuk-body concordat-muted">(\d+) actions?</p>'
)


def section_headings(html):
    return SECTION_HEADING.findall(html)


def test_national_plan_lists_47_actions_in_5_sections(client, seeds):
    html = page(client, "/areas/england/plan/")

    assert '<h1 class="govuk-heading-xl">Action plan</h1>' in html
    assert "47 actions</p>" in html
    assert card_titles(html) == NATIONAL_REFS
    assert section_headings(html) == [("1", "12"), ("2", "4"), ("3", "20"), ("4", "7"), ("5", "4")]


def test_national_action_shows_status_verbatim_and_canonical(client, seeds):
    html = page(client, "/areas/england/plan/")
    card_38 = card(html, "3.8")

    assert "As written: ONGOING – IN FINAL STAGES" in card_38
    in_progress = "govuk-tag concordat-status concordat-status--in-progress"
    assert f'<strong class="{in_progress}">In progress</strong>' in card_38
    assert "April 2014. – August 2015" in card_38
    assert "Starts 1 April 2014. Due 31 August 2015." in card_38
    cqc = "http://testserver/organisations/care-quality-commission/"
    # Absolute, so a printed plan shows where it goes.
    assert f'<a class="govuk-link" href="{cqc}">Care Quality Commission</a>' in card_38
    # Overdue and no RAG reported: the system suggests red and says so.
    assert "Overdue</strong>" in card_38
    assert 'Red<span class="concordat-rag__note"> (suggested)</span>' in card_38
    assert "by the system, as none was reported" in card_38


def test_local_plan_lists_64_actions_with_34_6_13_3_8(client, seeds):
    html = page(client, "/areas/south-west-essex/plan/")

    assert "64 actions</p>" in html
    assert len(card_titles(html)) == 64
    assert section_headings(html) == [("1", "34"), ("2", "6"), ("3", "13"), ("4", "3"), ("5", "8")]


def test_local_plan_keeps_bullets_and_outcomes_as_lists(client, seeds):
    html = page(client, "/areas/south-west-essex/plan/")
    card_16 = card(html, "1.6")

    assert "June 2015" in card_16 and "Due 30 June 2015." in card_16
    assert "Public Health ECC and Thurrock" in card_16
    assert "<li>Improved useable data at a local level</li>" in card_16
    assert "<li>Implementation of mental health metrics devised by NHS England</li>" in card_16


def test_filter_by_section(client, seeds):
    html = page(client, "/areas/south-west-essex/plan/?section=3")

    assert "13 of 64 actions match the filters" in html
    assert all(ref.startswith("3.") for ref in card_titles(html))
    assert len(card_titles(html)) == 13
    assert (
        '<option value="3" selected>3. Urgent and emergency access to crisis care</option>' in html
    )


def test_filter_by_canonical_status(client, seeds):
    expected = Action.objects.filter(
        version__plan__area__slug="england", canonical_status="complete"
    ).count()

    html = page(client, "/areas/england/plan/?status=complete")

    assert expected > 0
    assert f"{expected} of 47 actions match the filters" in html
    assert len(card_titles(html)) == expected
    assert "ONGOING – IN FINAL STAGES" not in html


def test_filter_by_status_not_stated(client, seeds):
    html = page(client, "/areas/south-west-essex/plan/?status=none")

    # South West Essex's plan gives no statuses at all.
    assert "64 of 64 actions match the filters" in html


def test_filter_by_lead_organisation(client, seeds):
    html = page(client, "/areas/england/plan/?lead=local-government-association")

    assert card_titles(html) == ["1.1", "3.6", "3.7", "3.20", "4.6"]
    assert '<option value="local-government-association" selected>' in html


def test_filter_by_rag_and_overdue_together(client, world):
    html = page(client, "/areas/northshire/plan/?rag=red&overdue=on")

    assert card_titles(html) == ["1.1"]
    assert "1 of 3 actions match the filters" in html
    assert 'name="overdue" class="govuk-checkboxes__input" id="id_overdue" checked' in html


def test_filter_by_rag_none_and_blue(client, world):
    assert card_titles(page(client, "/areas/northshire/plan/?rag=green")) == ["1.2", "2.1"]
    assert card_titles(page(client, "/areas/northshire/plan/?rag=none")) == []
    assert card_titles(page(client, "/areas/southshire/plan/?rag=blue")) == ["A1"]


def test_filter_stale(client, world):
    varied_area(world.today)

    html = page(client, "/areas/eastshire/plan/?stale=on")

    # No dated progress note at all (3.1's is undated): every open action is stale.
    assert card_titles(html) == ["1.1", "1.2", "1.3", "1.4", "2.3", "3.1", "3.2", "4.1"]
    assert html.count("No dated progress update: not updated in the last six months") == 8
    # Northshire's 1.1 has only an undated imported note; 2.1 was updated 5 days ago.
    assert card_titles(page(client, "/areas/northshire/plan/?stale=on")) == ["1.1"]


def test_invalid_filter_value_shows_the_error_and_every_action(client, world):
    response = client.get("/areas/northshire/plan/?rag=purple")
    html = " ".join(response.content.decode().split())

    assert response.status_code == 200
    assert "<title>Error: Action plan – Northshire" in html
    assert "There is a problem" in html
    assert "Select a valid choice. purple is not one of the available choices." in html
    assert 'aria-describedby="id_rag-error"' in html
    assert card_titles(html) == ["1.2", "1.1", "2.1"]  # by section: 2, 3, 4


def test_plan_shows_latest_progress_with_its_date(client, world):
    html = page(client, "/areas/northshire/plan/")
    card_21 = card(html, "2.1")

    assert "Two training days held for control room staff." in card_21
    assert f"<strong> {day(world.today - timedelta(days=5))} </strong>" in card_21
    card_11 = card(html, "1.1")
    # An imported note from a document without a date stays undated: never recent.
    assert "<strong> Undated (from a document that gave no date) </strong>" in card_11
    assert "Street triage pilot began in the town centre." in card_11
    assert "No dated progress update: not updated in the last six months" in card_11
    assert str(timezone.localdate(world.v1.published_at).year) not in card_11.split("<strong>")[1]


def test_plan_hides_drafts(client, world):
    html = page(client, "/areas/northshire/plan/")

    assert SECRET not in html
    assert "Set up a street triage scheme with the police" in html
    assert "Version 2, published" in html


def test_area_without_a_plan(client, world):
    html = page(client, "/areas/westshire/plan/")

    assert "Westshire has not published an action plan yet." in html


def test_submitted_version_is_not_shown(client, world):
    html = page(client, "/areas/southshire/plan/")

    assert "Map crisis services across the county" in html
    assert SECRET not in html


def test_unknown_area_is_not_found(client, world):
    page(client, "/areas/nowhere/plan/", status=404)
