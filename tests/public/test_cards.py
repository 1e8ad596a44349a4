"""Action cards are rendered once for what they show (concordat/public/cards.py), and a card
whose action, progress or lead organisations change is rendered again at once."""

import re

import pytest

from concordat.core.models import Action, Organisation
from concordat.core.services import progress_update_post
from concordat.public.cards import cards

pytestmark = pytest.mark.usefixtures("page_cache_off")

PLAN = "/areas/northshire/plan/"


def card_count(html):
    return len(re.findall(r'<div class="govuk-summary-card" id="action-\d+">', html))


@pytest.fixture
def no_cards():
    cards.clear()
    yield
    cards.clear()


def test_the_plan_page_is_the_same_with_remembered_cards(client, world, settings, no_cards):
    settings.CONCORDAT_CARD_CACHE_CHARS = 0
    rendered = client.get(PLAN).content
    assert len(cards.cards) == 0
    settings.CONCORDAT_CARD_CACHE_CHARS = 16 * 1024 * 1024
    first = client.get(PLAN).content
    again = client.get(PLAN).content
    assert first == rendered
    assert again == rendered
    table = client.get(PLAN + "?view=table").content.decode()
    assert 'id="action-' not in table  # the compact table has no cards


def test_each_card_is_rendered_once(client, world, no_cards):
    html = client.get(PLAN).content.decode()
    shown = card_count(html)
    assert shown == 3
    assert len(cards.cards) == shown
    client.get(PLAN)
    client.get(PLAN + "?view=cards")
    assert len(cards.cards) == shown
    # A filter shows fewer of the same cards: nothing new is rendered.
    client.get(PLAN + "?overdue=on")
    assert len(cards.cards) == shown


def test_a_new_progress_update_renders_that_card_again(client, world, no_cards):
    client.get(PLAN)
    before = len(cards.cards)
    action = Action.objects.get(version=world.v2, ref="1.2")
    progress_update_post(action=action, actor=None, note="Crisis house opened its doors.")
    html = client.get(PLAN).content.decode()
    assert "Crisis house opened its doors." in html
    assert len(cards.cards) == before + 1


def test_a_renamed_lead_organisation_renders_its_cards_again(client, world, no_cards):
    html = client.get(PLAN).content.decode()
    before = len(cards.cards)
    police = Organisation.objects.get(slug="northshire-police")
    led = html.count(f">{police.name}</a>")
    assert led > 0
    Organisation.objects.filter(pk=police.pk).update(name="Northshire Constabulary")
    html = client.get(PLAN).content.decode()
    assert html.count(">Northshire Constabulary</a>") == led
    assert len(cards.cards) == before + led
