from django.db import models
from django.urls import reverse


class Section(models.Model):
    """One of the five groups every Concordat plan is arranged in (data, loaded by migration)."""

    number = models.PositiveSmallIntegerField("number", unique=True)
    title = models.CharField("title", max_length=200)
    short_title = models.CharField("short title", max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"


class NationalRole(models.Model):
    """A national organisation's role in the Concordat: signatory or supporter (seed 002)."""

    SIGNATORY = "signatory"
    SUPPORTER = "supporter"

    key = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    summary = models.TextField(blank=True)
    commitments = models.JSONField(default=list, blank=True, help_text="What the role commits to.")

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.name


class Sector(models.TextChoices):
    NHS_COMMISSIONER = "nhs_commissioner", "NHS commissioner"
    NHS_PROVIDER = "nhs_provider", "NHS provider"
    POLICE = "police", "Police"
    AMBULANCE = "ambulance", "Ambulance service"
    FIRE = "fire", "Fire and rescue"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    VOLUNTARY = "voluntary", "Voluntary sector"
    NATIONAL_BODY = "national_body", "National body"
    GOVERNMENT = "government", "Government department"
    REGULATOR = "regulator", "Regulator"
    PROFESSIONAL_BODY = "professional_body", "Professional body or royal college"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


class Organisation(models.Model):
    name = models.CharField("name", max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    short_name = models.CharField("short name", max_length=40, blank=True)
    aliases = models.JSONField(
        "aliases",
        default=list,
        blank=True,
        help_text="Other names and abbreviations plans use for it.",
    )
    sector = models.CharField("sector", max_length=30, choices=Sector.choices, blank=True)
    national_role = models.ForeignKey(
        NationalRole,
        verbose_name="national role",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField("website", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["national_role", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:organisation", args=[self.slug])

    def names(self):
        """Every name the organisation goes by: used to match leads written in plans."""
        names = [self.name]
        if self.short_name:
            names.append(self.short_name)
        names.extend(alias for alias in self.aliases if alias)
        return names
