from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "concordat.search"
    label = "search"
