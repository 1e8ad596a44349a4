"""The map of England: drawn on the server from the shipped hex layout, one hex per board area,
coloured by stage, named for screen readers, with the national table as its text alternative."""

import re

import pytest
from django.core.exceptions import ValidationError

from concordat.core import geography
from concordat.core.models import Area

from .helpers import page

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
