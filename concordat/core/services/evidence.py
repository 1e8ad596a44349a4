"""Writes to the evidence behind progress updates: add a link, add a file.

Evidence is added, never changed or removed, and only to an update that is public or waiting
for the lead's approval (not to a declined or withdrawn one). A file must be a PDF, a PNG or
a JPEG image, judged by its bytes and not its name, and no larger than
CONCORDAT_EVIDENCE_MAX_BYTES; it is kept through Django's storage API under a random name.
"""

import hashlib
import io
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction

from concordat.core.audit import actor_label, audit_record
from concordat.core.models import ProgressUpdate, UpdateEvidence
from concordat.core.signals import update_evidence_added

TITLE_MAX_LENGTH = 200
EVIDENCE_PER_UPDATE = 10
PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def _check_update(update):
    if update.is_withdrawn:
        raise ValidationError("Evidence cannot be added to a withdrawn update.")
    if update.state not in (
        ProgressUpdate.State.PUBLISHED,
        ProgressUpdate.State.AWAITING_APPROVAL,
    ):
        raise ValidationError(
            "Evidence can only be added to a public update or one waiting for approval."
        )
    if UpdateEvidence.objects.filter(update=update).count() >= EVIDENCE_PER_UPDATE:
        raise ValidationError(
            f"An update can carry at most {EVIDENCE_PER_UPDATE} pieces of evidence."
        )


def _title(title):
    title = " ".join(str(title or "").split())
    if not title:
        raise ValidationError("Say what the evidence is, for example “Board paper, March 2026”.")
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError(f"Keep the title to {TITLE_MAX_LENGTH} characters or fewer.")
    return title


def _area(update):
    return update.identity.plan.area


def _record(evidence, actor):
    audit_record(
        actor=actor,
        verb="added evidence",
        object_type="updateevidence",
        object_id=evidence.pk,
        area=_area(evidence.update),
        identity_id=evidence.update.identity_id,
        after=f"{evidence.title}: {evidence.url or evidence.original_name}"[:500],
        note=f"Progress update {evidence.update_id}",
    )
    transaction.on_commit(
        lambda: update_evidence_added.send(sender=UpdateEvidence, evidence=evidence)
    )


@transaction.atomic
def evidence_add_link(*, update, actor, title, url):
    """Add a link (http or https) to a published document or page."""
    update = (
        ProgressUpdate.objects.select_for_update()
        .select_related("identity__plan__area")
        .get(pk=update.pk)
    )
    _check_update(update)
    title = _title(title)
    url = str(url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            "Enter the full address of the page, starting with https:// or http://."
        ) from None
    if len(url) > 1000 or not urlsplit(url).hostname:
        raise ValidationError("Enter an address of 1,000 characters or fewer.")
    evidence = UpdateEvidence.objects.create(
        update=update,
        kind=UpdateEvidence.Kind.LINK,
        title=title,
        url=url,
        added_by=actor if getattr(actor, "pk", None) else None,
        added_by_name=actor_label(actor),
    )
    _record(evidence, actor)
    return evidence


def detect_content_type(data):
    """PDF, PNG or JPEG, judged by the bytes (signature, then the file opened by a reader);
    anything else, or a damaged or encrypted file, is refused with a plain reason."""
    if data.startswith(b"%PDF-"):
        return _check_pdf(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _check_image(data, "PNG", PNG)
    if data.startswith(b"\xff\xd8\xff"):
        return _check_image(data, "JPEG", JPEG)
    raise ValidationError(
        "The file must be a PDF, or a PNG or JPEG image. Its contents are not one of those, "
        "whatever its name says."
    )


def _check_pdf(data):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise ValidationError("The PDF has no pages.")
    except PDFPasswordIncorrect:
        raise ValidationError("The PDF is protected by a password. Add one without.") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise ValidationError("The PDF is damaged and cannot be read.") from error
    except ValidationError:
        raise
    except Exception as error:
        if "encrypt" in str(error).lower() or "password" in str(error).lower():
            raise ValidationError("The PDF is protected by a password. Add one without.") from None
        raise ValidationError("The PDF is damaged and cannot be read.") from error
    return PDF


def _check_image(data, expected, content_type):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != expected:
                raise ValidationError("The image is damaged and cannot be read.")
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError("The image is damaged and cannot be read.") from error
    return content_type


def _safe_name(name):
    base = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isalnum() or ch in " ._-()").strip(" .")
    return base[:200] or "evidence"


@transaction.atomic
def evidence_add_file(*, update, actor, title, uploaded):
    """Add a small PDF or image. `uploaded` is a Django UploadedFile."""
    update = (
        ProgressUpdate.objects.select_for_update()
        .select_related("identity__plan__area")
        .get(pk=update.pk)
    )
    _check_update(update)
    title = _title(title)
    limit = settings.CONCORDAT_EVIDENCE_MAX_BYTES
    if uploaded is None:
        raise ValidationError("Choose a file.")
    if uploaded.size is not None and uploaded.size > limit:
        raise ValidationError(
            f"The file is {_megabytes(uploaded.size)}; files of evidence can be at most "
            f"{_megabytes(limit)}. Link to a larger document instead."
        )
    data = uploaded.read(limit + 1)
    if not data:
        raise ValidationError("The file is empty.")
    if len(data) > limit:
        raise ValidationError(f"The file is larger than {_megabytes(limit)}; link to it instead.")
    content_type = detect_content_type(data)
    evidence = UpdateEvidence(
        update=update,
        kind=UpdateEvidence.Kind.FILE,
        title=title,
        content_type=content_type,
        size=len(data),
        original_name=_safe_name(uploaded.name),
        sha256=hashlib.sha256(data).hexdigest(),
        added_by=actor if getattr(actor, "pk", None) else None,
        added_by_name=actor_label(actor),
    )
    evidence.file.save("upload", ContentFile(data), save=False)
    try:
        evidence.save()
    except Exception:
        evidence.file.storage.delete(evidence.file.name)
        raise
    _record(evidence, actor)
    return evidence
