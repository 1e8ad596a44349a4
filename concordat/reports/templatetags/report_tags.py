"""`{% load report_tags %}`: helpers for the report and export templates."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

DASHES = {"-", "–", "—"}
JOINED = re.compile(r"[-/–]")
LONGEST_KEPT_TOGETHER = 32


def print_groups(line):
    """The words of a line as (text, keep_together) pieces: a word with a hyphen, slash or
    dash inside stays whole, and a dash between words stays with the word before it, so a
    printed line never starts with a dash (which would read back as a bullet)."""
    groups = []
    for token in (token for token in line.split(" ") if token):
        if groups and token in DASHES:
            groups[-1].append(token)
        else:
            groups.append([token])
    pieces = []
    for group in groups:
        text = " ".join(group)
        joined = len(group) > 1 or (len(group[0]) > 1 and bool(JOINED.search(group[0])))
        # A web address or the like is let break: no column could hold it whole.
        pieces.append((text, joined and len(text) <= LONGEST_KEPT_TOGETHER))
    return pieces


def _line(line):
    parts = []
    for text, together in print_groups(line):
        shown = escape(text)
        parts.append(f'<span class="nobr">{shown}</span>' if together else shown)
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


@register.filter(is_safe=True)
def sentence(value):
    """Generated text ending in one full stop ("Work)." never becomes "Work)..")."""
    from concordat.core.outbound import sentence as end_sentence

    return end_sentence(str(value))


@register.filter
def number(value):
    """5.0000 → 5, 72.50 → 72.5, 1234 → 1,234."""
    from concordat.measures.comparisons import format_number

    return format_number(value)
