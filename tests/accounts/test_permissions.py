"""The permission rules as a matrix: every role × every rule → allowed or not, and the view
helpers' 404 (cannot see) / 403 (can see, cannot change) for each role."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from concordat.accounts import permissions
from concordat.accounts.models import AreaMembership
from concordat.core.models import (
    Action,
    ActionIdentity,
    ActionLead,
    ActionPlan,
    PlanVersion,
)

pytestmark = pytest.mark.django_db

# Column heading in the tables below → the fixture (tests/accounts/fixtures.py) it stands for.
ROLES = {
    "anon": "anonymous",
    "outsider": "outsider",
    "editor": "area_editor",
    "oth_ed": "other_area_editor",
    "lead": "area_lead",
    "sig": "signatory_editor",
    "oth_sig": "other_signatory_editor",
    "office": "office_user",
    "admin": "administrator",
}

# Each rule, as (column name, how to ask it). `world` holds the areas and actions below.
RULES = {
    "view": lambda u, w: permissions.can_view_area_workspace(u, w.area),
    "view_other": lambda u, w: permissions.can_view_area_workspace(u, w.other_area),
    "view_national": lambda u, w: permissions.can_view_area_workspace(u, w.national_area),
    "draft": lambda u, w: permissions.can_view_draft(u, w.area),
    "export": lambda u, w: permissions.can_export_draft(u, w.area),
    "edit": lambda u, w: permissions.can_edit_plan(u, w.area),
    "edit_national": lambda u, w: permissions.can_edit_plan(u, w.national_area),
    "details": lambda u, w: permissions.can_edit_area_details(u, w.area),
    "submit": lambda u, w: permissions.can_submit(u, w.area),
    "submit_national": lambda u, w: permissions.can_submit(u, w.national_area),
    "reply": lambda u, w: permissions.can_reply_to_review(u, w.area),
    "review": lambda u, w: permissions.can_review(u),
    "publish": lambda u, w: permissions.can_publish(u),
    "members": lambda u, w: permissions.can_manage_members(u, w.area),
    "invite_editor": lambda u, w: permissions.can_invite(u, w.area, "editor"),
    "invite_lead": lambda u, w: permissions.can_invite(u, w.area, "lead"),
    "invite_signatory": lambda u, w: permissions.can_invite(u, None, "signatory_editor"),
    "invite_office": lambda u, w: permissions.can_invite(u, None, "office"),
    "edit_action": lambda u, w: permissions.can_edit_action(u, w.led_action),
    "update_led": lambda u, w: permissions.can_post_update(u, w.led_action),
    "update_unled": lambda u, w: permissions.can_post_update(u, w.unled_action),
    "update_national": lambda u, w: permissions.can_post_update(u, w.national_action),
    "update_national_other": lambda u, w: permissions.can_post_update(u, w.national_other_action),
}

# Y allowed, . refused. `area` lists `organisation` as a partner; `led_action` (in `area`) and
# `national_action` are led by `organisation`; `national_other_action` by `other_organisation`.
MATRIX = """
rule                   anon     outsider editor   oth_ed   lead     sig      oth_sig  office   admin
view                   .        .        Y        .        Y        Y        .        Y        Y
view_other             .        .        .        Y        .        .        .        Y        Y
view_national          .        .        .        .        .        Y        Y        Y        Y
draft                  .        .        Y        .        Y        Y        .        Y        Y
export                 .        .        Y        .        Y        Y        .        Y        Y
edit                   .        .        Y        .        Y        .        .        .        Y
edit_national          .        .        .        .        .        .        .        Y        Y
details                .        .        .        .        Y        .        .        Y        Y
submit                 .        .        .        .        Y        .        .        .        Y
submit_national        .        .        .        .        .        .        .        Y        Y
reply                  .        .        Y        .        Y        .        .        .        Y
review                 .        .        .        .        .        .        .        Y        Y
publish                .        .        .        .        .        .        .        Y        Y
members                .        .        .        .        Y        .        .        Y        Y
invite_editor          .        .        .        .        Y        .        .        Y        Y
invite_lead            .        .        .        .        .        .        .        Y        Y
invite_signatory       .        .        .        .        .        .        .        Y        Y
invite_office          .        .        .        .        .        .        .        .        Y
edit_action            .        .        Y        .        Y        .        .        .        Y
update_led             .        .        Y        .        Y        Y        .        .        Y
update_unled           .        .        Y        .        Y        .        .        .        Y
update_national        .        .        .        .        .        Y        .        Y        Y
update_national_other  .        .        .        .        .        .        Y        Y        Y
"""


def _parse(matrix):
    lines = [line.split() for line in matrix.strip().splitlines()]
    header, rows = lines[0][1:], lines[1:]
    assert header == list(ROLES)
    assert [row[0] for row in rows] == list(RULES)
    return [
        (ROLES[role], row[0], cell == "Y")
        for row in rows
        for role, cell in zip(header, row[1:], strict=True)
    ]


CASES = _parse(MATRIX)


class World:
    pass


def _action(version, ref, *leads):
    identity = ActionIdentity.objects.create(plan=version.plan)
    action = Action.objects.create(version=version, identity=identity, ref=ref, text=f"Do {ref}")
    for position, organisation in enumerate(leads):
        ActionLead.objects.create(action=action, organisation=organisation, position=position)
    return Action.objects.select_related("version__plan__area").get(pk=action.pk)


def _draft(area):
    plan = ActionPlan.objects.create(area=area)
    return PlanVersion.objects.create(plan=plan, number=1)


@pytest.fixture
def world(area, other_area, national_area, organisation, other_organisation):
    w = World()
    w.area, w.other_area, w.national_area = area, other_area, national_area
    draft = _draft(area)
    w.led_action = _action(draft, "1.1", organisation)
    w.unled_action = _action(draft, "1.2", other_organisation)
    national_draft = _draft(national_area)
    w.national_action = _action(national_draft, "1", organisation)
    w.national_other_action = _action(national_draft, "2", other_organisation)
    return w


def _user(request, role):
    if role == "anonymous":
        return AnonymousUser()
    return request.getfixturevalue(role)


@pytest.mark.parametrize(("role", "rule", "allowed"), CASES, ids=[f"{r}-{q}" for r, q, _ in CASES])
def test_permission_matrix(request, world, role, rule, allowed):
    user = _user(request, role)
    assert RULES[rule](user, world) is allowed


def test_an_inactive_user_has_no_role(world, area_lead, office_user):
    for user in (area_lead, office_user):
        user.is_active = False
        user.save()
        permissions.forget_roles(user)
        assert not permissions.can_view_area_workspace(user, world.area)
        assert not permissions.can_review(user)


def test_roles_are_read_once_per_user_object(world, area_lead, django_assert_num_queries):
    permissions.roles_for(area_lead)
    with django_assert_num_queries(0):
        for _ in range(10):
            assert permissions.can_edit_action(area_lead, world.led_action)
            assert permissions.can_submit(area_lead, world.area)


def test_forget_roles_reads_a_new_membership(area, other_area, area_editor):
    assert not permissions.can_view_area_workspace(area_editor, other_area)
    AreaMembership.objects.create(user=area_editor, area=other_area, role="editor")
    assert not permissions.can_view_area_workspace(area_editor, other_area)  # still cached
    permissions.forget_roles(area_editor)
    assert permissions.can_view_area_workspace(area_editor, other_area)


def test_signatory_editor_loses_partner_area_when_the_area_drops_the_organisation(
    world, signatory_editor, organisation
):
    assert permissions.can_post_update(signatory_editor, world.led_action)
    world.area.partners.remove(organisation)
    permissions.forget_roles(signatory_editor)
    assert not permissions.can_view_area_workspace(signatory_editor, world.area)
    assert not permissions.can_post_update(signatory_editor, world.led_action)
    # The national plan stays theirs.
    assert permissions.can_post_update(signatory_editor, world.national_action)


# The view helpers: "ok", 404 (may not see) or 403 (may see, may not edit).

HELPER_MATRIX = """
check                  outsider editor   oth_ed   lead     sig      oth_sig  office   admin
area                   404      ok       404      ok       ok       404      ok       ok
area_edit              404      ok       404      ok       403      404      403      ok
other_area             404      404      ok       404      404      404      ok       ok
action                 404      ok       404      ok       ok       404      ok       ok
action_edit            404      ok       404      ok       403      404      403      ok
action_update          404      ok       404      ok       ok       404      403      ok
unled_action_update    404      ok       404      ok       403      404      403      ok
no_such_area           404      404      404      404      404      404      404      404
"""

HELPERS = {
    "area": lambda u, w: permissions.get_area_for_user(u, w.area.slug),
    "area_edit": lambda u, w: permissions.get_area_for_user(u, w.area.slug, edit=True),
    "other_area": lambda u, w: permissions.get_area_for_user(u, w.other_area.slug),
    "action": lambda u, w: permissions.get_action_for_user(u, w.led_action.pk),
    "action_edit": lambda u, w: permissions.get_action_for_user(u, w.led_action.pk, edit=True),
    "action_update": lambda u, w: permissions.get_action_for_user(
        u, w.led_action.pk, post_update=True
    ),
    "unled_action_update": lambda u, w: permissions.get_action_for_user(
        u, w.unled_action.pk, post_update=True
    ),
    "no_such_area": lambda u, w: permissions.get_area_for_user(u, "no-such-area"),
}


def _parse_helpers(matrix):
    lines = [line.split() for line in matrix.strip().splitlines()]
    header, rows = lines[0][1:], lines[1:]
    assert [row[0] for row in rows] == list(HELPERS)
    return [
        (ROLES[role], row[0], cell)
        for row in rows
        for role, cell in zip(header, row[1:], strict=True)
    ]


HELPER_CASES = _parse_helpers(HELPER_MATRIX)


def _outcome(call):
    try:
        result = call()
    except Http404:
        return "404"
    except PermissionDenied:
        return "403"
    assert result is not None
    return "ok"


@pytest.mark.parametrize(
    ("role", "check", "expected"), HELPER_CASES, ids=[f"{r}-{c}" for r, c, _ in HELPER_CASES]
)
def test_view_helper_matrix(request, world, role, check, expected):
    user = _user(request, role)
    assert _outcome(lambda: HELPERS[check](user, world)) == expected


def test_get_area_for_user_returns_the_area(world, area_lead):
    assert permissions.get_area_for_user(area_lead, "riverside") == world.area


def test_get_action_for_user_loads_the_area_with_the_action(
    world, area_lead, django_assert_num_queries
):
    action = permissions.get_action_for_user(area_lead, world.led_action.pk)
    with django_assert_num_queries(0):
        assert action.version.plan.area.slug == "riverside"
        assert [o.name for o in action.lead_organisations.all()] == ["Testland Health Board"]


# The decorators.

factory = RequestFactory()


@permissions.area_view(edit=True)
def _edit_view(request, area):
    return HttpResponse(f"editing {area.slug}")


@permissions.office_required
def _office_view(request):
    return HttpResponse("office")


def _call(view, user, **kwargs):
    request = factory.get("/workspace/riverside/")
    request.user = user
    return view(request, **kwargs)


def test_area_view_passes_the_area_to_the_view(world, area_editor):
    assert _call(_edit_view, area_editor, slug="riverside").content == b"editing riverside"


def test_area_view_sends_anonymous_visitors_to_sign_in(world):
    response = _call(_edit_view, AnonymousUser(), slug="riverside")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/workspace/riverside/"


def test_area_view_404s_outsiders_and_403s_read_only_users(world, other_area_editor, office_user):
    with pytest.raises(Http404):
        _call(_edit_view, other_area_editor, slug="riverside")
    with pytest.raises(PermissionDenied):
        _call(_edit_view, office_user, slug="riverside")


def test_office_required(world, office_user, area_lead):
    assert _call(_office_view, office_user).content == b"office"
    with pytest.raises(PermissionDenied):
        _call(_office_view, area_lead)
    assert _call(_office_view, AnonymousUser()).status_code == 302
