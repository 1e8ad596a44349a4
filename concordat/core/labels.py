"""Labels people read, taken from the models: a field's `verbose_name`, capitalised.

Forms, exports and the admin that show a field under the same words use `field_label`, so
the words are written once, on the model."""

from django.utils.text import capfirst


def field_label(model, name):
    """`field_label(Action, "rag")` is "RAG"; `field_label(Area, "chair")` is "Chair"."""
    return capfirst(model._meta.get_field(name).verbose_name)
