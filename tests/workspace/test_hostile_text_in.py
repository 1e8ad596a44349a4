"""Issue 14, clean text in: control characters that XML cannot hold (a vertical tab, ESC,
a bell, a form feed), typed into an action, an edit, a progress note and an API query, never
reach the database; and once the version is published, every public download of it answers
200."""

import re

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from concordat.core.models import Action, PlanVersion, ProgressUpdate
from concordat.core.services import plan_version_publish

from .test_action_editing import edit_data

pytestmark = pytest.mark.django_db

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DOWNLOADS = [
    "/areas/riverside/plan.csv",
    "/areas/riverside/plan.xlsx",
    "/areas/riverside/plan.docx",
    "/areas/riverside/plan.odt",
    "/areas/riverside/plan.pdf",
    "/areas/riverside/feed.atom",
    "/areas/riverside/plan/",
    "/areas/riverside/plan/versions/1/",
    "/areas/riverside/plan/versions/2/",
    "/api/actions.csv?area=riverside&all_versions=true",
    "/api/actions?area=riverside",
    "/api/updates.csv",
    "/api/versions.csv",
    "/downloads/concordat-open-data.zip",
]


def stored_text_with_control_characters():
    """(model, field, pk) of every stored text (or JSON) value holding an illegal character."""
    found = []
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values("pk", *fields):
            found += [
                (model.__name__, name, row["pk"])
                for name in fields
                if row[name] is not None and ILLEGAL.search(str(row[name]))
            ]
    return found


def test_control_characters_typed_anywhere_never_reach_the_database_and_downloads_work(
    client, world, area_editor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(area_editor)
    added = client.post(
        "/workspace/riverside/actions/new/",
        {
            "ref": "5.1",
            "section": "5",
            "text": "Set up a peer\x1b[31m support line\x0bwith a second line",
            "timescale": "From April 2016\x07",
            "lead": "Mind\x1b",
            "outcomes": "People stay well\x0c\nFewer readmissions",
            "status": "Not started\x0b",
        },
    )
    assert added.status_code == 302
    edited_row = world.current_or_published("2.1")
    edited = client.post(
        f"/workspace/riverside/actions/{edited_row.pk}/edit/",
        edit_data(edited_row, text="Open a crisis\x0b café\x1b with partners"),
    )
    assert edited.status_code == 302
    progress_row = world.current("1.1")
    noted = client.post(
        f"/workspace/riverside/actions/{progress_row.pk}/progress/",
        {"on": "14/1/2016", "note": "Agreed\x0bat the board\x1b[0m in January\x08", "rag": ""},
    )
    assert noted.status_code == 302
    assert client.get("/api/actions.csv?area=riverside&q=crisis\x1b").status_code == 200

    assert stored_text_with_control_characters() == []
    draft = PlanVersion.objects.get(plan__area=world.area, state="draft")
    assert Action.objects.get(version=draft, ref="5.1").text == (
        "Set up a peer[31m support line\nwith a second line"
    )
    assert Action.objects.get(version=draft, ref="2.1").text == "Open a crisis\n café with partners"
    assert ProgressUpdate.objects.get(source="web").note == "Agreed\nat the board[0m in January"

    plan_version_publish(version=draft, actor=None, now=timezone.now())
    client.logout()
    for path in DOWNLOADS:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(body) > 100, path
