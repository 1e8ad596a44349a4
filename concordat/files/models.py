from django.db import models


class StoredFile(models.Model):
    """A file in the database storage: its name and size; the bytes are in its chunks."""

    name = models.CharField(max_length=255, unique=True)
    size = models.BigIntegerField(default=0)
    modified = models.DateTimeField()

    def __str__(self):
        return self.name


class StoredChunk(models.Model):
    file = models.ForeignKey(StoredFile, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["file", "index"], name="stored_chunk_once"),
        ]

    def __str__(self):
        return f"{self.file_id}:{self.index}"
