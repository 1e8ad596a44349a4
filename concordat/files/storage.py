"""A Django storage backend that keeps files in the database, so that any app server reading the
same database reads the same files. Files are written whole in one transaction (a reader never
sees half a file) and read a chunk at a time (a large download is never held in memory whole).
Saving under an existing name replaces the file.
"""

import io

from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.utils import timezone
from django.utils.deconstruct import deconstructible

CHUNK_BYTES = 1024 * 1024


def shared_storage():
    """The storage every app server shares (settings STORAGES["shared"])."""
    return storages["shared"]


class _ChunkReader(io.RawIOBase):
    """Reads a stored file a chunk at a time; seekable (every chunk but the last is full)."""

    def __init__(self, stored):
        self.stored = stored
        self.position = 0
        self.loaded = (None, b"")  # (chunk index, its bytes)

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self.position

    def seek(self, offset, whence=io.SEEK_SET):
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.stored.size}
        self.position = max(0, base[whence] + offset)
        return self.position

    def _chunk(self, index):
        from .models import StoredChunk

        if self.loaded[0] != index:
            data = (
                StoredChunk.objects.filter(file=self.stored, index=index)
                .values_list("data", flat=True)
                .first()
            )
            self.loaded = (index, bytes(data or b""))
        return self.loaded[1]

    def readinto(self, target):
        if self.position >= self.stored.size:
            return 0
        index, start = divmod(self.position, CHUNK_BYTES)
        chunk = self._chunk(index)[start:]
        size = min(len(target), len(chunk))
        target[:size] = chunk[:size]
        self.position += size
        return size


@deconstructible(path="concordat.files.storage.DatabaseStorage")
class DatabaseStorage(Storage):
    def _file(self, name):
        from .models import StoredFile

        return StoredFile.objects.filter(name=self._clean(name)).first()

    @staticmethod
    def _clean(name):
        name = str(name).replace("\\", "/").lstrip("/")
        if not name or ".." in name.split("/"):
            raise SuspiciousFileOperation(f"Not a storage name: {name!r}")
        return name

    def _open(self, name, mode="rb"):
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Database files are written with save(), not opened for writing.")
        stored = self._file(name)
        if stored is None:
            raise FileNotFoundError(name)
        return File(io.BufferedReader(_ChunkReader(stored), CHUNK_BYTES), name=stored.name)

    @transaction.atomic
    def _save(self, name, content):
        from .models import StoredChunk, StoredFile

        name = self._clean(name)
        stored, _ = StoredFile.objects.select_for_update().get_or_create(
            name=name, defaults={"modified": timezone.now()}
        )
        stored.chunks.all().delete()
        if hasattr(content, "seek"):
            content.seek(0)
        size, index, pending = 0, 0, b""
        for part in content.chunks(CHUNK_BYTES) if hasattr(content, "chunks") else [content]:
            pending += part
            while len(pending) >= CHUNK_BYTES:
                StoredChunk.objects.create(file=stored, index=index, data=pending[:CHUNK_BYTES])
                pending, index, size = pending[CHUNK_BYTES:], index + 1, size + CHUNK_BYTES
        if pending or index == 0:
            StoredChunk.objects.create(file=stored, index=index, data=pending)
            size += len(pending)
        stored.size = size
        stored.modified = timezone.now()
        stored.save(update_fields=["size", "modified"])
        return name

    def get_available_name(self, name, max_length=None):
        return self._clean(name)  # saving again replaces the file

    def delete(self, name):
        from .models import StoredFile

        StoredFile.objects.filter(name=self._clean(name)).delete()

    def exists(self, name):
        return self._file(name) is not None

    def size(self, name):
        stored = self._file(name)
        if stored is None:
            raise FileNotFoundError(name)
        return stored.size

    def get_modified_time(self, name):
        stored = self._file(name)
        if stored is None:
            raise FileNotFoundError(name)
        return stored.modified

    def listdir(self, path):
        from .models import StoredFile

        prefix = str(path or "").strip("/")
        prefix = f"{prefix}/" if prefix else ""
        directories, files = set(), []
        for name in StoredFile.objects.filter(name__startswith=prefix).values_list(
            "name", flat=True
        ):
            rest = name[len(prefix) :]
            if "/" in rest:
                directories.add(rest.split("/", 1)[0])
            else:
                files.append(rest)
        return sorted(directories), sorted(files)

    def url(self, name):
        raise NotImplementedError("Database files are served by the views that need them.")
