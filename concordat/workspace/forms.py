"""Forms for the workspace pages. Each keeps what the person typed when it is refused."""

import re

from django import forms
from django.utils import timezone

from concordat.core.dates import validate_plausible_date
from concordat.core.labels import field_label
from concordat.core.models import (
    Action,
    Area,
    CanonicalStatus,
    NationalRole,
    Organisation,
    Rag,
    Section,
)
from concordat.core.services.areas import AREA_DETAIL_FIELDS

from .models import ReminderPreference

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]
DATE_HINT = "For example, 31/3/2016"
TEXT = {"class": "govuk-input"}
SHORT = {"class": "govuk-input govuk-input--width-10"}
AREA = {"class": "govuk-textarea", "rows": 4}
SELECT = {"class": "govuk-select"}
CHECKBOX = {"class": "govuk-checkboxes__input"}

STATUS_CHOICES = [("", "Not stated"), *CanonicalStatus.choices]
RAG_CHOICES = [("", "No RAG given"), *Rag.choices]


def date_field(label, *, required=False, hint=DATE_HINT):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        validators=[validate_plausible_date],
        help_text=hint,
        widget=forms.DateInput(format="%d/%m/%Y", attrs=SHORT),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"The {label.lower()} must be a real date, like 31/3/2016",
        },
    )


def optional_text(label, *, rows=None, help_text=""):
    """A text box that may be left empty (four rows unless `rows`)."""
    attrs = AREA if rows is None else {**AREA, "rows": rows}
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.Textarea(attrs=attrs)
    )


def lines(text):
    """Non-empty lines of a text box, each stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def organisation_index():
    """{lower-cased name, short name or alias: Organisation} for matching typed names."""
    index = {}
    for organisation in Organisation.objects.only("pk", "name", "short_name", "aliases", "slug"):
        for name in [organisation.name, organisation.short_name, *organisation.aliases]:
            if name and name.strip():
                index.setdefault(" ".join(name.split()).lower(), organisation)
    return index


class OrganisationLinesField(forms.CharField):
    """Organisations typed one a line, by name, short name or alias; unknown names refused."""

    widget = forms.Textarea(attrs=AREA)

    def clean(self, value):
        value = super().clean(value)
        names = lines(value)
        if not names:
            return []
        index = organisation_index()
        found, unknown = [], []
        for name in names:
            organisation = index.get(" ".join(name.split()).lower())
            if organisation is None:
                unknown.append(name)
            elif organisation not in found:
                found.append(organisation)
        if unknown:
            raise forms.ValidationError(
                "No organisation in the registry is called "
                + ", ".join(f"“{name}”" for name in unknown)
                + ". Check the spelling, or ask the Concordat office to add it."
            )
        return found


class ActionForm(forms.Form):
    """Every editable field of an action: the words as written and the values derived from
    them, side by side. Only fields that differ from the action as it is are saved, so
    changing the words alone (or with the derived values emptied) derives the dates or
    status again; derived values typed by hand win."""

    ref = forms.CharField(
        label=field_label(Action, "ref"),
        max_length=40,
        required=False,
        help_text="As the plan numbers it, for example 1.4 or A2",
        widget=forms.TextInput(attrs=SHORT),
    )
    section = forms.ModelChoiceField(
        label=field_label(Action, "section"),
        queryset=Section.objects.order_by("number"),
        required=False,
        empty_label="No section",
        widget=forms.Select(attrs=SELECT),
    )
    subtheme = forms.CharField(
        label=field_label(Action, "subtheme"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    text = forms.CharField(
        label=field_label(Action, "text"),
        widget=forms.Textarea(attrs={**AREA, "rows": 5}),
        help_text="Start a line with • or - to make a list",
        error_messages={"required": "Enter the action"},
    )
    timescale = forms.CharField(
        label="Timescale, as written",
        required=False,
        help_text="For example, By March 2016, Q3 2015/16 or Ongoing. The dates below are "
        "worked out from it unless you change them too.",
        widget=forms.TextInput(attrs=TEXT),
    )
    start = date_field("Start date")
    due = date_field("Due date")
    ongoing = forms.BooleanField(
        label="Ongoing, with no end date", required=False, widget=forms.CheckboxInput(CHECKBOX)
    )
    lead = optional_text("Lead, as written", rows=2)
    lead_organisations = OrganisationLinesField(
        label=field_label(Action, "lead_organisations"),
        required=False,
        help_text="One a line, by name or short name, for example NHS England or SEPT",
    )
    outcomes = optional_text(field_label(Action, "outcomes"), help_text="One a line")
    performance_indicator = optional_text(field_label(Action, "performance_indicator"), rows=2)
    status = forms.CharField(
        label="Status, as written",
        required=False,
        help_text="The status in your own words. The status below is worked out from it "
        "unless you choose one.",
        widget=forms.TextInput(attrs=TEXT),
    )
    canonical_status = forms.ChoiceField(
        label="Status", choices=STATUS_CHOICES, required=False, widget=forms.Select(attrs=SELECT)
    )
    rag = forms.ChoiceField(
        label="RAG rating", choices=RAG_CHOICES, required=False, widget=forms.Select(attrs=SELECT)
    )
    new = forms.BooleanField(
        label="New in this version of the plan",
        required=False,
        widget=forms.CheckboxInput(CHECKBOX),
    )

    def clean(self):
        data = super().clean()
        start, due = data.get("start"), data.get("due")
        if start and due and start > due:
            self.add_error("due", "The due date must be on or after the start date")
        return data

    @classmethod
    def initial_for(cls, action):
        return {
            "ref": action.ref,
            "section": action.section_id,
            "subtheme": action.subtheme,
            "text": action.text,
            "timescale": action.timescale,
            "start": action.start,
            "due": action.due,
            "ongoing": action.ongoing,
            "lead": action.lead,
            "lead_organisations": "\n".join(o.name for o in action.lead_organisations.all()),
            "outcomes": "\n".join(action.outcomes),
            "performance_indicator": action.performance_indicator,
            "status": action.status,
            "canonical_status": action.canonical_status,
            "rag": action.rag,
            "new": action.new,
        }

    def values(self):
        """The cleaned values as the action stores them."""
        data = self.cleaned_data
        values = {
            name: data[name]
            for name in (
                "ref",
                "section",
                "subtheme",
                "text",
                "timescale",
                "start",
                "due",
                "ongoing",
                "lead",
                "performance_indicator",
                "status",
                "canonical_status",
                "rag",
                "new",
            )
        }
        values["outcomes"] = lines(data["outcomes"])
        return values

    def changes_from(self, action):
        """(field changes, lead organisations or None): only what differs from `action`."""
        changes = {
            name: value for name, value in self.values().items() if getattr(action, name) != value
        }
        # New words with the derived values left empty: work them out again from the words.
        if "timescale" in changes:
            for name in ("start", "due", "ongoing"):
                if name in changes and not changes[name]:
                    del changes[name]
        if "status" in changes and not changes.get("canonical_status", True):
            del changes["canonical_status"]
        organisations = self.cleaned_data["lead_organisations"]
        current = list(action.lead_organisations.all())
        if sorted(o.pk for o in organisations) == sorted(o.pk for o in current):
            organisations = None
        return changes, organisations


class ActionEditForm(ActionForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class RetireForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Why is this action being retired?",
        help_text="For example, merged with action 3.3, or no longer being taken forward. "
        "The action stays in the plan, marked superseded, with this reason.",
        widget=forms.Textarea(attrs=AREA),
        error_messages={"required": "Say why the action is being retired"},
    )


class ProgressUpdateForm(forms.Form):
    on = date_field(
        "Date of the update", required=True, hint="For example, 31/3/2016. Not a future date."
    )
    note = optional_text("What has happened")
    no_change = forms.BooleanField(
        label="Reviewed, no change",
        required=False,
        help_text="Records a dated entry saying the action was looked at and nothing has "
        "changed. It counts as an update and is shown publicly as such.",
        widget=forms.CheckboxInput(attrs=CHECKBOX),
    )
    canonical_status = forms.ChoiceField(
        label="Status now",
        choices=[("", "No change"), *CanonicalStatus.choices],
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    rag = forms.ChoiceField(
        label="RAG rating now",
        choices=[("", "No change"), *Rag.choices],
        required=False,
        widget=forms.Select(attrs=SELECT),
    )

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError("The date of the update cannot be in the future")
        return on

    def clean(self):
        data = super().clean()
        changed = data.get("canonical_status") or data.get("rag")
        if data.get("no_change") and changed:
            self.add_error(
                "no_change",
                "“Reviewed, no change” keeps the status and RAG as they are; untick it to "
                "change them",
            )
        elif not data.get("no_change") and not (data.get("note") or "").strip():
            self.add_error("note", "Write the progress note, or tick “reviewed, no change”")
        return data


class UpdateRoundForm(forms.Form):
    """One page of the update round: for each action a note, a status and a RAG, or
    "reviewed, no change". Rows left empty are skipped; a status or RAG without a note is
    refused, so nothing changes unexplained. Each row is saved on its own (its own button)
    or with the rest of the page; a row that cannot be saved keeps what was typed in it, and
    so do the rows not being saved."""

    on = date_field(
        "Date of these updates", required=True, hint="For example, 31/3/2016. Not a future date."
    )

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.gone_notes = []
        for item in self.items:
            pk = item.action.identity_id
            self.fields[f"note_{pk}"] = optional_text("Progress note", rows=3)
            self.fields[f"status_{pk}"] = forms.ChoiceField(
                label="Status now",
                choices=[("", "No change"), *CanonicalStatus.choices],
                required=False,
                widget=forms.Select(attrs=SELECT),
            )
            self.fields[f"rag_{pk}"] = forms.ChoiceField(
                label="RAG rating now",
                choices=[("", "No change"), *Rag.choices],
                required=False,
                widget=forms.Select(attrs=SELECT),
            )
            self.fields[f"nochange_{pk}"] = forms.BooleanField(
                label="Reviewed, no change",
                required=False,
                help_text="Records a dated entry saying the action was looked at and nothing "
                "has changed. It counts as an update and is shown publicly as such.",
                widget=forms.CheckboxInput(attrs=CHECKBOX),
            )

    def rows(self):
        """(item, note, status, RAG, no-change fields) for the template."""
        rows = []
        for item in self.items:
            pk = item.action.identity_id
            rows.append(
                (
                    item,
                    self[f"note_{pk}"],
                    self[f"status_{pk}"],
                    self[f"rag_{pk}"],
                    self[f"nochange_{pk}"],
                )
            )
        return rows

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError("The date of these updates cannot be in the future")
        return on

    def clean(self):
        data = super().clean()
        known = {str(item.action.identity_id) for item in self.items}
        self.gone_notes = [
            value.strip()
            for key, value in self.data.items()
            if key.startswith("note_") and value.strip() and key.removeprefix("note_") not in known
        ]
        if self.gone_notes:
            raise forms.ValidationError(
                "Some of the actions you wrote about have been closed or taken out of the plan "
                "since you opened this page, so nothing was saved. Your notes on them are "
                "shown below; check the list and save again."
            )
        for item in self.items:
            pk = item.action.identity_id
            note = (data.get(f"note_{pk}") or "").strip()
            ref = item.action.ref or "without a ref"
            changed = data.get(f"status_{pk}") or data.get(f"rag_{pk}")
            if data.get(f"nochange_{pk}") and changed:
                self.add_error(
                    f"nochange_{pk}",
                    f"Action {ref}: “reviewed, no change” keeps the status and RAG as they are; "
                    "untick it to change them",
                )
            elif not note and changed and not data.get(f"nochange_{pk}"):
                self.add_error(
                    f"note_{pk}",
                    f"Write a note for action {ref} to say why its status or RAG changed",
                )
        return data

    def entry(self, item):
        """(note, canonical status, RAG, no change) for a row, or None when it is empty."""
        data = self.cleaned_data
        pk = item.action.identity_id
        note = (data.get(f"note_{pk}") or "").strip()
        no_change = bool(data.get(f"nochange_{pk}"))
        if not note and not no_change:
            return None
        return note, data.get(f"status_{pk}", ""), data.get(f"rag_{pk}", ""), no_change

    def row_has_errors(self, item):
        pk = item.action.identity_id
        return any(self.has_error(f"{name}_{pk}") for name in self.ROW_FIELDS)

    ROW_FIELDS = ("note", "status", "rag", "nochange")

    @staticmethod
    def with_posted(page_items, all_items, data):
        """The page's items, plus any other open action the posted form wrote about (the
        page's actions may have shifted since it was loaded: nothing typed is dropped)."""
        shown = {item.action.identity_id for item in page_items}
        posted = {
            key.removeprefix("note_")
            for key, value in data.items()
            if key.startswith("note_") and value.strip()
        } | {key.removeprefix("nochange_") for key in data if key.startswith("nochange_")}
        extra = [
            item
            for item in all_items
            if str(item.action.identity_id) in posted and item.action.identity_id not in shown
        ]
        return [*page_items, *extra]

    def keep_errors_of(self, targets):
        """Drop the errors of rows not being saved: those rows were not asked for."""
        wanted = {
            f"{name}_{item.action.identity_id}" for item in targets for name in self.ROW_FIELDS
        }
        for key in list(self.errors):
            if key not in ("on", "__all__") and key not in wanted:
                del self.errors[key]

    def clear_rows(self, items):
        """Empty the rows of these items (saved): the page shows them ready for a new note."""
        data = self.data.copy()
        for item in items:
            for name in self.ROW_FIELDS:
                data.pop(f"{name}_{item.action.identity_id}", None)
        self.data = data

    def entries(self):
        """(item, entry) for every row with a note or "reviewed, no change"."""
        found = []
        for item in self.items:
            entry = self.entry(item)
            if entry is not None:
                found.append((item, entry))
        return found


class DeclineUpdateForm(forms.Form):
    reason = forms.CharField(
        label="Why is this update not approved?",
        help_text="The author sees this. The update is kept, never public.",
        widget=forms.Textarea(attrs={**AREA, "rows": 2}),
        error_messages={"required": "Say why the update is not approved"},
    )


class WithdrawUpdateForm(forms.Form):
    reason = forms.CharField(
        label="Why is this update being withdrawn?",
        help_text="The public sees “Withdrawn by the Concordat office on (date): (your "
        "reason)” in place of the update. The note stays in the audit.",
        widget=forms.Textarea(attrs={**AREA, "rows": 3}),
        error_messages={"required": "Say why the update is being withdrawn"},
    )


class ApprovalSettingForm(forms.Form):
    approve_first = forms.BooleanField(
        label="Approve progress updates before they are public",
        required=False,
        help_text="When ticked, updates written by the area's editors and partner "
        "organisations wait for the lead's approval. The lead's own updates are public at once.",
        widget=forms.CheckboxInput(attrs=CHECKBOX),
    )


class UpdateRoundFilters(forms.Form):
    """The update round's filters, read from the address (GET)."""

    overdue = forms.BooleanField(label="Overdue", required=False)
    stale = forms.BooleanField(label="Not updated for six months", required=False)
    mine = forms.BooleanField(label="My organisation's actions", required=False)
    # Full width of their column: long section titles and organisation names would
    # otherwise push the page wider than a phone.
    section = forms.TypedChoiceField(
        label="Section",
        required=False,
        coerce=int,
        empty_value=None,
        choices=(),
        widget=forms.Select(attrs={"class": "govuk-select govuk-!-width-full"}),
    )
    lead = forms.ChoiceField(
        label="Lead organisation",
        required=False,
        choices=(),
        widget=forms.Select(attrs={"class": "govuk-select govuk-!-width-full"}),
    )

    def __init__(self, *args, sections=(), leads=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "Every section")] + [
            (section.number, f"{section.number}. {section.title}") for section in sections
        ]
        self.fields["lead"].choices = [("", "Every organisation"), *leads]


class AreaDetailsForm(forms.Form):
    declaration_date = date_field("Date the declaration was signed")
    declaration_text = forms.CharField(
        label="The declaration's date as written (optional)",
        max_length=200,
        required=False,
        help_text='Where only a month or season is known, like "December 2014"',
        widget=forms.TextInput(attrs=TEXT),
    )
    declaration_signatories = OrganisationLinesField(
        label="Organisations that signed the declaration",
        required=False,
        help_text="One a line, by name or short name",
    )
    partners = forms.ModelMultipleChoiceField(
        label="National signatories working with the area",
        queryset=Organisation.objects.none(),
        required=False,
        help_text="Their signatory editors may post progress on the actions they lead here",
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
    )
    governance = optional_text(
        field_label(Area, "governance"), help_text="How the plan is governed locally"
    )
    accountable_boards = optional_text("Boards the group reports to", help_text="One a line")
    srg_link = optional_text(field_label(Area, "srg_link"), rows=2)
    urgent_care_network_link = optional_text(field_label(Area, "urgent_care_network_link"), rows=2)
    chair = forms.CharField(
        label=field_label(Area, "chair"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    project_manager = forms.CharField(
        label=field_label(Area, "project_manager"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    review_cycle_months = forms.IntegerField(
        label="Months between publishing the plan and reviewing it",
        min_value=1,
        max_value=36,
        help_text="Most areas review about six months after publishing",
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"}
        ),
        error_messages={
            "required": "Enter the number of months between publishing and review",
            "invalid": "The review cycle must be a whole number of months, like 6",
            "min_value": "The review cycle must be between 1 and 36 months",
            "max_value": "The review cycle must be between 1 and 36 months",
        },
    )
    hwb_areas = optional_text("Health and Wellbeing Board areas covered", help_text="One a line")
    website = forms.URLField(
        label=field_label(Area, "website"),
        required=False,
        assume_scheme="https",
        widget=forms.TextInput(attrs=TEXT),
        error_messages={"invalid": "Enter the website address, like https://example.org"},
    )

    FIELDS = AREA_DETAIL_FIELDS  # the fields the service saves

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Organisation.objects.filter(
            national_role__key=NationalRole.SIGNATORY
        ).order_by("name")

    @classmethod
    def initial_for(cls, area):
        initial = {name: getattr(area, name) for name in cls.FIELDS}
        initial["hwb_areas"] = "\n".join(area.hwb_areas)
        initial["declaration_signatories"] = "\n".join(
            o.name for o in area.declaration_signatories.order_by("name")
        )
        initial["partners"] = list(area.partners.values_list("pk", flat=True))
        return initial

    def changes(self):
        data = self.cleaned_data
        values = {name: data[name] for name in self.FIELDS}
        values["hwb_areas"] = lines(data["hwb_areas"])
        return values


class SubmitForm(forms.Form):
    note = optional_text(
        "A note for the Concordat office (optional)",
        help_text="For example, what changed since the last version",
    )


class ReviewForm(forms.Form):
    """Publish or return: one form, two buttons (`decision`). Each minimum-expectation check
    has its own confirm box, shown with the check's evidence (`check_rows`)."""

    PUBLISH = "publish"
    RETURN = "return"

    decision = forms.ChoiceField(choices=[(PUBLISH, "Publish"), (RETURN, "Return")])
    comments = optional_text(
        "Comments for the area",
        rows=6,
        help_text="Needed when you return it: say what must change. Optional when you publish.",
    )
    confirmed = forms.MultipleChoiceField(
        label="Checks you have confirmed",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
    )
    not_met_reason = optional_text(
        "Why publish although some checks are not met?",
        rows=3,
        help_text="Needed to publish while a check is not met. The area sees it with the "
        "submission, and it is kept in the audit.",
    )

    def __init__(self, *args, checks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = list(checks)
        self.fields["confirmed"].choices = [(check.key, check.title) for check in self.checks]
        self.not_met = [check for check in self.checks if not check.passed]
        if self.not_met:
            count = len(self.not_met)
            self.fields[
                "not_met_reason"
            ].label = (
                f"Why publish although {count} check{'s are' if count != 1 else ' is'} not met?"
            )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.RETURN and not (data.get("comments") or "").strip():
            self.add_error("comments", "Say what the area needs to change before it is published")
        return data

    def check_rows(self):
        """(check, whether its box is ticked) for every check, in order."""
        ticked = set(self["confirmed"].value() or ())
        return [(check, check.key in ticked) for check in self.checks]


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs=AREA),
        error_messages={"required": "Write your reply"},
    )


class ReminderPreferenceForm(forms.Form):
    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[str(kind.value)] = forms.BooleanField(
                label=field_label(ReminderPreference, kind.value),
                required=False,
                widget=forms.CheckboxInput(CHECKBOX),
            )


class AreaPlaceForm(forms.Form):
    """The office's form for where an area is: the board areas it covers and its population."""

    ons_codes = optional_text(
        "ONS codes of the Health and Wellbeing Board areas covered",
        rows=3,
        help_text="One a line, or separated by commas: E10000012 for Essex, E06000034 for "
        "Thurrock. Include a board area the group covers only in part.",
    )
    population = forms.IntegerField(
        label="Residents",
        required=False,
        min_value=1,
        help_text="For figures per 100,000 residents; leave empty if not known",
        widget=forms.TextInput(attrs={**SHORT, "inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the population as a whole number, like 485000",
            "min_value": "Enter the population as a whole number, like 485000",
        },
    )
    population_year = forms.IntegerField(
        label="Year of the population figure",
        required=False,
        min_value=1990,
        max_value=2100,
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-4", "inputmode": "numeric"}
        ),
        error_messages={
            "invalid": "Enter the year as four digits, like 2024",
            "min_value": "Enter the year as four digits, like 2024",
            "max_value": "Enter the year as four digits, like 2024",
        },
    )

    @classmethod
    def initial_for(cls, area):
        return {
            "ons_codes": "\n".join(area.ons_codes),
            "population": area.population,
            "population_year": area.population_year,
        }

    def changes(self):
        data = self.cleaned_data
        codes = [code for code in re.split(r"[\s,;]+", data["ons_codes"]) if code]
        return {
            "ons_codes": codes,
            "population": data["population"],
            "population_year": data["population_year"],
        }
