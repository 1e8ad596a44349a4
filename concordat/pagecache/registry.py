"""The models whose rows public pages, downloads, feeds and the API show.

A write to any of their tables (and their many-to-many tables) bumps the publication counter
in the same transaction. A new model that public pages read is one more line here.
"""

from django.apps import apps

PUBLIC_MODELS = [
    "core.Section",
    "core.NationalRole",
    "core.Organisation",
    "core.Area",
    "core.ActionPlan",
    "core.PlanVersion",
    "core.ActionIdentity",
    "core.Action",
    "core.ActionLead",
    "core.ProgressUpdate",
    "core.UpdateEvidence",
    "reports.Metric",
    "reports.MetricValue",
    "reports.ProgressReport",
    "reports.ReportSection",
    "reports.Milestone",
    "goodpractice.GoodPractice",
    # The public's questions and answers, independent panels and their verdicts.
    "voice.Question",
    "voice.ReviewPanel",
    "voice.Verdict",
    # The search index is written after a publication commits: its own writes bump again.
    "search.SearchDocument",
]

_tables = None


def public_tables():
    """The database tables of PUBLIC_MODELS, with their many-to-many tables."""
    global _tables
    if _tables is None:
        tables = set()
        for label in PUBLIC_MODELS:
            model = apps.get_model(label)
            tables.add(model._meta.db_table)
            for field in model._meta.local_many_to_many:
                tables.add(field.remote_field.through._meta.db_table)
        _tables = frozenset(tables)
    return _tables
