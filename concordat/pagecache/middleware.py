"""Serve public pages from the shared cache, and revalidate them.

A request is answered from the cache when all of these hold; otherwise it passes through
untouched and nothing is stored:

- it is a GET or HEAD for a view marked public (`urls.public_page` / `urls.public_urls`);
- it carries no session cookie, no messages cookie and no Authorization header, so it comes
  from someone who is not signed in and has nothing waiting to be shown to them.

The key is the publication counter, today's date, the full address (scheme, host, path and
query) and the Accept-Encoding header. A response is stored only if it is a 200 that sets no
cookie, did not use the CSRF token (a form with a token belongs to one reader), is not marked
private or no-store, and fits CONCORDAT_PAGE_CACHE_MAX_BYTES. Stored and served responses
carry a strong ETag (a digest of the bytes as sent), Last-Modified (the later of the last
change and the start of today) and `Cache-Control: no-cache`; If-None-Match and
If-Modified-Since get 304.

Each process keeps the pages it served last in memory too (`LocalPages`, bounded in bytes);
it is keyed like the shared cache, so a change seen in the database retires it at once.
"""

import functools
import hashlib
import threading
import weakref
from collections import OrderedDict
from datetime import datetime, time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from .counter import publication_state
from .urls import is_public_page

MESSAGES_COOKIE = "messages"
CONDITIONAL = frozenset(
    {"HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE"}
)
KEPT_HEADERS_SKIP = {"set-cookie", "etag", "last-modified", "cache-control", "date"}


class Page:
    """A stored response: what is needed to send it again, byte for byte.

    Everything a hit sends is worked out once, when the page is stored: the headers (with the
    ETag, Last-Modified and Cache-Control already in them) go out as they are, and the body is
    the stored bytes themselves (compressed when the reader's Accept-Encoding asked for it),
    never hashed, copied or compressed again.
    """

    __slots__ = ("status", "headers", "body", "etag", "last_modified", "sent_headers")

    def __init__(self, status, headers, body, etag, last_modified):
        self.status, self.headers, self.body = status, headers, body
        self.etag, self.last_modified = etag, last_modified
        self.sent_headers = {
            **dict(headers),
            "ETag": etag,
            "Last-Modified": http_date(last_modified),
            "Cache-Control": "no-cache",
        }

    def to_cache(self):
        return (self.status, self.headers, self.body, self.etag, self.last_modified)

    @classmethod
    def from_cache(cls, value):
        return cls(*value)

    def response(self, request):
        response = HttpResponse(self.body, status=self.status, headers=self.sent_headers)
        if not any(name in request.META for name in CONDITIONAL):
            return response
        return get_conditional_response(
            request, etag=self.etag, last_modified=self.last_modified, response=response
        )


_local_stores = weakref.WeakSet()


def clear_local_pages():
    """Empty every process-local store (tests that rebuild the database between them)."""
    for store in list(_local_stores):
        store.clear()


class LocalPages:
    """A small least-recently-used store of pages in this process, bounded in bytes."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.pages = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()
        _local_stores.add(self)

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, page):
        if len(page.body) > self.max_bytes:
            return
        with self.lock:
            if key in self.pages:
                return
            self.pages[key] = page
            self.size += len(page.body)
            while self.size > self.max_bytes:
                _, old = self.pages.popitem(last=False)
                self.size -= len(old.body)

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.size = 0


def is_personal(request):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or MESSAGES_COOKIE in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def is_public_view(request):
    return _is_public_path(request.path_info, getattr(request, "urlconf", None))


@functools.lru_cache(maxsize=4096)
def _is_public_path(path, urlconf):
    """Resolving an address costs more than serving a cached page; an address's view never
    changes while the process runs."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return False
    return is_public_page(match.func)


def page_key(request, state, today):
    accept = request.META.get("HTTP_ACCEPT_ENCODING", "").replace(" ", "").lower()
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{address}\n{accept}".encode()).hexdigest()
    return f"concordat:page:{state.counter}:{today.isoformat()}:{digest}"


def last_modified(state, today):
    """The later of the last change and the start of today (pages show overdue actions)."""
    midnight = timezone.make_aware(datetime.combine(today, time.min)).timestamp()
    return int(max(state.changed_at or 0, midnight))


def _body(response, limit):
    """The response's bytes, or None (and the response left whole) if it is too big to keep."""
    if not response.streaming:
        return response.content if len(response.content) <= limit else None
    parts, size = [], 0
    stream = iter(response.streaming_content)
    for part in stream:
        parts.append(part)
        size += len(part)
        if size > limit:
            response.streaming_content = _chain(parts, stream)
            return None
    body = b"".join(parts)
    response.streaming_content = [body]
    return body


def _chain(parts, stream):
    yield from parts
    yield from stream


def storable(request, response):
    if response.status_code != 200 or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    control = response.get("Cache-Control", "").lower()
    return "private" not in control and "no-store" not in control


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalPages(settings.CONCORDAT_PAGE_CACHE_LOCAL_BYTES)

    @property
    def cache(self):
        return caches[settings.CONCORDAT_PAGE_CACHE_ALIAS]

    def __call__(self, request):
        if (
            not settings.CONCORDAT_PAGE_CACHE
            or request.method not in ("GET", "HEAD")
            or not is_public_view(request)
        ):
            return self.get_response(request)
        if is_personal(request):
            # Built for this reader (their buttons, their messages): no shared cache keeps it.
            response = self.get_response(request)
            patch_cache_control(response, private=True)
            return response
        today = timezone.localdate()
        state = publication_state()
        meta = request.META
        # This process's own copy is found by the request's raw parts (no digest to compute);
        # only pages stored after a full build, whose Host was validated, are ever there.
        local_key = (
            state.counter,
            today,
            meta.get("wsgi.url_scheme"),
            meta.get("HTTP_X_FORWARDED_PROTO"),  # the scheme behind a proxy, when trusted
            meta.get("HTTP_X_FORWARDED_HOST"),
            meta.get("HTTP_HOST"),
            meta.get("SERVER_NAME"),
            meta.get("SERVER_PORT"),
            request.path,
            meta.get("QUERY_STRING", ""),
            meta.get("HTTP_ACCEPT_ENCODING", ""),
        )
        page = self.local.get(local_key)
        if page is None:
            key = page_key(request, state, today)
            stored = self.cache.get(key)
            if stored is not None:
                page = Page.from_cache(stored)
                self.local.put(local_key, page)
        if page is not None:
            return page.response(request)

        response = self.get_response(request)
        if not storable(request, response):
            return response
        body = _body(response, settings.CONCORDAT_PAGE_CACHE_MAX_BYTES)
        if body is None:
            return response
        headers = [(k, v) for k, v in response.items() if k.lower() not in KEPT_HEADERS_SKIP]
        page = Page(
            status=response.status_code,
            headers=headers,
            body=body,
            etag=f'"{hashlib.sha256(body).hexdigest()[:32]}"',
            last_modified=last_modified(state, today),
        )
        self.cache.add(key, page.to_cache(), settings.CONCORDAT_PAGE_CACHE_SECONDS)
        self.local.put(local_key, page)
        response["ETag"] = page.etag
        response["Last-Modified"] = http_date(page.last_modified)
        patch_cache_control(response, no_cache=True)
        return get_conditional_response(
            request, etag=page.etag, last_modified=page.last_modified, response=response
        )
