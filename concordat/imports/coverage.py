"""Nothing is lost: every cell and paragraph the readers found ends up somewhere a person
can see it. Text the structure reader placed nowhere (a section row with no actions under
it, a note between two tables) is added to the plan's "not imported" list with where it was.
"""

from concordat.core.text import collapse_whitespace


def _strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            out.append(str(key))
            _strings(item, out)
    elif isinstance(value, list | tuple):
        for item in value:
            _strings(item, out)
    elif value is not None:
        out.append(str(value))


def visible_text(plan):
    """Every string a person sees of the parsed plan, whitespace collapsed, in one text."""
    found = []
    _strings(plan.to_json(), found)
    found.extend(action.section_raw for action in plan.actions)
    found.extend(action.subtheme for action in plan.actions)
    return "\n".join(collapse_whitespace(text) for text in found if text)


def document_texts(document):
    """(where, text) for every non-empty cell and paragraph the readers found."""
    for line in (document.preamble or "").split("\n"):
        yield "Before the plan", line
    for number, table in enumerate(document.tables):
        name = table.name or f"Table {number + 1}"
        if table.heading_is_name:
            name = f"Sheet “{table.name}”"
        elif number > 0:
            for line in (table.heading or "").split("\n"):
                yield f"Before {name}", line
        for index, row in enumerate(table.rows):
            for cell in row:
                yield f"{name}, row {table.row_numbers[index]}", cell
    for line in (document.trailing or "").split("\n"):
        yield "After the plan", line


def account_for_everything(plan, document):
    """Add to plan.not_imported every piece of the document's text that is nowhere in it."""
    from .parsed import NotImported

    visible = visible_text(plan)
    seen = set()
    missing = []
    for where, text in document_texts(document):
        shown = collapse_whitespace(text)
        if not shown or shown in seen:
            continue
        seen.add(shown)
        if shown not in visible:
            missing.append(NotImported(where, text.strip()))
    plan.not_imported.extend(missing)
    return missing
