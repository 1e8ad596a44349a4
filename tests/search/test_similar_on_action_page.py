import pytest

from concordat.search.index import index_area, rebuild
from tests.api.world import build_world
from tests.factories import make_area, parsed_action, parsed_plan, publish

pytestmark = pytest.mark.django_db


def test_action_page_lists_similar_actions_in_other_areas(client):
    build_world()
    west = make_area("Westshire")
    from concordat.core.services import plan_version_import

    version = plan_version_import(
        area=west,
        actor=None,
        parsed=parsed_plan(
            parsed_action(
                "3.2",
                "Run a street triage scheme with police and nurses",
                3,
                canonical_status="complete",
            )
        ),
    )
    publish(version, days_ago=1)
    rebuild()
    index_area(west)
    page = client.get("/areas/northshire/plan/actions/1.1/").content.decode()
    assert "Similar actions in other areas" in page
    assert 'href="/areas/westshire/plan/actions/3.2/"' in page
    assert "Westshire, action 3.2" in page
    section = page.split('id="similar-actions-heading"')[1]
    assert "Complete" in section
    assert "Northshire, action" not in section
