from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "concordat.imports"
    label = "imports"
