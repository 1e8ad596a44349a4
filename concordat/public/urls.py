from django.urls import path

from . import static_pages, views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    *static_pages.urlpatterns,
]
