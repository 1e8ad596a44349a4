"""`create_demo_users`: the demo sign-ins of issue 4, only when asked for a demo."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from concordat.accounts import permissions
from tests.factories import make_area, make_organisation, sign_in

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def seeded(db):
    """The areas and organisation load_seeds makes, made directly."""
    return {
        "swe": make_area("South West Essex"),
        "hiow": make_area("Hampshire and Isle of Wight"),
        "nhse": make_organisation("NHS England"),
    }


def run(*args):
    out = StringIO()
    call_command("create_demo_users", *args, stdout=out)
    return out.getvalue()


def test_refuses_without_the_flag_when_debug_is_off(settings, seeded):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--i-know-this-is-a-demo"):
        run()
    assert not User.objects.exists()


def test_refuses_under_production_settings_even_with_the_flag(settings, seeded):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="never created under DJANGO_PRODUCTION"):
        run("--i-know-this-is-a-demo")
    assert not User.objects.exists()


def test_runs_without_the_flag_when_debug_is_on(settings, seeded):
    settings.DEBUG = True
    run()
    assert User.objects.count() == 5


def test_says_what_is_missing_when_the_seeds_are_not_loaded(db):
    make_area("South West Essex")
    with pytest.raises(CommandError) as raised:
        run("--i-know-this-is-a-demo")
    assert str(raised.value) == (
        "Missing the area hampshire-and-isle-of-wight, the organisation NHS England. "
        "Load the seeds first: python manage.py load_seeds"
    )
    assert not User.objects.exists()


def test_creates_the_demo_sign_ins_with_their_roles(client, monkeypatch, seeded):
    monkeypatch.delenv("CONCORDAT_DEMO_PASSWORD", raising=False)

    output = run("--i-know-this-is-a-demo")

    assert output.splitlines() == [
        "Demo sign-ins (all with the same password):",
        "  office@demo.concordat.test          Concordat office",
        "  lead.swe@demo.concordat.test        South West Essex lead",
        "  editor.swe@demo.concordat.test      South West Essex editor",
        "  editor.hiow@demo.concordat.test     Hampshire and Isle of Wight editor",
        "  signatory.nhse@demo.concordat.test  NHS England signatory editor",
        "Password: concordat-demo",
    ]
    users = {user.email: user for user in User.objects.all()}
    assert permissions.can_publish(users["office@demo.concordat.test"])
    assert permissions.can_submit(users["lead.swe@demo.concordat.test"], seeded["swe"])
    assert permissions.area_role(users["editor.swe@demo.concordat.test"], seeded["swe"]) == (
        "editor"
    )
    assert permissions.area_role(users["editor.hiow@demo.concordat.test"], seeded["hiow"]) == (
        "editor"
    )
    assert permissions.signatory_organisation_ids(users["signatory.nhse@demo.concordat.test"]) == {
        seeded["nhse"].pk
    }
    assert not any(user.is_superuser or user.is_staff for user in users.values())
    assert sign_in(client, users["lead.swe@demo.concordat.test"], "concordat-demo").status_code == (
        302
    )


def test_is_idempotent_and_takes_the_password_from_the_environment(monkeypatch, seeded):
    run("--i-know-this-is-a-demo")
    monkeypatch.setenv("CONCORDAT_DEMO_PASSWORD", "another demo password")

    output = run("--i-know-this-is-a-demo")

    assert output.splitlines()[-1] == "Password: another demo password"
    assert User.objects.count() == 5
    lead = User.objects.get(username="lead.swe@demo.concordat.test")
    assert lead.check_password("another demo password")
    assert lead.area_memberships.count() == 1
