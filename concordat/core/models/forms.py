from django.db import models
from django.utils import timezone


class SubmittedForm(models.Model):
    """A form post that was acted on, known by the one-time token its page carried.

    `concordat.core.middleware.OncePerFormMiddleware` records the token in the same transaction
    as whatever the post saved, so a second post of the same page (a double click, a resend
    after a slow answer, four tabs at once) finds it and is not acted on again: it is sent
    where the first one went. Rows older than a week are deleted by `purge_form_tokens`.
    """

    token = models.CharField(max_length=64, primary_key=True)
    path = models.CharField(max_length=300)
    # Where the first answer sent the person (its redirect), so a repeat goes there too.
    location = models.CharField(max_length=1000, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"{self.path} at {self.submitted_at:%Y-%m-%d %H:%M}"
