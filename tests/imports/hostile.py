"""The hostile files of issue 14, built in memory: small files that claim enormous content.

Each builder takes a size knob so the tests can make a small one (refused at once) and the
benchmark (`bench/bench_hostile.py`) the size the issue reported:

- `docx_huge_span`: a 49 KB Word plan whose table cells claim a huge `gridSpan`;
- `odt_repeated_spaces`: a 12 KB OpenDocument text whose `<text:s text:c="…"/>` asks for
  500,000,000 spaces;
- `ods_many_tables`: a 965-byte spreadsheet with 150 tables of rows and cells repeated by
  `number-rows-repeated` and `number-columns-repeated`;
- `xlsx_padded_sheets`: a 98 KB workbook of 200 sheets, each padded with empty rows and a
  dimension claiming the whole grid;
- `csv_rows`: a plan of N rows, each with its own lead (60,000 rows is 3.2 MB).
"""

import io
import random
import re
import zipfile

from .documents import HEADER, docx_bytes, sample_rows

RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _rezip(members, *, level=9):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_huge_span(span=50_000, rows=200, seed=14):
    """A Word plan of `rows` actions whose every cell claims to span `span` grid columns."""
    rng = random.Random(seed)
    words = ["crisis", "care", "pathway", "street", "triage", "beds", "carers", "police"]
    plan = [HEADER] + [
        [f"1.{n}", " ".join(rng.choice(words) for _ in range(12)), "By 2016", "NHS", "Done"]
        for n in range(1, rows + 1)
    ]
    members = _members(docx_bytes([("p", "Crisis plan 2015/16"), ("table", plan)]))
    xml = members["word/document.xml"].decode()
    xml = re.sub(r"<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{span}"/>', xml)
    members["word/document.xml"] = xml.encode()
    return _rezip(members)


def _odf(kind, body):
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )
    mimetype = f"application/vnd.oasis.opendocument.{'text' if kind == 'text' else kind}"
    return _rezip({"mimetype": mimetype, "content.xml": content})


def odt_repeated_spaces(count=500_000_000, rows=500, seed=14):
    """An OpenDocument text plan of `rows` actions, one of whose cells asks for `count`
    spaces."""
    rng = random.Random(seed)
    words = ["crisis", "care", "pathway", "street", "triage", "beds", "carers", "police"]
    header = "".join(
        f"<table:table-cell><text:p>{text}</text:p></table:table-cell>" for text in HEADER
    )
    body = ""
    for n in range(1, rows + 1):
        text = " ".join(rng.choice(words) for _ in range(6))
        spaces = f'<text:s text:c="{count}"/>' if n == 1 else ""
        cells = [f"1.{n}", f"Agree {text}.{spaces}", "By March 2016", "NHS England", "Done"]
        body += (
            "<table:table-row>"
            + "".join(
                f"<table:table-cell><text:p>{cell}</text:p></table:table-cell>" for cell in cells
            )
            + "</table:table-row>"
        )
    table = f"<table:table><table:table-row>{header}</table:table-row>{body}</table:table>"
    return _odf("text", table)


def ods_many_tables(tables=150, rows=1_000_000, columns=1_000):
    """A spreadsheet of `tables` sheets, each one row of text repeated `rows` times over
    `columns` columns."""
    sheet = (
        '<table:table table:name="S{n}"><table:table-row table:number-rows-repeated="{rows}">'
        '<table:table-cell table:number-columns-repeated="{columns}"><text:p>x</text:p>'
        "</table:table-cell></table:table-row></table:table>"
    )
    body = "".join(sheet.format(n=n, rows=rows, columns=columns) for n in range(tables))
    return _odf("spreadsheet", body)


def xlsx_padded_sheets(sheets=200, last_row=10_000):
    """A workbook of `sheets` sheets before the plan, each claiming the whole grid, with one
    styled empty cell in column BH of row `last_row` (so every row above it reads as a row of
    60 empty cells)."""
    from .documents import xlsx_bytes

    members = _members(xlsx_bytes({"Plan": sample_rows()}))
    workbook = members["xl/workbook.xml"].decode()
    rels = members["xl/_rels/workbook.xml.rels"].decode()
    types = members["[Content_Types].xml"].decode()
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1:XFD1048576"/><sheetData>'
        f'<row r="{last_row}"><c r="BH{last_row}" s="0"/></row>'
        "</sheetData></worksheet>"
    )
    sheet_entries, rel_entries, type_entries = [], [], []
    for n in range(sheets):
        name = f"xl/worksheets/pad{n}.xml"
        members[name] = sheet_xml
        sheet_entries.append(
            f'<sheet xmlns:r="{RELATIONSHIPS}" name="Pad {n}" sheetId="{100 + n}" '
            f'r:id="rIdPad{n}"/>'
        )
        rel_entries.append(
            f'<Relationship Id="rIdPad{n}" '
            f'Type="{RELATIONSHIPS}/worksheet" Target="/xl/worksheets/pad{n}.xml"/>'
        )
        type_entries.append(
            f'<Override PartName="/{name}" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
    members["xl/workbook.xml"] = workbook.replace("<sheets>", "<sheets>" + "".join(sheet_entries))
    members["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", "".join(rel_entries) + "</Relationships>"
    )
    members["[Content_Types].xml"] = types.replace("</Types>", "".join(type_entries) + "</Types>")
    return _rezip(members)


def csv_rows(count=60_000, seed=14):
    """A plan of `count` actions in CSV, every one with a lead of its own."""
    rng = random.Random(seed)
    words = ["Crisis", "Care", "Partnership", "Trust", "Council", "Mind", "Police", "Health"]
    lines = ["No.,Action,Timescale,Lead,Status"]
    for n in range(1, count + 1):
        section = (n - 1) % 5 + 1
        lead = f"{rng.choice(words)} {n}"
        lines.append(f"{section}.{n},Agree crisis step {n}.,By March 2016,{lead},On track")
    return ("\n".join(lines) + "\n").encode()


# Plans of N rows in every format, for the growth table of bench/bench_hostile.py -----------


def plan_rows(count, seed=14):
    """A header and `count` actions across the five sections, each with a lead of its own."""
    rng = random.Random(seed)
    words = ["crisis", "care", "pathway", "street", "triage", "beds", "carers", "police"]
    names = ["Crisis", "Care", "Partnership", "Trust", "Council", "Mind", "Police", "Health"]
    rows = [HEADER]
    for n in range(1, count + 1):
        section = (n - 1) * 5 // count + 1
        text = " ".join(rng.choice(words) for _ in range(8))
        lead = f"{rng.choice(names)} {rng.choice(names)} {n}"
        rows.append([f"{section}.{n}", f"Agree {text}.", "By March 2016", lead, "On track"])
    return rows


def txt_rows(count):
    return ("\n".join("\t".join(row) for row in plan_rows(count)) + "\n").encode()


def xlsx_rows(count):
    from .documents import xlsx_bytes

    return xlsx_bytes({"Plan": plan_rows(count)})


def docx_rows(count):
    """Written as XML (python-docx finds each cell from the top, too slow for big tables)."""
    from xml.sax.saxutils import escape

    members = _members(docx_bytes([("p", "Crisis plan 2015/16")]))
    xml = members["word/document.xml"].decode()
    table = "<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1800"/>' * len(HEADER) + "</w:tblGrid>"
    for row in plan_rows(count):
        table += (
            "<w:tr>"
            + "".join(
                f"<w:tc><w:p><w:r><w:t>{escape(cell)}</w:t></w:r></w:p></w:tc>" for cell in row
            )
            + "</w:tr>"
        )
    table += "</w:tbl>"
    members["word/document.xml"] = xml.replace("<w:sectPr", table + "<w:sectPr", 1).encode()
    return _rezip(members)


def odt_rows(count):
    from .documents import odt_bytes

    return odt_bytes(["Crisis plan 2015/16"], plan_rows(count))


def ods_rows(count):
    from .documents import ods_bytes

    return ods_bytes({"Plan": plan_rows(count)})
