"""Forms for signing in, passwords and invitations, in GOV.UK style and plain words."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation

from concordat.core.labels import field_label

from .models import Invitation, Profile, Role
from .security import normalise_email

INPUT_CLASSES = {
    forms.TextInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.PasswordInput: "govuk-input govuk-input--width-20",
    forms.Select: "govuk-select",
}


class GovukFormMixin:
    """Gives each widget its GOV.UK class, and the error class and description link when the
    field has an error. Render fields with accounts/includes/field.html."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = INPUT_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs["class"] = css
        self._describe()

    def full_clean(self):
        super().full_clean()
        self._describe()

    def _describe(self):
        """Link each input to its hint and error message, and mark inputs with errors."""
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            widget = field.widget
            css = INPUT_CLASSES.get(type(widget))
            ids = []
            if field.help_text:
                ids.append(f"{self[name].auto_id}-hint")
            if name in errors:
                ids.append(f"{self[name].auto_id}-error")
                if css:
                    modifier = (
                        "govuk-select--error" if css == "govuk-select" else ("govuk-input--error")
                    )
                    widget.attrs["class"] = f"{css} {modifier}"
            if ids and not isinstance(widget, forms.RadioSelect):
                widget.attrs["aria-describedby"] = " ".join(ids)


def _password_field(label, autocomplete, hint=""):
    return forms.CharField(
        label=label,
        strip=False,
        help_text=hint,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


PASSWORD_HINT = "At least 8 characters. Not a common password, and not all numbers."  # noqa: S105


class SignInForm(GovukFormMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the right format, like name@example.org",
        },
    )
    password = _password_field("Password", "current-password")

    error_messages = {
        "invalid_login": "The email address or password is not right. Check them and try again.",
        "inactive": "This account has been closed. Ask the Concordat office if you need it back.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].error_messages["required"] = "Enter your password"

    def clean_username(self):
        return normalise_email(self.cleaned_data["username"])


class PasswordChangeForm(GovukFormMixin, auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right. Enter it again.",
        "password_mismatch": "The two new passwords are different. Enter the same one twice.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = PASSWORD_HINT
        self.fields["new_password2"].label = "New password again"


class PasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the right format, like name@example.org",
        },
    )


class SetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    error_messages = {
        **auth_forms.SetPasswordForm.error_messages,
        "password_mismatch": "The two passwords are different. Enter the same one twice.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = PASSWORD_HINT
        self.fields["new_password2"].label = "New password again"


class AcceptInvitationForm(GovukFormMixin, forms.Form):
    """A new account from an invitation: the invitee's name and password."""

    name = forms.CharField(
        label=field_label(Profile, "name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={"required": "Enter your full name"},
    )
    password1 = _password_field("Password", "new-password", PASSWORD_HINT)
    password2 = _password_field("Password again", "new-password")

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)
        self.fields["password1"].error_messages["required"] = "Choose a password"
        self.fields["password2"].error_messages["required"] = "Enter the password again"

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error(
                "password2", "The two passwords are different. Enter the same one twice."
            )
        elif first:
            from django.contrib.auth.models import User

            try:
                password_validation.validate_password(
                    first, User(username=self.email, email=self.email)
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InvitationForm(GovukFormMixin, forms.Form):
    """Invite someone to an area (editor or lead) or to an organisation (signatory editor)."""

    email = forms.EmailField(
        label=field_label(Invitation, "email"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the email address of the person to invite",
            "invalid": "Enter an email address in the right format, like name@example.org",
            "max_length": "Email addresses longer than 150 characters cannot be used",
        },
    )
    name = forms.CharField(
        label="Their name (optional)",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        label=field_label(Invitation, "role"),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role"},
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in roles]
        if len(roles) == 1:
            self.fields["role"].initial = roles[0].value
        self.role_hints = {
            Role.EDITOR.value: "Keeps the plan's actions current and posts progress updates.",
            Role.LEAD.value: "Everything an editor does, plus submitting the plan for "
            "publication and inviting editors.",
            Role.SIGNATORY_EDITOR.value: "Posts progress updates on the actions the "
            "organisation leads.",
        }

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
