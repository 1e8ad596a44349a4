from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "concordat.api"
    label = "api"
    verbose_name = "Open data"

    def ready(self):
        from concordat.core.signals import (
            plan_version_published,
            progress_report_published,
            progress_update_published,
            progress_update_withdrawn,
        )

        from .downloads import on_publication

        plan_version_published.connect(on_publication, dispatch_uid="api-downloads-version")
        progress_report_published.connect(on_publication, dispatch_uid="api-downloads-report")
        progress_update_published.connect(on_publication, dispatch_uid="api-downloads-update")
        progress_update_withdrawn.connect(on_publication, dispatch_uid="api-downloads-withdrawn")
