"""Start-up check: search has a backend for the configured database."""

from django.core import checks
from django.db import connections

from .backends import BACKENDS, unsupported_database_message


@checks.register(checks.Tags.database)
def database_has_a_search_backend(app_configs, databases=None, **kwargs):
    return [
        checks.Error(unsupported_database_message(connections[alias].vendor), id="search.E001")
        for alias in databases or ()
        if connections[alias].vendor not in BACKENDS
    ]
