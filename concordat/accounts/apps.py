from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "concordat.accounts"
    label = "accounts"
