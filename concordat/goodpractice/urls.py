from django.urls import path

from . import views

app_name = "goodpractice"

urlpatterns = [
    path("", views.good_practice_list, name="list"),
    path("mark/action/<uuid:key>/", views.mark, {"kind": "action"}, name="mark_action"),
    path("mark/update/<int:key>/", views.mark, {"kind": "update"}, name="mark_update"),
    path(
        "mark/report-section/<int:key>/",
        views.mark,
        {"kind": "report-section"},
        name="mark_report_section",
    ),
    path("<int:pk>/feature/", views.feature, name="feature"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
