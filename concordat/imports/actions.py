"""Turn the rows found for each action into ParsedActions with derived values and warnings."""

import re
from datetime import date

from concordat.core.dates import is_plausible, range_text
from concordat.core.models import CLOSED_STATUSES, CanonicalStatus
from concordat.core.statuses import canonical_status, rag_from_colour, read_rag
from concordat.core.text import collapse_whitespace, html_lists_to_lines
from concordat.core.timescales import Timescale, parse_start_finish, parse_timescale

from .columns import normalise
from .parsed import ParsedAction, ParseWarning
from .refs import RefNumbers, carries_section, read_ref, ref_section
from .sections import read_section_heading, section_by_topic

BULLET = re.compile(r"^\s*[•·▪◦‣○●*\-–]\s*")
RAG_WORD = re.compile(
    r"^\s*(?:rag\s*(?:rating|status)?\s*[:=-]?\s*)?(red|amber|green|blue|r|a|g|b)\b\s*"
    r"(?:[-–—:;,/.()]+\s*|$)",
    re.I,
)
RAG_AT_END = re.compile(r"[\s(\[–—:;,/-]+\(?(red|amber|green|blue)\)?\s*[.)\]]?\s*$", re.I)
TRUE_WORDS = {"yes", "y", "new", "true", "x", "✓", "✔", "*"}
NUMBERED_REF = re.compile(r"^(\d{1,3})\.(\d)$")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date cell of a spreadsheet, as the Excel reader writes it (day first).
CELL_DATE = re.compile(r"(?P<day>\d{2})/(?P<month>\d{2})/(?P<year>\d{4})")


def _text(value):
    return html_lists_to_lines(value or "").strip()


def outcome_lines(text):
    pieces = re.split(r"\n| \| ", _text(text))
    lines = [BULLET.sub("", line).strip() for line in pieces]
    return [line for line in lines if line]


def _iso_or_empty(text):
    """Empty, or one exact date: ISO (the CSV export) or a date cell (the Excel export)."""
    return not text or bool(ISO_DATE.fullmatch(text) or CELL_DATE.fullmatch(text))


def _iso(text):
    cell = CELL_DATE.fullmatch(text or "")
    try:
        if cell:
            return date(int(cell["year"]), int(cell["month"]), int(cell["day"]))
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _is_suggested_rag(header, text):
    return normalise(header) == "rag source" and text.strip().lower() == "suggested"


def _section_from_column(text):
    heading = read_section_heading(text, titles_alone=True)
    if heading and heading.number:
        return heading.number
    ref = read_ref(text)
    if ref:
        return ref_section(ref.ref)
    # A section column in the plan's own words ("Early help and prevention"): its topic.
    return section_by_topic(text)


# A financial year written as two two-digit years ("15-16", "Q1 15-16"): consecutive years,
# not part of a date or a longer number.
SHORT_YEARS = re.compile(r"(?<![\d/.:-])([0-9]{2})\s*-\s*([0-9]{2})(?![\d/.:-])")


def short_financial_years(text):
    """The timescale with each "15-16" written out as "2015/16", or "" if it has none."""

    def written(found):
        first, second = int(found.group(1)), int(found.group(2))
        if (first + 1) % 100 != second:
            return found.group(0)
        return f"20{found.group(1)}/{found.group(2)}"

    changed = SHORT_YEARS.sub(written, text or "")
    return changed if changed != text else ""


def split_rag(text):
    """(colour word, the other words) of a RAG cell: "Amber – approved by the CCG" gives
    ("Amber", "approved by the CCG"); "Complete" gives ("", "Complete")."""
    text = (text or "").strip()
    found = RAG_WORD.match(text)
    if found and read_rag(found.group(1)):
        return found.group(1), text[found.end() :].strip()
    found = RAG_AT_END.search(text)
    if found:
        return found.group(1), text[: found.start()].strip()
    if read_rag(text):
        return text, ""
    return "", text


def _numeric_refs(actions, numeric):
    """Refs that Excel stored as numbers lose a trailing nought (3.10 is 3.1): read a `3.1`
    that follows `3.9` as 3.10, and say so."""
    previous = None
    for action, is_number in zip(actions, numeric, strict=True):
        found = NUMBERED_REF.match(action.ref or "")
        if found and previous and is_number:
            before = re.match(r"^(\d{1,3})\.(\d+)$", previous)
            if before and before.group(1) == found.group(1):
                written = int(found.group(2))
                if written * 10 == int(before.group(2)) + 1:
                    action.ref = f"{found.group(1)}.{written * 10}"
                    action.doubts.append(
                        f"The ref was stored as the number {action.ref_raw}; it follows "
                        f"{previous}, so it was read as {action.ref}."
                    )
        if action.ref:
            previous = action.ref


def build_actions(rows, *, matcher, financial_year=None, column_years=None, key=None):
    actions, warnings = [], []
    with_refs = sum(1 for row in rows if row.ref)
    uses_refs = with_refs >= max(1, len(rows) // 2)
    seen_refs = {}
    built = []
    numbers = RefNumbers()  # the highest N.M so far per section, kept as rows are read
    for row in rows:
        action, notes = _build(row, matcher, financial_year, numbers, column_years or {}, key or {})
        numbers.add(action.ref)
        built.append((row, action, notes))
        actions.append(action)
    _numeric_refs(actions, [row.numeric_ref for row in rows])
    # Whether the refs put the rows in section order (1.1, 1.2, 2.1 …), unlike a list of
    # milestones taken from all over the plan (1.3, 3.5, 1.2 …).
    by_ref = [ref_section(a.ref) for a in actions if a.ref and carries_section(a.ref)]
    by_ref = [number for number in by_ref if number]
    in_order = all(a <= b for a, b in zip(by_ref, by_ref[1:], strict=False))
    actions = []
    previous_row = None
    for row, action, notes in built:
        if (
            action.section is None
            and not action.ref
            and actions
            and not row.section_raw
            and (in_order or "section from ref" not in previous_row.notes)
        ):
            # The section of the action above, unless only its ref gave it one and the refs
            # do not run in section order.
            action.section = actions[-1].section
        previous_row = row
        actions.append(action)
        messages = list(notes)
        # Refs that restart in each section (a, b, c or i, ii) repeat across sections.
        key = action.ref if carries_section(action.ref) else (action.section_raw, action.ref)
        if action.ref and key in seen_refs:
            messages.append(
                f"The ref {action.ref} is also used by the action on row {seen_refs[key]}."
            )
        elif action.ref:
            seen_refs[key] = action.row
        if not action.ref and uses_refs and "refless" not in row.notes:
            messages.append("This action has no ref.")
        warnings.extend(ParseWarning(action.row, action.ref or None, m) for m in messages)
    return actions, warnings


def _build(row, matcher, financial_year, numbers, column_years, key):
    fields = {}
    names = {}
    extra = {}
    for name, text in row.cells.items():
        field_name = row.fields.get(name)
        if field_name in fields:
            # A column repeated for each period: the latest one filled in is the current
            # one; an earlier period's words stay beside the action under their heading.
            if text.strip() or row.fills.get(name):
                if fields[field_name].strip():
                    extra[names[field_name]] = fields[field_name]
                fields[field_name] = text
                names[field_name] = name
            elif text:
                extra[name] = text
        elif field_name:
            fields[field_name] = text
            names[field_name] = name
        else:
            extra[name] = text
    notes = []
    section = row.section
    section_text = fields.get("section", "").strip() or row.section_text
    if section_text:
        section = _section_from_column(section_text) or section
    if section is None and row.ref and "section from ref" in row.notes:
        section = ref_section(row.ref)
    ref = row.ref
    if "carried" in row.notes and section:
        ref = numbers.next(section)
        notes.append(
            f"The ref of this action was lost into its section row (“{row.section_raw}”); "
            f"it has been read as {ref}."
        )
    if "refless" in row.notes:
        notes.append(
            "This row has no ref: it may be part of the action above that ran over a page "
            "break. Check it."
        )

    timescale = fields.get("timescale", "").strip()
    start_text = fields.get("start_date", "").strip()
    finish_text = fields.get("finish_date", "").strip()
    heading_year = next(
        (
            column_years[names[name]]
            for name in ("timescale", "finish_date", "start_date")
            if names.get(name) in column_years
        ),
        None,
    )
    if heading_year is not None:
        financial_year = heading_year
    if not timescale and "timescale" not in fields:
        timescale = " – ".join(part for part in (start_text, finish_text) if part)
    start, due = None, None
    exact = (
        "timescale" in fields
        and bool(start_text or finish_text)
        and _iso_or_empty(start_text)
        and _iso_or_empty(finish_text)
    )
    if exact:
        # Dates already derived (a plan exported from here): the columns say them exactly.
        derived = parse_timescale(timescale, financial_year=financial_year)
        start, due = _iso(start_text), _iso(finish_text)
    elif start_text or finish_text:
        derived = parse_start_finish(start_text, finish_text, financial_year=financial_year)
    else:
        derived = parse_timescale(timescale, financial_year=financial_year)
        if not derived.understood and (written := short_financial_years(timescale)):
            derived = parse_timescale(written, financial_year=financial_year)
    if not exact:
        start, due = derived.start, derived.due
    if not (timescale or start_text or finish_text) and heading_year is not None:
        # A date column whose heading gives the year ("Timescale 2015/16 unless otherwise
        # specified") gives it to an action that writes no date: due when that year ends.
        due = date(heading_year + 1, 3, 31)
        derived = Timescale(None, due, False, True)
        notes.append(
            f"No timescale is written; the column's heading gives {heading_year}/"
            f"{str(heading_year + 1)[-2:]}, so it is due {due.day} {due:%B %Y}."
        )
    implausible = [day for day in (start, due) if not is_plausible(day)]
    if implausible:
        # The text stays; a date before 2000 or more than ten years ahead is a slip.
        start, due = None, None
        notes.append(
            f"The date {implausible[0]:%d/%m/%Y} read from the timescale is not {range_text()}, "
            "so no dates were set; check it."
        )

    lead = fields.get("lead", "").strip()
    lead_matches = matcher.match(lead) if lead else []
    status = fields.get("status", "").strip()
    rag_raw = fields.get("rag", "").strip()
    rag, rag_from = "", ""
    from_rag = False
    progress = _text(fields["progress"]) if "progress" in fields else ""
    if any(_is_suggested_rag(name, text) for name, text in extra.items()):
        rag_raw = ""  # the export marks a RAG the system suggested: nobody reported it
    if rag_raw:
        colour, words = split_rag(rag_raw)
        rag = read_rag(colour) if colour else ""
        rag_from = "words" if rag else ""
        if words and not status and "status" not in fields:
            # A RAG column that holds words keeps them: as the status when they say one,
            # else as progress.
            if len(words) <= MAX_RAG_STATUS:
                status = rag_raw if not rag else words
            elif lead_in := _status_lead_in(words, strict=True):
                status = lead_in  # "Complete – third room open since October"
                progress = progress or words
            elif not progress:
                progress = words  # a note beside the colour: its words are no status
                from_rag = True
    if not rag:
        fill = _rag_fill(row, names)
        if fill:
            rag, rag_from = fill, "fill"
    if "rag" not in fields and not rag and read_rag(status):
        rag_raw = status  # a plan without a RAG column that gives its colour as the status
        rag, rag_from = read_rag(status), "words"
    if not status and "status" not in fields and progress and not from_rag:
        status = _status_lead_in(progress)
    canonical = canonical_status(status)
    if not canonical and row.removed:
        canonical = key.get("grey", CanonicalStatus.SUPERSEDED)
    if not canonical and rag and key.get(rag):
        canonical = key[rag]  # the plan's colour key gives each colour a status
    if row.from_appendix and canonical not in CLOSED_STATUSES:
        canonical = CanonicalStatus.COMPLETE
    new = row.new or _is_true(fields.get("new", ""))

    action = ParsedAction(
        row=row.row,
        ref=ref,
        ref_raw=row.ref_raw,
        new=new,
        section=section,
        section_raw=row.section_raw or fields.get("section", "").strip(),
        subtheme=fields.get("subtheme", "").strip() or row.subtheme,
        text=_text(fields.get("action", "")),
        timescale=timescale,
        start_text=start_text,
        finish_text=finish_text,
        start=start,
        due=due,
        ongoing=bool(derived.ongoing),
        timescale_understood=bool(derived.understood),
        lead=lead,
        lead_matches=lead_matches,
        outcomes=outcome_lines(fields.get("outcomes", "")),
        performance_indicator=_text(fields.get("performance_indicator", "")),
        status=status,
        canonical_status=canonical,
        rag=rag,
        rag_raw=rag_raw,
        rag_from=rag_from,
        progress=progress or None,
        extra={name: _text(text) for name, text in extra.items()},
        raw=dict(row.cells),
        from_appendix=row.from_appendix,
        removed=row.removed,
        doubts=list(row.doubts),
    )
    if row.removed:
        action.doubts.append(
            "This action is struck through or greyed out in the document: it was read as "
            "removed from the plan."
        )
    notes.extend(_row_warnings(action))
    return action, notes


def _rag_fill(row, names):
    """The RAG a coloured RAG or status cell gives with no words in it."""
    for field_name in ("rag", "status", "progress"):
        name = names.get(field_name)
        if name and row.fills.get(name):
            found = rag_from_colour(row.fills[name])
            if found:
                return found
    return ""


STATUS_LEAD_IN = re.compile(r"^\s*(?:[a-z][.)]\s*)?([A-Za-z][A-Za-z /&-]{1,30}?)\s*[:–—]\s*\S")
MAX_STATUS_WORDS = 2
STRICT_LEAD_IN = re.compile(r"^\s*([A-Za-z][A-Za-z /&-]{1,30}?)\s*[:;,.–—]\s*\S")


MAX_RAG_STATUS = 40
# Words a status starts with, when it is said of the whole action ("Not started", "On
# track", "Partly complete"), unlike a part of it ("Review done: …").
STATUS_FIRST_WORDS = {"not", "on", "in", "off", "no", "nearly", "near", "partly", "partially"}


def _status_lead_in(progress, *, strict=False):
    """A status written as a progress note's first words ("ON TRACK: strategy drafted",
    "Complete – group chaired by the DCC") or as the whole note ("On track"). Strict: the
    first word itself says where the action stands."""
    found = (STRICT_LEAD_IN if strict else STATUS_LEAD_IN).match(progress or "")
    words = found.group(1).split() if found else []
    most = MAX_STATUS_WORDS + 2 if strict else MAX_STATUS_WORDS
    if found and len(words) <= most and canonical_status(found.group(1)):
        first = words[0].lower()
        if not strict or first in STATUS_FIRST_WORDS or canonical_status(first):
            return found.group(1).strip()
    if strict:
        return ""
    text = collapse_whitespace(progress)
    if len(text.split()) <= MAX_STATUS_WORDS and canonical_status(text):
        return text
    # A note that ends on a line of its own saying where the action stands ("…signed in
    # July.\nAction Complete").
    lines = [line.strip() for line in (progress or "").split("\n") if line.strip()]
    last = lines[-1].rstrip(".") if len(lines) > 1 else ""
    if last and len(last.split()) <= MAX_STATUS_WORDS + 1 and canonical_status(last):
        return last
    # The same note with its line breaks lost (a PDF's wrapped lines): a last sentence of a
    # status alone ("…signed in December. Complete").
    found = LAST_SENTENCE.search(text)
    if found and len(found.group(1).split()) <= MAX_STATUS_WORDS:
        last = found.group(1).rstrip(".!")
        if canonical_status(last):
            return last
    return ""


LAST_SENTENCE = re.compile(r"\S[.!]\s+([A-Z][A-Za-z -]*[.!]?)\s*$")


def _is_true(text):
    return collapse_whitespace(text).lower().strip(".!") in TRUE_WORDS


def _row_warnings(action):
    messages = []
    if not action.lead:
        messages.append("No lead is given for this action.")
    if not (action.timescale or action.start_text or action.finish_text):
        if action.due is None:
            messages.append("No timescale is given for this action.")
    elif not action.timescale_understood:
        shown = action.timescale or " – ".join(
            part for part in (action.start_text, action.finish_text) if part
        )
        messages.append(f"No date could be read from the timescale “{shown}”; check it.")
    for match in action.lead_matches:
        if match.proposed_new:
            messages.append(
                f"“{match.text}” is not in the organisation register; it will be offered as a "
                "new organisation."
            )
        elif match.score < 100:
            messages.append(
                f"“{match.text}” was read as {match.organisation_name} (a close spelling, "
                f"score {match.score:.0f}); check it."
            )
    return messages
