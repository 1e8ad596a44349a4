from django.contrib import admin
from django.urls import include, path

from concordat.api import feeds as open_data_feeds
from concordat.api import views as open_data_views
from concordat.api.api import api as open_data_api

urlpatterns = [
    path("admin/", admin.site.urls),
    # Before the public pages and the workspace, whose area addresses would match these.
    path("", include("concordat.voice.urls")),
    path("accounts/", include("concordat.accounts.urls")),
    path("api/", include("concordat.api.urls")),
    path("api/", open_data_api.urls),
    path("search/", include("concordat.search.urls")),
    path("workspace/", include("concordat.imports.urls")),
    path("workspace/", include("concordat.workspace.urls")),
    path("good-practice/", include("concordat.goodpractice.urls")),
    path("alerts/", include("concordat.alerts.urls")),
    path("downloads/", open_data_views.downloads, name="downloads"),
    path("downloads/concordat-open-data.zip", open_data_views.download_zip, name="download_zip"),
    path("feeds/publications.atom", open_data_feeds.publications_feed, name="publications_feed"),
    path("areas/<slug:slug>/feed.atom", open_data_feeds.area_feed, name="area_feed"),
    path("areas/<slug:slug>/due.ics", open_data_views.area_due_calendar, name="area_due"),
    path("", include("concordat.reports.urls")),
    path("", include("concordat.reports.workspace_urls")),
    path("", include("concordat.public.urls")),
]

handler500 = "concordat.public.static_pages.server_error"
