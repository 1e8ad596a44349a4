from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "concordat.files"
    label = "files"
    verbose_name = "Shared files"
