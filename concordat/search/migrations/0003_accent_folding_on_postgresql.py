"""PostgreSQL's English configuration keeps accents, so "cafe" did not find "Café" there while
SQLite's FTS5 (remove_diacritics) did. The index and the queries now use a configuration that
passes each word through the unaccent dictionary before stemming. unaccent is a trusted
extension (PostgreSQL 13 and later): the database's owner may install it.
"""

from django.db import migrations

COLUMN = """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('{config}', coalesce(title, '')), 'A')
        || setweight(to_tsvector('{config}', coalesce(body, '')), 'B')
    ) STORED"""
REPLACE_COLUMN = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]
INDEX = "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (search_vector)"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS concordat_english",
    "CREATE TEXT SEARCH CONFIGURATION concordat_english (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION concordat_english
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem""",
    *REPLACE_COLUMN,
    COLUMN.format(config="concordat_english"),
    INDEX,
]
BACKWARD = [
    *REPLACE_COLUMN,
    COLUMN.format(config="english"),
    INDEX,
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS concordat_english",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
