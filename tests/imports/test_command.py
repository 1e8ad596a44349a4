"""`import_plan`: the dry-run JSON contract of issue 3, drafts, exit codes and messages."""

import io
import json
from datetime import date
from unittest.mock import patch

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections

from concordat.core.models import Action, Area, Organisation, PlanVersion
from concordat.core.services import plan_version_publish
from concordat.imports.management.commands.import_plan import Command
from concordat.imports.pipeline import parse_plan
from concordat.imports.preview import organisation_registry

from .conftest import seed_path
from .documents import HEADER, xlsx_bytes
from .web import PLAN_ROWS, make_world, plan_docx, saved_counts

pytestmark = pytest.mark.django_db

ACTION_KEYS = {
    "ref",
    "section",
    "subtheme",
    "action",
    "timescale",
    "start",
    "due",
    "ongoing",
    "lead",
    "lead_organisations",
    "outcomes",
    "status",
    "canonical_status",
    "rag",
    "progress",
    "new",
    "extra",
}
# Added by issue 9, after the keys above (nothing renamed).
ADDED_ACTION_KEYS = {
    "ref_raw",
    "section_title",
    "performance_indicator",
    "start_text",
    "finish_text",
    "rag_raw",
    "removed",
    "doubts",
}


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def docx_file(tmp_path):
    path = tmp_path / "essex-plan.docx"
    path.write_bytes(plan_docx())
    return path


def run(*args):
    """Run the command as a shell would: (exit code, stdout, stderr).

    run_from_argv closes every database connection when it ends, which on PostgreSQL would
    close the test's own connection; the test keeps it open.
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    command = Command(stdout=stdout, stderr=stderr)
    try:
        with patch.object(connections, "close_all"):
            command.run_from_argv(["manage.py", "import_plan", *map(str, args)])
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, stdout.getvalue(), stderr.getvalue()


def test_dry_run_json_prints_one_object_in_the_issue_3_shape_and_saves_nothing(world):
    before = saved_counts()
    path = seed_path("004")
    code, out, err = run(path, "--area", "south-west-essex", "--dry-run", "--json")
    assert code == 0, err
    assert saved_counts() == before
    decoder = json.JSONDecoder()
    document, end = decoder.raw_decode(out)
    assert out[end:].strip() == ""  # exactly one object, nothing after it
    assert list(document) == [
        "title",
        "columns",
        "actions",
        "warnings",
        "preamble",
        "trailing",
        "not_imported",
        "financial_year",
        "doubts",
    ]
    assert document["columns"] == {
        "No.": "ref",
        "Action": "action",
        "Timescale": "timescale",
        "Led By": "lead",
        "Outcomes": "outcomes",
    }
    assert len(document["actions"]) == 64
    for action in document["actions"]:
        assert set(action) == ACTION_KEYS | ADDED_ACTION_KEYS
        assert action["section"] in {1, 2, 3, 4, 5}
        for key in ("start", "due"):
            assert action[key] is None or date.fromisoformat(action[key])
        assert isinstance(action["outcomes"], list)
        assert isinstance(action["lead_organisations"], list)
        assert isinstance(action["extra"], dict)
        assert action["progress"] is None or isinstance(action["progress"], str)
        for key in ("action", "timescale", "lead", "status"):
            assert "  " not in action[key] and "\n" not in action[key]
    for warning in document["warnings"]:
        assert set(warning) == {"row", "ref", "message"}
    expected = parse_plan(path.read_bytes(), path.name, registry=organisation_registry())
    assert document == json.loads(json.dumps(expected.to_json()))


def test_dry_run_json_of_the_national_plan_carries_progress_and_dates(world):
    code, out, _err = run(seed_path("001"), "--area", "england", "--dry-run", "--json")
    assert code == 0
    document = json.loads(out)
    by_ref = {action["ref"]: action for action in document["actions"]}
    assert len(by_ref) == 47
    assert by_ref["1.1"]["section"] == 1
    assert all(action["status"] for action in document["actions"])
    assert any(action["progress"] for action in document["actions"])


def test_dry_run_without_json_summarises_and_saves_nothing(world, docx_file):
    before = saved_counts()
    code, out, err = run(docx_file, "--area", "south-west-essex", "--dry-run")
    assert code == 0, err
    assert saved_counts() == before
    assert "Dry run: nothing was saved. essex-plan.docx for South West Essex:" in out
    assert "  Actions: 4" in out
    assert "  Column “Lead” read as lead" in out
    assert "  Organisations not in the register: Thurrock Crisis Café" in out
    assert "row 7 (3.2): No lead is given for this action." in out


def test_import_creates_one_draft_and_prints_a_summary(world, docx_file):
    code, out, err = run(docx_file, "--area", "south-west-essex")
    assert code == 0, err
    version = PlanVersion.objects.get(plan__area=world.area)
    assert version.state == PlanVersion.State.DRAFT
    assert version.source_filename == "essex-plan.docx"
    assert len(version.source_sha256) == 64
    assert "Imported essex-plan.docx into South West Essex as Version 1 (draft)." in out
    actions = list(version.actions.order_by("position"))
    assert [a.ref for a in actions] == ["1.1", "1.2", "3.1", "3.2"]
    assert actions[0].due == date(2015, 3, 31)
    assert list(actions[0].lead_organisations.all()) == [world.sept]
    # Without --create-organisations the unknown lead stays as written, linked to nothing.
    assert actions[2].lead == "Thurrock Crisis Café"
    assert not actions[2].lead_organisations.exists()
    assert not Organisation.objects.filter(name="Thurrock Crisis Café").exists()


def test_import_json_and_create_organisations(world, docx_file):
    code, out, err = run(
        docx_file, "--area", "south-west-essex", "--json", "--create-organisations"
    )
    assert code == 0, err
    assert json.loads(out) == {
        "area": "south-west-essex",
        "version": 1,
        "state": "draft",
        "actions": 4,
        "warnings": 3,
        "created_organisations": ["Thurrock Crisis Café"],
    }
    cafe = Organisation.objects.get(name="Thurrock Crisis Café")
    assert Action.objects.get(ref="3.1").lead_organisations.get() == cafe


def test_a_second_import_is_refused_while_the_draft_exists(world, docx_file):
    assert run(docx_file, "--area", "south-west-essex")[0] == 0
    code, out, err = run(docx_file, "--area", "south-west-essex")
    assert code == 1
    assert out == ""
    assert "This area already has a draft (Version 1). Publish or discard it" in err
    assert "Traceback" not in err
    assert PlanVersion.objects.count() == 1


def test_a_refreshed_plan_keeps_identities_of_the_published_one(world, docx_file, tmp_path):
    run(docx_file, "--area", "south-west-essex")
    first = PlanVersion.objects.get()
    plan_version_publish(version=first, actor=None)
    rows = [row[:] for row in PLAN_ROWS]
    rows[3][4] = "Complete"  # 1.2 changes status
    refreshed = tmp_path / "refreshed.docx"
    refreshed.write_bytes(plan_docx(rows))
    code, out, _err = run(refreshed, "--area", "south-west-essex")
    assert code == 0
    assert "Against Version 1: 0 added, 1 changed, 0 removed, 3 unchanged." in out
    second = PlanVersion.objects.get(state=PlanVersion.State.DRAFT)
    identities = lambda v: dict(v.actions.values_list("ref", "identity_id"))  # noqa: E731
    assert identities(second) == identities(first)


def test_unknown_area_exits_non_zero_with_a_plain_message(world, docx_file):
    code, out, err = run(docx_file, "--area", "atlantis", "--dry-run", "--json")
    assert code == 1
    assert out == ""
    assert err.strip() == "CommandError: There is no area with the slug “atlantis”."


def test_missing_file_exits_non_zero_without_a_traceback(world, tmp_path):
    code, out, err = run(tmp_path / "nowhere.docx", "--area", "south-west-essex", "--dry-run")
    assert code == 1
    assert out == ""
    assert f"Could not read {tmp_path / 'nowhere.docx'}: No such file or directory." in err
    assert "Traceback" not in err


def test_refused_file_exits_non_zero_with_the_pipeline_message(world, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    expected = None
    try:
        parse_plan(path.read_bytes(), "plan.docx")
    except Exception as refusal:  # noqa: BLE001 - the message is what is compared
        expected = str(refusal)
    before = saved_counts()
    code, out, err = run(path, "--area", "south-west-essex", "--dry-run", "--json")
    assert code == 1
    assert out == ""
    assert expected and "PNG" in expected
    assert err.strip() == f"CommandError: plan.docx: {expected}"
    assert "Traceback" not in err
    code, _out, err = run(path, "--area", "south-west-essex")
    assert code == 1 and expected in err
    assert saved_counts() == before


def test_empty_file_is_refused(world, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    code, out, err = run(path, "--area", "south-west-essex")
    assert code == 1 and out == ""
    assert "The file is empty." in err


def test_sheet_and_financial_year_options(world, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(
        xlsx_bytes(
            {
                "Notes": [["Read me first"], ["Nothing here is a plan"]],
                "Old plan": [HEADER, ["1.1", "An old action.", "Q3", "SEPT", "Complete"]],
                "Plan 2015": [
                    HEADER,
                    ["1.1", "Map crisis services.", "Q3", "SEPT", "Underway"],
                    ["1.2", "Agree a plan.", "Q4", "Essex Police", "Not started"],
                ],
            }
        )
    )
    code, out, err = run(
        path,
        "--area",
        "south-west-essex",
        "--dry-run",
        "--json",
        "--sheet",
        "Old plan",
        "--financial-year",
        "2014/15",
    )
    assert code == 0, err
    actions = json.loads(out)["actions"]
    assert [(a["action"], a["due"]) for a in actions] == [("An old action.", "2014-12-31")]

    code, out, err = run(path, "--area", "south-west-essex", "--dry-run", "--json", "--sheet", "X")
    assert code == 1 and out == ""
    assert "The workbook has no sheet called “X”." in err

    code, _out, err = run(
        path, "--area", "south-west-essex", "--dry-run", "--financial-year", "2015/17"
    )
    assert code == 1
    assert "--financial-year: A financial year runs from one year into the next" in err


def test_call_command_raises_command_error_for_scripts(world, docx_file):
    with pytest.raises(CommandError, match="There is no area with the slug “nowhere”"):
        call_command("import_plan", str(docx_file), area="nowhere", dry_run=True)
    assert Area.objects.filter(slug="nowhere").count() == 0
