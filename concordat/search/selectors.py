"""Reads for the search page and for "similar actions in other areas"."""

from dataclasses import dataclass

from django.core.paginator import Paginator

from concordat.core.links import public_path
from concordat.core.paging import page_number

from . import highlight
from .backends import Filters, get_backend, terms
from .models import SearchDocument

PER_PAGE = 20
SIMILAR_TERMS = 6
SIMILAR_CANDIDATES = 12
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "can",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "more",
        "most",
        "must",
        "new",
        "not",
        "of",
        "on",
        "or",
        "other",
        "our",
        "out",
        "over",
        "such",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "under",
        "up",
        "use",
        "used",
        "using",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "within",
        "would",
    ]
)


@dataclass
class Result:
    document: SearchDocument
    title: str
    snippet: str
    url: str


def document_url(document):
    if document.kind == SearchDocument.Kind.REPORT:
        path = public_path("public:report", document.area.slug, document.report_id)
    else:
        path = public_path("public:action", document.area.slug, document.ref)
    if not path:
        path = public_path("public:area", document.area.slug)
    if path and document.anchor:
        path = f"{path}#{document.anchor}"
    return path


def _results(hits):
    documents = SearchDocument.objects.select_related("area", "section", "action").in_bulk(
        [hit.id for hit in hits]
    )
    return [
        Result(
            document=documents[hit.id],
            title=highlight.render(hit.title),
            snippet=highlight.render(hit.snippet),
            url=document_url(documents[hit.id]),
        )
        for hit in hits
        if hit.id in documents
    ]


def search(query, *, filters=None, page=1, per_page=PER_PAGE):
    """(page of results, total). Results carry escaped HTML with the matches marked."""
    words = terms(query)
    backend = get_backend()
    page = page_number(page)
    found = backend.search(words, filters=filters, limit=per_page, offset=(page - 1) * per_page)
    last = max(1, -(-found.total // per_page))
    if found.total and page > last:
        page = last
        found = backend.search(words, filters=filters, limit=per_page, offset=(page - 1) * per_page)
    page_obj = Paginator(range(found.total), per_page).get_page(page)
    page_obj.object_list = _results(found.hits)
    return page_obj, found.total


def _candidate_terms(text, limit=SIMILAR_CANDIDATES):
    seen, chosen = set(), []
    for word in terms(" ".join(text.split()[:200])) if text else []:
        if len(word) < 4 or word in STOPWORDS or word.isdigit() or word in seen:
            continue
        seen.add(word)
        chosen.append(word)
    return chosen[:limit]


def distinctive_terms(text, limit=SIMILAR_TERMS):
    """The action's rarest words (those found in at least one other document)."""
    words = _candidate_terms(text)
    frequencies = get_backend().frequencies(words)
    useful = [word for word in words if frequencies.get(word, 0) > 1]
    return sorted(useful, key=lambda word: (frequencies[word], word))[:limit]


def similar_actions(action, *, limit=5):
    """Published actions of other areas that speak of the same things, best first.

    Three queries whatever the data: how rare each word is, the best matches, their rows.
    """
    words = distinctive_terms(f"{action.text} {action.subtheme}")
    ids = get_backend().top(
        words,
        filters=Filters(
            kinds=(SearchDocument.Kind.ACTION,), exclude_area_id=action.version.plan.area_id
        ),
        limit=limit,
        any_word=True,
    )
    documents = SearchDocument.objects.select_related("area").in_bulk(ids) if ids else {}
    return [
        Result(
            document=documents[pk],
            title=documents[pk].title,
            snippet="",
            url=document_url(documents[pk]),
        )
        for pk in ids
        if pk in documents
    ]
