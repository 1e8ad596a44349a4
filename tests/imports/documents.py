"""Build plan documents in memory for the reader tests: Word, Excel, CSV, PDF, OpenDocument."""

import csv
import io
import zipfile

import docx
import openpyxl
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HEADER = ["No.", "Action", "Timescale", "Lead", "Status"]


def sample_rows():
    """A small plan in the five sections with the awkward parts real plans have."""
    return [
        ["1. Commissioning to allow earlier intervention and responsive crisis services"],
        HEADER,
        [
            "1.1",
            "Map crisis services across the county.",
            "By March 2015",
            "NHS England",
            "Complete",
        ],
        ["1.2", "Agree a joint commissioning plan.", "From April 2015", "LGA/ADASS", "On track"],
        ["2. Access to support before crisis point"],
        ["2.1", "Publish a directory of support.", "June 2015", "Mind", "Not started"],
        ["3. Urgent and emergency access to crisis care"],
        ["3.1", "Street triage pilot.", "Ongoing", "Essex Police", "Underway"],
        ["4. Quality of treatment and care when in crisis"],
        ["4.1", "Audit place of safety use.", "Q3 2015/16", "CQC", "Ongoing"],
        ["5. Recovery and staying well / preventing future crises"],
        ["5.1", "Crisis plans for every service user.", "December 2015", "SEPT", "Complete"],
    ]


def docx_bytes(blocks):
    """blocks: ("p", text) | ("bullet", text) | ("table", rows) | ("table", rows, merges).

    merges: ((row, col), (row, col)) pairs to merge, text set on the merged cell afterwards.
    A row with one cell spans the table's width.
    """
    document = docx.Document()
    for block in blocks:
        kind = block[0]
        if kind == "p":
            document.add_paragraph(block[1])
        elif kind == "bullet":
            document.add_paragraph(block[1], style="List Bullet")
        elif kind == "table":
            _docx_table(document, block[1], block[2] if len(block) > 2 else ())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, rows, merges):
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        if len(row) == 1 and width > 1:
            merged = table.cell(r, 0).merge(table.cell(r, width - 1))
            _set_cell(merged, row[0])
            continue
        for c, value in enumerate(row):
            _set_cell(table.cell(r, c), value)
    for (r1, c1), (r2, c2) in merges:
        top = table.cell(r1, c1)
        text = top.text
        merged = top.merge(table.cell(r2, c2))
        _set_cell(merged, text)


def _set_cell(cell, value):
    """Plain text, or a list: ("bullets", [...]) / ("lines", [...]) for line breaks."""
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    first = cell.paragraphs[0]
    for run in list(first.runs):
        run._r.getparent().remove(run._r)
    if isinstance(value, tuple) and value[0] == "bullets":
        first.text = value[1][0]
        first.style = "List Bullet"
        for item in value[1][1:]:
            cell.add_paragraph(item, style="List Bullet")
    elif isinstance(value, tuple) and value[0] == "lines":
        run = first.add_run(value[1][0])
        for line in value[1][1:]:
            run.add_break()
            run.add_text(line)
    else:
        first.text = value


def xlsx_bytes(sheets, *, merges=None):
    """sheets: {title: rows}. merges: {title: ["A1:E1", ...]}."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        ws = workbook.create_sheet(title)
        for row in rows:
            ws.append(list(row))
        for cell_range in (merges or {}).get(title, []):
            ws.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, *, delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def pdf_bytes(rows, *, ruled=True, title=None, repeat_header=True, after=(), encrypt=None):
    """A landscape PDF with the rows as one table (spanning pages if long)."""
    styles = getSampleStyleSheet()
    cell_style = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    width = max(len(row) for row in rows)
    data, spans = [], []
    for r, row in enumerate(rows):
        if len(row) == 1:
            spans.append(("SPAN", (0, r), (width - 1, r)))
        cells = [Paragraph(str(text), cell_style) for text in row]
        data.append(cells + [""] * (width - len(cells)))
    column_widths = [45, 250, 110, 130, 100][:width] + [90] * max(0, width - 5)
    table = Table(data, colWidths=column_widths, repeatRows=1 if repeat_header else 0)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    table.setStyle(TableStyle(style))
    story = []
    if title:
        story += [Paragraph(title, styles["Title"]), Spacer(1, 12)]
    story.append(table)
    for line in after:
        story.append(Paragraph(line, styles["BodyText"]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), encrypt=encrypt).build(story)
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _odf_cell(value):
    from xml.sax.saxutils import escape

    return f"<table:table-cell><text:p>{escape(value)}</text:p></table:table-cell>"


def ods_bytes(sheets):
    tables = "".join(
        f'<table:table table:name="{title}">'
        + "".join(
            "<table:table-row>" + "".join(_odf_cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for title, rows in sheets.items()
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    return zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content}
    )


def odt_bytes(paragraphs, rows, trailing=()):
    from xml.sax.saxutils import escape

    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    width = max(len(row) for row in rows)
    body += "<table:table>"
    for row in rows:
        body += "<table:table-row>"
        if len(row) == 1:
            body += (
                f'<table:table-cell table:number-columns-spanned="{width}">'
                f"<text:p>{escape(row[0])}</text:p></table:table-cell>"
                + "<table:covered-table-cell/>"
                * (width - 1)
            )
        else:
            body += "".join(_odf_cell(v) for v in row)
        body += "</table:table-row>"
    body += "</table:table>"
    for line in trailing:
        if line.startswith("• "):
            body += (
                "<text:list><text:list-item>"
                f"<text:p>{escape(line[2:])}</text:p></text:list-item></text:list>"
            )
        else:
            body += f"<text:p>{escape(line)}</text:p>"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    return zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
    )


SECTION_TITLES = [
    "Commissioning to allow earlier intervention and responsive crisis services",
    "Access to support before crisis point",
    "Urgent and emergency access to crisis care",
    "Quality of treatment and care when in crisis",
    "Recovery and staying well / preventing future crises",
]
TIMESCALES = [
    "By March 2015",
    "From April 2015",
    "June 2015",
    "Ongoing",
    "Q3 2015/16",
    "Autumn 2015",
    "March – May 2015",
    "1st November 2015",
    "2015/16",
    "December '15",
]
LEADS = [
    "NHS England",
    "LGA/ADASS",
    "Royal College of Psychiatrists / College of Emergency Medicine",
    "SEPT",
    "Essex Police and British Transport Police",
    "CCGs",
    "Home Office (with PHE)",
    "Mind",
]
STATUSES = ["Complete", "On track", "Not started", "Underway", "Superseded", "In final stages"]
WORDS = [
    "review",
    "agree",
    "publish",
    "street",
    "triage",
    "pathway",
    "crisis",
    "line",
    "carers",
    "young",
    "people",
    "police",
    "ambulance",
    "liaison",
    "commissioners",
    "data",
    "protocol",
    "training",
    "beds",
    "home",
    "treatment",
    "advocacy",
    "housing",
    "section",
    "136",
    "place",
    "of",
    "safety",
]


def generated_plan(count_per_section=8, *, scheme="dotted", subthemes=True, seed=1):
    """Rows of a plan (header first) and, per action, (ref, section, lead, timescale, status).

    scheme: "dotted" (1.1), "lettered" (A1 under `Section A – …`), "colon" (1:a).
    """
    import random

    rng = random.Random(seed)
    rows = [HEADER]
    expected = []
    for number, title in enumerate(SECTION_TITLES, start=1):
        letter = "ABCDE"[number - 1]
        if scheme == "lettered":
            rows.append([f"Section {letter} – {title}"])
        else:
            rows.append([f"{number}. {title}"])
        for index in range(1, count_per_section + 1):
            if subthemes and index == 3:
                rows.append(["Matching local need with a suitable range of services"])
            if scheme == "lettered":
                ref = f"{letter}{index}"
            elif scheme == "colon":
                ref = f"{number}:{'abcdefghijklmnop'[index - 1]}"
            else:
                ref = f"{number}.{index}"
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
            text = f"{words.capitalize()}."
            timescale = rng.choice(TIMESCALES)
            lead = rng.choice(LEADS)
            status = rng.choice(STATUSES)
            rows.append([ref, text, timescale, lead, status])
            expected.append((ref, number, lead, timescale, status))
    return rows, expected


def summary(plan):
    return [(a.ref, a.section, a.lead, a.timescale, a.status) for a in plan.actions]
