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
            update_evidence_added,
        )
        from concordat.voice.signals import voice_published

        from .api import api
        from .downloads import on_publication
        from .voice import register

        # The public's voice (questions, verdicts, evidence) has its open data here too.
        register(api)

        plan_version_published.connect(on_publication, dispatch_uid="api-downloads-version")
        progress_report_published.connect(on_publication, dispatch_uid="api-downloads-report")
        progress_update_published.connect(on_publication, dispatch_uid="api-downloads-update")
        progress_update_withdrawn.connect(on_publication, dispatch_uid="api-downloads-withdrawn")
        voice_published.connect(on_publication, dispatch_uid="voice-downloads")
        update_evidence_added.connect(on_publication, dispatch_uid="voice-downloads-evidence")
