"""Benchmarks for progress reports, metrics and exports (issue 5), registered by run.py.

At England scale: drafting a report for the busiest area, exporting its plan (80 actions,
20 progress updates each) to Excel, Word and PDF — each under 2 s — and one measure across
every area at /metrics/<slug>/ (p95 under 150 ms). Exports are timed without the page's
cache, so each call builds the document from the database.
"""

from datetime import timedelta


def register(benchmark):
    @benchmark("Draft a progress report (6 months)", budget_ms=2000)
    def draft(ctx):
        from django.utils import timezone

        from concordat.reports.drafting import draft_report

        end = timezone.localdate()
        start = end - timedelta(days=182)

        def call():
            found = draft_report(ctx.area, period_start=start, period_end=end)
            return found.sections(), found.milestones()

        return call

    def export(writer_name):
        def setup(ctx):
            from concordat.exports import docx, pdf, xlsx
            from concordat.exports.data import plan_export

            writers = {
                "xlsx": xlsx.plan_xlsx,
                "docx": docx.plan_docx,
                "pdf": pdf.plan_pdf,
            }

            def call():
                return writers[writer_name](plan_export(ctx.area))

            return call

        return setup

    benchmark("Plan export .xlsx (80 actions)", budget_ms=2000)(export("xlsx"))
    benchmark("Plan export .docx (80 actions)", budget_ms=2000)(export("docx"))
    benchmark("Plan export .pdf (80 actions)", budget_ms=2000)(export("pdf"))

    @benchmark("/metrics/<slug>/ (every area)", budget_ms=150)
    def metric_page(ctx):
        from concordat.reports.models import Metric

        metric = Metric.objects.filter(area__isnull=True).order_by("position", "slug").first()
        return ctx.get(f"/metrics/{metric.slug}/")

    @benchmark("Area outcome measures", budget_ms=150)
    def area_metrics(ctx):
        return ctx.get(f"/areas/{ctx.area.slug}/metrics/")
