from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "concordat.api"
    label = "api"
