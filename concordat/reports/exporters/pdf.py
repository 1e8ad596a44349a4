"""PDF exports rendered by WeasyPrint from the same templates as the pages: tagged PDF/UA
with the document's title and language, and no fetching of anything from outside."""

from django.template.loader import render_to_string
from weasyprint import HTML

from .columns import cell_value, columns_for, rag_of
from .data import RAG_COLUMNS, STATUS_COLUMNS, long_date

SUMMARY_HEADINGS = [label if key else "Not stated" for key, label in STATUS_COLUMNS] + [
    label if key else "No RAG" for key, label in RAG_COLUMNS
]


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"Exports do not fetch anything ({url}).")


def render_pdf(html):
    document = HTML(string=html, url_fetcher=_refuse_fetch, base_url=None)
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


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
                            {"text": cell_value(column, item), "rag": rag_of(column, item)}
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


def plan_context(export):
    columns = columns_for(export)
    return {
        "export": export,
        "draft": export.draft,
        "on_text": long_date(export.on),
        "columns": columns,
        "rows": plan_rows(export, columns),
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
