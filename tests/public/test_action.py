"""/areas/<slug>/plan/actions/<ref>/: one action with its whole progress history."""

from datetime import timedelta

from django.utils.html import escape

from concordat.core.models import ProgressUpdate
from concordat.core.text import split_blocks

from .helpers import page, squash
from .world import SECRET


def test_national_action_shows_status_and_its_whole_progress_note(client, seeds):
    html = page(client, "/areas/england/plan/actions/3.8/")

    assert '<h1 class="govuk-heading-xl">Action 3.8</h1>' in html
    assert "As written: ONGOING – IN FINAL STAGES" in html
    assert "CQC and DH to review effectiveness of current approach" in html
    note = ProgressUpdate.objects.get(
        identity__actions__version__plan__area__slug="england", identity__actions__ref="3.8"
    ).note
    assert "CQC MHA integration programme board established" in note
    # Every paragraph and list item of the note is on the page, none cut short.
    for block in split_blocks(note):
        for piece in block.items if block.is_list else [block.text]:
            assert squash(escape(piece)) in html


def test_history_lists_every_public_update_newest_first(client, world):
    html = page(client, "/areas/northshire/plan/actions/2.1/")

    assert "Two training days held for control room staff." in html
    day = world.today - timedelta(days=5)
    assert f"{day.day} {day:%B %Y}</h3>" in html
    assert "Posted by the area" in html
    # The action as each published version wrote it.
    assert "In each version of the plan" in html
    assert 'href="/areas/northshire/plan/versions/1/">Version 1</a>' in html


def test_updates_posted_on_a_draft_stay_hidden(client, world):
    html = page(client, "/areas/northshire/plan/actions/1.1/")

    assert "Street triage pilot began in the town centre." in html
    assert SECRET not in html
    # The withdrawn update is replaced by the office's reason, its note never shown.
    assert "Withdrawn by the Concordat office on" in html and ": Named a patient</p>" in html


def test_unknown_ref_area_or_draft_only_action_is_not_found(client, world):
    page(client, "/areas/northshire/plan/actions/9.9/", status=404)
    page(client, "/areas/nowhere/plan/actions/1.1/", status=404)
    page(client, "/areas/westshire/plan/actions/1.1/", status=404)
    html = page(client, "/areas/northshire/plan/actions/9.9/", status=404)
    assert '<h1 class="govuk-heading-xl">Page not found</h1>' in html
