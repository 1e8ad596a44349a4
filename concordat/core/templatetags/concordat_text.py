"""`{% load concordat_text %}`: cell text as GOV.UK paragraphs and bullet lists, and names."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from concordat.core import people
from concordat.core.text import split_blocks

register = template.Library()


@register.filter
def display_name(user):
    """`{{ user|display_name }}`: see `concordat.core.people.display_name`."""
    return people.display_name(user)


@register.filter
def public_name(name):
    """`{{ update.author_name|public_name }}`: a name, never an email address."""
    return people.public_name(name or "")


@register.filter
def richtext(value):
    """Paragraphs and bulleted lists of a cell as HTML; every piece of its text is escaped."""
    if value is None:
        return ""
    parts = []
    for block in split_blocks(str(value)):
        if block.is_list:
            items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
            parts.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        else:
            parts.append(f'<p class="govuk-body">{escape(block.text)}</p>')
    return mark_safe("\n".join(parts))  # noqa: S308 - built from escaped text only
