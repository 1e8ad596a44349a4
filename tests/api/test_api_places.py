"""The open data's areas say where each area is (ONS codes) and how many live there."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_areas_carry_their_ons_codes_and_population(client, world):
    world.north.ons_codes = ["E10000012", "E06000034"]
    world.north.population = 485_000
    world.north.save()

    areas = {area["slug"]: area for area in client.get("/api/areas").json()["items"]}
    assert (areas["northshire"]["ons_codes"], areas["northshire"]["population"]) == (
        ["E10000012", "E06000034"],
        485000,
    )
    assert (areas["southshire"]["ons_codes"], areas["southshire"]["population"]) == ([], None)

    response = client.get("/api/areas.csv")
    text = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["northshire"]["ons_codes"] == "E10000012 | E06000034"
    assert rows["northshire"]["population"] == "485000"
    assert rows["southshire"]["population"] == ""
