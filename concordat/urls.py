from django.contrib import admin
from django.urls import include, path

from concordat.api import feeds as open_data_feeds
from concordat.api import views as open_data_views
from concordat.api.api import api as open_data_api
from concordat.pagecache.urls import public_page, public_urls

# Public pages opt into the page cache here: public_urls() for a whole URLconf of public views,
# public_page() for one view (README, "Public page cache").
urlpatterns = [
    path("admin/", admin.site.urls),
    # Before the public pages and the workspace, whose area addresses would match these.
    path("", include("concordat.voice_urls")),
    path("accounts/", include("concordat.accounts.urls")),
    path("api/", public_urls(include("concordat.api.urls"))),
    # The OpenAPI document depends on the code alone.
    path("api/", public_urls(open_data_api.urls, exclude=["openapi-json"])),
    path("search/", public_urls(include("concordat.search.urls"))),
    path("workspace/", include("concordat.imports.urls")),
    path("workspace/", include("concordat.workspace.urls")),
    path("good-practice/", include("concordat.goodpractice.urls")),
    path("alerts/", include("concordat.alerts.urls")),
    path("downloads/", public_page(open_data_views.downloads), name="downloads"),
    path("downloads/concordat-open-data.zip", open_data_views.download_zip, name="download_zip"),
    path(
        "feeds/publications.atom",
        public_page(open_data_feeds.publications_feed),
        name="publications_feed",
    ),
    path("areas/<slug:slug>/feed.atom", public_page(open_data_feeds.area_feed), name="area_feed"),
    path(
        "areas/<slug:slug>/due.ics",
        public_page(open_data_views.area_due_calendar),
        name="area_due",
    ),
    path("", public_urls(include("concordat.public.reports_urls"))),
    path("", include("concordat.workspace.reports_urls")),
    path("", public_urls(include("concordat.public.urls"))),
]

handler500 = "concordat.public.static_pages.server_error"
