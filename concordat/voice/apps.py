from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "concordat.voice"
    label = "voice"
    verbose_name = "The public's voice: questions and independent reviews"

    def ready(self):
        from concordat.api.api import api
        from concordat.api.downloads import on_publication
        from concordat.core.signals import update_evidence_added

        from .opendata import register
        from .signals import voice_published

        register(api)

        voice_published.connect(on_publication, dispatch_uid="voice-downloads")
        update_evidence_added.connect(on_publication, dispatch_uid="voice-downloads-evidence")
