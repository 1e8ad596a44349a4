"""PDF exports rendered by WeasyPrint from the same templates as the pages: tagged PDF/UA
with the document's title and language, and no fetching of anything from outside."""

from django.template.loader import render_to_string
from weasyprint import HTML

from concordat.core.collector import collector_paused
from concordat.reports.templatetags.report_tags import LONGEST_KEPT_TOGETHER, print_groups

from .columns import cell_value, columns_for, rag_of
from .data import RAG_COLUMNS, STATUS_COLUMNS, long_date

# A4 landscape less the margins; a generous width for one character of the table's text.
PAGE_WIDTH_CM = 27.3
CHAR_CM = 0.15
WIDE_CHAR_CM = 0.22
PADDING_CM = 0.4
HEADING_CHAR_CM = 0.19  # headings are bold
# Characters of a progress note printed in the table.
PROGRESS_LIMIT = 900
SUMMARY_HEADINGS = [label if key else "Not stated" for key, label in STATUS_COLUMNS] + [
    label if key else "No RAG" for key, label in RAG_COLUMNS
]


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"Exports do not fetch anything ({url}).")


def render_pdf(html):
    document = HTML(string=html, url_fetcher=_refuse_fetch, base_url=None)
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


def text_width(text):
    """A generous estimate of the printed width of a word (cm) at the table's font size."""
    return sum(WIDE_CHAR_CM if char.isupper() or char in "mwW@%" else CHAR_CM for char in text)


def column_widths(columns, rows):
    """Widths (cm) for a fixed table layout: each column its share of the page, widened where
    a word that must not break would not fit, the wide text columns giving up the room."""
    total = sum(column.width for column in columns)
    widths = [PAGE_WIDTH_CM * column.width / total for column in columns]
    need = [
        PADDING_CM + max(len(word) for word in column.heading.split()) * HEADING_CHAR_CM
        for column in columns
    ]
    for row in rows:
        for index, cell in enumerate(row.get("cells", ())):
            for line in (cell["text"] or "").split("\n"):
                for text, together in print_groups(line):
                    words = [text] if together else text.split()
                    for word in words:
                        width = text_width(word[:LONGEST_KEPT_TOGETHER])
                        need[index] = max(need[index], PADDING_CM + width)
    widths = [max(width, needed) for width, needed in zip(widths, need, strict=True)]
    excess = sum(widths) - PAGE_WIDTH_CM
    room = [max(0.0, width - needed) for width, needed in zip(widths, need, strict=True)]
    if excess > 0 and sum(room):
        share = min(1.0, excess / sum(room))
        widths = [width - spare * share for width, spare in zip(widths, room, strict=True)]
    return widths


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
