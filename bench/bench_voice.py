"""Benchmarks for the public's voice (issue 15), at England scale: the national table of
disagreement and "complete, no evidence given", and the API listings. Registered by run.py."""

from harness import pages


def register(benchmark):
    pages(
        benchmark,
        [
            ("Independent reviews: disagreement table", "/areas/disagreement/"),
            ("Independent reviews: disagreement CSV", "/areas/disagreement.csv"),
        ],
        budget_ms=150,
    )
    pages(
        benchmark,
        [
            ("API: questions (all England)", "/api/questions"),
            ("API: verdicts of one area", lambda ctx: f"/api/verdicts?area={ctx.area.slug}"),
            ("API: evidence of one area", lambda ctx: f"/api/evidence?area={ctx.area.slug}"),
        ],
        budget_ms=100,
    )
