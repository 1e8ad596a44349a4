"""An uploaded plan between its preview and its confirmation.

The bytes go to a private folder outside the served media, in a file named only by a random
token (never by anything the browser sent). The token is recorded in the uploader's session
with the area, the user and the reading options, so it works for that session alone. A pending
upload is deleted when it is confirmed or cancelled, and by any later upload once it has
expired; at most a few are kept per session.
"""

import hashlib
import json
import os
import re
import secrets
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePath

from django.conf import settings

SESSION_KEY = "concordat_pending_imports"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
SUFFIX = ".upload"
DEFAULT_LIFETIME = 2 * 60 * 60
MAX_PENDING_PER_SESSION = 3
MAX_NAME_LENGTH = 200
CHUNK = 64 * 1024


def upload_dir():
    folder = Path(
        getattr(settings, "CONCORDAT_IMPORT_UPLOAD_DIR", None)
        or settings.VAR_DIR / "import-uploads"
    )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def lifetime():
    """Seconds a pending upload lasts (setting CONCORDAT_IMPORT_UPLOAD_LIFETIME)."""
    return int(getattr(settings, "CONCORDAT_IMPORT_UPLOAD_LIFETIME", DEFAULT_LIFETIME))


def display_name(name):
    """The browser's file name, for showing and for its extension only: no folders."""
    base = PurePath(str(name or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[-MAX_NAME_LENGTH:] or "upload"


def read_limited(uploaded):
    """The uploaded file's bytes, reading at most one byte past the size limit.

    A longer file is cut there; the pipeline's size check then refuses it with its message.
    """
    limit = settings.CONCORDAT_UPLOAD_MAX_BYTES + 1
    parts, total = [], 0
    for chunk in uploaded.chunks(CHUNK):
        parts.append(chunk[: limit - total])
        total += len(parts[-1])
        if total >= limit:
            break
    return b"".join(parts)


@dataclass
class PendingUpload:
    token: str
    area_id: int
    user_id: int
    filename: str
    size: int
    sha256: str
    created: float
    sheet: str | None = None
    financial_year: int | None = None
    overrides: dict[str, str | None] = field(default_factory=dict)

    @property
    def path(self):
        return upload_dir() / f"{self.token}{SUFFIX}"

    @property
    def extension(self):
        return PurePath(self.filename).suffix.lower()

    @property
    def expires(self):
        return self.created + lifetime()

    def read(self):
        return self.path.read_bytes()

    def options_digest(self):
        """Changes whenever what the preview shows would change: file, sheet, year, mapping."""
        options = [self.sha256, self.sheet, self.financial_year, sorted(self.overrides.items())]
        return hashlib.sha256(json.dumps(options, default=str).encode()).hexdigest()[:32]


def _records(request):
    return dict(request.session.get(SESSION_KEY) or {})


def _store(request, records):
    request.session[SESSION_KEY] = records
    request.session.modified = True


def _delete_file(token):
    if TOKEN.match(token or ""):
        (upload_dir() / f"{token}{SUFFIX}").unlink(missing_ok=True)


def pending_create(request, *, area, filename, data, sheet=None, financial_year=None):
    """Keep the bytes of an upload that has been read once, and return its PendingUpload."""
    purge_expired()
    token = secrets.token_urlsafe(32)
    pending = PendingUpload(
        token=token,
        area_id=area.pk,
        user_id=request.user.pk,
        filename=display_name(filename),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        created=time.time(),
        sheet=sheet or None,
        financial_year=financial_year,
    )
    partial = pending.path.with_suffix(".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(partial, pending.path)

    records = _records(request)
    records[token] = asdict(pending)
    for old in sorted(records, key=lambda t: records[t].get("created", 0))[
        :-MAX_PENDING_PER_SESSION
    ]:
        _delete_file(old)
        del records[old]
    _store(request, records)
    return pending


def pending_get(request, token, *, area):
    """The pending upload for this token, area and user, or None if there is none or it has
    expired (an expired one is deleted)."""
    if not TOKEN.match(token or ""):
        return None
    records = _records(request)
    record = records.get(token)
    if record is None:
        return None
    try:
        pending = PendingUpload(**record)
    except TypeError:
        pending_discard(request, token)
        return None
    if pending.area_id != area.pk or pending.user_id != request.user.pk:
        return None
    if pending.expires <= time.time() or not pending.path.exists():
        pending_discard(request, token)
        return None
    return pending


def pending_save(request, pending):
    """Record changed reading options (sheet, financial year, column mapping)."""
    records = _records(request)
    if pending.token in records:
        records[pending.token] = asdict(pending)
        _store(request, records)


def pending_discard(request, token):
    """Forget a pending upload and delete its bytes."""
    _delete_file(token)
    records = _records(request)
    if records.pop(token, None) is not None:
        _store(request, records)


def purge_expired(*, now=None):
    """Delete every kept upload older than its lifetime, whoever's session it was in."""
    cutoff = (now or time.time()) - lifetime()
    removed = 0
    for path in upload_dir().iterdir():
        if path.suffix not in (SUFFIX, ".partial"):
            continue
        try:
            if path.stat().st_mtime <= cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        except FileNotFoundError:
            continue
    return removed
