"""Compress the site's text responses (HTML, CSV, JSON, feeds) when the client accepts gzip.

Django's GZipMiddleware does the work: it compresses only for a client whose Accept-Encoding
names gzip, adds `Vary: Accept-Encoding`, compresses streamed responses (the CSV exports) as
they stream, pads each body with a few random bytes against BREACH, and turns a strong ETag into
a weak one (the bytes differ, the content does not), so If-None-Match still matches and gets
304. This subclass leaves alone what is not text: Office and PDF exports and the open-data ZIP
are compressed already, and static files never reach it (WhiteNoise serves them, with their own
pre-compressed copies, from earlier in MIDDLEWARE).

Its place in MIDDLEWARE: after WhiteNoise and after any page cache, which then stores and
serves the compressed bytes (keyed on Accept-Encoding); before everything that builds the page.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = frozenset(
    {
        "text/html",
        "text/csv",
        "text/plain",
        "text/calendar",
        "text/xml",
        "application/json",
        "application/xml",
        "application/atom+xml",
        "application/javascript",
    }
)


def media_type(response):
    return response.get("Content-Type", "").split(";", 1)[0].strip().lower()


class CompressTextMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if media_type(response) not in COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
