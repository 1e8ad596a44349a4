import pytest

from concordat.search.index import rebuild
from tests.api.world import build_world


@pytest.fixture
def world(db):
    world = build_world()
    rebuild()
    return world
