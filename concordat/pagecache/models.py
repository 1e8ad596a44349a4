from django.db import models


class Change(models.Model):
    """One write to public data. The publication counter is the number of these ever made:
    rows still here, plus those folded into `Counter.pruned`."""

    at = models.FloatField(help_text="When, in seconds since the epoch.")

    class Meta:
        verbose_name = "public data change"

    def __str__(self):
        return f"Change {self.pk}"


class Counter(models.Model):
    """One row (id 1): the changes pruned from `Change` so far, and when the last of them was."""

    pruned = models.BigIntegerField(default=0)
    pruned_at = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = "publication counter"

    def __str__(self):
        return f"{self.pruned} changes folded"
