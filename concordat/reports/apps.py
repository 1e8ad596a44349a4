from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "concordat.reports"
    label = "reports"
