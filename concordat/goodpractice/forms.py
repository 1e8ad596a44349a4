from django import forms

from concordat.core.labels import field_label

from .models import GoodPractice
from .services import REASON_MAX, THEME_MAX


class MarkForm(forms.Form):
    reason = forms.CharField(
        label="Why is this good practice?",
        help_text="One or two sentences other areas can learn from.",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    theme = forms.CharField(
        label=f"{field_label(GoodPractice, 'theme')} (optional)",
        help_text="For example: street triage, crisis line, places of safety. "
        "Left empty, the action's sub-theme is used.",
        max_length=THEME_MAX,
        required=False,
    )
