from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "concordat.alerts"
    label = "alerts"
    verbose_name = "Email alerts"
