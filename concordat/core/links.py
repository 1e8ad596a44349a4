"""Addresses of the public pages, for records, feeds and cards that link to them.

A model's own page is its `get_absolute_url`; `public_path` names any public page by its URL
name and arguments, and gives "" where there is none (a ref that cannot be in an address).
"""

from django.urls import NoReverseMatch, reverse


def public_path(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""
