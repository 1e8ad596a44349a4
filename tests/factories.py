"""How every test builds its world: one function per thing, used by every test package.

People (each saved, active, with the password `TEST_PASSWORD`, a profile and a name):

- `make_user(email, name=...)`: signed in, no role anywhere. This is what an **outsider** is
  in every test: an account that belongs to no area, organisation, panel or office.
  `make_outsider()` makes the standard one.
- `make_office_user()`, `make_administrator()`: the Concordat office; a superuser.
- `make_member(area, role)`: a lead or editor of an area (`make_area_lead`, `make_area_editor`).
  An editor of *another* area is `make_area_editor(other_area)`: a person with the same role
  elsewhere, which tests check beside the outsider.
- `make_signatory_editor(organisation)`: keeps an organisation's national actions current.
- `make_reviewer(panel, by=office_user)`: an independent reviewer on an area's panel.

Places: `make_organisation`, `make_area` (local unless told), `national_area()` (England),
`signatory_role()`.

Plans, as the importer hands them to the services: `parsed_action`, `parsed_plan`,
`lead(organisation)`. Versions in each state, through the services: `import_version` (a
draft), `submit` (submitted), `publish` / `publish_plan` (published), `start_draft` (a draft on
top of a published plan). Actions and updates: `action_in(version, ref)`, `post_update`.

The pytest fixtures in tests/accounts/fixtures.py (`area`, `area_lead`, `outsider`, ...) are
thin wrappers over these functions.
"""

import functools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from concordat.accounts.models import AreaMembership, Profile, SignatoryEditor
from concordat.core.models import Action, Area, NationalRole, Organisation, PlanVersion
from concordat.core.services import (
    plan_version_import,
    plan_version_publish,
    plan_version_start_draft,
    progress_update_post,
)
from concordat.imports.parsed import LeadMatch, ParsedAction, ParsedPlan

TEST_PASSWORD = "correct horse battery staple"  # noqa: S105
PLAN_TITLE = "Crisis care action plan"


# People ---------------------------------------------------------------------------------


@functools.cache
def hashed_test_password():
    """TEST_PASSWORD hashed once (Argon2 is slow on purpose) and shared by every test user."""
    return make_password(TEST_PASSWORD)


def make_user(email, *, name="", is_office=False, is_superuser=False):
    """A signed-in account with no role anywhere (an outsider) unless given one."""
    user = get_user_model().objects.create(
        username=email, email=email, password=hashed_test_password(), is_superuser=is_superuser
    )
    Profile.objects.create(user=user, name=name, is_office=is_office)
    return user


def sign_in(client, user, password=TEST_PASSWORD):
    """Sign in through the sign-in page; returns the response."""
    return client.post("/accounts/login/", {"username": user.email, "password": password})


def make_outsider(email="outsider@test.example", name="Otto Outsider"):
    return make_user(email, name=name)


def make_office_user(email="office@test.example", name="Olive Office"):
    return make_user(email, name=name, is_office=True)


def make_administrator(email="admin@test.example", name="Ada Admin"):
    return make_user(email, name=name, is_superuser=True)


def make_member(area, role, *, email=None, name=""):
    """A lead or editor of `area` (email `<role>@<area slug>.test.example` unless given)."""
    user = make_user(email or f"{role}@{area.slug}.test.example", name=name)
    AreaMembership.objects.create(user=user, area=area, role=role)
    return user


def make_area_lead(area, *, email=None, name="Lee Lead"):
    return make_member(area, "lead", email=email, name=name)


def make_area_editor(area, *, email=None, name="Eddie Editor"):
    return make_member(area, "editor", email=email, name=name)


def make_signatory_editor(organisation, *, email=None, name="Sig Editor"):
    user = make_user(email or f"editor@{organisation.slug}.test.example", name=name)
    SignatoryEditor.objects.create(user=user, organisation=organisation)
    return user


def make_reviewer(panel, *, by, email="reviewer@panel.test.example", name="Rae Reviewer"):
    """An independent reviewer on `panel`, granted by `by` (the office)."""
    from concordat.accounts.services import reviewer_grant

    user = make_user(email, name=name)
    reviewer_grant(user=user, panel=panel, by=by)
    return user


# Places ---------------------------------------------------------------------------------


def signatory_role():
    return NationalRole.objects.get_or_create(
        key=NationalRole.SIGNATORY, defaults={"name": "Signatory"}
    )[0]


def slug_of(name):
    return name.lower().replace(" ", "-")


def make_organisation(name, *, slug=None, **fields):
    return Organisation.objects.create(name=name, slug=slug or slug_of(name), **fields)


def make_area(name, *, slug=None, kind=Area.Kind.LOCAL, partners=(), **fields):
    area = Area.objects.create(name=name, slug=slug or slug_of(name), kind=kind, **fields)
    if partners:
        area.partners.add(*partners)
    return area


def national_area():
    return Area.objects.get_or_create(
        slug="england", defaults={"name": "England", "kind": Area.Kind.NATIONAL}
    )[0]


# Parsed plans ---------------------------------------------------------------------------


def lead(organisation):
    """The importer's match of a lead's text to a known organisation."""
    return LeadMatch(
        text=organisation.name,
        organisation_id=organisation.pk,
        organisation_name=organisation.name,
        score=100,
        proposed_new=False,
    )


def parsed_action(ref, text, section=1, **fields):
    """An action as the importer reads it (`row` 0 and `ref_raw` the ref unless given)."""
    fields.setdefault("row", 0)
    fields.setdefault("ref_raw", ref)
    return ParsedAction(ref=ref, text=text, section=section, **fields)


def parsed_plan(*actions, title=PLAN_TITLE, **fields):
    return ParsedPlan(title=title, actions=list(actions), **fields)


# Plan versions in each state ------------------------------------------------------------


def _as_plan(actions, title):
    if isinstance(actions, ParsedPlan):
        return actions
    return parsed_plan(*actions, title=title)


def import_version(area, actions, *, title=PLAN_TITLE, actor=None):
    """A draft version of the area's plan with these actions (a list of `parsed_action`s, or
    a `parsed_plan`)."""
    return plan_version_import(area=area, actor=actor, parsed=_as_plan(actions, title))


def publish(version, *, days_ago=None, now=None, actor=None):
    """Publish a version, `days_ago` days ago (or at `now`, or now)."""
    if days_ago is not None:
        now = timezone.now() - timedelta(days=days_ago)
    return plan_version_publish(version=version, actor=actor, now=now)


def publish_plan(area, actions, *, days_ago=30, title=PLAN_TITLE, actor=None):
    """Import and publish: the area's published version with these actions."""
    return publish(import_version(area, actions, title=title, actor=actor), days_ago=days_ago)


def submit(version):
    """Mark a version submitted for publication (as the office finds it for review)."""
    version.state = PlanVersion.State.SUBMITTED
    version.save()
    return version


def start_draft(area, *, actor=None):
    """A draft on top of the area's published plan, with its actions copied."""
    return plan_version_start_draft(area=area, actor=actor)


# Actions and updates --------------------------------------------------------------------


def action_in(version, ref):
    return Action.objects.select_related("version__plan__area").get(version=version, ref=ref)


def post_update(action, note, *, on=None, actor=None, **fields):
    """A progress update on an action of a published plan, through the service."""
    return progress_update_post(action=action, actor=actor, note=note, on=on, **fields)
