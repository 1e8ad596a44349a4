"""PDF exports rendered by WeasyPrint from the same templates as the pages: tagged PDF/UA
with the document's title and language, and no fetching of anything from outside."""

from django.template.loader import render_to_string
from weasyprint import HTML

from concordat.core.collector import collector_paused
from concordat.core.outbound import xml_safe
from concordat.reports.templatetags.report_tags import LONGEST_KEPT_TOGETHER, print_groups

from . import layout
from .columns import cell_value, columns_for, rag_of
from .data import RAG_COLUMNS, STATUS_COLUMNS, long_date

# A4 landscape less the margins, in points; the table's font.
PAGE_WIDTH_PT = 27.3 * layout.PT_PER_CM
TABLE_FONT = layout.Font(size=7.5, padding=0.4 * layout.PT_PER_CM)
# Characters of a progress note printed in the table.
PROGRESS_LIMIT = 900
SUMMARY_HEADINGS = [label if key else "Not stated" for key, label in STATUS_COLUMNS] + [
    label if key else "No RAG" for key, label in RAG_COLUMNS
]


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"Exports do not fetch anything ({url}).")


def render_pdf(html):
    """The PDF of a page of HTML, with any XML-illegal character in it left out."""
    document = HTML(string=xml_safe(html), url_fetcher=_refuse_fetch, base_url=None)
    with collector_paused():
        return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def _printed(column, item):
    """A cell's text for print. A very long progress note is cut short so that no row is
    taller than a page (the whole note is on the action's page and in the other formats)."""
    text = cell_value(column, item)
    if column.key != "progress" or len(text) <= PROGRESS_LIMIT:
        return text
    cut = text[:PROGRESS_LIMIT].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut} … (continued on the action's page)"


def plan_rows(export, columns):
    rows = []
    for _number, heading, subthemes in export.grouped():
        rows.append({"kind": "section", "text": heading})
        for subtheme, items in subthemes:
            if subtheme:
                rows.append({"kind": "subtheme", "text": subtheme})
            for item in items:
                rows.append(
                    {
                        "kind": "action",
                        "cells": [
                            {"text": _printed(column, item), "rag": rag_of(column, item)}
                            for column in columns
                        ],
                    }
                )
    return rows


def summary_rows(export):
    rows = []
    for summary in [*export.sections, export.totals]:
        label = f"{summary.number}. {summary.title}" if summary.number else summary.title
        values = [summary.by_status.get(key, 0) for key, _label in STATUS_COLUMNS]
        values += [summary.by_rag.get(key, 0) for key, _label in RAG_COLUMNS]
        rows.append({"label": label, "total": summary.total, "values": values})
    return rows


def _print_words(text):
    """The pieces of a cell's text that print unbroken (see `print_groups`)."""
    words = []
    for line in (text or "").split("\n"):
        for piece, together in print_groups(line):
            words.extend([piece[:LONGEST_KEPT_TOGETHER]] if together else piece.split())
    return words


def column_widths(columns, rows):
    """Widths (points) for a fixed table layout: each column its share of the page, widened
    where a word that must not break would not fit, the wide text columns giving up the room."""
    texts = [[cell["text"] for cell in row["cells"]] for row in rows if row.get("cells")]
    return layout.column_widths(
        columns,
        texts,
        total=PAGE_WIDTH_PT,
        font=TABLE_FONT,
        limit=LONGEST_KEPT_TOGETHER,
        words=_print_words,
    )


def plan_context(export):
    # The print layout keeps to what a board reads (outcomes are in the other formats): it
    # halves the typesetting, so the PDF of an 80-action plan is made in under two seconds.
    columns = columns_for(export, brief=True)
    rows = plan_rows(export, columns)
    widths = column_widths(columns, rows)
    total = sum(widths)
    shares = [
        {"heading": column.heading, "share": f"{100 * width / total:.2f}"}
        for column, width in zip(columns, widths, strict=True)
    ]
    return {
        "export": export,
        "draft": export.draft,
        "on_text": long_date(export.on),
        "columns": shares,
        "rows": rows,
        "summary_headings": SUMMARY_HEADINGS,
        "summary_rows": summary_rows(export),
    }


def plan_pdf(export):
    context = plan_context(export)
    context.update(
        document_title=export.title,
        document_subject=export.version_line,
        landscape=True,
    )
    return render_pdf(render_to_string("reports/exports/plan.html", context))


def report_pdf(report, *, draft=False):
    from concordat.reports.presenters import report_context

    context = report_context(report, draft=draft)
    context.update(
        document_title=report.title,
        document_subject=f"{report.area.name} progress report {report.period_label}".strip(),
        landscape=False,
    )
    return render_pdf(render_to_string("reports/exports/report.html", context))
