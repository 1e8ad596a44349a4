"""GET forms for the public pages' filters: they work without JavaScript."""

from django import forms

from concordat.core import geography
from concordat.core.models import CanonicalStatus, Rag, Region
from concordat.core.rules import Stage
from concordat.core.selectors.areas import SORTS
from concordat.core.selectors.plans import NOT_STATED, ActionFilters


class GovukForm(forms.Form):
    """Gives widgets GOV.UK classes and points an invalid field at its error message."""

    widget_classes = {
        forms.Select: "govuk-select",
        forms.CheckboxInput: "govuk-checkboxes__input",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = self.widget_classes.get(type(field.widget))
            if css:
                field.widget.attrs["class"] = css

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"
                classes = widget.attrs.get("class", "")
                if classes == "govuk-select":
                    widget.attrs["class"] = "govuk-select govuk-select--error"


class AreaFilterForm(GovukForm):
    """The national table's filters (region, stage, the board area covered) and its order."""

    region = forms.ChoiceField(
        label="Region", required=False, choices=[("", "All regions"), *Region.choices]
    )
    stage = forms.ChoiceField(
        label="Stage", required=False, choices=[("", "Any stage"), *Stage.choices]
    )
    covers = forms.ChoiceField(
        label="Covers the board area",
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Choose a Health and Wellbeing Board area in England"},
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        widget=forms.HiddenInput,
        choices=[(key, label) for key, (label, _value, _order) in SORTS.items()],
        error_messages={"invalid_choice": "Choose a column of the table to sort by"},
    )
    order = forms.ChoiceField(
        label="Order",
        required=False,
        widget=forms.HiddenInput,
        choices=[("asc", "Ascending"), ("desc", "Descending")],
        error_messages={"invalid_choice": "Choose ascending or descending order"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["covers"].choices = [("", "Any")] + [
            (code, board.name) for code, board in geography.board_areas().items()
        ]

    def choices(self):
        """(region, stage, covers, sort, descending): what to show, valid parts only."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data  # the fields that are valid; the others show an error
        sort = data.get("sort") or "name"
        order = data.get("order") or SORTS[sort][2]
        return (
            data.get("region", ""),
            data.get("stage", ""),
            data.get("covers", ""),
            sort,
            order == "desc",
        )


STATUS_CHOICES = [("", "Any status"), *CanonicalStatus.choices, (NOT_STATED, "Not stated")]
RAG_CHOICES = [
    ("", "Any RAG"),
    (Rag.RED, "Red"),
    (Rag.AMBER, "Amber"),
    (Rag.GREEN, "Green"),
    (Rag.BLUE, "Blue (complete)"),
    (NOT_STATED, "No RAG"),
]


class PlanFilterForm(GovukForm):
    section = forms.TypedChoiceField(label="Section", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_CHOICES)
    rag = forms.ChoiceField(label="RAG rating", required=False, choices=RAG_CHOICES)
    lead = forms.ChoiceField(label="Lead organisation", required=False)
    overdue = forms.BooleanField(label="Overdue only", required=False)
    stale = forms.BooleanField(label="Open and not updated for six months", required=False)

    def __init__(self, *args, sections=(), leads=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "All sections")] + [
            (str(section.number), f"{section.number}. {section.title}") for section in sections
        ]
        self.fields["lead"].choices = [("", "Any organisation"), *leads]

    def filters(self):
        """The filters asked for; none when the form is not valid."""
        if not self.is_valid():
            return ActionFilters()
        data = self.cleaned_data
        return ActionFilters(
            section=data["section"],
            status=data["status"],
            rag=data["rag"],
            lead=data["lead"],
            overdue=data["overdue"],
            stale=data["stale"],
        )


class CompareForm(GovukForm):
    from_ = forms.TypedChoiceField(label="From version", coerce=int)
    to = forms.TypedChoiceField(label="To version", coerce=int)

    def __init__(self, *args, versions=(), **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so the field is declared as from_ and renamed here.
        self.fields = {"from": self.fields.pop("from_"), **self.fields}
        choices = [(str(version.number), version.display_label()) for version in versions]
        self.fields["from"].choices = choices
        self.fields["to"].choices = choices
        self.fields["from"].error_messages["invalid_choice"] = (
            "Choose a published version to compare from"
        )
        self.fields["to"].error_messages["invalid_choice"] = (
            "Choose a published version to compare to"
        )
        self.fields["from"].error_messages["required"] = "Choose a version to compare from"
        self.fields["to"].error_messages["required"] = "Choose a version to compare to"

    def clean(self):
        data = super().clean()
        if data.get("from") is not None and data.get("from") == data.get("to"):
            self.add_error("to", "Choose two different versions to compare")
        return data
