"""Forms of the import flow: upload a plan, change how it was read, confirm it."""

import re

from django import forms
from django.core.exceptions import ValidationError

from .columns import FIELDS
from .errors import ImportRefused
from .safety import check_upload_size

FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$", re.I)
NOT_MAPPED = ""
NOT_MAPPED_LABEL = "Nothing: keep the column as written"


def parse_financial_year(value):
    """2015 for "2015", "2015/16", "2015-16", "2015/2016" or "FY 2015/16"; None for blank."""
    text = (value or "").strip()
    if not text:
        return None
    found = FINANCIAL_YEAR.match(text)
    problem = ValidationError(
        "Enter the financial year as its first year or as two years, like 2015 or 2015/16"
    )
    if not found:
        raise problem
    first = int(found.group(1))
    if found.group(2):
        second = int(found.group(2))
        if second % 100 != (first + 1) % 100 or (second >= 1000 and second != first + 1):
            raise ValidationError(
                f"A financial year runs from one year into the next, so {first}/"
                f"{str(first + 1)[-2:]} would be right"
            )
    if not 2000 <= first <= 2100:
        raise ValidationError("Enter a financial year between 2000 and 2100")
    return first


class FinancialYearField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", "Financial year the plan covers (optional)")
        kwargs.setdefault(
            "help_text",
            "For example, 2015/16. Quarters written without a year, such as Q3, are read in "
            "it. Leave it empty to use the year in the plan's title.",
        )
        super().__init__(**kwargs)

    def clean(self, value):
        return parse_financial_year(super().clean(value))

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value}/{str(value + 1)[-2:]}"
        return value


class UploadForm(forms.Form):
    plan_file = forms.FileField(
        label="Upload your action plan",
        help_text="A Word (.docx), Excel (.xlsx), CSV, PDF, text (.txt) or OpenDocument (.odt, "
        ".ods) file.",
        allow_empty_file=True,  # the pipeline says why an empty file cannot be read
        error_messages={
            "required": "Choose the file that holds your action plan",
            "invalid": "Choose the file that holds your action plan",
            "missing": "Choose the file that holds your action plan",
        },
    )
    sheet = forms.CharField(
        required=False,
        max_length=100,
        label="Sheet (Excel and OpenDocument spreadsheets only, optional)",
        help_text="Leave it empty and the sheet that holds the plan is found for you. You can "
        "choose another sheet on the next page.",
    )
    financial_year = FinancialYearField()

    def clean_plan_file(self):
        """A file over the limit is refused here, from its true size, before it is read."""
        uploaded = self.cleaned_data["plan_file"]
        try:
            check_upload_size(uploaded.size)
        except ImportRefused as refusal:
            raise ValidationError(refusal.message) from refusal
        return uploaded


class MappingForm(forms.Form):
    """One choice per column heading, as written; plus the sheet and the financial year."""

    def __init__(self, *args, columns, sheets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = list(columns)
        choices = [(NOT_MAPPED, NOT_MAPPED_LABEL), *FIELDS.items()]
        for index, header in enumerate(self.headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header,
                choices=choices,
                required=False,
                initial=columns[header] or NOT_MAPPED,
            )
        if len(sheets) > 1:
            self.fields["sheet"] = forms.ChoiceField(
                label="Sheet",
                required=False,
                choices=[("", "The sheet found for you"), *[(name, name) for name in sheets]],
                help_text="Choosing another sheet reads its columns afresh.",
            )
        self.fields["financial_year"] = FinancialYearField()

    def column_fields(self):
        return [self[f"column_{index}"] for index in range(len(self.headers))]

    def clean(self):
        cleaned = super().clean()
        first_with = {}
        for index, header in enumerate(self.headers):
            name = f"column_{index}"
            chosen = cleaned.get(name)
            if not chosen:
                continue
            if chosen in first_with:
                self.add_error(
                    name,
                    f"“{first_with[chosen]}” and “{header}” are both read as {FIELDS[chosen]}. "
                    "Choose something else for one of them, or nothing.",
                )
            else:
                first_with[chosen] = header
        return cleaned

    def overrides(self):
        """{heading as written: field or None} for the pipeline's column_overrides."""
        return {
            header: self.cleaned_data.get(f"column_{index}") or None
            for index, header in enumerate(self.headers)
        }


class ConfirmForm(forms.Form):
    create_organisations = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Create these organisations",
    )
    base_version = forms.CharField(required=False, widget=forms.HiddenInput)
    digest = forms.CharField(widget=forms.HiddenInput)
    confirm_drops = forms.BooleanField(
        required=False,
        label="Yes, drop these actions from the plan",
    )

    def __init__(self, *args, proposed=(), drops=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["create_organisations"].choices = [(p.name, p.name) for p in proposed]
        self.drops = drops

    def clean(self):
        cleaned = super().clean()
        if self.drops and not cleaned.get("confirm_drops"):
            actions = "action" if self.drops == 1 else "actions"
            self.add_error(
                "confirm_drops",
                f"This file leaves out {self.drops} {actions} of the published plan. Tick the "
                "box to confirm they should be dropped, or check the file.",
            )
        return cleaned
