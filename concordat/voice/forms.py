from django import forms

from concordat.core.labels import field_label
from concordat.core.models import Rag

from . import rules
from .models import Question, ReviewPanel, Verdict

TEXTAREA = {"class": "govuk-textarea", "rows": 6}
INPUT = {"class": "govuk-input"}
CHECKBOX = {"class": "govuk-checkboxes__input"}


class AskForm(forms.Form):
    body = forms.CharField(
        label="Your question",
        max_length=rules.QUESTION_MAX_LENGTH,
        help_text="Ask about what the action promises and what has been done. Do not write "
        "about anyone's care, your own included, and do not name patients or staff: such "
        "questions are not published.",
        widget=forms.Textarea(attrs=TEXTAREA),
        error_messages={
            "required": "Enter your question",
            "max_length": f"Keep your question to {rules.QUESTION_MAX_LENGTH:,} characters "
            "or fewer",
        },
    )
    email = forms.EmailField(
        label=field_label(Question, "email"),
        help_text="We send a link to confirm it, and tell you when the question is answered "
        "or why it was not published. It is never shown to anyone.",
        widget=forms.EmailInput(attrs={**INPUT, "autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )

    def __init__(self, *args, signed_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        if signed_in:
            del self.fields["email"]


def names_nobody_field(what, required_message):
    """The moderator's confirmation that `what` (the question, the reply) names nobody."""
    return forms.BooleanField(
        label=f"The {what} says nothing about an individual's care and names no patient or "
        "member of staff",
        widget=forms.CheckboxInput(attrs=CHECKBOX),
        error_messages={"required": required_message},
    )


class AcceptForm(forms.Form):
    no_personal_details = names_nobody_field(
        "question", "Confirm the question holds no personal details, or reject it"
    )


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why is it rejected?",
        choices=Question.Reason.choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
        error_messages={"required": "Choose why the question is rejected"},
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label="The area's reply",
        max_length=rules.REPLY_MAX_LENGTH,
        help_text="Published with the question, under the area's name.",
        widget=forms.Textarea(attrs=TEXTAREA),
        error_messages={"required": "Enter the reply"},
    )
    no_personal_details = names_nobody_field("reply", "Confirm the reply holds no personal details")


class PanelForm(forms.Form):
    name = forms.CharField(
        label=field_label(ReviewPanel, "name"),
        max_length=200,
        help_text="As the public will see it, for example “Riverside lived-experience panel”.",
        widget=forms.TextInput(attrs=INPUT),
        error_messages={"required": "Enter the panel's name"},
    )
    kind = forms.ChoiceField(
        label="What kind of group is it?",
        choices=ReviewPanel.Kind.choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
        error_messages={"required": "Choose what kind of group it is"},
    )
    description = forms.CharField(
        label=f"{field_label(ReviewPanel, 'description')} (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )


class ReviewerInviteForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={**INPUT, "autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the reviewer's email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )
    name = forms.CharField(
        label="Name (optional)", required=False, max_length=200, widget=forms.TextInput(attrs=INPUT)
    )


class VerdictForm(forms.Form):
    rag = forms.ChoiceField(
        label="Your RAG for this action",
        choices=Rag.choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
        error_messages={"required": "Choose red, amber, green or blue"},
    )
    note = forms.CharField(
        label="Your note",
        max_length=Verdict.NOTE_MAX_LENGTH,
        help_text=f"What you see on the ground, in {Verdict.NOTE_MAX_LENGTH} characters or "
        "fewer. It is published beside the area's own RAG.",
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
        error_messages={
            "required": "Enter your note",
            "max_length": f"Keep the note to {Verdict.NOTE_MAX_LENGTH} characters or fewer",
        },
    )


class EvidenceLinkForm(forms.Form):
    title = forms.CharField(
        label="What is it?",
        max_length=200,
        help_text="For example “Health and Wellbeing Board paper, March 2026”.",
        widget=forms.TextInput(attrs=INPUT),
        error_messages={"required": "Say what the evidence is"},
    )
    url = forms.CharField(
        label="Address of the page or document",
        max_length=1000,
        widget=forms.URLInput(attrs={**INPUT, "spellcheck": "false"}),
        error_messages={"required": "Enter the address, starting with https://"},
    )


class EvidenceFileForm(forms.Form):
    title = forms.CharField(
        label="What is it?",
        max_length=200,
        widget=forms.TextInput(attrs=INPUT),
        error_messages={"required": "Say what the evidence is"},
    )
    file = forms.FileField(
        label="The file",
        help_text="A PDF, or a PNG or JPEG image.",
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": ".pdf,.png,.jpg,.jpeg"}
        ),
        error_messages={"required": "Choose a file"},
    )
