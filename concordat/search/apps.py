from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "concordat.search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        from concordat.core.signals import (
            plan_version_published,
            progress_report_published,
            progress_update_published,
            progress_update_withdrawn,
        )

        from . import checks  # noqa: F401 - registers the database check
        from .index import on_report_published, on_update_changed, on_version_published

        plan_version_published.connect(on_version_published, dispatch_uid="search-version")
        progress_report_published.connect(on_report_published, dispatch_uid="search-report")
        progress_update_published.connect(on_update_changed, dispatch_uid="search-update")
        progress_update_withdrawn.connect(on_update_changed, dispatch_uid="search-withdrawn")
