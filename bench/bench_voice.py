"""Benchmarks for the public's voice (issue 15), at England scale: the national table of
disagreement and "complete, no evidence given", and the API listings. Registered by run.py."""


def register(benchmark):
    @benchmark("Independent reviews: disagreement table", budget_ms=150)
    def disagreement(ctx):
        return ctx.get("/areas/disagreement/")

    @benchmark("Independent reviews: disagreement CSV", budget_ms=150)
    def disagreement_csv(ctx):
        return ctx.get("/areas/disagreement.csv")

    @benchmark("API: questions (all England)", budget_ms=100)
    def api_questions(ctx):
        return ctx.get("/api/questions")

    @benchmark("API: verdicts of one area", budget_ms=100)
    def api_verdicts(ctx):
        return ctx.get(f"/api/verdicts?area={ctx.area.slug}")

    @benchmark("API: evidence of one area", budget_ms=100)
    def api_evidence(ctx):
        return ctx.get(f"/api/evidence?area={ctx.area.slug}")
