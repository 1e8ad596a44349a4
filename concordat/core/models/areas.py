from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from concordat.core import geography

from .organisations import Organisation


class Region(models.TextChoices):
    NATIONAL = "national", "England (national)"
    NORTH_EAST_AND_YORKSHIRE = "north-east-and-yorkshire", "North East and Yorkshire"
    NORTH_WEST = "north-west", "North West"
    MIDLANDS = "midlands", "Midlands"
    EAST_OF_ENGLAND = "east-of-england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"


# Fixed pages under /workspace/ and /areas/ that an area's address must not hide.
RESERVED_AREA_SLUGS = frozenset({"review", "reminders", "updates", "questions", "disagreement"})


def validate_area_slug(value):
    if value in RESERVED_AREA_SLUGS:
        raise ValidationError(f"“{value}” is used by a page of the site; choose another address.")


def validate_ons_codes(value):
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError("Give the ONS codes as a list of codes.")
    wrong = geography.unknown_codes(value)
    if wrong:
        raise ValidationError(
            f"{', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} not the ONS code of a "
            "Health and Wellbeing Board area in England (an upper-tier local authority: E06, "
            "E08, E09 or E10 and six digits)."
        )
    if len(set(value)) != len(value):
        raise ValidationError("Each ONS code can be given once.")


class Area(models.Model):
    """A local Concordat group and the place it covers; the national plan's area is England."""

    class Kind(models.TextChoices):
        NATIONAL = "national", "National"
        OVERARCHING = "overarching", "Overarching group"
        LOCAL = "local", "Local group"

    name = models.CharField("name", max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, validators=[validate_area_slug])
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.LOCAL)
    parent = models.ForeignKey(
        "self",
        verbose_name="overarching group",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The overarching group this local group reports into.",
    )
    region = models.CharField("region", max_length=40, choices=Region.choices, blank=True)
    hwb_areas = models.JSONField(
        "Health and Wellbeing Board areas",
        default=list,
        blank=True,
        help_text="The Health and Wellbeing Board areas the group covers.",
    )
    ons_codes = models.JSONField(
        "ONS codes",
        default=list,
        blank=True,
        validators=[validate_ons_codes],
        help_text="ONS codes of the Health and Wellbeing Board areas (upper-tier local "
        "authorities) the group covers, in whole or in part: E10000012, E06000034.",
    )
    population = models.PositiveIntegerField(
        "population",
        null=True,
        blank=True,
        help_text="Residents of the area covered, for figures per 100,000 residents.",
    )
    population_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the population figure is for."
    )
    # The declaration.
    declaration_date = models.DateField("declaration date", null=True, blank=True)
    declaration_text = models.CharField(
        "declaration date as written",
        max_length=200,
        blank=True,
        help_text="The declaration's date as the source gives it (December 2014), or that it "
        "was signed where no date is given.",
    )
    declaration_signatories = models.ManyToManyField(
        Organisation,
        verbose_name="declaration signatories",
        blank=True,
        related_name="declarations_signed",
    )
    # Organisations working with the area; their national signatory editors may update
    # the actions they lead here.
    partners = models.ManyToManyField(
        Organisation, verbose_name="partners", blank=True, related_name="partner_areas"
    )
    # Governance.
    governance = models.TextField(
        "governance", blank=True, help_text="How the plan is governed locally."
    )
    accountable_boards = models.TextField(
        "accountable boards", blank=True, help_text="The boards the group reports to (one a line)."
    )
    srg_link = models.TextField(
        "link to the System Resilience Group",
        blank=True,
        help_text="How the group links in.",
    )
    urgent_care_network_link = models.TextField(
        "link to the urgent and emergency care network",
        blank=True,
    )
    chair = models.CharField("chair", max_length=200, blank=True)
    project_manager = models.CharField("project manager", max_length=200, blank=True)
    review_cycle_months = models.PositiveSmallIntegerField(
        "review cycle (months)",
        default=6,
        help_text="Months between publishing the plan and its review.",
    )
    website = models.URLField("website", blank=True)
    approve_updates_first = models.BooleanField(
        "approve progress updates first",
        default=False,
        help_text="Progress updates written by the area's members wait for the area lead's "
        "approval before they are public.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:area", args=[self.slug])

    @property
    def board_areas(self):
        """The board areas the group covers, as (ONS code, name), in the order given."""
        return [(code, geography.name_of(code)) for code in self.ons_codes]

    @property
    def declared(self):
        """A declaration is recorded: with a date, or as signed where no date is known."""
        return self.declaration_date is not None or bool(self.declaration_text)

    @property
    def is_national(self):
        return self.kind == self.Kind.NATIONAL
