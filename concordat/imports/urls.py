"""The import flow on an area's workspace, included under /workspace/."""

from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("<slug:slug>/import/", views.upload, name="upload"),
    path("<slug:slug>/import/imported/<int:number>/", views.imported, name="imported"),
    path("<slug:slug>/import/<str:token>/", views.preview, name="preview"),
    path("<slug:slug>/import/<str:token>/confirm/", views.confirm, name="confirm"),
    path("<slug:slug>/import/<str:token>/cancel/", views.cancel, name="cancel"),
]
