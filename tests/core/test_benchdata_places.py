"""generate_england puts every area on the map with real board areas' codes and a population."""

from datetime import date

import pytest

from concordat.core import geography
from concordat.core.models import Area, ProgressUpdate
from concordat.seeds.benchdata import Scale, generate

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 1, 1)


def test_areas_get_real_ons_codes_and_a_population():
    scale = Scale(areas=6, versions=1, actions=6, updates=2, metrics=1, months=2, reports=1)
    generate(seed=3, scale=scale, as_of=AS_OF, log=lambda *_: None)
    areas = list(Area.objects.order_by("pk"))
    known = geography.board_areas()
    for area in areas:
        assert 1 <= len(area.ons_codes) <= 2, area
        assert all(code in known for code in area.ons_codes), area
        assert len(area.ons_codes) == (2 if " and " in area.name else 1), area
        assert 120_000 <= area.population <= 1_500_000
        assert area.population_year == 2025
        area.full_clean()
    codes = [code for area in areas for code in area.ons_codes]
    assert len(codes) == len(set(codes))  # while codes last, one area each
    # Undated synthetic notes stand for notes loaded from documents that gave no date.
    assert not ProgressUpdate.objects.filter(source="web", date__isnull=True).exists()


def test_more_areas_than_board_areas_share_codes():
    scale = Scale(areas=160, versions=1, actions=6, updates=1, metrics=1, months=1, reports=1)
    generate(seed=1, scale=scale, as_of=AS_OF, log=lambda *_: None)
    codes = [code for area in Area.objects.all() for code in area.ons_codes]
    assert set(codes) == set(geography.board_areas())  # all 151 on the map
    assert len(codes) > 151  # and some covered by several areas
