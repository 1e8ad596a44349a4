"""Addresses of the public's voice. Mounted from concordat/urls.py before the public pages
(`public`) and beside the workspace (`workspace`)."""

from django.urls import path

from concordat.public.views import voice as public
from concordat.workspace.views import voice as workspace

app_name = "voice"

area = "areas/<slug:slug>/"

urlpatterns = [
    path("areas/disagreement/", public.disagreement, name="disagreement"),
    path("areas/disagreement.csv", public.disagreement_csv, name="disagreement_csv"),
    path(f"{area}plan/actions/<str:ref>/ask/", public.ask_action, name="ask_action"),
    path(f"{area}reports/<int:pk>/ask/", public.ask_report, name="ask_report"),
    path("questions/confirm/<str:token>/", public.confirm, name="confirm"),
    path("evidence/<int:pk>/", public.evidence_file, name="evidence_file"),
    path("workspace/questions/", workspace.office_questions, name="office_questions"),
    path("workspace/<slug:slug>/questions/", workspace.questions, name="questions"),
    path("workspace/<slug:slug>/questions/<int:pk>/", workspace.question, name="question"),
    path("workspace/<slug:slug>/reviewers/", workspace.panels, name="panels"),
    path(
        "workspace/<slug:slug>/reviewers/<int:pk>/invite/",
        workspace.panel_invite,
        name="panel_invite",
    ),
    path("workspace/<slug:slug>/reviewers/<int:pk>/verdicts/", workspace.verdicts, name="verdicts"),
    path(
        "workspace/<slug:slug>/reviewers/<int:pk>/verdicts/<int:action_pk>/",
        workspace.verdict,
        name="verdict",
    ),
    path("workspace/<slug:slug>/evidence/<int:pk>/", workspace.evidence, name="evidence"),
]
