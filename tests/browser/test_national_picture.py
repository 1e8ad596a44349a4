"""The national picture's new pages in a real browser: axe finds no WCAG 2.2 A or AA problem;
the map and the table read on a 390 px phone; sorting works without JavaScript; a printed plan
keeps each action whole and prints where its links go."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from concordat.reports.models import Metric, MetricValue
from tests.factories import make_office_user
from tests.public.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world(transactional_db):
    world = build_world()
    world.north.ons_codes = ["E10000014", "E06000045"]
    world.north.population = 250_000
    world.north.save()
    world.south.ons_codes = ["E10000014"]
    world.south.population = 150_000
    world.south.save()
    world.west.ons_codes = ["E06000022"]
    world.west.save()
    return world


def new_paths(world):
    metric = Metric.objects.get(slug="section-136-detentions-test")
    return [
        "/areas/map/",
        "/about-these-figures/",
        "/areas/?sort=overdue&order=desc",
        "/areas/?covers=E10000014",
        "/areas/northshire/plan/?view=table",
        f"/metrics/{metric.slug}/",
        "/areas/northshire/metrics/",
    ]


def sideways(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_new_pages_pass_axe(page, axe_check, world):
    for path in new_paths(world):
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        axe_check(page)
    page.goto("/")
    assert page.locator("svg.concordat-map").count() == 1
    axe_check(page)


def test_new_pages_read_on_a_phone(page, world):
    page.set_viewport_size(PHONE)
    MetricValue.objects.create(
        metric=Metric.objects.get(slug="section-136-detentions-test"),
        area=world.south,
        period_start="2015-01-01",
        period_end="2015-01-31",
        value=30,
    )
    for path in ["/", "/areas/northshire/", "/metrics/", *new_paths(world)]:
        page.goto(path)
        assert sideways(page) <= 0, f"{path} scrolls sideways on a 390 px screen"
    page.goto("/areas/map/")
    # The whole of England fits the screen, each hex still big enough to see and select;
    # the table beside it links to every area with full-size targets.
    box = page.locator("svg.concordat-map").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    hexagon = page.locator(".concordat-map__link").first.bounding_box()
    assert hexagon["width"] >= 18 and hexagon["height"] >= 18
    region = page.locator(".concordat-map-scroll")
    assert region.evaluate("r => r.scrollWidth - r.clientWidth") <= 0
    # Chart text is drawn at 11 px or more at this width.
    page.goto("/areas/northshire/metrics/")
    chart = page.locator("svg.concordat-chart").first.bounding_box()
    assert chart["width"] * 15 / 480 >= 10.5


def test_map_hexes_are_links_named_for_screen_readers(page, world):
    page.goto("/areas/map/")
    hampshire = page.get_by_role("link", name="Hampshire: 2 areas (Northshire, Southshire)")
    assert hampshire.count() == 1
    hampshire.click()
    page.wait_for_url("**/areas/?covers=E10000014")
    assert page.get_by_text("Showing the areas that cover Hampshire.").is_visible()
    page.goto("/areas/map/")
    page.get_by_role("link", name="Bath and North East Somerset: Westshire").click()
    page.wait_for_url("**/areas/westshire/")


def test_sorting_works_without_javascript(no_js_page, world):
    no_js_page.goto("/areas/?region=north-west")
    # Chromium reads the hidden words after a space: "Stage , sort ascending".
    no_js_page.get_by_role("link", name=re.compile(r"^Stage ?, sort ascending$")).click()
    assert "sort=stage" in no_js_page.url and "region=north-west" in no_js_page.url
    header = no_js_page.locator("th[aria-sort]")
    assert header.get_attribute("aria-sort") == "ascending"
    assert header.inner_text().startswith("Stage")


def test_a_printed_plan_keeps_actions_whole_and_prints_link_addresses(page, live_server, world):
    page.goto("/areas/northshire/plan/")
    page.emulate_media(media="print")
    card = page.locator(".govuk-summary-card").first
    assert card.evaluate("c => getComputedStyle(c).breakInside") == "avoid"
    link = page.locator(".govuk-summary-card a.govuk-link", has_text="Northshire Police").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == f'" ({live_server.url}/organisations/northshire-police/)"'
    assert page.locator("nav[aria-labelledby='plan-contents']").is_hidden()


def test_the_office_place_page_passes_axe(
    page, axe_check, client, django_user_model, live_server, world
):
    user = make_office_user("office@example.org", name="")
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto("/workspace/northshire/place/")
    assert page.locator("h1").inner_text() == "Map and population"
    axe_check(page)
    page.fill("#id_population", "lots")
    page.get_by_role("button", name="Save").click()
    assert page.title().startswith("Error: ")
    axe_check(page)


def test_seeded_national_picture_passes_axe(page, axe_check, transactional_db):
    call_command("load_seeds", stdout=io.StringIO())
    for path in ["/", "/areas/map/", "/areas/hampshire-and-isle-of-wight/", "/areas/"]:
        assert page.goto(path).status == 200
        axe_check(page)
