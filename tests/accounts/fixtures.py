"""Test users, one per role, for every package's view tests (loaded by tests/conftest.py):
pytest fixtures over tests/factories.py, which builds each of them.

- `organisation`: a national signatory organisation; `other_organisation`: another one.
- `area`: a local area that lists `organisation` among its partners; `other_area`: another
  local area with no partners; `national_area`: England, kind "national".

Users (each saved, active, password `TEST_PASSWORD`):

- `office_user`: Concordat office
- `administrator`: a superuser
- `area_lead`: lead of `area`
- `area_editor`: editor of `area`
- `other_area_editor`: editor of `other_area`
- `outsider`: signed in, no role anywhere (tests/factories.py defines it once)
- `signatory_editor`: signatory editor for `organisation`
- `other_signatory_editor`: signatory editor for `other_organisation`

Sign in with `client.force_login(area_lead)`, or `sign_in(client, user)` to go through the
sign-in page.
"""

import pytest

from tests import factories
from tests.factories import TEST_PASSWORD, hashed_test_password, make_user, sign_in

__all__ = ["TEST_PASSWORD", "hashed_test_password", "make_user", "sign_in"]


@pytest.fixture
def signatory_role(db):
    return factories.signatory_role()


@pytest.fixture
def organisation(signatory_role):
    return factories.make_organisation(
        "Testland Health Board", short_name="THB", national_role=signatory_role
    )


@pytest.fixture
def other_organisation(signatory_role):
    return factories.make_organisation("Testland Police College", national_role=signatory_role)


@pytest.fixture
def area(organisation):
    return factories.make_area("Riverside", partners=[organisation])


@pytest.fixture
def other_area(db):
    return factories.make_area("Hillside")


@pytest.fixture
def national_area(db):
    return factories.national_area()


@pytest.fixture
def office_user(db):
    return factories.make_office_user()


@pytest.fixture
def administrator(db):
    return factories.make_administrator()


@pytest.fixture
def area_lead(area):
    return factories.make_area_lead(area)


@pytest.fixture
def area_editor(area):
    return factories.make_area_editor(area)


@pytest.fixture
def other_area_editor(other_area):
    return factories.make_area_editor(other_area, name="Hilda Editor")


@pytest.fixture
def outsider(db):
    return factories.make_outsider()


@pytest.fixture
def signatory_editor(organisation):
    return factories.make_signatory_editor(organisation, email="editor@thb.test.example")


@pytest.fixture
def other_signatory_editor(other_organisation):
    return factories.make_signatory_editor(
        other_organisation, email="editor@college.test.example", name="Col Editor"
    )
