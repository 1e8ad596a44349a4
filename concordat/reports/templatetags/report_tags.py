"""`{% load report_tags %}`: helpers for the report and export templates."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

DASHES = {"-", "–", "—"}
JOINED = re.compile(r"[-/–]")


def _line(line):
    tokens = [token for token in line.split(" ") if token]
    groups = []
    for token in tokens:
        if groups and (token in DASHES or groups[-1][-1] in DASHES):
            groups[-1].append(token)
        else:
            groups.append([token])
    parts = []
    for group in groups:
        text = escape(" ".join(group))
        if len(group) > 1 or (len(group[0]) > 1 and JOINED.search(group[0])):
            parts.append(f'<span class="nobr">{text}</span>')
        else:
            parts.append(text)
    return " ".join(parts)


@register.filter
def print_cell(value):
    """Cell text for print: lines kept, and no line break at a hyphen, a slash or a dash
    between words, so the printed text reads back exactly as written."""
    lines = str(value or "").split("\n")
    return mark_safe("<br>".join(_line(line) for line in lines))  # noqa: S308 - escaped


BULLET_LINE = re.compile(r"^\s*(?:[•·▪◦●‣]\s*|[*\-–]\s+)")


@register.filter
def report_text(value):
    """A report part as written in a text box: each line a paragraph, lines that start with a
    bullet grouped into a bulleted list; all text escaped."""
    parts, items = [], []

    def end_list():
        if items:
            listed = "".join(f"<li>{escape(item)}</li>" for item in items)
            parts.append(f'<ul class="govuk-list govuk-list--bullet">{listed}</ul>')
            items.clear()

    for line in str(value or "").splitlines():
        line = " ".join(line.split())
        if not line:
            end_list()
            continue
        if BULLET_LINE.match(line) and BULLET_LINE.sub("", line):
            items.append(BULLET_LINE.sub("", line))
        else:
            end_list()
            parts.append(f'<p class="govuk-body">{escape(line)}</p>')
    end_list()
    return mark_safe("\n".join(parts))  # noqa: S308 - built from escaped text only


@register.filter
def number(value):
    """5.0000 → 5, 72.50 → 72.5, 1234 → 1,234."""
    from concordat.reports.comparisons import format_number

    return format_number(value)
