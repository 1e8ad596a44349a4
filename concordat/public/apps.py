from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "concordat.public"
    label = "public"
