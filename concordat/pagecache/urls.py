"""How a view opts into the page cache: one of two wrappers, nothing else.

    path("feeds/x.atom", public_page(feeds.x_feed), name="x_feed")      # one view
    path("", public_urls(include("concordat.public.urls")))             # every view of a URLconf

A public page is one that shows published data only and is the same for every reader who is
not signed in on a given day. Signed-in people always get the page built for them.
"""

import functools
from importlib import import_module

from django.urls import URLPattern, URLResolver

MARK = "concordat_public_page"


def public_page(view):
    """Mark a view as a public page (usable as a decorator or around a view in a URLconf).

    The view is wrapped, not changed: the same function elsewhere stays unmarked."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    setattr(wrapped, MARK, True)
    return wrapped


def is_public_page(view):
    return getattr(view, MARK, False)


def _mark(patterns, exclude):
    marked = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            pattern.url_patterns  # noqa: B018 - loads the included URLconf
            resolver = URLResolver(
                pattern.pattern,
                _mark(pattern.url_patterns, exclude),
                pattern.default_kwargs,
                pattern.app_name,
                pattern.namespace,
            )
            marked.append(resolver)
        elif pattern.name in exclude:
            marked.append(pattern)
        else:
            marked.append(
                URLPattern(
                    pattern.pattern,
                    public_page(pattern.callback),
                    pattern.default_args,
                    pattern.name,
                )
            )
    return marked


def public_urls(included, *, exclude=()):
    """Mark every view of an include() (or of django-ninja's `api.urls`) as a public page,
    but those whose URL names are in `exclude`."""
    urlconf, app_name, namespace = included
    if isinstance(urlconf, str):
        urlconf = import_module(urlconf)
    patterns = getattr(urlconf, "urlpatterns", urlconf)
    return (_mark(patterns, set(exclude)), app_name, namespace)
