"""Template helpers for the workspace's GOV.UK form fields and history entries."""

from django import template

register = template.Library()

ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
}


@register.simple_tag
def govuk_widget(field):
    """The field's input, pointing at its hint and error message, marked when in error."""
    attrs = {}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        classes = field.field.widget.attrs.get("class", "")
        extra = [ERROR_CLASSES[c] for c in classes.split() if c in ERROR_CLASSES]
        if extra:
            attrs["class"] = " ".join([classes, *extra])
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def shown(value):
    """An audit value for reading: empty values say so."""
    return value if value not in (None, "") else "(empty)"
