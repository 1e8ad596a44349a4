"""/organisations/ and /organisations/<slug>/."""

import re

from django.utils.html import escape

from concordat.core.models import NationalRole
from tests.factories import make_organisation

from .helpers import page
from .world import SECRET, add_areas


def test_signatories_and_supporters_with_what_each_role_means(client, seeds):
    html = page(client, "/organisations/")

    assert '<h3 class="govuk-heading-s">26 signatories</h3>' in html
    assert '<h3 class="govuk-heading-s">18 supporters</h3>' in html
    assert '<h2 class="govuk-heading-l">National signatories</h2>' in html
    assert "A national signatory is a national organisation with significant" in html
    for role in NationalRole.objects.all():
        assert len(role.commitments) >= 2
        for commitment in role.commitments:
            assert f"<li>{escape(commitment)}</li>" in html
    lga = "/organisations/local-government-association/"
    assert f'<a class="govuk-link" href="{lga}">Local Government Association</a>' in html


def test_organisation_page_lists_every_action_it_leads(client, seeds):
    html = page(client, "/organisations/local-government-association/")

    assert '<h1 class="govuk-heading-xl">Local Government Association</h1>' in html
    assert "National signatory" in html
    refs = re.findall(r'href="/areas/england/plan/actions/([^/]+)/">', html)
    assert refs == ["1.1", "3.6", "3.7", "3.20", "4.6"]
    assert "5 actions in the current published plan of 1 area." in html


def test_organisation_page_reads_the_latest_published_version_only(client, world):
    html = page(client, "/organisations/northshire-police/")

    assert re.findall(r'href="/areas/northshire/plan/actions/([^/]+)/">', html) == ["1.1"]
    assert "Set up a street triage scheme with the police" in html
    assert SECRET not in html


def test_unknown_organisation_is_not_found(client, world):
    page(client, "/organisations/nobody/", status=404)


def test_organisation_leading_nothing(client, world):
    make_organisation("Quiet Trust")

    html = page(client, "/organisations/quiet-trust/")

    assert "Quiet Trust leads no action in a published plan." in html


def test_an_organisation_in_many_areas_is_shown_ten_areas_a_page(client, world):
    add_areas(world, 10, extra_actions=0)  # Northshire and ten more: eleven areas

    first = page(client, "/organisations/northshire-police/")
    captions = re.findall(r'govuk-table__caption--m"><a class="govuk-link" href="([^"]+)"', first)
    assert len(captions) == 10
    assert "of 11 areas. Areas 1 to 10 are shown on this page." in first
    assert 'href="?page=2"' in first

    second = page(client, "/organisations/northshire-police/?page=2")
    rest = re.findall(r'govuk-table__caption--m"><a class="govuk-link" href="([^"]+)"', second)
    assert len(rest) == 1
    assert set(rest).isdisjoint(captions)
    assert "Areas 11 to 11 are shown on this page." in second
    # A page past the end shows the last page, not an error.
    past_the_end = page(client, "/organisations/northshire-police/?page=99")
    assert (
        re.findall(r'govuk-table__caption--m"><a class="govuk-link" href="([^"]+)"', past_the_end)
        == rest
    )
