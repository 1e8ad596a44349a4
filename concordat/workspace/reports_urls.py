"""Workspace addresses for writing progress reports and entering metric values."""

from django.urls import path, re_path

from .views import reports as workspace

app_name = "reports_workspace"

SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"
reports = "workspace/<slug:slug>/reports/"
metrics = "workspace/<slug:slug>/metrics/"

urlpatterns = [
    path(reports, workspace.report_list, name="reports"),
    path(f"{reports}<int:pk>/", workspace.report_edit, name="report_edit"),
    path(f"{reports}<int:pk>/preview/", workspace.report_preview, name="report_preview"),
    path(f"{reports}<int:pk>/submit/", workspace.report_submit, name="report_submit"),
    path(f"{reports}<int:pk>/discard/", workspace.report_discard, name="report_discard"),
    re_path(
        rf"^workspace/{SLUG}/reports/(?P<pk>[0-9]+)\.(?P<ext>docx|pdf)$",
        workspace.report_draft_download,
        name="report_download",
    ),
    re_path(
        rf"^workspace/{SLUG}/reports/draft-plan\.(?P<ext>xlsx|docx|pdf|odt)$",
        workspace.plan_draft_download,
        name="plan_draft_download",
    ),
    path(metrics, workspace.metrics_home, name="metrics"),
    path(f"{metrics}values/", workspace.metric_value_add, name="metric_value_add"),
    path(f"{metrics}upload/", workspace.metric_values_upload, name="metric_values_upload"),
]
