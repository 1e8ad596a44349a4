"""Turn a backend's marked text into safe HTML: everything escaped, matches in <mark>."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .backends import MARK_END, MARK_START

CONTROL = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)])


def clean(text):
    """Stored text without control characters, so no document can fake a highlight."""
    return (text or "").translate(CONTROL)


def render(marked):
    html = escape(marked or "")
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # A snippet may cut a mark in half; close it so the page stays well formed.
    if html.count("<mark>") > html.count("</mark>"):
        html += "</mark>"
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags added
