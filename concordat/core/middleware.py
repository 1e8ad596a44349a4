"""Protection every request gets, in one place (settings.MIDDLEWARE says where each runs).

- `RequestSizeLimitMiddleware`: a body larger than `CONCORDAT_REQUEST_MAX_BYTES` is refused
  from its Content-Length before any of it is read, stating its true size and the limit.
- `CleanInputMiddleware`: the characters XML cannot hold are taken out of every query and
  form value (`concordat.core.text.strip_control_characters`), so forms and the API never
  store text that would break a Word, Excel or Atom download.
- `OncePerFormMiddleware`: a form post that carries `{% form_token %}` is acted on once
  (`concordat.core.forms_once`).
"""

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render

from . import forms_once
from .text import has_control_characters, strip_control_characters


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.CONCORDAT_REQUEST_MAX_BYTES
        if length > limit:
            upload_limit = settings.CONCORDAT_UPLOAD_MAX_BYTES
            message = (
                f"What you sent is {_megabytes(length)}, over the limit of "
                f"{_megabytes(upload_limit)} for an uploaded file."
            )
            return render(request, "413.html", {"message": message}, status=413)
        return self.get_response(request)


def clean_query_dict(query):
    """The same QueryDict if nothing in it needs cleaning, else a cleaned copy."""
    if not any(
        has_control_characters(key) or any(has_control_characters(v) for v in values)
        for key, values in query.lists()
    ):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(
            strip_control_characters(key), [strip_control_characters(v) for v in values]
        )
    cleaned._mutable = False
    return cleaned


class CleanInputMiddleware:
    """After the CSRF check (which has read the form), before the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.GET = clean_query_dict(request.GET)
        if request.method == "POST":
            request.POST = clean_query_dict(request.POST)
        return None


class OncePerFormMiddleware:
    """Last in the list, so the transaction it opens holds the view alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = forms_once.posted_token(request)
        if token is None:
            return self.get_response(request)
        return forms_once.handle_once(request, token, self.get_response)


__all__ = [
    "CleanInputMiddleware",
    "OncePerFormMiddleware",
    "RequestSizeLimitMiddleware",
    "clean_query_dict",
]
