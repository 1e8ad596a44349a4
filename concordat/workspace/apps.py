from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "concordat.workspace"
    label = "workspace"
