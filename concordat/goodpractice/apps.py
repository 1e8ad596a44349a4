from django.apps import AppConfig


class GoodPracticeConfig(AppConfig):
    name = "concordat.goodpractice"
    label = "goodpractice"
    verbose_name = "Good practice"
