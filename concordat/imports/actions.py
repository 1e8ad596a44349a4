"""Turn the rows found for each action into ParsedActions with derived values and warnings."""

import re
from datetime import date

from concordat.core.dates import is_plausible, range_text
from concordat.core.models import CLOSED_STATUSES
from concordat.core.statuses import canonical_status, read_rag
from concordat.core.text import html_lists_to_lines
from concordat.core.timescales import parse_start_finish, parse_timescale

from .columns import normalise
from .parsed import ParsedAction, ParseWarning
from .refs import RefNumbers, read_ref, ref_section
from .sections import read_section_heading

BULLET = re.compile(r"^\s*[•·▪◦‣○●*\-–]\s*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date cell of a spreadsheet, as the Excel reader writes it (day first).
CELL_DATE = re.compile(r"(?P<day>\d{2})/(?P<month>\d{2})/(?P<year>\d{4})")
COMPLETE = "complete"


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
    return ref_section(ref.ref) if ref else None


def build_actions(rows, *, matcher, financial_year=None):
    actions, warnings = [], []
    with_refs = sum(1 for row in rows if row.ref)
    uses_refs = with_refs >= max(1, len(rows) // 2)
    seen_refs = {}
    numbers = RefNumbers()
    for row in rows:
        action, notes = _build(row, matcher, financial_year, numbers)
        numbers.add(action.ref)
        if action.section is None and not action.ref and actions:
            action.section = actions[-1].section
        actions.append(action)
        messages = list(notes)
        if action.ref and action.ref in seen_refs:
            messages.append(
                f"The ref {action.ref} is also used by the action on row {seen_refs[action.ref]}."
            )
        elif action.ref:
            seen_refs[action.ref] = action.row
        if not action.ref and uses_refs and "refless" not in row.notes:
            messages.append("This action has no ref.")
        warnings.extend(ParseWarning(action.row, action.ref or None, m) for m in messages)
    return actions, warnings


def _build(row, matcher, financial_year, numbers):
    fields = {}
    extra = {}
    for name, text in row.cells.items():
        field_name = row.fields.get(name)
        if field_name:
            fields[field_name] = text
        else:
            extra[name] = text
    notes = []
    section = row.section
    if fields.get("section"):
        section = _section_from_column(fields["section"]) or section
    if section is None and row.ref:
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
    if not exact:
        start, due = derived.start, derived.due
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
    canonical = canonical_status(status)
    if row.from_appendix and canonical not in CLOSED_STATUSES:
        canonical = COMPLETE
    rag_raw = fields.get("rag", "").strip()
    if any(_is_suggested_rag(name, text) for name, text in extra.items()):
        rag_raw = ""  # the export marks a RAG the system suggested: nobody reported it
    if "rag" not in fields and read_rag(status):
        rag_raw = status  # a plan without a RAG column that gives its colour as the status
    progress = _text(fields["progress"]) if "progress" in fields else ""

    action = ParsedAction(
        row=row.row,
        ref=ref,
        ref_raw=row.ref_raw,
        new=row.new,
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
        rag=read_rag(rag_raw) if rag_raw else "",
        rag_raw=rag_raw,
        progress=progress or None,
        extra={name: _text(text) for name, text in extra.items()},
        raw=dict(row.cells),
        from_appendix=row.from_appendix,
    )
    notes.extend(_row_warnings(action))
    return action, notes


def _row_warnings(action):
    messages = []
    if not action.lead:
        messages.append("No lead is given for this action.")
    if not (action.timescale or action.start_text or action.finish_text):
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
