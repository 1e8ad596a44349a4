import pytest
from django.contrib.auth.models import User

from concordat.accounts.models import AreaMembership, Profile
from tests.api.world import build_world

BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def world(db):
    return build_world()


def make_user(email, **profile):
    user = User.objects.create_user(username=email, email=email, password="x-long-password-1")
    if profile:
        Profile.objects.create(user=user, **profile)
    return user


@pytest.fixture
def users(world):
    office = make_user("office@example.org", is_office=True)
    lead = make_user("lead@northshire.example.org")
    AreaMembership.objects.create(user=lead, area=world.north, role="lead")
    other = make_user("editor@southshire.example.org")
    AreaMembership.objects.create(user=other, area=world.south, role="editor")
    outsider = make_user("someone@example.org")
    return {"office": office, "lead": lead, "other": other, "outsider": outsider}


@pytest.fixture
def login(client):
    def sign_in(user):
        client.force_login(user, backend=BACKEND)
        return client

    return sign_in
