from django import forms
from django.db.models import F, Q

from concordat.core.dates import validate_plausible_date
from concordat.core.labels import field_label
from concordat.measures.periods import PeriodError, parse_period

from .metric_csv import max_bytes, too_large
from .models import Metric, MetricValue, Milestone, ProgressReport
from .prompts import PROMPTS

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]
DATE_HELP = "For example, 31/12/2015"
INPUT = {"class": "govuk-input govuk-input--width-10"}
TEXT = {"class": "govuk-input"}
AREA = {"class": "govuk-textarea", "rows": 6}


def date_field(label, *, required=True):
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        required=required,
        validators=[validate_plausible_date],
        help_text=DATE_HELP,
        widget=forms.TextInput(attrs=INPUT),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"The {label.lower()} must be a real date, like 31/12/2015",
        },
    )


def report_label(name):
    return field_label(ProgressReport, name)


class ReportStartForm(forms.Form):
    period_start = date_field(report_label("period_start"))
    period_end = date_field(report_label("period_end"))

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The period must end on or after the day it starts")
        return data


class ReportForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(
        label=report_label("title"), max_length=300, widget=forms.TextInput(attrs=TEXT)
    )
    period_label = forms.CharField(
        label="Period as it should be shown",
        max_length=120,
        required=False,
        help_text="For example, June–December 2015",
        widget=forms.TextInput(attrs=TEXT),
    )
    period_start = date_field(report_label("period_start"), required=False)
    period_end = date_field(report_label("period_end"), required=False)
    project_manager = forms.CharField(
        label=report_label("project_manager"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    authors = forms.CharField(
        label=report_label("authors"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    date_of_update = date_field(report_label("date_of_update"), required=False)
    overall_status = forms.ChoiceField(
        label=report_label("overall_status"),
        choices=[("", "Not chosen yet"), *ProgressReport.OverallStatus.choices],
        required=False,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
    )

    def __init__(self, *args, prompts=PROMPTS, **kwargs):
        super().__init__(*args, **kwargs)
        self.prompts = list(prompts)
        for prompt in self.prompts:
            self.fields[f"section_{prompt.key}"] = forms.CharField(
                label=prompt.title,
                required=False,
                help_text=prompt.guidance,
                widget=forms.Textarea(attrs=AREA),
            )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The period must end on or after the day it starts")
        return data

    def section_fields(self):
        return [(prompt, self[f"section_{prompt.key}"]) for prompt in self.prompts]

    def report_fields(self):
        names = [
            "title",
            "period_label",
            "period_start",
            "period_end",
            "project_manager",
            "authors",
            "date_of_update",
            "overall_status",
        ]
        return {name: self.cleaned_data.get(name) for name in names}

    def section_bodies(self):
        return {p.key: self.cleaned_data.get(f"section_{p.key}", "") for p in self.prompts}


class MilestoneForm(forms.Form):
    item_text = forms.CharField(
        label=field_label(Milestone, "item_text"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs=INPUT),
    )
    text = forms.CharField(
        label=field_label(Milestone, "text"),
        required=False,
        widget=forms.Textarea(attrs={**AREA, "rows": 2}),
    )
    due_text = forms.CharField(
        label=field_label(Milestone, "due_text"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs=INPUT),
    )
    status_text = forms.CharField(
        label=field_label(Milestone, "status_text"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=INPUT),
    )
    DELETE = forms.BooleanField(label="Remove", required=False)


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=3, max_num=200, validate_max=True)


class MetricValueForm(forms.Form):
    metric = forms.ModelChoiceField(
        label=field_label(MetricValue, "metric"),
        queryset=Metric.objects.none(),
        empty_label="Choose a measure",
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"required": "Choose the measure", "invalid_choice": "Choose a measure"},
    )
    period = forms.CharField(
        max_length=40,
        help_text="A month as 2015-04 or April 2015, a quarter as Q1 2015/16, a year as 2015/16",
        widget=forms.TextInput(attrs=INPUT),
        error_messages={"required": "Enter the period the value is for"},
    )
    value = forms.DecimalField(
        label=field_label(MetricValue, "value"),
        max_digits=14,
        decimal_places=4,
        widget=forms.TextInput(attrs={**INPUT, "inputmode": "decimal"}),
        error_messages={
            "required": "Enter the value",
            "invalid": "The value must be a number, like 12 or 83.5",
        },
    )
    note = forms.CharField(
        label=field_label(MetricValue, "note"),
        required=False,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 2}),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].queryset = Metric.objects.filter(
            Q(area__isnull=True) | Q(area=area, maps_to__isnull=True)
        ).order_by(F("area_id").asc(nulls_first=True), "position", "name")

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"])
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error


class MetricCsvForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns metric,period,value,note — one row for each value",
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload", "accept": ".csv"}),
        error_messages={"required": "Choose a CSV file to upload"},
    )

    def clean_file(self):
        """A file over the limit is refused from its true size, before it is read."""
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(too_large(upload.size))
        return upload
