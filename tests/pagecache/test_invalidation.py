"""After each kind of change to public data, every public address shows the new data at once.

Every address is fetched (and so cached) first; then one change is made through the code that
makes it in the product; then each address must answer exactly what a fresh build of the page
gives (the page cache switched off), and the change must be visible where it shows.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from concordat.core.models import Action, Area
from concordat.core.services import area_update_details, plan_version_publish, progress_update_post
from concordat.measures.periods import month
from concordat.pagecache.counter import publication_state
from concordat.reports.models import Metric
from concordat.reports.services import metric_value_record, progress_report_publish


def addresses(world):
    action = "1.1"
    return [
        "/",
        "/areas/",
        "/areas/northshire/",
        "/areas/northshire/plan/",
        "/areas/northshire/plan.csv",
        f"/areas/northshire/plan/actions/{action}/",
        "/areas/northshire/plan/versions/",
        "/areas/northshire/plan/versions/1/",
        "/areas/northshire/plan/compare/?from=1&to=2",
        "/areas/northshire/reports/",
        f"/areas/northshire/reports/{world.report.pk}/",
        "/areas/northshire/metrics/",
        "/areas/northshire/metrics.csv",
        "/metrics/",
        "/metrics/s136-detentions/",
        "/organisations/",
        "/organisations/northshire-police/",
        "/search/?q=street+triage",
        "/good-practice/",
        "/downloads/",
        "/feeds/publications.atom",
        "/areas/northshire/feed.atom",
        "/areas/northshire/due.ics",
        "/api/areas",
        "/api/areas.csv",
        "/api/actions?area=northshire",
        "/api/actions.csv?area=northshire",
        "/api/updates?area=northshire",
        "/api/versions",
        "/api/metric-values?area=northshire",
    ]


def body(response):
    assert response.status_code == 200, response
    return b"".join(response.streaming_content) if response.streaming else response.content


def fresh(path, settings):
    settings.CONCORDAT_PAGE_CACHE = False
    try:
        return body(Client().get(path))
    finally:
        settings.CONCORDAT_PAGE_CACHE = True


def publish_the_draft(world):
    plan_version_publish(version=world.draft, actor=None)
    return "/areas/northshire/plan/", "street triage rewritten in the draft"


def publish_the_report(world):
    progress_report_publish(report=world.draft_report, actor=None)
    return "/areas/northshire/reports/", "draft report"


def post_a_progress_update(world):
    action = Action.objects.get(version=world.v2, ref="1.2")
    progress_update_post(action=action, actor=None, note="Crisis house opened its doors.")
    return None, None  # public once its version is published (or at once, after issue 11)


def edit_the_area(world):
    area_update_details(area=world.north, actor=None, governance="Reports to the Northshire HWB.")
    return "/areas/northshire/", "Reports to the Northshire HWB."


def record_a_measure_value(world):
    metric = Metric.objects.get(slug="s136-detentions")
    last = timezone.localdate().replace(day=1) - timedelta(days=40)
    metric_value_record(
        metric=metric, area=world.north, period=month(last.year, last.month), value=4321, actor=None
    )
    return "/api/metric-values?area=northshire", "4321"


def rename_in_bulk(world):
    """A write outside the services (an UPDATE of many rows) moves the counter as well."""
    Area.objects.filter(pk=world.north.pk).update(name="Northshire and Wolds")
    return "/", "Northshire and Wolds"


CHANGES = [
    publish_the_draft,
    publish_the_report,
    post_a_progress_update,
    edit_the_area,
    record_a_measure_value,
    rename_in_bulk,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_every_public_address_shows_the_change_at_once(world, change, settings):
    client = Client()
    before = {path: body(client.get(path)) for path in addresses(world)}
    assert all(client.get(path).has_header("ETag") for path in addresses(world))
    counter = publication_state().counter

    where, text = change(world)

    assert publication_state().counter > counter
    for path in addresses(world):
        assert body(client.get(path)) == fresh(path, settings), path
    if where:
        assert text.encode() not in before[where]
        assert text.encode() in body(client.get(where))
