"""The office sets where an area is (its board areas' ONS codes) and its population, on
/workspace/<slug>/place/ or from a CSV file with `load_populations`."""

import io

import pytest
from django.core.management import CommandError, call_command

from concordat.core.models import Area, AuditEntry

from .test_access import ROLES, check, login

pytestmark = pytest.mark.django_db

PLACE = ["login", 404, 403, 404, 403, 403, 404, "ok", "ok"]
URL = "/workspace/riverside/place/"
GOOD = {"ons_codes": "E10000012\nE06000034", "population": "485,000", "population_year": "2024"}


@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_only_the_office_sees_the_page(client, request, world, role_index):
    login(client, request, ROLES[role_index])
    check(client.get(URL), PLACE[role_index])


@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_only_the_office_saves(client, request, world, role_index):
    login(client, request, ROLES[role_index])
    response = client.post(URL, {**GOOD, "population": "485000"})
    check(response, PLACE[role_index])
    area = Area.objects.get(slug="riverside")
    if PLACE[role_index] == "ok":
        assert response["Location"] == "/workspace/riverside/"
        assert (area.ons_codes, area.population, area.population_year) == (
            ["E10000012", "E06000034"],
            485000,
            2024,
        )
        fields = set(AuditEntry.objects.filter(area=area).values_list("field", flat=True))
        assert {"ons_codes", "population", "population_year"} <= fields
    else:
        assert (area.ons_codes, area.population) == ([], None)


def test_the_office_sees_the_link_and_the_form(client, world, office_user):
    client.force_login(office_user)
    assert (
        "Map and population: board areas covered, residents"
        in client.get("/workspace/riverside/").content.decode()
    )
    html = client.get(URL).content.decode()
    assert "ONS codes of the Health and Wellbeing Board areas covered" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"ons_codes": "E10000012 E07000066"},
            "E07000066 is not the ONS code of a Health and Wellbeing Board area in England",
        ),
        ({"ons_codes": "E10000012, E10000012"}, "Each ONS code can be given once."),
        ({"population": "many"}, "Enter the population as a whole number, like 485000"),
        ({"population": "0"}, "Enter the population as a whole number, like 485000"),
        ({"population_year": "24"}, "Enter the year as four digits, like 2024"),
        ({"population": "", "population_year": "2024"}, "Give the population for the year"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    client, world, office_user, data, message
):
    client.force_login(office_user)
    response = client.post(URL, {**GOOD, "population": "485000", **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    area = Area.objects.get(slug="riverside")
    assert (area.ons_codes, area.population, area.population_year) == ([], None, None)
    assert not AuditEntry.objects.filter(area=area, field="ons_codes").exists()


def write(tmp_path, text):
    path = tmp_path / "populations.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_load_populations_sets_every_area_in_the_file(tmp_path, world):
    out = io.StringIO()
    path = write(tmp_path, 'area,population,year\nriverside,"312,000",2023\nengland,56000000,\n')
    call_command("load_populations", path, stdout=out)
    assert out.getvalue().strip() == "Populations set for 2 areas."
    assert Area.objects.get(slug="riverside").population == 312000
    assert Area.objects.get(slug="riverside").population_year == 2023
    assert Area.objects.get(slug="england").population_year is None


GOOD_ROW = "area,population,year\nengland,56000000,2024\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("area,people\nriverside,1\n", "must have the columns area, population and year"),
        (GOOD_ROW + "atlantis,1000,2024\n", "Line 3: no area with the address “atlantis”."),
        (GOOD_ROW + "riverside,lots,2024\n", "Line 3: the population and year must be whole"),
        (GOOD_ROW + "riverside,-5,2024\n", "Line 3: The population must be a whole number"),
        (GOOD_ROW + "riverside,1000,24\n", "Line 3: The population's year must be a year"),
        (
            GOOD_ROW + "riverside,1000,2024\nriverside,2000,2024\n",
            "Line 4: Riverside is given more than once.",
        ),
        ("area,population,year\n", "The file has no rows of populations."),
    ],
)
def test_load_populations_refuses_a_bad_file_and_changes_nothing(tmp_path, world, text, message):
    with pytest.raises(CommandError, match=message) as refused:
        call_command("load_populations", write(tmp_path, text), stdout=io.StringIO())
    assert str(refused.value).startswith("Nothing was changed.") or "columns" in message
    assert Area.objects.get(slug="england").population is None
    assert Area.objects.get(slug="riverside").population is None


def test_load_populations_says_when_the_file_cannot_be_read(tmp_path, world):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("load_populations", str(tmp_path / "missing.csv"), stdout=io.StringIO())
