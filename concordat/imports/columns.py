"""Map a plan's column headings, as written, onto the fields of an action."""

import re

from rapidfuzz import fuzz, process

from .refs import read_ref

FIELDS = {
    "ref": "Ref",
    "section": "Concordat section",
    "subtheme": "Sub-theme",
    "action": "Action",
    "timescale": "Timescale",
    "start_date": "Start date",
    "finish_date": "Finish date",
    "lead": "Lead",
    "outcomes": "Outcomes",
    "performance_indicator": "Performance indicator",
    "status": "Status",
    "rag": "RAG",
    "progress": "Progress",
}

SYNONYMS = {
    "ref": [
        "no",
        "ref",
        "ref no",
        "reference",
        "number",
        "action ref no",
        "action ref",
        "action no",
        "action number",
        "item",
        "item no",
        "id",
        "ref number",
        "action id",
    ],
    "action": [
        "action",
        "actions",
        "action text from crisis care concordat",
        "action text",
        "description",
        "task",
        "activity",
        "actions required",
        "what we will do",
        "key actions",
        "action required",
        "what",
        "recommendation",
    ],
    "timescale": [
        "timescale",
        "timescales",
        "time scale",
        "due by",
        "due",
        "due date",
        "deadline",
        "target date",
        "completion date",
        "by when",
        "when",
        "date",
        "timeframe",
        "time frame",
        "target completion date",
        "date due",
        "date completed",
        "completed date",
        "date of completion",
    ],
    "start_date": ["start date", "start", "date started", "commencement date"],
    "finish_date": ["finish date", "finish", "end date", "end"],
    "lead": [
        "led by",
        "lead",
        "lead organisation",
        "lead organisations",
        "lead agency",
        "lead agencies",
        "responsible",
        "responsibility",
        "owner",
        "who",
        "lead person",
        "accountable lead",
        "lead partner",
        "responsible lead",
        "lead agency footprint",
        "lead agency footprint if not north bank",
        "responsible organisation",
        "leads",
    ],
    "outcomes": [
        "outcomes",
        "outcome",
        "outputs",
        "output",
        "expected outcome",
        "expected outcomes",
        "product",
        "products",
        "deliverables",
        "deliverable",
        "intended outcomes",
        "measurable outcomes",
    ],
    "performance_indicator": [
        "performance indicator",
        "performance indicators",
        "kpi",
        "kpis",
        "measure",
        "measures",
        "measure of success",
        "success measures",
        "how will we measure success",
        "indicator",
        "indicators",
        "metrics",
    ],
    "status": [
        "status",
        "priority and status",
        "priority status",
        "current status",
        "progress status",
        "delivery status",
    ],
    "rag": [
        "rag",
        "rag status",
        "rag rating",
        "rag comments",
        "progress rag",
        "red amber green",
        "rag rated",
        "rating",
    ],
    "progress": [
        "update",
        "updates",
        "highlights and achievements",
        "progress",
        "progress update",
        "progress to date",
        "comments",
        "comment",
        "notes",
        "progress notes",
        "latest update",
        "update on progress",
        "progress comments",
    ],
    "section": ["section", "concordat section", "theme", "domain", "concordat theme"],
    "subtheme": ["sub theme", "subtheme", "sub heading", "sub section", "subsection"],
}
EXACT = {synonym: field for field, synonyms in SYNONYMS.items() for synonym in synonyms}
FUZZY_THRESHOLD = 88
# Words that give a long or unusual heading away, tried in this order.
KEYWORDS = [
    ("rag", r"\brag\b|red amber green"),
    ("status", r"\bstatus\b"),
    ("start_date", r"\bstart"),
    ("finish_date", r"\bfinish|\bend date"),
    ("timescale", r"timescale|time scale|deadline|\bdue\b|target date|by when|time ?frame|\bdate"),
    ("lead", r"\blead|\bled by|responsib|\bowner|accountab"),
    ("outcomes", r"outcome|output|deliverable|\bproduct"),
    ("performance_indicator", r"indicator|\bkpi|\bmeasure|\bmetric"),
    ("progress", r"update|progress|highlight|comment|\bnotes?\b|achievement"),
    ("subtheme", r"sub ?theme|sub ?heading|sub ?section"),
    ("section", r"\bsection\b|\btheme\b"),
    ("action", r"\baction|\btask|activit|objective|recommendation"),
    ("ref", r"\bref\b|\bnumber\b|\bno\b|\bid\b"),
]
# A second date column beside a timescale (`Timescale` and `Due`, as the plan CSV export
# writes them) holds the finish date.
SECOND_CHOICE = {"timescale": "finish_date"}
MAX_HEADER_LENGTH = 80
# A heading row must name at least one of these.
CORE_FIELDS = {"ref", "action", "timescale", "lead", "status", "outcomes"}


def normalise(header):
    text = (header or "").lower().replace("&", " and ").replace("+", " ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def field_for(header):
    """The field a heading names, or None."""
    key = normalise(header)
    if not key:
        return None
    if key in EXACT:
        return EXACT[key]
    found = process.extractOne(key, EXACT.keys(), scorer=fuzz.ratio)
    if found and found[1] >= FUZZY_THRESHOLD:
        return EXACT[found[0]]
    for field, pattern in KEYWORDS:
        if re.search(pattern, key):
            return field
    return None


def is_header_row(cells):
    """Whether a row of cells is a row of column headings."""
    filled = [cell.strip() for cell in cells if cell and cell.strip()]
    if len(filled) < 2 or any(len(cell) > MAX_HEADER_LENGTH for cell in filled):
        return False
    if read_ref(filled[0]) is not None:
        return False
    fields = [field_for(cell) for cell in filled]
    named = {field for field in fields if field}
    mapped = sum(1 for field in fields if field)
    return len(named) >= 2 and bool(named & CORE_FIELDS) and mapped >= 0.6 * len(filled)


def header_names(cells):
    """Heading text as written for each column; blanks and repeats made unique."""
    names, seen = [], set()
    for index, cell in enumerate(cells):
        name = " ".join((cell or "").split()) or f"Column {index + 1}"
        base, counter = name, 2
        while name in seen:
            name, counter = f"{base} ({counter})", counter + 1
        seen.add(name)
        names.append(name)
    return names


def map_columns(names, overrides=None):
    """Field (or None) for each heading; each field used once, overrides win."""
    overrides = {" ".join(k.split()): v for k, v in (overrides or {}).items()}
    fields = [None] * len(names)
    taken = set()
    for index, name in enumerate(names):
        if name in overrides and overrides[name] in FIELDS:
            fields[index] = overrides[name]
            taken.add(overrides[name])
    # Headings named exactly first, so `Action` wins over `Objective` wherever they stand.
    for exact in (True, False):
        for index, name in enumerate(names):
            if name in overrides or name.startswith("Column ") or fields[index]:
                continue
            if exact and normalise(name) not in EXACT:
                continue
            field = field_for(name)
            if field in taken:
                field = SECOND_CHOICE.get(field)
            if field and field not in taken:
                fields[index] = field
                taken.add(field)
    return fields
