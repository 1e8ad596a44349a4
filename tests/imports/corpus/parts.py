"""What every corpus builder shares: colours, the template's sub-theme rows, table rows."""

from dataclasses import dataclass, field

from content import Row

RED, AMBER, GREEN, BLUE, GREY, SHADE = "FF0000", "FFC000", "00B050", "0070C0", "BFBFBF", "D9D9D9"
FILLS = {"red": RED, "amber": AMBER, "green": GREEN, "blue": BLUE}

SUB = {  # the national template's sub-theme rows, as many local plans kept them
    1: [
        "Matching local need with a suitable range of services",
        "Improving mental health crisis services",
    ],
    2: [
        "Early intervention – protecting people whose circumstances make them vulnerable",
        "Access to and new models of effective crisis resolution",
    ],
    3: [
        "Improved quality of response when people are detained under Section 135 and 136 of "
        "the Mental Health Act 1983",
        "Improved information and advice available to front "
        "line staff to enable better response to individuals",
    ],
    4: [
        "Review police use of places of safety under the Mental Health Act 1983",
        "Service User/Patient safety and safeguarding",
    ],
    5: ["Joint planning for prevention of crises", "Staying well"],
}


@dataclass
class Doc:
    file: str
    format: str
    layout: str
    held_back: bool
    data: bytes
    actions: list[Row] = field(default_factory=list)


def head(*cells):
    return {"kind": "head", "cells": list(cells)}


def merged(text, shade=None, bold=True):
    return {"kind": "merged", "text": text, "shade": shade, "bold": bold}


def cells(*values, **options):
    return {"kind": "row", "cells": list(values), **options}


def placed(rows, section):
    for item in rows:
        if isinstance(item, Row):
            item.section = section
    return rows


def template_values(item, *more):
    """The national template's five columns for an action (ref, action, timescale, lead,
    outcomes), then the plan's own columns."""
    return [item.ref, item.action, item.timescale, item.lead, item.outcome, *more]


def template_cells(item, *more, **options):
    """A table row of `template_values`."""
    return cells(*template_values(item, *more), **options)


def section_rows(items, section, row, actions, *, sub=merged):
    """One section's table rows: `sub(title)` for a sub-theme title and `row(action)` for each
    action, which is also recorded in `actions`."""
    out = []
    for item in placed(items, section):
        if isinstance(item, str):
            out.append(sub(item))
            continue
        out.append(row(item))
        actions.append(item)
    return out


def refresh_tables(plan, annex, titles, header, actions):
    """A refreshed plan's tables (Camden and Islington's layout): one a section, then Appendix A
    of the completed actions under shaded section rows; each row ends with the progress."""

    def row(item):
        return template_cells(item, item.progress)

    tables = {
        section: [head(*header)] + section_rows(items, section, row, actions)
        for section, items in plan.items()
    }
    appendix = [head(*header)]
    for section, items in annex.items():
        appendix.append(merged(titles[section], shade=SHADE))
        appendix += section_rows(items, section, row, actions)
    return tables, appendix
