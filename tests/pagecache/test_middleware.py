"""The page cache: what it serves, to whom, with which headers, and what it never keeps."""

import gzip

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path

from concordat.core.models import Area, AuditEntry
from concordat.pagecache.counter import prune, publication_bump, publication_state
from concordat.pagecache.models import Change
from concordat.pagecache.registry import PUBLIC_MODELS, public_tables
from concordat.pagecache.urls import public_page
from tests.factories import make_organisation, sign_in

MIDDLEWARE = "concordat.pagecache.middleware.PublicPageCacheMiddleware"
GZIP = "django.middleware.gzip.GZipMiddleware"


def queries(client, path, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    return response, len(captured)


def test_a_cached_page_costs_one_query_then_none_but_the_counter(world):
    client = Client()
    first, built = queries(client, "/areas/northshire/plan/")
    again, served = queries(client, "/areas/northshire/plan/")
    assert again.content == first.content
    assert built > 3
    assert served == 1  # the counter; the page came from this process's memory
    other, shared = queries(Client(), "/areas/northshire/plan/")  # another process
    assert other.content == first.content
    assert shared == 2  # the counter and the shared cache


def test_etag_last_modified_and_304(world):
    client = Client()
    page = client.get("/areas/northshire/")
    etag, modified = page["ETag"], page["Last-Modified"]
    assert etag.startswith('"') and len(etag) == 34
    assert page["Cache-Control"] == "no-cache"
    assert "Cookie" in page["Vary"]

    unchanged = client.get("/areas/northshire/", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag
    since = client.get("/areas/northshire/", headers={"If-Modified-Since": modified})
    assert since.status_code == 304

    Area.objects.filter(slug="northshire").update(name="Northshire and Wolds")
    changed = client.get("/areas/northshire/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_signed_in_people_get_their_own_page_and_it_is_never_kept(world, office_user):
    anonymous = Client()
    assert "Sign out" not in anonymous.get("/areas/northshire/").content.decode()
    office = Client()
    sign_in(office, office_user)
    mine = office.get("/areas/northshire/")
    assert "Sign out" in mine.content.decode()
    assert not mine.has_header("ETag")
    assert "private" in mine["Cache-Control"]
    # Signed in after an anonymous reader filled the cache, and before one reads it again.
    again = office.get("/areas/northshire/")
    assert "Sign out" in again.content.decode()
    later = Client().get("/areas/northshire/")
    assert "Sign out" not in later.content.decode()
    assert later.content == anonymous.get("/areas/northshire/").content


def test_a_reader_with_messages_waiting_is_not_served_from_the_cache(world):
    Client().get("/")
    client = Client()
    client.cookies["messages"] = "anything"
    response, count = queries(client, "/")
    assert not response.has_header("ETag")
    assert count > 2


def test_workspace_pages_are_not_public_pages(world, office_user):
    response = Client().get("/workspace/")
    assert response.status_code == 302
    assert not response.has_header("ETag")


def csrf_page(request):
    return HttpResponse(f"<form>{get_token(request)}</form>")


def plain_page(request):
    return HttpResponse("The same for every reader.")


urlpatterns = [
    path("csrf/", public_page(csrf_page)),
    path("plain/", public_page(plain_page)),
    path("not-public/", plain_page),
]


@pytest.mark.urls("tests.pagecache.test_middleware")
def test_a_page_that_used_the_csrf_token_is_never_kept(db):
    client = Client()
    first = client.get("/csrf/")
    second = client.get("/csrf/")
    assert not first.has_header("ETag")
    assert first.content != second.content  # each reader's own token
    assert Client().get("/plain/").has_header("ETag")
    assert not Client().get("/not-public/").has_header("ETag")


@pytest.mark.parametrize("order", ["compression inside", "compression outside"])
def test_conditional_get_with_compression(world, settings, order):
    middleware = [m for m in settings.MIDDLEWARE if m != GZIP]
    position = middleware.index(MIDDLEWARE) + (1 if order == "compression inside" else 0)
    middleware.insert(position, GZIP)
    settings.MIDDLEWARE = middleware
    client = Client()
    page = client.get("/areas/northshire/plan/", headers={"Accept-Encoding": "gzip"})
    assert page["Content-Encoding"] == "gzip"
    assert b"Northshire" in gzip.decompress(page.content)
    again = client.get(
        "/areas/northshire/plan/",
        headers={"Accept-Encoding": "gzip", "If-None-Match": page["ETag"]},
    )
    assert again.status_code == 304
    plain = client.get("/areas/northshire/plan/")
    assert not plain.has_header("Content-Encoding")
    assert plain["ETag"] != page["ETag"]


def test_compression_before_the_page_cache_is_a_start_up_warning(settings):
    from concordat.pagecache.checks import compression_inside_page_cache

    assert compression_inside_page_cache(None) == []
    settings.MIDDLEWARE = [GZIP, *settings.MIDDLEWARE]
    (warning,) = compression_inside_page_cache(None)
    assert warning.id == "pagecache.W001"


def test_writes_to_other_models_do_not_move_the_counter(world):
    counter = publication_state().counter
    AuditEntry.objects.create(verb="looked", object_type="area", object_id=1)
    assert publication_state().counter == counter
    make_organisation("Eastshire Mind")
    assert publication_state().counter == counter + 1


def test_a_rolled_back_change_leaves_the_counter(world):
    counter = publication_state().counter
    with pytest.raises(RuntimeError), transaction.atomic():
        make_organisation("Eastshire Mind")
        raise RuntimeError("cancelled")
    assert publication_state().counter == counter


def test_every_registered_model_has_a_table_that_is_watched():
    from django.apps import apps

    for label in PUBLIC_MODELS:
        assert apps.get_model(label)._meta.db_table in public_tables()
    assert "core_area_declaration_signatories" in public_tables()
    assert "core_auditentry" not in public_tables()


def test_pruning_keeps_the_counter_and_the_last_change(world):
    for _ in range(30):
        publication_bump()
    before = publication_state()
    total = Change.objects.count()
    assert prune(keep=5) == total - 5
    after = publication_state()
    assert Change.objects.count() == 5
    assert after == before


@pytest.mark.django_db(transaction=True)
def test_writes_in_autocommit_leave_pruning_to_the_next_transaction(monkeypatch):
    from concordat.pagecache import counter

    monkeypatch.setattr(counter, "PRUNE_EVERY", 1)
    before = publication_state().counter
    # Outside any transaction: pruning then would commit inside the write still in progress.
    writes = counter.KEEP + 5
    for number in range(writes):
        make_organisation(f"Autocommit Trust {number}")
    assert publication_state().counter == before + writes
    assert Change.objects.count() > counter.KEEP
    with transaction.atomic():
        make_organisation("Transaction Trust")
    assert Change.objects.count() == counter.KEEP  # pruned after that commit
    assert publication_state().counter == before + writes + 1
