"""CSV plans in any common delimiter and encoding; ref schemes; RAG and update columns."""

import pytest

from concordat.imports.pipeline import ImportRefused, parse_plan

from .conftest import by_ref
from .documents import csv_bytes

ROWS = [
    ["Number", "Action", "Timescale", "Lead", "RAG/Comments", "Status", "Owner's notes"],
    [
        "1:a",
        "Café for people in crisis – £20,000 a year.",
        "By 31/03/2016",
        "Mind",
        "G",
        "Ongoing",
        "x",
    ],
    ["1:b", "Réview the s136 suite.", "Winter 2014", "SEPT", "Amber – delayed", "Delayed", ""],
    ["2.4*", "New: text the crisis line.", "Spring 2015", "NHS England", "", "Not started", ""],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_and_encodings(encoding, delimiter, registry):
    rows = ROWS if encoding != "latin-1" else [[c.replace("–", "-") for c in r] for r in ROWS]
    data = csv_bytes(rows, delimiter=delimiter, encoding=encoding)
    plan = parse_plan(data, "plan.csv", registry=registry)
    assert [a.ref for a in plan.actions] == ["1:a", "1:b", "2.4"]
    first = plan.actions[0]
    assert first.text == rows[1][1]
    assert plan.actions[1].text == "Réview the s136 suite."


def test_ref_schemes_sections_and_rag(registry):
    plan = parse_plan(csv_bytes(ROWS), "plan.csv", registry=registry)
    actions = by_ref(plan)
    assert [(a.ref, a.ref_raw, a.new, a.section) for a in plan.actions] == [
        ("1:a", "1:a", False, 1),
        ("1:b", "1:b", False, 1),
        ("2.4", "2.4*", True, 2),
    ]
    assert (actions["1:a"].rag_raw, actions["1:a"].rag) == ("G", "green")
    assert actions["1:b"].rag == "amber"
    assert actions["1:b"].canonical_status == "in_progress"
    assert actions["2.4"].canonical_status == "not_started"
    assert actions["1:a"].extra == {"Owner's notes": "x"}
    assert actions["1:a"].due == date_(2016, 3, 31)
    assert actions["1:b"].due == date_(2015, 2, 28)


def date_(year, month, day):
    from datetime import date

    return date(year, month, day)


def test_bytes_in_no_known_encoding_are_refused_plainly():
    with pytest.raises(ImportRefused) as refused:
        parse_plan(bytes(range(256)) * 20, "plan.csv")
    assert refused.value.message == (
        "We could not work out how the characters in this CSV file are encoded. Save it again "
        "as UTF-8 (in Excel: Save As, then 'CSV UTF-8') and upload it again."
    )


def test_binary_data_is_refused_plainly():
    with pytest.raises(ImportRefused) as refused:
        parse_plan(b"\x01\x02\x03\x04" * 200 + b"No.,Action", "plan.csv")
    assert refused.value.message.startswith("This file does not look like a CSV file")


def test_a_csv_without_a_plan_table():
    with pytest.raises(ImportRefused) as refused:
        parse_plan(b"name,email\nAnn,ann@example.org\n", "people.csv")
    assert "could not find a table that looks like an action plan" in refused.value.message


EXPORT_HEADER = (
    "ref,section,subtheme,action,timescale,start,due,ongoing,lead,lead_organisations,outcomes,"
    "status,canonical_status,rag,rag_source,new,latest_update,latest_update_date"
)


def test_the_plan_csv_export_reads_back_exactly(registry):
    data = "\n".join(
        [
            EXPORT_HEADER,
            "1.1,1,,Map services.,From April 2015,2015-04-01,2015-09-30,false,SEPT,"
            "South Essex Partnership University NHS Foundation Trust,"
            "Fewer admissions | Shorter waits,"
            "Ongoing,in_progress,amber,suggested,false,Met in May.,2015-05-20",
            "1.2,1,,Agree a protocol.,June 2015,,2015-06-30,false,Mind,Mind,,Complete,complete,"
            "blue,reported,true,,",
        ]
    ).encode()
    plan = parse_plan(data, "plan.csv", registry=registry)
    assert plan.columns["start"] == "start_date" and plan.columns["due"] == "finish_date"
    first, second = plan.actions
    assert (first.start, first.due) == (date_(2015, 4, 1), date_(2015, 9, 30))
    assert first.timescale == "From April 2015"
    assert first.outcomes == ["Fewer admissions", "Shorter waits"]
    assert (first.rag, first.rag_raw) == ("", "")
    assert first.progress == "Met in May."
    assert (second.start, second.due, second.rag) == (None, date_(2015, 6, 30), "blue")
