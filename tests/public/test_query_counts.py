"""Every public page reads the database a fixed number of times, whatever the data size.

Each page is fetched in a small world, then again (for a bigger area, or with more areas)
after more areas with more actions are added: the number of queries must not change.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordat.reports.models import ProgressReport

from .world import add_areas

# The views' own queries; the page cache's are counted in tests/pagecache/.
pytestmark = pytest.mark.usefixtures("page_cache_off")

# (small page, the same kind of page with more data, queries)
PAGES = [
    ("/", "/", 5),
    ("/areas/", "/areas/", 3),
    ("/areas/?region=north-west", "/areas/?region=north-west", 3),
    # 12, and the public's voice: questions unanswered for 20 working days, panels' verdicts.
    ("/areas/northshire/", "/areas/extra-area-0/", 14),
    ("/areas/northshire/plan/", "/areas/extra-area-0/plan/", 6),
    (
        "/areas/northshire/plan/?overdue=on&lead=northshire-police",
        "/areas/extra-area-0/plan/?overdue=on&lead=northshire-police",
        6,
    ),
    ("/areas/northshire/plan.csv", "/areas/extra-area-0/plan.csv", 5),
    # 8, and the updates' evidence, the published questions and the panels' verdicts.
    ("/areas/northshire/plan/actions/2.1/", "/areas/extra-area-0/plan/actions/2.1/", 11),
    ("/areas/northshire/plan/versions/", "/areas/extra-area-0/plan/versions/", 2),
    ("/areas/northshire/plan/versions/1/", "/areas/extra-area-0/plan/versions/1/", 6),
    # ...and the newer version's actions and the updates dated between the two.
    ("/areas/northshire/plan/compare/", "/areas/extra-area-0/plan/compare/", 8),
    ("/areas.csv", "/areas.csv", 3),
    ("/areas/?sort=last_update&order=desc", "/areas/?sort=last_update&order=desc", 3),
    ("/areas/map/", "/areas/map/", 3),
    ("/about-these-figures/", "/about-these-figures/", 0),
    ("/areas/northshire/plan/?view=table", "/areas/extra-area-0/plan/?view=table", 6),
    ("/areas/northshire/reports/", "/areas/extra-area-0/reports/", 2),
    ("/organisations/", "/organisations/", 3),
    # The organisation, latest versions, actions per area (counted), areas, the page's
    # actions and their latest updates.
    ("/organisations/northshire-police/", "/organisations/northshire-police/", 6),
    ("/organisations/northshire-police/?page=2", "/organisations/northshire-police/?page=2", 6),
]


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize(("small", "bigger", "expected"), PAGES)
def test_queries_do_not_grow_with_the_data(client, world, small, bigger, expected):
    before = queries(client, small)

    add_areas(world, 3, extra_actions=6)

    assert before == expected, f"{small}: {before} queries"
    assert queries(client, bigger) == expected, bigger
    assert queries(client, small) == expected, small


def test_report_page_queries_do_not_grow(client, world):
    before = queries(client, f"/areas/northshire/reports/{world.report.pk}/")

    add_areas(world, 2, extra_actions=6)
    other = ProgressReport.objects.get(area__slug="extra-area-1")

    # 6, and the published questions about the report.
    assert before == 7
    assert queries(client, f"/areas/extra-area-1/reports/{other.pk}/") == 7
