from django.apps import AppConfig


class SeedsConfig(AppConfig):
    """What fills a database: the source documents (`load_seeds`) and synthetic England-scale
    data for the benchmarks (`generate_england`). Nothing else imports it."""

    name = "concordat.seeds"
    label = "seeds"
