"""Small stand-ins for the importer's parsed plan, for service tests that need no document."""

from types import SimpleNamespace


def parsed_action(ref, text, section=1, **fields):
    values = {
        "row": 1,
        "ref": ref,
        "ref_raw": ref,
        "new": False,
        "section": section,
        "section_raw": "",
        "subtheme": "",
        "text": text,
        "timescale": "",
        "start_text": "",
        "finish_text": "",
        "start": None,
        "due": None,
        "ongoing": False,
        "timescale_understood": True,
        "lead": "",
        "lead_matches": [],
        "outcomes": [],
        "performance_indicator": "",
        "status": "",
        "canonical_status": "",
        "rag": "",
        "rag_raw": "",
        "progress": None,
        "extra": {},
        "raw": {},
        "from_appendix": False,
    }
    values.update(fields)
    return SimpleNamespace(**values)


def parsed_plan(*actions, title="A plan"):
    return SimpleNamespace(
        title=title,
        area_name=None,
        stated_date=None,
        stated_version=None,
        preamble="",
        financial_year=None,
        columns={},
        actions=list(actions),
        metrics=[],
        warnings=[],
    )
