"""Test users, one per role, for every package's view tests (loaded by tests/conftest.py).

Areas and organisations are made directly with the models:

- `organisation`: a national signatory organisation; `other_organisation`: another one.
- `area`: a local area that lists `organisation` among its partners; `other_area`: another
  local area with no partners; `national_area`: England, kind "national".

Users (each saved, active, password `TEST_PASSWORD`):

- `office_user`: Concordat office
- `administrator`: a superuser
- `area_lead`: lead of `area`
- `area_editor`: editor of `area`
- `other_area_editor`: editor of `other_area`
- `outsider`: signed in, no role
- `signatory_editor`: signatory editor for `organisation`
- `other_signatory_editor`: signatory editor for `other_organisation`

Sign in with `client.force_login(area_lead)`, or `sign_in(client, user)` to go through the
sign-in page.
"""

import functools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from concordat.accounts.models import AreaMembership, Profile, SignatoryEditor
from concordat.core.models import Area, NationalRole, Organisation

TEST_PASSWORD = "correct horse battery staple"  # noqa: S105


@functools.cache
def hashed_test_password():
    """TEST_PASSWORD hashed once (Argon2 is slow on purpose) and shared by every test user."""
    return make_password(TEST_PASSWORD)


def make_user(email, *, name="", is_office=False, is_superuser=False):
    user = get_user_model().objects.create(
        username=email, email=email, password=hashed_test_password(), is_superuser=is_superuser
    )
    Profile.objects.create(user=user, name=name, is_office=is_office)
    return user


def sign_in(client, user, password=TEST_PASSWORD):
    """Sign in through the sign-in page; returns the response."""
    return client.post("/accounts/login/", {"username": user.email, "password": password})


@pytest.fixture
def signatory_role(db):
    role, _created = NationalRole.objects.get_or_create(
        key=NationalRole.SIGNATORY, defaults={"name": "Signatory"}
    )
    return role


@pytest.fixture
def organisation(signatory_role):
    return Organisation.objects.create(
        name="Testland Health Board",
        slug="testland-health-board",
        short_name="THB",
        national_role=signatory_role,
    )


@pytest.fixture
def other_organisation(signatory_role):
    return Organisation.objects.create(
        name="Testland Police College",
        slug="testland-police-college",
        national_role=signatory_role,
    )


@pytest.fixture
def area(organisation):
    area = Area.objects.create(name="Riverside", slug="riverside", kind=Area.Kind.LOCAL)
    area.partners.add(organisation)
    return area


@pytest.fixture
def other_area(db):
    return Area.objects.create(name="Hillside", slug="hillside", kind=Area.Kind.LOCAL)


@pytest.fixture
def national_area(db):
    return Area.objects.get_or_create(
        slug="england", defaults={"name": "England", "kind": Area.Kind.NATIONAL}
    )[0]


@pytest.fixture
def office_user(db):
    return make_user("office@test.example", name="Olive Office", is_office=True)


@pytest.fixture
def administrator(db):
    return make_user("admin@test.example", name="Ada Admin", is_superuser=True)


@pytest.fixture
def area_lead(area):
    user = make_user("lead@riverside.test.example", name="Lee Lead")
    AreaMembership.objects.create(user=user, area=area, role="lead")
    return user


@pytest.fixture
def area_editor(area):
    user = make_user("editor@riverside.test.example", name="Eddie Editor")
    AreaMembership.objects.create(user=user, area=area, role="editor")
    return user


@pytest.fixture
def other_area_editor(other_area):
    user = make_user("editor@hillside.test.example", name="Hilda Editor")
    AreaMembership.objects.create(user=user, area=other_area, role="editor")
    return user


@pytest.fixture
def outsider(db):
    return make_user("outsider@test.example", name="Otto Outsider")


@pytest.fixture
def signatory_editor(organisation):
    user = make_user("editor@thb.test.example", name="Sig Editor")
    SignatoryEditor.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def other_signatory_editor(other_organisation):
    user = make_user("editor@college.test.example", name="Col Editor")
    SignatoryEditor.objects.create(user=user, organisation=other_organisation)
    return user
