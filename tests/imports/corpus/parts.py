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
