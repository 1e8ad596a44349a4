import pytest

from tests import factories
from tests.api.world import build_world

BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def users(world):
    """The office, Northshire's lead, an editor of another area (Southshire) and an outsider."""
    return {
        "office": factories.make_office_user(),
        "lead": factories.make_area_lead(world.north),
        "other": factories.make_area_editor(world.south),
        "outsider": factories.make_outsider(),
    }


@pytest.fixture
def login(client):
    def sign_in(user):
        client.force_login(user, backend=BACKEND)
        return client

    return sign_in
