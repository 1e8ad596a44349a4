import pytest

from tests.api.world import SECRET
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_search_page_without_a_query_shows_the_form(client, world):
    page = client.get("/search/").content.decode()
    assert '<label class="govuk-label govuk-label--m" for="search-q">' in page
    assert "result" not in page.split("<main")[1]


def test_search_page_lists_ranked_results_with_marks(
    client, world, django_assert_max_num_queries, page_cache_off
):
    with django_assert_max_num_queries(8):
        response = client.get("/search/?q=street+triage")
    page = response.content.decode()
    assert "4 results for “street triage”" in page
    assert "<mark>street</mark> <mark>triage</mark>" in page.lower()
    assert page.index("Action</strong>") < page.index("Progress update</strong>")
    assert SECRET not in page


def test_search_page_filters(client, world):
    page = client.get("/search/?q=street&organisation=northshire-police&section=3").content.decode()
    assert "2 results for “street”" in page
    assert '<option value="northshire-police" selected>' in page
    page = client.get("/search/?q=street&status=complete").content.decode()
    assert "No results for “street”" in page
    page = client.get("/search/?q=street&area=nowhere&section=x&page=zz").content.decode()
    assert "4 results for “street”" in page


def test_search_query_is_escaped(client, world):
    page = client.get("/search/?q=%3Cscript%3Estreet").content.decode()
    assert "<script>street" not in page
    assert "&lt;script&gt;street" in page


def test_the_organisation_filter_lists_only_organisations_in_published_plans(client, world):
    from concordat.core.models import ActionLead

    drafts_only = make_organisation("Draftshire Trust")
    ActionLead.objects.create(action=world.draft.actions.get(ref="1.1"), organisation=drafts_only)
    page = client.get("/search/?q=street").content.decode()
    assert '<option value="northshire-police">Northshire Police</option>' in page
    assert "draftshire-trust" not in page
    assert "Draftshire Trust" not in page
    # Asked for anyway, it filters nothing in.
    page = client.get("/search/?q=street&organisation=draftshire-trust").content.decode()
    assert "4 results for “street”" in page


@pytest.mark.parametrize("page", ["999999999999999999999", "9" * 5000, "-3", "0", "1e9"])
def test_any_page_number_is_answered(client, world, page):
    response = client.get(f"/search/?q=street&page={page}")
    assert response.status_code == 200
    assert "4 results for “street”" in response.content.decode()
