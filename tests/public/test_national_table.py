"""/areas/ sorted by plain links with its filters kept, and its CSV twin /areas.csv."""

import csv
import io
import re
from datetime import timedelta

from concordat.core.models import Region
from tests.factories import make_area

from .helpers import page
from .test_areas import area_rows
from .world import SECRET, varied_area

COLUMNS = (
    "area,name,region,stage,actions,complete,overdue,updated_last_6_months,last_update,"
    "review_due,last_published"
)


def csv_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="areas.csv"'
    text = response.content.decode()
    return text, list(csv.DictReader(io.StringIO(text)))


def test_csv_has_exactly_the_columns_and_the_figures_of_the_page(client, world):
    text, rows = csv_of(client, "/areas.csv")

    assert text.splitlines()[0] == COLUMNS
    assert [row["area"] for row in rows] == ["northshire", "southshire", "westshire"]
    north = rows[0]
    v2_day = world.v2.published_at.date().isoformat()
    assert north == {
        "area": "northshire",
        "name": "Northshire",
        "region": "north-west",
        "stage": "behind",
        "actions": "3",
        "complete": "1",
        "overdue": "1",
        "updated_last_6_months": "1",
        "last_update": (world.today - timedelta(days=5)).isoformat(),
        "review_due": world.v2.review_due.isoformat(),
        "last_published": v2_day,
    }
    west = rows[2]
    assert west["stage"] == "declaration_signed"
    assert [west[c] for c in ("actions", "last_update", "review_due", "last_published")] == [
        "0",
        "",
        "",
        "",
    ]
    assert SECRET not in text


def test_csv_keeps_the_filters_and_the_order(client, world):
    varied_area(world.today)
    _text, rows = csv_of(client, "/areas.csv?region=south-west")
    assert [row["area"] for row in rows] == ["southshire", "westshire"]
    _text, rows = csv_of(client, "/areas.csv?sort=overdue&order=desc")
    # Overdue shares: Northshire 1 of 3, Eastshire 1 of 10, Southshire 0; Westshire has none.
    assert [row["area"] for row in rows] == ["northshire", "eastshire", "southshire", "westshire"]
    _text, rows = csv_of(client, "/areas.csv?stage=behind&sort=name&order=desc")
    assert [row["area"] for row in rows] == ["northshire", "eastshire"]


def test_each_column_sorts_with_a_plain_link_that_keeps_the_filters(client, world):
    html = page(client, "/areas/?region=north-west")

    for key in ("name", "stage", "complete", "overdue", "updated", "last_update", "review_due"):
        assert f'href="/areas/?region=north-west&amp;sort={key}&amp;order=' in html, key
    assert 'href="/areas/?region=north-west&amp;sort=last_published&amp;order=desc"' in html
    # Sorted by name by default: that header says so and its link turns the order round.
    assert re.search(
        r'<th scope="col" class="govuk-table__header" aria-sort="ascending">'
        r'<a class="govuk-link concordat-sort-link" href="/areas/\?region=north-west'
        r'&amp;sort=name&amp;order=desc">Area<span class="govuk-visually-hidden">, '
        r"sort descending</span>",
        html,
    )
    assert html.count("aria-sort=") == 1


def test_sorting_orders_the_rows(client, world):
    varied_area(world.today)
    make_area("Aardshire", region=Region.LONDON)

    def rows(query):
        return area_rows(page(client, f"/areas/?{query}"))

    assert rows("") == ["aardshire", "eastshire", "northshire", "southshire", "westshire"]
    assert rows("sort=name&order=desc") == [
        "westshire", "southshire", "northshire", "eastshire", "aardshire",
    ]  # fmt: skip
    # Stages in a plan's order: none, declared, behind (Eastshire, Northshire), delivering.
    assert rows("sort=stage") == [
        "aardshire", "westshire", "eastshire", "northshire", "southshire",
    ]  # fmt: skip
    # Shares complete: Southshire 100%, Northshire 33%, Eastshire 10%; no plan last.
    assert rows("sort=complete") == [
        "southshire", "northshire", "eastshire", "aardshire", "westshire",
    ]  # fmt: skip
    # Last update, oldest first: only Northshire has a dated update; the rest have none.
    assert rows("sort=last_update")[0] == "northshire"
    # Review due, soonest first: Eastshire's passed; Southshire's then Northshire's.
    assert rows("sort=review_due")[:3] == ["eastshire", "southshire", "northshire"]
    assert rows("sort=last_published&order=asc")[:3] == ["eastshire", "southshire", "northshire"]
    html = page(client, "/areas/?sort=stage&order=desc")
    assert 'aria-sort="descending"' in html


def test_a_bad_sort_says_so_and_keeps_the_other_filters(client, world):
    html = page(client, "/areas/?region=south-west&sort=colour")

    assert "<title>Error: Areas" in html
    assert "Choose a column of the table to sort by" in html
    assert area_rows(html) == ["southshire", "westshire"]
    assert 'name="sort"' not in html  # the bad value is not carried on


def test_filtering_keeps_the_order_in_a_hidden_field(client, world):
    html = page(client, "/areas/?sort=overdue&order=desc")

    assert '<input type="hidden" name="sort" value="overdue"' in html
    assert '<input type="hidden" name="order" value="desc"' in html
    assert 'href="/areas.csv?sort=overdue&amp;order=desc" download' in html


def test_stage_reason_is_shown_beside_the_stage(client, world):
    html = page(client, "/areas/")

    assert (
        '<strong class="govuk-tag concordat-late">Behind</strong><ul class="govuk-list '
        'concordat-area-table__reasons"><li>1 of 3 actions overdue (1 of the 1 already due)'
        "</li></ul>"
    ) in html


def test_areas_covering_a_board_area(client, world):
    world.north.ons_codes = ["E10000014"]
    world.north.save()
    world.south.ons_codes = ["E10000014", "E06000045"]
    world.south.save()

    html = page(client, "/areas/?covers=E10000014")
    assert area_rows(html) == ["northshire", "southshire"]
    assert "Showing the areas that cover Hampshire." in html
    assert "; covers Hampshire, Southampton</span>" in html
    assert area_rows(page(client, "/areas/?covers=E06000045")) == ["southshire"]
    html = page(client, "/areas/?covers=E99999999")
    assert "Choose a Health and Wellbeing Board area in England" in html
