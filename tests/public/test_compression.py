"""Text responses are gzipped for clients that accept it, and nothing else changes: the same
bytes once decompressed, conditional requests still answered with 304, binary files and
static files left alone."""

import gzip
import json

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path
from django.views.decorators.http import condition

from concordat.compression import COMPRESSED_TYPES, CompressTextMiddleware

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
MIDDLEWARE = "concordat.compression.CompressTextMiddleware"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def unzipped(response):
    assert response["Content-Encoding"] == "gzip"
    return gzip.decompress(body(response))


def test_sits_after_whitenoise_and_before_the_pages():
    order = settings.MIDDLEWARE
    assert order.index(MIDDLEWARE) > order.index("whitenoise.middleware.WhiteNoiseMiddleware")
    for builder in [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
    ]:
        assert order.index(MIDDLEWARE) < order.index(builder), builder


@pytest.mark.parametrize(
    "path",
    ["/areas/northshire/plan/", "/areas/northshire/", "/", "/cookies/"],
)
def test_html_is_gzipped_and_decompresses_to_the_same_page(client, world, path):
    plain = client.get(path)
    zipped = client.get(path, **GZIP)

    assert zipped.status_code == plain.status_code == 200
    assert "Content-Encoding" not in plain
    assert unzipped(zipped) == plain.content
    assert len(zipped.content) < len(plain.content) / 3
    assert "Accept-Encoding" in zipped["Vary"]
    assert "Accept-Encoding" in plain["Vary"]


def test_the_plan_csv_is_gzipped_as_it_streams(client, world):
    plain = client.get("/areas/northshire/plan.csv")
    zipped = client.get("/areas/northshire/plan.csv", **GZIP)

    assert zipped.streaming
    assert zipped["Content-Type"].startswith("text/csv")
    text = body(plain)
    assert b"Set up a street triage scheme" in text
    assert unzipped(zipped) == text


def test_api_json_is_gzipped(client, world):
    plain = client.get("/api/actions?area=northshire")
    zipped = client.get("/api/actions?area=northshire", **GZIP)

    assert zipped["Content-Type"].startswith("application/json")
    data = json.loads(unzipped(zipped))
    assert data == json.loads(plain.content)
    assert {item["ref"] for item in data["items"]} == {"1.1", "1.2", "2.1"}


@pytest.mark.parametrize("name", ["plan.xlsx", "plan.docx", "plan.pdf"])
def test_office_and_pdf_exports_are_sent_as_they_are(client, world, name):
    response = client.get(f"/areas/northshire/{name}", **GZIP)

    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_a_client_that_does_not_accept_gzip_gets_plain_text(client, world):
    response = client.get("/areas/northshire/plan/", HTTP_ACCEPT_ENCODING="identity")

    assert "Content-Encoding" not in response
    assert b"Action plan" in response.content


# --- conditional requests: a view (or a page cache inside this middleware) that sets an ETag
# and Last-Modified still answers If-None-Match and If-Modified-Since with 304.

PAGE = "<!DOCTYPE html><title>Conditional</title>" + "<p>The same paragraph again.</p>" * 40
LAST_MODIFIED = "Mon, 01 Dec 2025 09:00:00 GMT"


@condition(etag_func=lambda request: '"v42"', last_modified_func=lambda request: None)
def etag_view(request):
    return HttpResponse(PAGE)


def dated_view(request):
    response = HttpResponse(PAGE)
    response["Last-Modified"] = LAST_MODIFIED
    return response


urlpatterns = [path("etag/", etag_view), path("dated/", dated_view)]


@override_settings(ROOT_URLCONF=__name__)
def test_a_gzipped_response_keeps_its_etag_as_a_weak_one_and_revalidates(client):
    zipped = client.get("/etag/", **GZIP)

    assert zipped["ETag"] == 'W/"v42"'
    assert unzipped(zipped) == PAGE.encode()
    again = client.get("/etag/", HTTP_IF_NONE_MATCH=zipped["ETag"], **GZIP)
    assert again.status_code == 304
    assert again.content == b""
    assert "Content-Encoding" not in again


@override_settings(ROOT_URLCONF=__name__)
def test_a_plain_response_keeps_its_strong_etag_and_either_form_revalidates(client):
    plain = client.get("/etag/")

    assert plain["ETag"] == '"v42"'
    assert client.get("/etag/", HTTP_IF_NONE_MATCH='"v42"').status_code == 304
    assert client.get("/etag/", HTTP_IF_NONE_MATCH='W/"v42"').status_code == 304
    assert client.get("/etag/", HTTP_IF_NONE_MATCH='"v41"').status_code == 200


@override_settings(ROOT_URLCONF=__name__)
def test_last_modified_passes_through_compression(client):
    zipped = client.get("/dated/", **GZIP)

    assert zipped["Last-Modified"] == LAST_MODIFIED
    assert unzipped(zipped) == PAGE.encode()


def test_only_text_types_are_compressed(rf):
    middleware = CompressTextMiddleware(lambda request: None)
    request = rf.get("/", **GZIP)
    for content_type in ["application/zip", "image/png", "application/pdf"]:
        response = HttpResponse(b"x" * 5000, content_type=content_type)
        assert "Content-Encoding" not in middleware.process_response(request, response)
    for content_type in sorted(COMPRESSED_TYPES):
        response = HttpResponse(b"x" * 5000, content_type=f"{content_type}; charset=utf-8")
        compressed = middleware.process_response(request, response)
        assert compressed["Content-Encoding"] == "gzip", content_type
        assert gzip.decompress(compressed.content) == b"x" * 5000
