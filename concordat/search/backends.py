"""Full-text search behind one interface: SQLite FTS5 by default, PostgreSQL in production.

A backend finds SearchDocument ids for a query, ranked best first, with the title and a
snippet in which matching words sit between MARK_START and MARK_END. Everything else in those
strings is the stored text, unescaped: `highlight.render` escapes it.

SQL here is assembled from constants and %s placeholders only; user words travel as parameters.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

MARK_START = "\x02"
MARK_END = "\x03"
MAX_TERMS = 12
# Actions are what people look for first; updates and report text follow them when as good.
KIND_WEIGHTS = {"action": 1.5, "update": 1.0, "report": 1.0}
SUBJECT_WEIGHT = 1.3

TERM = re.compile(r"\w+", re.UNICODE)


def terms(query):
    return [term.lower() for term in TERM.findall(query or "")][:MAX_TERMS]


@dataclass
class Filters:
    area_id: int | None = None
    section_id: int | None = None
    organisation_id: int | None = None
    canonical_status: str = ""
    kinds: tuple = ()
    exclude_area_id: int | None = None


@dataclass
class Hit:
    id: int
    score: float
    title: str = ""
    snippet: str = ""


@dataclass
class Results:
    total: int
    hits: list = field(default_factory=list)


def _filter_sql(filters, alias="d"):
    clauses, params = [], []
    if filters.area_id:
        clauses.append(f"{alias}.area_id = %s")
        params.append(filters.area_id)
    if filters.exclude_area_id:
        clauses.append(f"{alias}.area_id <> %s")
        params.append(filters.exclude_area_id)
    if filters.section_id:
        clauses.append(f"{alias}.section_id = %s")
        params.append(filters.section_id)
    if filters.canonical_status:
        clauses.append(f"{alias}.canonical_status = %s")
        params.append(filters.canonical_status)
    if filters.kinds:
        clauses.append(f"{alias}.kind IN ({', '.join(['%s'] * len(filters.kinds))})")
        params.extend(filters.kinds)
    if filters.organisation_id:
        clauses.append(
            f"EXISTS (SELECT 1 FROM search_searchdocument_organisations o "  # noqa: S608
            f"WHERE o.searchdocument_id = {alias}.id AND o.organisation_id = %s)"
        )
        params.append(filters.organisation_id)
    return "".join(f" AND {clause}" for clause in clauses), params


def _kind_weight(alias="d"):
    cases = " ".join(f"WHEN '{kind}' THEN {weight}" for kind, weight in KIND_WEIGHTS.items())
    return f"(CASE {alias}.kind {cases} ELSE 1.0 END)"


def _subject_weight(query_terms, like="LIKE", alias="d"):
    """A bonus for a title that starts with the words searched for: its subject is the query.

    Returns (SQL, params)."""
    phrase = " ".join(query_terms)
    pattern = phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return (
        f"(CASE WHEN {alias}.title {like} %s ESCAPE '\\' THEN {SUBJECT_WEIGHT} ELSE 1.0 END)",
        [pattern],
    )


class FullTextBackend:
    """What both backends share: how many documents match, the best ones' ids and how many
    hold each word. A backend gives `MATCHING` (its FROM and WHERE, whose match takes the
    query), `_query` (the query for words), `ONE_WORD_COUNT` (a subquery counting the documents
    holding one word, given `_word(word)`) and `RANK`, an SQL score ordered by `RANK_ORDER`."""

    RANK = ""
    RANK_ORDER = ""
    MATCHING = ""
    ONE_WORD_COUNT = ""

    def _query(self, words, any_word):
        raise NotImplementedError

    def _word(self, word):
        return word

    def _base(self, query_terms, filters, any_word):
        where, params = _filter_sql(filters or Filters())
        return self.MATCHING + where, [self._query(query_terms, any_word), *params]

    def frequencies(self, words):
        """{word: number of documents holding it}, in one query."""
        if not words:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT " + ", ".join([self.ONE_WORD_COUNT] * len(words)),
                [self._word(word) for word in words],
            )
            return dict(zip(words, cursor.fetchone(), strict=True))

    def count(self, query_terms, *, filters=None, any_word=False):
        if not query_terms:
            return 0
        base, params = self._base(query_terms, filters, any_word)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", params)
            return cursor.fetchone()[0]

    def top(self, query_terms, *, filters=None, limit=5, any_word=False):
        """The best document ids, in one query (no count, no highlights)."""
        if not query_terms:
            return []
        base, params = self._base(query_terms, filters, any_word)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id, {self.RANK} AS score {base} "
                f"ORDER BY score{self.RANK_ORDER}, d.id LIMIT %s",
                [*params, limit],
            )
            return [row[0] for row in cursor.fetchall()]


class SQLiteBackend(FullTextBackend):
    """FTS5 with the porter stemmer; bm25 ranks (lower is better), title weighted above body."""

    RANK = "bm25(search_fts, 4.0, 1.0)"
    MATCHING = (
        "FROM search_fts CROSS JOIN search_searchdocument d ON d.id = search_fts.rowid "
        "WHERE search_fts MATCH %s"
    )
    ONE_WORD_COUNT = "(SELECT count(*) FROM search_fts WHERE search_fts MATCH %s)"

    def _query(self, words, any_word):
        joiner = " OR " if any_word else " "
        return joiner.join('"' + word.replace('"', "") + '"' for word in words)

    def _word(self, word):
        return self._query([word], False)

    def search(self, query_terms, *, filters=None, limit=20, offset=0, any_word=False):
        total = self.count(query_terms, filters=filters, any_word=any_word)
        if not total:
            return Results(total=0)
        base, params = self._base(query_terms, filters, any_word)
        match = params[0]
        with connection.cursor() as cursor:
            subject, subject_params = _subject_weight([] if any_word else query_terms)
            cursor.execute(
                f"SELECT d.id, bm25(search_fts, 4.0, 1.0) * {_kind_weight()} * {subject} "
                f"AS score {base} ORDER BY score, d.id LIMIT %s OFFSET %s",
                [*subject_params, *params, limit, offset],
            )
            ranked = cursor.fetchall()
            if not ranked:
                return Results(total=total)
            ids = [row[0] for row in ranked]
            cursor.execute(
                "SELECT rowid, highlight(search_fts, 0, %s, %s), "  # noqa: S608
                "snippet(search_fts, 1, %s, %s, '…', 32) FROM search_fts "
                f"WHERE search_fts MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
                [MARK_START, MARK_END, MARK_START, MARK_END, match, *ids],
            )
            marked = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
        return Results(
            total=total,
            hits=[
                Hit(id=pk, score=-score, title=marked[pk][0], snippet=marked[pk][1])
                for pk, score in ranked
            ],
        )


class PostgresBackend(FullTextBackend):
    """A weighted tsvector (title A, body B) with a GIN index; ts_rank_cd ranks."""

    RANK = "ts_rank_cd(d.search_vector, q, 32)"
    RANK_ORDER = " DESC"

    HEADLINE = (
        f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=40, MinWords=20, '
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    TITLE_HEADLINE = f'StartSel="{MARK_START}", StopSel="{MARK_END}", HighlightAll=true'

    MATCHING = (
        "FROM search_searchdocument d, websearch_to_tsquery('concordat_english', %s) q "
        "WHERE d.search_vector @@ q"
    )
    ONE_WORD_COUNT = (
        "(SELECT count(*) FROM search_searchdocument "
        "WHERE search_vector @@ plainto_tsquery('concordat_english', %s))"
    )

    def _query(self, words, any_word):
        return (" or " if any_word else " ").join(words)

    def search(self, query_terms, *, filters=None, limit=20, offset=0, any_word=False):
        total = self.count(query_terms, filters=filters, any_word=any_word)
        if not total:
            return Results(total=0)
        base, params = self._base(query_terms, filters, any_word)
        text = params[0]
        with connection.cursor() as cursor:
            subject, subject_params = _subject_weight([] if any_word else query_terms, like="ILIKE")
            cursor.execute(
                "SELECT top.id, top.score, ts_headline('concordat_english', top.title, q, %s), "  # noqa: S608
                "ts_headline('concordat_english', top.body, q, %s) FROM ("
                f"SELECT d.id, d.title, d.body, ts_rank_cd(d.search_vector, q, 32) "
                f"* {_kind_weight()} * {subject} AS score {base} ORDER BY score DESC, d.id "
                "LIMIT %s OFFSET %s) top, websearch_to_tsquery('concordat_english', %s) q "
                "ORDER BY top.score DESC, top.id",
                [
                    self.TITLE_HEADLINE,
                    self.HEADLINE,
                    *subject_params,
                    *params,
                    limit,
                    offset,
                    text,
                ],
            )
            rows = cursor.fetchall()
        return Results(
            total=total,
            hits=[
                Hit(id=pk, score=score, title=title, snippet=snippet)
                for pk, score, title, snippet in rows
            ],
        )


BACKENDS = {"postgresql": PostgresBackend, "sqlite": SQLiteBackend}


def get_backend():
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise ImproperlyConfigured(unsupported_database_message(connection.vendor)) from None


def unsupported_database_message(vendor):
    return f"Search needs SQLite or PostgreSQL; the database is {vendor}."
