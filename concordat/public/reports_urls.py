"""Public addresses of reports, metrics and downloads (published data only)."""

from django.urls import path, re_path

from .views import measures as public

app_name = "reports"

SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"

urlpatterns = [
    re_path(
        rf"^areas/{SLUG}/plan\.(?P<ext>xlsx|docx|pdf|odt)$",
        public.plan_download,
        name="plan_download",
    ),
    re_path(
        rf"^areas/{SLUG}/reports/(?P<pk>[0-9]+)\.(?P<ext>docx|pdf)$",
        public.report_download,
        name="report_download",
    ),
    path("areas/<slug:slug>/metrics/", public.area_metrics, name="area_metrics"),
    path("areas/<slug:slug>/metrics.csv", public.area_metrics_csv, name="area_metrics_csv"),
    path("metrics/", public.metric_index, name="metrics"),
    path("metrics/<slug:slug>/", public.metric_detail, name="metric"),
]
