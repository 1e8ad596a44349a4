"""Rendered action cards, remembered by what they show.

Rendering a card through the template engine costs far more than reading its action: a plan
of a few hundred actions spent most of its first request after a change in its cards. A card
is a pure function of the values it shows (the action's fields, its verdict on the day, its
latest public update, its lead organisations, its address) and of how it is shown (heading,
link). Its key is a digest of exactly those values, so a card is never out of date: any change
of what it shows is a new key, and nothing needs to be told about changes. That is also why
each process may keep its own copy: another server computes the same card from the same data.
"""

import hashlib
import threading
from collections import OrderedDict

from django.conf import settings
from django.template.loader import render_to_string

TEMPLATE = "public/includes/action_card.html"


def _fields(instance):
    """A model instance's loaded field values (deferred ones are not shown on a card)."""
    if instance is None:
        return None
    return sorted((k, v) for k, v in vars(instance).items() if not k.startswith("_"))


def card_key(item, heading, link, hide_progress):
    verdict = item.verdict
    shown = (
        TEMPLATE,
        heading,
        bool(link),
        bool(hide_progress),
        getattr(item, "url", None),
        _fields(item.action),
        [(o.pk, o.name, o.slug, o.url) for o in item.organisations],
        (
            verdict.on,
            verdict.overdue,
            verdict.stale,
            verdict.updated_recently,
            verdict.last_update_on,
            verdict.rag,
            verdict.rag_source,
        ),
        _fields(verdict.last_update),
    )
    return hashlib.blake2b(repr(shown).encode(), digest_size=20).digest()


class Cards:
    """The cards this process rendered last, bounded in characters."""

    def __init__(self, max_chars):
        self.max_chars = max_chars
        self.cards = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            html = self.cards.get(key)
            if html is not None:
                self.cards.move_to_end(key)
            return html

    def put(self, key, html):
        with self.lock:
            if key in self.cards:
                return
            self.cards[key] = html
            self.size += len(html)
            while self.size > self.max_chars:
                _, old = self.cards.popitem(last=False)
                self.size -= len(old)

    def clear(self):
        with self.lock:
            self.cards.clear()
            self.size = 0


cards = Cards(settings.CONCORDAT_CARD_CACHE_CHARS)


def render_card(item, *, heading, link=False, hide_progress=False):
    if not settings.CONCORDAT_CARD_CACHE_CHARS:
        return _render(item, heading, link, hide_progress)
    key = card_key(item, heading, link, hide_progress)
    html = cards.get(key)
    if html is None:
        html = _render(item, heading, link, hide_progress)
        cards.put(key, html)
    return html


def _render(item, heading, link, hide_progress):
    context = {"item": item, "heading": heading, "link": link, "hide_progress": hide_progress}
    return render_to_string(TEMPLATE, context)
