"""Map a plan's column headings, as written, onto the fields of an action."""

import re
from dataclasses import dataclass

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
    "new": "New action mark",
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
        "intervention",
        "interventions",
        "what will be done",
        "what we will do",
        "what will we do",
        "what needs to be done",
        "what are we going to do",
        "specific actions",
        "actions to be taken",
        "action to be taken",
        "tasks",
        "activities",
        "how we will do it",
        "how will we do it",
        "how",
        "steps",
        "key steps",
        "planned actions",
        "proposed actions",
        "agreed actions",
        "local actions",
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
        "time scales",
        "timeline",
        "by",
        "when by",
        "delivery date",
        "expected completion",
        "target",
        "completion by",
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
        "responsible person",
        "responsible officer",
        "responsible agency",
        "responsible organisations",
        "who is responsible",
        "who will do it",
        "who will lead",
        "owners",
        "lead officer",
        "lead body",
        "lead organisation s",
        "lead s",
        "by whom",
        "action owner",
        "lead contact",
        "partner s responsible",
        "partners responsible",
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
        "red amber green rag",
        "rag red amber green",
        "r a g",
        "rag update",
        "rag progress",
        "progress rag",
        "rag and comments",
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
        "update comments",
        "comments update",
        "summary progress against actions",
        "progress against actions",
        "progress summary",
        "current position",
        "position",
        "evidence",
        "narrative",
        "progress made",
    ],
    "new": ["new", "new action", "new actions", "new this version", "new in this version"],
    "section": ["section", "concordat section", "theme", "domain", "concordat theme"],
    "subtheme": ["sub theme", "subtheme", "sub heading", "sub section", "subsection"],
}
EXACT = {synonym: field for field, synonyms in SYNONYMS.items() for synonym in synonyms}
FUZZY_THRESHOLD = 88
# Words that give a long or unusual heading away, tried in this order.
KEYWORDS = [
    ("rag", r"\brag\b|red amber green|\br a g\b"),
    ("status", r"\bstatus\b"),
    ("start_date", r"\bstart"),
    ("finish_date", r"\bfinish|\bend date"),
    (
        "timescale",
        r"timescale|time scale|deadline|\bdue\b|target date|by when|time ?frame|timeline|\bdate",
    ),
    ("lead", r"\blead|\bled by|responsib|\bowner|accountab"),
    ("outcomes", r"outcome|output|deliverable|\bproduct"),
    ("performance_indicator", r"indicator|\bkpi|\bmeasure|\bmetric|\bsuccess\b|how will we know"),
    (
        "progress",
        r"update|progress|highlight|comment|\bnotes?\b|achievement|\bquarter\b|\bq[1-4]\b",
    ),
    ("subtheme", r"sub ?theme|sub ?heading|sub ?section"),
    ("section", r"\bsection\b|\btheme\b"),
    (
        "action",
        r"\baction|\btask|activit|objective|recommendation|what will|how we will|\bsteps?\b",
    ),
    ("ref", r"\bref\b|\bnumber\b|\bno\b|\bid\b"),
]
# A second date column beside a timescale (`Timescale` and `Due`, as the plan CSV export
# writes them) holds the finish date.
SECOND_CHOICE = {"timescale": "finish_date", "action": "subtheme", "start_date": "timescale"}
MAX_HEADER_LENGTH = 80
# A heading row must name at least one of these.
CORE_FIELDS = {"ref", "action", "timescale", "lead", "status", "outcomes"}


def normalise(header):
    text = (header or "").lower().replace("&", " and ").replace("+", " ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def misspelt(key, synonym):
    """Whether a heading is a synonym misspelt, not another word ("progress date" is not
    "progress update"): word for word close, or one word run together."""
    words, others = key.split(), synonym.split()
    if len(words) != len(others):
        return key.replace(" ", "") == synonym.replace(" ", "") or len(words) == 1
    return all(a == b or fuzz.ratio(a, b) >= 85 for a, b in zip(words, others, strict=True))


def field_for(header):
    """The field a heading names, or None."""
    key = normalise(header)
    if not key:
        return None
    if key in EXACT:
        return EXACT[key]
    found = process.extractOne(key, EXACT.keys(), scorer=fuzz.ratio)
    if found and found[1] >= FUZZY_THRESHOLD and misspelt(key, found[0]):
        return EXACT[found[0]]
    for field, pattern in KEYWORDS:
        if re.search(pattern, key):
            return field
    return None


def is_header_row(cells):
    """Whether a row of cells is a row of column headings."""
    return header_score(cells) > 0


def header_score(cells):
    """How much a row reads as column headings: 0 for not at all, else the number of fields
    it names plus the share of its cells that name one."""
    filled = [cell.strip() for cell in cells if cell and cell.strip()]
    if len(filled) < 2 or any(len(cell) > MAX_HEADER_LENGTH for cell in filled):
        return 0
    if read_ref(filled[0]) is not None:
        return 0
    fields = [field_for(cell) for cell in filled]
    named = {field for field in fields if field}
    mapped = sum(1 for field in fields if field)
    if len(named) >= 2 and bool(named & CORE_FIELDS) and mapped >= 0.6 * len(filled):
        return len(named) + mapped / len(filled)
    return 0


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


# --- roles by heading and by content ---------------------------------------------------------
# A column's role is judged from its heading and from what its cells hold. The heading says
# most; the cells decide between headings that could mean two things (an "Objective" over
# the steps in an "Actions required" column is the sub-theme), and give a role to a column
# whose heading names none (a blank heading over red, amber and green cells).

# Headings naming a broad aim: the action if no column names the steps, else the sub-theme.
BROAD = re.compile(
    r"\b(objective|objectives|aim|aims|focus|goal|goals|area|priority area|theme)s?\b"
)
ORGANISATION_WORDS = re.compile(
    r"\b(ccgs?|council|councils|trust|trusts|nhs|police|constabulary|ambulance|mind|"
    r"service|services|team|teams|partnership|partners|board|group|commissioning|"
    r"commissioners?|authority|authorities|hospital|foundation|healthwatch|cqc|phe|"
    r"la|las|ft|clinical|public health|probation|housing|samaritans|carers|ltd|cic|"
    r"department|office|college|association|university|forum|network|unit|lead|leads|"
    r"manager|director|officer|chair|head|coordinator|commissioner)\b",
    re.I,
)
ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,7}s?\b")
CONTENT_WEIGHT = 0.8
PROSE_WORDS = 6


# Headings that name something no field holds: the cells do not make them a ref or a date.
OTHER_THINGS = re.compile(
    r"^(?:priority|priority rank|rank|ranking|budget|cost|costs|funding|resources|risks?|"
    r"dependencies|cost implications|resource implications|notes for officers|"
    r"progress date|update date|date of update|date updated|last updated|latest update date)$"
)


def names_other_thing(header):
    return bool(OTHER_THINGS.match(normalise(header)))


def heading_scores(header):
    """{field: score 0-1} for what a heading could name: exact words 1, a close spelling
    0.9, words inside it 0.7 for the first and less for the others."""
    key = normalise(header)
    scores = {}
    if not key:
        return scores
    if key in EXACT:
        scores[EXACT[key]] = 1.0
    else:
        found = process.extractOne(key, EXACT.keys(), scorer=fuzz.ratio)
        if found and found[1] >= FUZZY_THRESHOLD and misspelt(key, found[0]):
            scores[EXACT[found[0]]] = 0.9
    weight = 0.7
    for field, pattern in KEYWORDS:
        if re.search(pattern, key):
            scores.setdefault(field, weight)
            weight = max(0.3, weight - 0.2)
    if AS_AT.search(" ".join(header.lower().split())) and max(scores.values(), default=0) < 0.9:
        # "Owners' actions @ Dec 2015", "Position as at March 2016": what was done by then.
        scores = {f: min(v, 0.5) for f, v in scores.items()}
        scores["progress"] = 0.85
        return scores
    if BROAD.search(key) and max(scores.values(), default=0) < 0.9:
        # A broad aim ("Objective", "Focus"), unless the heading names a field exactly
        # ("Concordat theme" is the section).
        scores["action"] = min(scores.get("action", 0.6), 0.6)
        scores["subtheme"] = max(scores.get("subtheme", 0), 0.6)
    return scores


@dataclass
class Profile:
    """What a column's cells hold, each as a share of its non-empty cells."""

    filled: int = 0
    rows: int = 0
    ref: float = 0.0
    sequence: float = 0.0
    date: float = 0.0
    rag: float = 0.0
    status: float = 0.0
    organisation: float = 0.0
    long: float = 0.0
    prose: float = 0.0  # cells written as a sentence or more (six words or more)
    mean_length: float = 0.0
    repeats: float = 0.0
    groups: int = 0  # distinct texts
    group_titles: int = 0  # distinct texts naming a Concordat section by its title
    group_topics: int = 0  # distinct texts naming one by title or topic
    group_sections: int = 0  # distinct Concordat sections those texts name

    def content_scores(self):
        """{field: 0-1} for what the cells look like."""
        if not self.filled:
            return {}
        short = self.mean_length <= 14
        # Refs run in sequence; numbers that do not (priority ranks) are no refs.
        in_sequence = self.sequence >= 0.3 or self.filled < 3
        scores = {
            "ref": (0.6 * self.ref + 0.4 * self.sequence) if short and in_sequence else 0.0,
            "action": max(0.7 * self.long + (0.3 if self.mean_length >= 40 else 0.0), self.prose),
            "timescale": self.date if self.mean_length <= 120 else 0.3 * self.date,
            "lead": self.organisation if self.mean_length <= 90 else 0.2 * self.organisation,
        }
        if self.mean_length > 45 and self.prose > 0.5:
            # Long sentences that name organisations in passing are the action, not its lead.
            scores["lead"] *= 0.5
        scores |= {
            "status": self.status if self.mean_length <= 60 else 0.2 * self.status,
            "rag": self.rag,
        }
        if self.long > 0.5 and self.repeats > 0.3:
            scores["subtheme"] = 0.5 * self.repeats
        return scores


def profile(cells, fills=(), *, understood_date=None, understood_status=None, read_rag=None):
    """A Profile of a column's body cells (text), with the fill colour of each cell."""
    from .refs import read_ref, ref_follows

    found = Profile(rows=len(cells))
    texts = [" ".join((cell or "").split()) for cell in cells]
    filled = [
        (text, fill)
        for text, fill in zip(texts, list(fills) or [""] * len(texts), strict=False)
        if text or fill
    ]
    found.filled = len(filled)
    if not filled:
        return found
    words = [text for text, _fill in filled if text]
    share = 1 / len(filled)
    refs = []
    for text, fill in filled:
        ref = read_ref(text) if text and len(text) <= 16 else None
        if ref is not None and not re.fullmatch(r"(19|20)\d\d", ref.ref):
            found.ref += share
            refs.append(ref.ref)
        if text and len(text) <= 150 and understood_date is not None and understood_date(text):
            found.date += share
        if text and understood_status is not None and len(text) <= 80 and understood_status(text):
            found.status += share
        if read_rag is not None and (
            (text and len(text) <= 60 and read_rag(text)) or (fill and read_rag(fill, colour=True))
        ):
            found.rag += share
        plain_status = text and (
            (understood_status is not None and understood_status(text))
            or (read_rag is not None and read_rag(text))
        )
        if (
            text
            and len(text) <= 90
            and not plain_status
            and (ORGANISATION_WORDS.search(text) or ACRONYM.search(text))
        ):
            found.organisation += share
        if len(text) > 60:
            found.long += share
        if len(text.split()) >= PROSE_WORDS:
            found.prose += share
    if words:
        found.mean_length = sum(len(text) for text in words) / len(words)
        found.repeats = 1 - len(set(words)) / len(words)
        _group_sections(found, words)
    if len(refs) >= 2:
        pairs = list(zip(refs, refs[1:], strict=False))
        found.sequence = sum(1 for a, b in pairs if ref_follows(a, b)) / len(pairs)
    return found


def _group_sections(found, words):
    """How many of a column's distinct texts name a Concordat section (by title, by topic)."""
    from .sections import section_by_topic, section_from_title

    distinct = list(dict.fromkeys(words))
    found.groups = len(distinct)
    if len(distinct) > 12 or any(len(text) > 80 for text in distinct):
        return
    sections = set()
    for text in distinct:
        by_title, _score = section_from_title(text)
        if by_title is not None:
            found.group_titles += 1
        number = by_title if by_title is not None else section_by_topic(text)
        if number is not None:
            found.group_topics += 1
            sections.add(number)
    found.group_sections = len(sections)


# A heading over the groups a plan puts its actions in: its sections if they are the
# Concordat's ("Concordat aim", "Workstream").
GROUPING = re.compile(r"\b(concordat|work ?streams?|strands?|domains?)\b")


def section_column(names, fields, profiles):
    """A column written once for each group of actions (merged down, or only on the group's
    first row) whose groups are the Concordat sections: every group names one, by its
    title, or by its topic under a heading that names the plan's groups, and three or more
    sections are named. It gives each action its section."""
    fields = list(fields)
    if "section" in fields:
        return fields
    for index, name in enumerate(names):
        if index >= len(profiles) or fields[index] not in (None, "subtheme"):
            continue
        found = profiles[index]
        if found.groups < 3 or found.group_sections < 3 or found.group_topics < found.groups:
            continue
        if found.groups >= found.rows:
            continue  # a group per row is no grouping
        by_title = found.group_titles >= 0.5 * found.groups
        if by_title or GROUPING.search(normalise(name)):
            fields[index] = "section"
            break
    return fields


def assign_roles(names, profiles, overrides=None):
    """(fields, doubts): a field (or None) for each heading, each field used once.

    Overrides win. Then each column's candidates (heading scores plus what its cells hold)
    are taken best first; a field already taken falls to the heading's second meaning (a
    second date column is the finish date, a broad aim beside the steps is the sub-theme).
    """
    overrides = {" ".join(k.split()): v for k, v in (overrides or {}).items()}
    fields = [None] * len(names)
    taken = set()
    doubts = []
    for index, name in enumerate(names):
        if name in overrides and overrides[name] in FIELDS:
            fields[index] = overrides[name]
            taken.add(overrides[name])
    options = []  # (score, -index, index, field)
    named = set(taken)  # fields some heading names exactly: the cells cannot claim them
    for name in names:
        exact = heading_scores(name) if not name.startswith("Column ") else {}
        named |= {field for field, score in exact.items() if score >= 0.9}
    from_heading = set()  # (index, field) options a heading gave
    for index, name in enumerate(names):
        if name in overrides:
            continue
        if names_other_thing(name):
            continue  # "Priority", "Budget": kept as written beside each action
        every = {} if name.startswith("Column ") else heading_scores(name)

        # A heading is taken at its first meaning (and a broad aim's two); its other words
        # only make doubts.
        heading = {f: v for f, v in every.items() if v >= max(every.values()) - 1e-9}
        broad = "subtheme" in every and every.get("action") == every["subtheme"]
        if broad:
            # The action where no other column is, else the sub-theme of the one that is.
            heading = {"action": every["action"], "subtheme": every["subtheme"] - 0.01}
        content = profiles[index].content_scores() if index < len(profiles) else {}
        combined = {}
        for field, score in heading.items():
            # Headings that name a field exactly keep their order; the cells only rank the
            # looser ones. A broad aim's sentences do not make it the action: where another
            # column holds the steps, the aim is their sub-theme.
            if score >= 0.9:
                combined[field] = score
            else:
                weight = 0.0 if broad and field == "action" else CONTENT_WEIGHT * 0.5
                bonus = weight * content.get(field, 0.0)
                combined[field] = min(0.89, score + bonus)
            from_heading.add((index, field))
        for field, score in content.items():
            if field in heading or field in named:
                continue
            # A heading that names nothing leaves the cells to say; one that names something
            # else is overruled only by cells that say so plainly.
            strongest = max(heading.values(), default=0.0)
            if strongest == 0.0 and score >= 0.6:
                combined[field] = CONTENT_WEIGHT * score
            elif strongest < 0.75 and score >= 0.85 and content.get(_best(heading), 0) < 0.2:
                combined[field] = strongest + 0.05
        for field, score in combined.items():
            options.append((score, -index, index, field))
    options.sort(reverse=True)
    placed = set()
    for _score, _order, index, field in options:
        if index in placed or fields[index] is not None:
            continue
        if field in taken:
            fallback = SECOND_CHOICE.get(field)
            if (
                fallback
                and fallback not in taken
                and (index, field) in from_heading
                and _best_for(options, index) == field
            ):
                fields[index] = fallback
                taken.add(fallback)
                placed.add(index)
            continue
        fields[index] = field
        taken.add(field)
        placed.add(index)
    for index, name in enumerate(names):
        if fields[index] is None or name in overrides:
            continue
        rivals = [
            (score, field)
            for score, _o, i, field in options
            if i == index and field != fields[index] and field not in taken
        ]
        own = max(
            (score for score, _o, i, f in options if i == index and f == fields[index]), default=0
        )
        if rivals and max(rivals)[0] >= own - 0.1 and own < 0.9:
            other = FIELDS[max(rivals)[1]]
            doubts.append(
                f"The column “{name}” was read as {FIELDS[fields[index]]}; it could also be "
                f"the {other}. Change it under “How the columns were read” if so."
            )
    return fields, doubts


PERIOD = re.compile(
    r"\b(?:quarter|qtr|q[1-4]|month|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"(?:19|20)\d\d)\b"
)


MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december|q[1-4]|quarter [1-4]"
)
# A heading that dates its cells: an update as things stood then.
AS_AT = re.compile(rf"(?:@|\bat\b|\bas of\b)\s*(?:{MONTHS})\b")
DELIVERABLES = {"deliverables", "deliverable", "outputs", "output", "products", "product"}


def settle_roles(names, fields, profiles=()):
    """The roles as the layout places them: series spread (spread_series); a second
    column named as the action, after the lead, date and RAG, read as progress; the
    deliverables as the action where no heading names one and an outcomes column is beside
    them."""
    fields = late_action_is_progress(names, spread_series(names, fields))
    fields = specific_action(names, fields, profiles)
    fields = section_column(names, fields, profiles)
    return deliverables_are_actions(names, fields)


def specific_action(names, fields, profiles):
    """Two columns named as actions, one written once for a group of rows (recommended
    actions, merged down) and one on every row (the proposed local actions under it): the
    broader is the sub-theme and the specific one the action."""
    fields = list(fields)
    if "action" not in fields:
        return fields
    broad = fields.index("action")
    for index, name in enumerate(names):
        if index == broad or fields[index] not in (None, "subtheme") or index >= len(profiles):
            continue
        if heading_scores(name).get("action", 0) < 0.5 or names_other_thing(name):
            continue
        many, few = profiles[index].filled, profiles[broad].filled
        if many >= 3 and many >= 1.5 * few and profiles[index].mean_length >= 20:
            fields[index], fields[broad] = "action", "subtheme"
            break
    return fields


def deliverables_are_actions(names, fields):
    fields = list(fields)
    if "outcomes" not in fields:
        return fields
    if "action" not in fields:
        # No column is the action: a plan of deliverables (each one a thing to be done).
        outcomes = fields.index("outcomes")
        if normalise(names[outcomes]) not in DELIVERABLES:
            return fields
        fields[outcomes] = "action"
        for index, name in enumerate(names):
            if fields[index] is None and "outcomes" in heading_scores(name):
                fields[index] = "outcomes"
                break
        return fields
    action, outcomes = fields.index("action"), fields.index("outcomes")
    if heading_scores(names[action]).get("action", 0) >= 0.6:
        return fields
    if normalise(names[outcomes]) in DELIVERABLES and "outcomes" in heading_scores(names[action]):
        fields[action], fields[outcomes] = "outcomes", "action"
    return fields


def late_action_is_progress(names, fields):
    """Two columns named as the action (`Actions and Milestones | By when | Lead | RAG |
    Action`): the one placed after the lead, the date and the RAG or status holds what was
    done about it (progress); the one before them is the action."""
    fields = list(fields)
    if "action" not in fields:
        return fields
    late = fields.index("action")
    around = [
        i
        for i, f in enumerate(fields)
        if f in ("lead", "timescale", "finish_date", "rag", "status")
    ]
    kinds = {fields[i] for i in around}
    if "lead" not in kinds or not kinds & {"timescale", "finish_date"} or late < max(around):
        return fields
    for index in range(min(around)):
        if fields[index] in (None, "subtheme") and "action" in heading_scores(names[index]):
            fields[index] = "action"
            fields[late] = None if "progress" in fields else "progress"
            break
    return fields


def spread_series(names, fields):
    """Columns repeated for each period (`Q1 Update | Q1 RAG | Q2 Update | Q2 RAG`): every
    column of a series plays the role of its first, and an action's latest filled period is
    read as its current one."""
    fields = list(fields)
    first = {}  # the last word of a heading → the index of its series' first column
    for index, name in enumerate(names):
        words = normalise(name).split()
        if len(words) < 2 or not PERIOD.search(" ".join(words[:-1])):
            continue
        lead = first.setdefault(words[-1], index)
        if lead != index and fields[index] is None and fields[lead]:
            fields[index] = fields[lead]
    return fields


def _best(scores):
    return max(scores, key=scores.get) if scores else None


def _best_for(options, index):
    for _score, _order, i, field in options:
        if i == index:
            return field
    return None
