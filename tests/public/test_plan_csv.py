"""/areas/<slug>/plan.csv: issue 2's columns, in order, with the text verbatim."""

from concordat.core.models import ProgressUpdate
from concordat.imports.pipeline import parse_plan
from concordat.seeds.loader import registry
from tests.factories import make_area

from .helpers import csv_rows
from .world import SECRET, import_and_publish, parsed_action

COLUMNS = (
    "ref,section,subtheme,action,timescale,start,due,ongoing,lead,lead_organisations,outcomes,"
    "status,canonical_status,rag,rag_source,new,latest_update,latest_update_date"
)


def test_columns_are_exactly_the_contract(client, seeds):
    response = client.get("/areas/south-west-essex/plan.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="south-west-essex-plan-version-1.csv"'
    )
    rows, body = csv_rows(response)
    assert body.split("\r\n", 1)[0] == COLUMNS
    assert len(rows) == 64


def test_local_plan_values(client, seeds):
    rows, _ = csv_rows(client.get("/areas/south-west-essex/plan.csv"))
    by_ref = {row["ref"]: row for row in rows}

    assert [row["section"] for row in rows].count("1") == 34
    assert [row["section"] for row in rows].count("5") == 8
    action = by_ref["1.6"]
    assert action["section"] == "1"
    assert action["timescale"] == "June 2015"
    assert action["start"] == ""
    assert action["due"] == "2015-06-30"
    assert action["ongoing"] == "false"
    assert action["lead"] == "Public Health ECC and Thurrock"
    assert action["outcomes"].split(" | ") == [
        "Improved useable data at a local level",
        "Identify areas at risk and gaps in provision and uptake of services",
        "Improved mental health intelligence around which to plan, commission & provide mental "
        "health services & specifically crisis services",
        "Implementation of mental health metrics devised by NHS England",
    ]
    assert action["status"] == ""
    assert action["canonical_status"] == ""
    # Long overdue and no RAG given: the system suggests red.
    assert (action["rag"], action["rag_source"]) == ("red", "suggested")
    assert action["new"] == "false"
    assert (action["latest_update"], action["latest_update_date"]) == ("", "")
    # A bullet list in the action's text stays as written.
    assert by_ref["1.1"]["action"].startswith("Establish baseline data\n· Street triage pilot\n")


def test_national_plan_values(client, seeds):
    rows, _ = csv_rows(client.get("/areas/england/plan.csv"))
    by_ref = {row["ref"]: row for row in rows}

    assert len(rows) == 47
    action = by_ref["3.8"]
    assert action["status"] == "ONGOING – IN FINAL STAGES"
    assert action["canonical_status"] == "in_progress"
    assert (action["start"], action["due"]) == ("2014-04-01", "2015-08-31")
    assert action["lead"] == "CQC"
    assert action["lead_organisations"] == "Care Quality Commission"
    update = ProgressUpdate.objects.select_related("version").get(
        identity__actions__version__plan__area__slug="england", identity__actions__ref="3.8"
    )
    assert action["latest_update"] == update.note
    # The national plan's document gives no date: its notes are undated, the date empty.
    assert update.date is None
    assert action["latest_update_date"] == ""
    assert by_ref["1.1"]["lead_organisations"] == (
        "Local Government Association | Association of Directors of Adult Social Services"
    )
    assert by_ref["1.1"]["ongoing"] == "true"


def test_formula_like_text_is_escaped_and_reads_back_verbatim(client, world):
    area = make_area("Formulashire")
    import_and_publish(
        area,
        [
            parsed_action("1.1", "=SUM(A1:A2) and +44 numbers", 1),
            parsed_action("1.2", "Numbers such as +44 inside are left alone", 1),
        ],
        days_ago=1,
    )

    response = client.get("/areas/formulashire/plan.csv")
    rows, body = csv_rows(response)

    # A spreadsheet shows the apostrophe-prefixed cell as text instead of running it.
    assert rows[0]["action"] == "'=SUM(A1:A2) and +44 numbers"
    assert rows[1]["action"] == "Numbers such as +44 inside are left alone"
    # The importer takes the apostrophe off again: the text is as stored.
    parsed = parse_plan(body.encode(), "plan.csv", registry=registry())
    assert [action.text for action in parsed.actions] == [
        "=SUM(A1:A2) and +44 numbers",
        "Numbers such as +44 inside are left alone",
    ]


def test_csv_has_published_data_only(client, world):
    rows, body = csv_rows(client.get("/areas/northshire/plan.csv"))

    assert [row["ref"] for row in rows] == ["1.1", "1.2", "2.1"]
    assert SECRET not in body
    training = rows[2]
    assert training["latest_update"] == "Two training days held for control room staff."
    assert training["canonical_status"] == "in_progress"
    assert (training["rag"], training["rag_source"]) == ("green", "suggested")
    assert (rows[1]["rag"], rows[1]["rag_source"]) == ("green", "reported")


def test_csv_of_an_area_without_a_plan_is_not_found(client, world):
    assert client.get("/areas/westshire/plan.csv").status_code == 404
    assert client.get("/areas/nowhere/plan.csv").status_code == 404
