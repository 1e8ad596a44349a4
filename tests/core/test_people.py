"""One rule names a person everywhere: `concordat.core.people`."""

import pytest
from django.template import Context, Template

from concordat.core.people import display_name, public_name
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_profile_name_comes_first_then_the_account_name_then_the_email():
    named = make_user("ann@example.org", name="Ann Shaw")
    named.first_name, named.last_name = "Annie", "S"
    account_named = make_user("bob@example.org")
    account_named.first_name, account_named.last_name = "Bob", "Hart"
    nameless = make_user("cat@example.org")

    assert display_name(named) == "Ann Shaw"
    assert display_name(account_named) == "Bob Hart"
    assert display_name(nameless) == "cat@example.org"
    assert display_name(None) == ""


def test_public_pages_never_show_an_email_address():
    assert public_name("Ann Shaw") == "Ann Shaw"
    assert public_name("cat@example.org") == ""
    assert public_name(make_user("dan@example.org")) == ""
    assert public_name(make_user("eve@example.org", name="Eve Grey")) == "Eve Grey"


def test_the_template_filters_use_the_same_rule():
    user = make_user("fay@example.org", name="Fay Lee")
    template = Template(
        "{% load concordat_text %}{{ user|display_name }}/{{ email|public_name }}/"
        "{{ name|public_name }}"
    )
    context = Context({"user": user, "email": "fay@example.org", "name": "Fay Lee"})
    assert template.render(context) == "Fay Lee//Fay Lee"
