"""The map of England: drawn on the server from the shipped hex layout, one hex per board area,
coloured by stage, named for screen readers, with the national table as its text alternative."""

import re

import pytest
from django.core.exceptions import ValidationError

from concordat.core import geography
from concordat.core.models import Area
from concordat.core.rules import Stage
from concordat.core.selectors.areas import area_summaries

from .helpers import page
from .test_areas import area_rows
from .world import STAGE_PLACES, areas_at_every_stage

HEX_LINK = re.compile(r'<a class="concordat-map__link" href="([^"]+)" aria-label="([^"]+)">')


def test_the_layout_ships_with_its_licence_and_has_englands_151_board_areas():
    boards = geography.board_areas()
    assert len(boards) == 151
    assert {code[:3] for code in boards} == {"E06", "E08", "E09", "E10"}
    assert boards["E10000012"].name == "Essex"
    assert (boards["E06000034"].q, boards["E06000034"].r) == (13, 7)
    licence = geography.HEXJSON.with_name("LICENCE-hexjson.txt").read_text()
    assert "Copyright (c) 2017- Open Innovations" in licence
    assert "MIT License" in licence


def test_ons_codes_must_be_englands_board_areas(db):
    area = Area(name="Codeshire", slug="codeshire", ons_codes=["E10000012", "E07000066"])
    with pytest.raises(ValidationError) as refused:
        area.full_clean()
    assert "E07000066 is not the ONS code of a Health and Wellbeing Board area" in str(
        refused.value
    )
    area.ons_codes = ["E10000012", "E10000012"]
    with pytest.raises(ValidationError, match="Each ONS code can be given once"):
        area.full_clean()
    area.ons_codes = ["E10000012", "E06000034"]
    area.full_clean()
    assert area.board_areas == [("E10000012", "Essex"), ("E06000034", "Thurrock")]


def test_each_covered_hex_links_to_its_area_with_a_name_and_its_stage(client, world):
    world.north.ons_codes = ["E10000012", "E06000034"]
    world.north.save()
    world.south.ons_codes = ["E06000022"]
    world.south.save()

    html = page(client, "/areas/map/")

    links = HEX_LINK.findall(html)
    assert sorted(links) == [
        ("/areas/northshire/", "Essex: Northshire, Behind (1 of 3 actions overdue (1 of the 1 "
         "already due))"),
        ("/areas/northshire/", "Thurrock: Northshire, Behind (1 of 3 actions overdue (1 of the "
         "1 already due))"),
        ("/areas/southshire/", "Bath and North East Somerset: Southshire, Delivering the plan"),
    ]  # fmt: skip
    # 151 hexes: 3 linked, 148 drawn but hidden from screen readers, each with its name.
    assert html.count('class="concordat-map__hex ') == 151
    assert html.count("concordat-map__hex--not-covered") == 148
    assert "<title>Barnet: no area recorded</title>" in html
    assert '<g aria-hidden="true"><polygon' in html
    # Behind is hatched as well as coloured; delivering is not.
    assert html.count('fill="url(#england-map-hatch)"') == 2
    assert html.count("concordat-map__hex--delivering") == 1
    # The table beside it is its text alternative.
    assert 'id="national-table"' in html
    assert 'aria-labelledby="england-map-title england-map-desc"' in html
    assert "The table of areas on this page gives the same information in text." in html
    assert "Hex layout: Open Innovations (ODI Leeds) hex maps, MIT License" in html


def test_a_hex_several_areas_cover_lists_them(client, world):
    world.north.ons_codes = ["E10000014"]
    world.north.save()
    world.west.ons_codes = ["E10000014", "E06000045"]
    world.west.save()

    html = page(client, "/")

    links = {label: href for href, label in HEX_LINK.findall(html)}
    assert links["Hampshire: 2 areas (Northshire, Westshire)"] == "/areas/?covers=E10000014"
    assert links["Southampton: Westshire, Declaration signed, no plan published"] == (
        "/areas/westshire/"
    )
    # The hex takes the stage most in need of notice (behind), and a dot for several areas.
    hampshire = html[html.index("Hampshire: 2 areas") :]
    hampshire = hampshire[: hampshire.index("</a>")]
    assert "concordat-map__hex--behind" in hampshire
    assert 'class="concordat-map__several"' in hampshire
    assert html.count('class="concordat-map__several"') == 1
    assert "Dot: several areas cover this board area (the link lists them; 1 on this map)" in html


def test_legend_counts_areas_on_the_map_by_stage(client, world):
    world.north.ons_codes = ["E10000014"]
    world.north.save()

    html = page(client, "/areas/map/")

    assert (
        '<span class="concordat-map-key concordat-map-key--behind" aria-hidden="true"></span>'
        "Behind: 1 area on the map</li>"
    ) in html
    assert "Delivering the plan: 0 areas on the map</li>" in html
    assert "No area recorded</li>" in html


def test_the_map_keeps_to_the_content_security_policy(client, world):
    html = page(client, "/areas/map/")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "style=" not in svg
    assert "<script" not in svg


def hex_of(html, board_name):
    """The link (or, for a hex no area covers, the shape) drawn for one board area."""
    start = html.index(f'aria-label="{board_name}:')
    start = html.rindex("<a ", 0, start)
    return html[start : html.index("</a>", start) + 4]


def test_each_stage_has_its_own_colour_on_the_map_and_in_the_key(client, world):
    areas = areas_at_every_stage(world)
    assert {stage: s.stage for s in area_summaries(on=world.today)
            for stage, area in areas.items() if s.area == area} == {
        stage: stage for stage in areas
    }  # fmt: skip

    html = page(client, "/areas/map/")

    for stage, (_code, board) in STAGE_PLACES.items():
        drawn = hex_of(html, board)
        css = stage.replace("_", "-")
        # The hex is filled by its stage's class (colours come from the stylesheet) and only
        # behind is hatched as well.
        assert f'class="concordat-map__hex concordat-map__hex--{css}"' in drawn, stage
        assert ('fill="url(#england-map-hatch)"' in drawn) == (stage == "behind"), stage
        assert f'href="/areas/{areas[stage].slug}/"' in drawn
        # The key shows the same class beside the stage's name, and counts the area.
        label = Stage(stage).label
        assert (
            f'<span class="concordat-map-key concordat-map-key--{css}" aria-hidden="true">'
            f"</span>{label}: 1 area on the map</li>"
        ) in html, stage
    assert html.count("concordat-map__hex--not-covered") == 146
    assert (
        '<span class="concordat-map-key concordat-map-key--not-covered" aria-hidden="true">'
        "</span>No area recorded</li>"
    ) in html


def test_each_hex_is_named_with_its_area_and_stage_in_words(client, world):
    areas_at_every_stage(world)
    html = page(client, "/areas/map/")

    names = {label for _href, label in HEX_LINK.findall(html)}
    assert names == {
        "Bath and North East Somerset: Northshire, Behind (1 of 3 actions overdue (1 of the 1 "
        "already due))",
        "Southampton: Southshire, Delivering the plan",
        "Thurrock: Westshire, Declaration signed, no plan published",
        "Essex: Noshire, No declaration yet",
        "Barnet: Freshshire, Plan published",
    }
    # The name is also each link's title (a tooltip for pointer users), and the drawing as a
    # whole is an image named by its title and description.
    assert "<title>Southampton: Southshire, Delivering the plan</title>" in html
    assert '<title id="england-map-title">Map of England&#x27;s areas by stage</title>' in html
    assert 'role="region" aria-label="Map of England"' in html


def test_the_home_page_draws_the_same_map_beside_its_table(client, world):
    areas_at_every_stage(world)
    home = page(client, "/")
    own = page(client, "/areas/map/")

    svg = re.compile(r"<svg .*?</svg>")
    assert svg.search(home).group(0) == svg.search(own).group(0)
    # Its text alternative, the table of areas, is on the page and linked from the map.
    assert '<table class="govuk-table concordat-area-table" id="national-table">' in home
    assert '<a class="govuk-link" href="#national-table">The table of areas</a>' in home
    for slug in ("northshire", "southshire", "westshire", "noshire", "freshshire"):
        assert f'<a class="govuk-link" href="/areas/{slug}/">' in home


def test_the_map_page_keeps_the_tables_filters_and_order(client, world):
    areas_at_every_stage(world)

    html = page(client, "/areas/map/?region=south-west&sort=stage&order=desc")

    # Only the South West's areas: Southshire (delivering) then Westshire (declared).
    assert [label.split(":")[1].split(",")[0].strip() for _h, label in HEX_LINK.findall(html)
            ] == ["Westshire", "Southshire"]  # fmt: skip
    assert area_rows(html) == ["southshire", "westshire"]
    assert html.count("concordat-map__hex--not-covered") == 149


def test_the_map_needs_no_script_and_every_link_is_a_plain_address(client, world):
    areas_at_every_stage(world)
    html = page(client, "/areas/map/")
    figure = html[html.index('<figure class="concordat-map-figure">') : html.index("</figure>")]

    assert "<script" not in figure
    assert not re.search(r"\son[a-z]+=", figure)  # no event handler attributes
    hrefs = [href for href, _label in HEX_LINK.findall(html)]
    assert len(hrefs) == 5
    assert all(re.fullmatch(r"/areas/[a-z-]+/", href) for href in hrefs)
