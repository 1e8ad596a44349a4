from django.urls import path

from . import views

app_name = "api"

# The JSON endpoints themselves are mounted from concordat/urls.py as `api.urls` (namespace
# "open-data"), beside these pages.
urlpatterns = [
    path("", views.index, name="index"),
    path("docs", views.docs, name="docs"),
]
