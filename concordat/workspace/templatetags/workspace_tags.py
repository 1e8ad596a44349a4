"""Template helpers for the workspace's GOV.UK form fields and history entries.

`govuk_widget` writes the common inputs (text, date, text area, select, checkbox) straight
to HTML, escaping every value: Django's template-based widget rendering costs about 4 ms an
input, which an update round of 80 actions with three inputs each cannot afford.
"""

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

register = template.Library()

ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
}


def _attrs(field, extra):
    widget = field.field.widget
    attrs = {**widget.attrs, **extra, "name": field.html_name, "id": field.auto_id}
    if field.field.disabled:
        attrs["disabled"] = True
    return attrs


def _options(field):
    value = field.value()
    chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    if value is None:
        chosen = {""}
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (str(key), " selected" if str(key) in chosen else "", label)
            for key, label in field.field.choices
        ),
    )


def render_widget(field, extra):
    widget = field.field.widget
    attrs = _attrs(field, extra)
    if isinstance(widget, forms.Textarea):
        value = field.value()
        return format_html(
            "<textarea{}>\n{}</textarea>", flatatt(attrs), "" if value is None else value
        )
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple):
        return format_html("<select{}>{}</select>", flatatt(attrs), _options(field))
    if isinstance(widget, forms.CheckboxInput):
        if widget.check_test(field.value()):
            attrs["checked"] = True
        return format_html('<input type="checkbox"{}>', flatatt(attrs))
    if isinstance(widget, forms.widgets.Input) and widget.input_type in ("text", "email", "url"):
        value = widget.format_value(field.value())
        if value not in (None, ""):
            attrs["value"] = value
        return format_html('<input type="{}"{}>', widget.input_type, flatatt(attrs))
    return field.as_widget(attrs=extra)


@register.simple_tag
def govuk_widget(field):
    """The field's input, pointing at its hint and error message, marked when in error."""
    extra = {}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        classes = field.field.widget.attrs.get("class", "")
        marks = [ERROR_CLASSES[c] for c in classes.split() if c in ERROR_CLASSES]
        if marks:
            extra["class"] = " ".join([classes, *marks])
    if described:
        extra["aria-describedby"] = " ".join(described)
    return render_widget(field, extra)


@register.filter
def shown(value):
    """An audit value for reading: empty values say so."""
    return value if value not in (None, "") else "(empty)"
