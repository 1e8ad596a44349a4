from django import forms

from concordat.core.labels import field_label

from .models import Subscription


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=field_label(Subscription, "email"),
        help_text="We send a link to confirm it. It is used for these alerts only and never "
        "shown to anyone.",
        widget=forms.EmailInput(
            attrs={"class": "govuk-input", "autocomplete": "email", "spellcheck": "false"}
        ),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )
    frequency = forms.ChoiceField(
        label=field_label(Subscription, "frequency"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose daily or weekly",
            "invalid_choice": "Choose daily or weekly",
        },
    )
