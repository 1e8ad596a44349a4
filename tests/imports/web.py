"""People, areas and documents for the import flow's view and browser tests.

`make_world` gives one area (South West Essex) with an editor and a lead, the national area,
an editor of another area (`other_editor`), an outsider (signed in, no role), the Concordat
office, and a signatory editor whose organisation works in the area (sees the workspace, may
not edit the plan: read-only).
"""

from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from concordat.core.models import Action, Area, Organisation, PlanVersion
from concordat.core.services import organisation_upsert
from tests.factories import (
    make_area,
    make_member,
    make_office_user,
    make_outsider,
    make_signatory_editor,
)

from .documents import HEADER, docx_bytes

BACKEND = "django.contrib.auth.backends.ModelBackend"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# A small plan: two sections, a lead the register knows by its short name, one it knows in
# full, one it does not know, and an action with neither lead nor date.
PLAN_ROWS = [
    ["1. Commissioning to allow earlier intervention and responsive crisis services"],
    HEADER,
    ["1.1", "Map crisis services across the county.", "By March 2015", "SEPT", "Complete"],
    ["1.2", "Agree a joint commissioning plan.", "From April 2015", "Essex Police", "On track"],
    ["3. Urgent and emergency access to crisis care"],
    ["3.1", "Street triage pilot.", "Ongoing", "Thurrock Crisis Café", "Underway"],
    ["3.2", "Review the place of safety.", "When funding allows", "", "Not started"],
]


def plan_docx(rows=PLAN_ROWS):
    return docx_bytes(
        [("p", "South West Essex Crisis Care Concordat action plan"), ("table", rows)]
    )


def make_world():
    area = make_area("South West Essex")
    other = make_area("North Bank")
    england = make_area("England", kind=Area.Kind.NATIONAL)
    sept, _ = organisation_upsert(
        name="South Essex Partnership University NHS Foundation Trust", short_name="SEPT"
    )
    police, _ = organisation_upsert(name="Essex Police")
    area.partners.add(police)

    return SimpleNamespace(
        area=area,
        other=other,
        england=england,
        sept=sept,
        police=police,
        editor=make_member(area, "editor", email="editor@essex.test"),
        lead=make_member(area, "lead", email="lead@essex.test"),
        other_editor=make_member(other, "editor", email="editor@northbank.test"),
        outsider=make_outsider(),
        office=make_office_user("office@concordat.test", name=""),
        signatory=make_signatory_editor(police, email="signatory@police.test", name=""),
    )


def signed_in(client, user):
    client.force_login(user, backend=BACKEND)
    return client


def upload_url(area):
    return reverse("imports:upload", args=[area.slug])


def upload(client, area, data=None, name="plan.docx", **fields):
    file = SimpleUploadedFile(name, plan_docx() if data is None else data, content_type=DOCX)
    return client.post(upload_url(area), {"plan_file": file, **fields})


def token_of(response):
    """The pending upload's token from the redirect to its preview."""
    assert response.status_code == 302, response.content.decode()[:2000]
    parts = response["Location"].rstrip("/").split("/")
    assert parts[-2] == "import"
    return parts[-1]


def preview_url(area, token, name="preview"):
    return reverse(f"imports:{name}", args=[area.slug, token])


def saved_counts():
    """Rows an import would write: versions, actions, organisations."""
    return (PlanVersion.objects.count(), Action.objects.count(), Organisation.objects.count())


class UploadFolder:
    """The pending uploads in the shared storage (`concordat.files`), as the tests look at them."""

    def __init__(self):
        from concordat.files.storage import shared_storage

        self.storage = shared_storage()

    def names(self, suffix=".upload"):
        from concordat.imports.session import FOLDER

        try:
            _folders, files = self.storage.listdir(FOLDER)
        except FileNotFoundError:
            return []
        return sorted(name for name in files if suffix is None or name.endswith(suffix))

    def path(self, name):
        from concordat.imports.session import FOLDER

        return f"{FOLDER}/{name}"

    def exists(self, name):
        return self.storage.exists(self.path(name))

    def read(self, name):
        with self.storage.open(self.path(name)) as handle:
            return handle.read()

    def put(self, name, data, *, age_seconds=0):
        """A file as another server (or an older session) left it, `age_seconds` old."""
        from datetime import timedelta

        from django.core.files.base import ContentFile
        from django.utils import timezone

        from concordat.files.models import StoredFile

        self.storage.save(self.path(name), ContentFile(data))
        StoredFile.objects.filter(name=self.path(name)).update(
            modified=timezone.now() - timedelta(seconds=age_seconds)
        )

    def delete(self, name):
        self.storage.delete(self.path(name))
