from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("areas/<slug:slug>/", views.follow, name="follow_area"),
    path("areas/<slug:slug>/actions/<str:ref>/", views.follow, name="follow_action"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("manage/<str:token>/", views.manage, name="manage"),
]
