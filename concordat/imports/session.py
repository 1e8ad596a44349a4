"""An uploaded plan between its preview and its confirmation.

The bytes, and the plan as parsed from them, go to the shared storage (`concordat.files`: the
database, or object storage), under names made only of a random token (never of anything the
browser sent), so that any app server can show the preview and confirm it. The file is parsed
once, at upload; the parsed result is kept beside it with the digest of the reading options it
was read with, and every preview and the confirmation reuse it. Changing the options (sheet,
financial year, column mapping) parses once more and replaces it.

The token is recorded in the uploader's session with the area, the user and the reading
options, so it works for that session alone. A pending upload is deleted when it is confirmed
or cancelled, and by any later upload once it has expired; at most a few are kept per session.
"""

import hashlib
import json
import re
import secrets
import time
import types
import typing
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import UTC, date, datetime
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile

from concordat.files.storage import shared_storage

from .parsed import ParsedPlan

SESSION_KEY = "concordat_pending_imports"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
SUFFIX = ".upload"
PARSED_SUFFIX = ".parsed.json"
FOLDER = "import-uploads"
DEFAULT_LIFETIME = 2 * 60 * 60
MAX_PENDING_PER_SESSION = 3
MAX_NAME_LENGTH = 200
CHUNK = 64 * 1024


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
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets, listed at upload

    @property
    def name(self):
        """Its bytes' name in the shared storage."""
        return f"{FOLDER}/{self.token}{SUFFIX}"

    @property
    def parsed_name(self):
        return f"{FOLDER}/{self.token}{PARSED_SUFFIX}"

    @property
    def extension(self):
        return PurePath(self.filename).suffix.lower()

    @property
    def expires(self):
        return self.created + lifetime()

    def read(self):
        with shared_storage().open(self.name) as handle:
            return handle.read()

    def parsed(self):
        """The plan as parsed with the current reading options, or None if it was parsed with
        other options (or not kept)."""
        storage = shared_storage()
        try:
            with storage.open(self.parsed_name) as handle:
                kept = json.loads(handle.read())
        except (FileNotFoundError, ValueError):
            return None
        if kept.get("digest") != self.options_digest():
            return None
        return _revive(ParsedPlan, kept["plan"])

    def keep_parsed(self, parsed):
        """Keep `parsed` as the result of reading this upload with its current options."""
        kept = {"digest": self.options_digest(), "plan": asdict(parsed)}
        text = json.dumps(kept, default=_json_default).encode()
        shared_storage().save(self.parsed_name, ContentFile(text))

    def options_digest(self):
        """Changes whenever what the preview shows would change: file, sheet, year, mapping."""
        options = [self.sha256, self.sheet, self.financial_year, sorted(self.overrides.items())]
        return hashlib.sha256(json.dumps(options, default=str).encode()).hexdigest()[:32]


def _records(request):
    return dict(request.session.get(SESSION_KEY) or {})


def _store(request, records):
    request.session[SESSION_KEY] = records
    request.session.modified = True


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"Cannot keep {type(value).__name__} in a parsed plan")


def _revive(kind, value):
    """Rebuild a value of type `kind` (a parsed-plan dataclass, a list, a date…) from JSON."""
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return _revive(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(kind)
        return [_revive(item, v) for v in value]
    if is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        known = {f.name for f in fields(kind) if f.init}
        return kind(**{k: _revive(hints[k], v) for k, v in value.items() if k in known})
    if kind is date:
        return date.fromisoformat(value)
    if kind in (frozenset, set) or origin in (frozenset, set):
        return (origin or kind)(value)
    return value


def _delete_file(token):
    if TOKEN.match(token or ""):
        storage = shared_storage()
        for suffix in (SUFFIX, PARSED_SUFFIX):
            storage.delete(f"{FOLDER}/{token}{suffix}")


def pending_create(
    request, *, area, filename, data, parsed=None, sheets=(), sheet=None, financial_year=None
):
    """Keep the bytes of an upload that has been read once (and what was read from them, with
    these options), and return its PendingUpload."""
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
        sheets=list(sheets),
    )
    shared_storage().save(pending.name, ContentFile(data))
    if parsed is not None:
        pending.keep_parsed(parsed)

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
    if pending.expires <= time.time() or not shared_storage().exists(pending.name):
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
    cutoff = datetime.fromtimestamp((now or time.time()) - lifetime(), tz=UTC)
    storage = shared_storage()
    removed = 0
    try:
        _folders, names = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    for name in names:
        if not name.endswith(SUFFIX):
            continue
        path = f"{FOLDER}/{name}"
        try:
            if storage.get_modified_time(path) <= cutoff:
                _delete_file(name[: -len(SUFFIX)])
                removed += 1
        except FileNotFoundError:
            continue
    return removed
