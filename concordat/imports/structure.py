"""Find a plan's actions in the tables a reader produced, as the most plan-like of several
candidate readings.

A table is found among everything else in the file (a title, a colour key, a table of
contents, a glossary, a KPI or signature table), its heading row is found (repeated at page
breaks or before each section, or not), and each column is given a role by its heading and by
what its cells hold. Then the rows are read: section rows (one cell, merged, shaded or bold,
or headings written between the tables), sub-theme rows, actions, and continuation rows whose
cells belong to the action above.

Where the document could be read more than one way (which role a column plays; whether a row
without a ref that reads like an action is one of its own or the rest of the action above),
each way is read in full and scored by how much the result looks like a plan: refs that run in
sequence, action text that starts and ends as sentences do, every action with its own lead
and timescale, no cell's text left over. The best reading is kept; where the runner-up reads a
column or a row differently, that is kept as a doubt for a person to check.
"""

import contextvars

from .columns import FIELDS, assign_roles, header_score, profile, settle_roles
from .key import colour_key, grey_removes
from .refs import carries_section, read_ref, ref_follows, ref_section
from .rows import (
    BULLET_START,
    MAX_HEADER_SEARCH,
    POLICIES,
    RowReading,
    Scheme,
    Structure,
    TablePlan,
    cell_holds,
    cell_look,
    column_year,
    header_rows,
    is_subheading_row,
    leading_ref_column,
    merge_heading_rows,
    scheme_key,
    table_rows,
)
from .sections import read_section_heading, section_by_meaning

__all__ = ["Structure", "read_structure"]

# --- choosing the reading --------------------------------------------------------------------


def _prepare(document, overrides):
    """Each table's rows, heading row and kind; each heading scheme's column roles."""
    plans = [TablePlan(n, t, table_rows(t)) for n, t in enumerate(document.tables)]
    last_scheme = None
    last_width = None
    bodies = {}  # scheme key → (names, [rows])
    for plan in plans:
        headers = [i for i in header_rows(plan.rows) if i < MAX_HEADER_SEARCH or last_scheme]
        if headers:
            first = plan.rows[headers[0]]
            cells = first.cells
            following = headers[0] + 1
            below = plan.rows[following] if following < len(plan.rows) else None
            if below and is_subheading_row(below.filled) and not header_score(below.cells):
                cells = merge_heading_rows(cells, below.cells)
            plan.header_at = headers[0]
            plan.scheme = scheme_key(cells)
            plan.kind = "plan"
            last_scheme, last_width = plan.scheme, len(first.cells)
            bodies.setdefault(plan.scheme, (list(plan.scheme), []))
            header_set = set(headers)
            body = [
                row
                for row in plan.rows[headers[0] + 1 :]
                if row.index not in header_set and len(row.filled) > 1
            ]
            bodies[plan.scheme][1].extend(body)
        elif last_scheme is not None and _continues(plan, last_width):
            plan.kind = "continues"
            plan.scheme = last_scheme
            bodies[last_scheme][1].extend(row for row in plan.rows if len(row.filled) > 1)
        else:
            plan.kind = "other"
    schemes = {}
    alternatives = []
    for key, (names, body) in bodies.items():
        profiles = _profiles(names, body)
        fields, doubts = assign_roles(names, profiles, overrides)
        fields = settle_roles(names, fields, profiles)
        years = {name: year for name in names if (year := column_year(name)) is not None}
        schemes[key] = Scheme(
            list(names), fields, doubts, years, leading_ref_column(fields, _multi(body))
        )
        chosen = any(" ".join(name.split()) in overrides for name in names)
        if "action" not in fields and not chosen:
            # Without an action column the table is not the plan (a KPI or signature
            # table), unless the person chose its columns' roles themselves.
            for plan in plans:
                if plan.scheme == key:
                    plan.kind = "other"
        else:
            alternatives.extend(_alternatives(key, names, profiles, fields, overrides))
    # A plan table needs a plan heading row: tables "continuing" a non-plan table are not.
    for plan in plans:
        if (
            plan.kind == "continues"
            and schemes.get(plan.scheme)
            and "action" not in schemes[plan.scheme].fields
        ):
            plan.kind = "other"
    return plans, schemes, alternatives


def _continues(plan, width):
    """A table without a heading row continues the plan above it (a page break) when it is
    as wide and some of its rows carry refs or more than one cell."""
    widths = {len(row.cells) for row in plan.rows}
    if not widths or max(widths) != width:
        return False
    multi = [row for row in plan.rows if len(row.filled) > 1]
    if not multi:
        return False
    return any(read_ref(row.cells[0]) for row in multi) or len(multi) >= 0.5 * len(plan.rows)


MAX_PROFILE_ROWS = 60
# (names, rows) → profiles, for the document being read (each request its own).
_PROFILES = contextvars.ContextVar("column_profiles", default=None)


def _profiles(names, body):
    """What each column's cells hold, from up to MAX_PROFILE_ROWS rows spread over the plan."""
    from concordat.core.statuses import canonical_status, rag_from_colour, read_rag
    from concordat.core.timescales import parse_timescale

    if len(body) > MAX_PROFILE_ROWS:
        step = len(body) / MAX_PROFILE_ROWS
        body = [body[int(i * step)] for i in range(MAX_PROFILE_ROWS)]
    key = (tuple(names), tuple(id(row) for row in body))
    cache = _PROFILES.get()
    if cache is None:
        cache = {}
    if key in cache:
        return cache[key]

    def understood_date(text):
        return parse_timescale(text).understood

    def rag_of(text, colour=False):
        return rag_from_colour(text) if colour else read_rag(text)

    found = []
    for index in range(len(names)):
        cells = [row.cells[index] if index < len(row.cells) else "" for row in body]
        fills = [row.styles[index].fill if index < len(row.styles) else "" for row in body]
        found.append(
            profile(
                cells,
                fills,
                understood_date=understood_date,
                understood_status=lambda text: bool(canonical_status(text)),
                read_rag=rag_of,
            )
        )
    cache[key] = found
    return found


def _alternatives(key, names, profiles, fields, overrides):
    """The runner-up column assignment, where a column could plainly be something else."""
    from .columns import heading_scores

    found = []
    for index, name in enumerate(names):
        if name in (overrides or {}) or fields[index] is None:
            continue
        heading = heading_scores(name)
        if max(heading.values(), default=0) >= 0.9:
            continue  # a heading that names a field exactly is not second-guessed
        content = profiles[index].content_scores()
        own = heading.get(fields[index], 0) + 0.4 * content.get(fields[index], 0)
        for other, score in sorted(content.items(), key=lambda item: -item[1]):
            if other == fields[index] or other not in FIELDS or score < 0.7:
                continue
            rival = heading.get(other, 0) + 0.4 * score
            if rival >= own - 0.35:
                forced = dict(overrides or {})
                forced[name] = other
                holder = fields.index(other) if other in fields else None
                if holder is not None and names[holder] not in forced:
                    forced[names[holder]] = fields[index]
                found.append((key, forced))
                break
    return found[:2]


def _labels_trusted(document):
    """Whether the plan's section numbers are the Concordat's: not when a numbered heading's
    title names another section (a section of the plan's own placed first)."""
    texts = []
    for table in document.tables:
        texts.extend(
            line for line in (table.heading or "").split("\n") if not table.heading_is_name
        )
        for row in table.rows:
            filled = [cell for cell in row if cell and cell.strip()]
            if len(filled) == 1 or (len(filled) == 2 and read_ref(filled[0])):
                texts.append(" ".join(filled))
    for text in texts:
        found = read_section_heading(text.strip(), titles_alone=False)
        if found is None or not found.label or not found.title:
            continue
        by_title = section_by_meaning(found.title)
        if by_title is not None and found.number is not None:
            label = found.label
            if label.isdigit() and int(label) != by_title:
                return False
            if label.isalpha() and len(label) == 1 and "ABCDE".find(label.upper()) + 1 != by_title:
                return False
    return True


def _section_style(document, plans):
    """How the plan's recognised section rows look (bold, fill), so a row of the plan's own
    that looks the same is read as a section, not a sub-theme."""
    looks, others = [], []
    for plan in plans:
        for row in plan.rows:
            filled = row.filled
            if len(filled) == 1:
                found = read_section_heading(filled[0][1], titles_alone=True)
                look = cell_look(row.styles[filled[0][0]])
                (looks if found and found.number else others).append(look)
    if len(looks) < 2 or looks[0] == (False, "") or any(look != looks[0] for look in looks):
        return None
    # The look must tell sections apart: not shared by most of the other one-cell rows.
    # Rows that look the same but name no section are the plan's own sections (governance,
    # workforce) when fewer than those that do; more of them are sub-themes.
    alike = sum(1 for look in others if look == looks[0])
    if others and alike >= 0.5 * len(others) and alike >= len(looks):
        return None
    return looks[0]


def _score(structure):
    """How much a reading looks like a plan (higher is better)."""
    actions = structure.actions
    if not actions:
        return -1e9
    score = 0.0
    with_lead = sum(1 for a in actions if _field(a, "lead"))
    with_time = sum(1 for a in actions if _field(a, "timescale") or _field(a, "finish_date"))
    for action in actions:
        text = _field(action, "action").strip()
        score += 1.0
        if not text:
            score -= 1.5
        elif not (
            text[:1].isupper()
            or text[:1].isdigit()
            or BULLET_START.match(text)
            or text[:1] in "“\"'("
        ):
            score -= 1.0
        if with_lead >= 0.7 * len(actions) and not _field(action, "lead"):
            score -= 0.3
        if with_time >= 0.7 * len(actions) and not (
            _field(action, "timescale") or _field(action, "finish_date")
        ):
            score -= 0.3
        elif _field(action, "timescale") and not cell_holds(
            "timescale", _field(action, "timescale")
        ):
            score -= 0.3  # a "timescale" that gives no date: maybe the rest of another row

        score -= 0.6 * action.joined_core
    refs = [a.ref for a in actions if a.ref]
    seen = set()
    for ref in refs:
        if ref in seen:
            score -= 1.0
        seen.add(ref)
    for before, after in zip(refs, refs[1:], strict=False):
        score += 0.5 if ref_follows(before, after) else -0.5
    score -= 0.3 * sum(1 for where, _t in structure.not_imported if ", row " in where)
    return score


def _field(action, name):
    for header, field_name in action.fields.items():
        if field_name == name:
            return action.cells.get(header, "")
    return ""


def read_structure(document, *, overrides=None):
    token = _PROFILES.set({})
    try:
        return _read_structure(document, overrides or {})
    finally:
        _PROFILES.reset(token)


def _read_structure(document, overrides):

    plans, schemes, alternatives = _prepare(document, overrides)
    labels_trusted = _labels_trusted(document)
    style = _section_style(document, plans)
    grey = grey_removes(document, rows=MAX_HEADER_SEARCH)
    variants = [(schemes, None)]
    for key, forced in alternatives:
        variant = dict(schemes)
        names = schemes[key].names
        profiles = _profiles(names, _body(plans, key))
        fields, _doubts = assign_roles(names, profiles, forced)
        fields = settle_roles(names, fields, profiles)
        body = _body(plans, key)
        variant[key] = Scheme(
            list(names), fields, [], schemes[key].years, leading_ref_column(fields, body)
        )
        variants.append((variant, forced))
    readings = []
    for variant, forced in variants:
        fit = _fit(variant, plans)
        for policy in POLICIES:
            reading = RowReading(document, plans, _copy(variant), policy, labels_trusted, grey)
            reading.section_style = style
            structure = reading.read()
            structure.score = _score(structure) + fit
            readings.append((structure.score, -len(readings), structure, reading, forced))
            if not reading.ambiguous:
                break  # no row the other policies would read differently

    readings.sort(key=lambda item: (item[0], item[1]), reverse=True)
    best_score, _order, best, best_reading, _forced = readings[0]
    for scheme in schemes.values():
        best.doubts.extend(scheme.doubts)
    _row_doubts(best, best_reading, readings[1:])
    _finish(best, best_reading)
    best.key = colour_key(document)
    return best


def _fit(schemes, plans):
    """How well the columns' roles fit their headings and cells, over the whole plan."""
    from .columns import heading_scores

    total = 0.0
    for key, scheme in schemes.items():
        profiles = _profiles(scheme.names, _body(plans, key))
        rows = max(1, len(_body(plans, key)))
        for index, (name, field_name) in enumerate(zip(scheme.names, scheme.fields, strict=False)):
            if not field_name:
                continue
            heading = heading_scores(name).get(field_name, 0.0)
            content = profiles[index].content_scores().get(field_name, 0.0)
            total += (3.0 * heading + content) * min(rows, 20) / 4
    return total


def _multi(rows):
    return [row for row in rows if len(row.filled) > 1]


def _body(plans, key):
    rows = []
    for plan in plans:
        if plan.scheme == key and plan.kind != "other":
            start = plan.header_at + 1 if plan.header_at is not None else 0
            rows.extend(row for row in plan.rows[start:] if len(row.filled) > 1)
    return rows


def _copy(schemes):
    return {
        key: Scheme(list(s.names), list(s.fields), list(s.doubts), dict(s.years), s.ref_in)
        for key, s in schemes.items()
    }


def _row_doubts(best, reading, others):
    """Where a nearly-as-good reading reads a row differently, say so on the action."""
    close = [
        r
        for score, _o, _s, r, _f in others
        if score >= best.score - 2.0 and r.fates != reading.fates
    ]
    if not close:
        return
    by_row = {}
    for action in best.actions:
        for number in action.rows:
            by_row[(action.table, number)] = action
    rival = close[0]
    for (table, index), fate in reading.fates.items():
        other = rival.fates.get((table, index))
        if other is None or other == fate or {fate, other} - {"start", "continue"}:
            continue
        number = reading.plans[table].rows[index].number
        action = by_row.get((table, number))
        if action is None:
            continue
        if fate == "continue":
            action.doubts.append(
                f"Row {number} has no ref and was read as the rest of this action; it may be "
                "an action of its own."
            )
        else:
            action.doubts.append(
                f"Row {number} has no ref and was read as an action of its own; it may be the "
                "rest of the action above."
            )


def _finish(structure, reading):
    """Columns as the best reading used them; sections from refs where refs carry them."""
    in_actions = {name for action in structure.actions for name in action.cells}
    used = {name for action in structure.actions for name, text in action.cells.items() if text}
    used |= {name for action in structure.actions for name in action.fills}

    for name in list(structure.columns):
        stale = structure.actions and name not in in_actions
        if stale or (name.startswith("Column ") and name not in used):
            del structure.columns[name]
    for action in structure.actions:
        for name in list(action.cells):
            if name.startswith("Column ") and name not in used:
                del action.cells[name]
                del action.fields[name]
                action.fills.pop(name, None)
            elif name not in structure.columns:
                structure.columns[name] = action.fields[name] or None
    _sections_from_refs(structure)
    _group_headings(structure)


def _group_headings(structure):
    """A row that is only a ref and a title, whose ref the refs under it extend (`1.1 Joint
    commissioning` over 1.1.1 and 1.1.2), heads a group of actions: their sub-theme."""
    actions, kept = structure.actions, []
    prefix, title = None, ""
    for index, action in enumerate(actions):
        following = actions[index + 1] if index + 1 < len(actions) else None
        if (
            following is not None
            and action.ref
            and following.ref.startswith(f"{action.ref}.")
            and _only_a_title(action)
        ):
            prefix, title = f"{action.ref}.", _field(action, "action")
            continue
        if prefix and action.ref.startswith(prefix):
            action.subtheme = " ".join(title.split())
        else:
            prefix = None
        kept.append(action)
    structure.actions = kept


def _only_a_title(action):
    return bool(_field(action, "action").strip()) and not any(
        text.strip()
        for name, text in action.cells.items()
        if action.fields.get(name) not in ("ref", "action", "section", "subtheme")
    )


def _sections_from_refs(structure):
    actions = structure.actions
    both = [
        (a.section, ref_section(a.ref))
        for a in actions
        if a.section and a.ref and carries_section(a.ref) and ref_section(a.ref)
    ]
    carried = [a for a in actions if a.ref and carries_section(a.ref) and ref_section(a.ref)]
    agree = sum(1 for row, ref in both if row == ref)
    with_refs = sum(1 for a in actions if a.ref)
    trusted = (
        bool(carried)
        and len(carried) >= 0.5 * max(1, with_refs)
        and (not both or agree >= 0.6 * len(both))
    )
    for action in actions:
        if not (action.ref and carries_section(action.ref)):
            continue
        by_ref = ref_section(action.ref)
        if not trusted or by_ref is None:
            continue
        if action.section is None and not action.section_from_row:
            action.section = by_ref
            action.notes.append("section from ref")
        elif action.section is not None and action.section != by_ref and action.section_from_row:
            action.doubts.append(
                f"The ref {action.ref} points to section {by_ref}, but the action sits under "
                f"“{action.section_raw}” (section {action.section}). It was read as section "
                f"{action.section}; check it."
            )
            action.notes.append(f"ref disagrees:{by_ref}")
