"""The fixed vocabularies of an action: its canonical status, its RAG, and which statuses
are closed. Below the models and the rules, so that both read them (`concordat.core.models`
re-exports them)."""

from django.db import models


class CanonicalStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"
    SUPERSEDED = "superseded", "Superseded"


CLOSED_STATUSES = (CanonicalStatus.COMPLETE, CanonicalStatus.SUPERSEDED)


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue (complete)"
