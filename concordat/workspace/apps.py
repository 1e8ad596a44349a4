from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "concordat.workspace"
    label = "workspace"

    def ready(self):
        from . import signals

        signals.connect()
