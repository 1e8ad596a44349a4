"""Form posts acted on once: the one-time token every saving form carries.

A page's form carries `{% form_token %}`, a random token. `OncePerFormMiddleware` runs the
view of a post that carries one inside a transaction that also records the token
(`SubmittedForm`). A second post with the same token waits for the first to finish (the
database's unique key makes it), finds the token recorded, and is sent where the first went
with a note that it was already saved. If the first post failed (an error page, a refused
form, an exception) its transaction is rolled back with everything it wrote, the token is
free, and the repeat is handled as new.
"""

import re
import secrets
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

FIELD = "form_token"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
ALREADY_SAVED = "This form had already been sent, so it was not saved a second time."
KEEP_DAYS = 7


def new_token():
    return secrets.token_urlsafe(24)


def posted_token(request):
    """The token a POST carries, if it is well formed."""
    if request.method != "POST":
        return None
    token = request.POST.get(FIELD, "")
    return token if TOKEN.match(token) else None


def handle_once(request, token, get_response):
    """The view's answer to the first post of `token`; the first answer's place for a
    repeat."""
    from .models import SubmittedForm

    with transaction.atomic():
        try:
            with transaction.atomic():
                claim = SubmittedForm.objects.create(token=token, path=request.path[:300])
        except IntegrityError:
            first = SubmittedForm.objects.filter(token=token).first()
            return _repeat(request, first)
        response = get_response(request)
        if response.status_code >= 400:
            # Refused or failed: nothing it did is kept, and the token may be used again.
            transaction.set_rollback(True)
        elif response.has_header("Location"):
            claim.location = response["Location"][:1000]
            claim.save(update_fields=["location"])
        return response


def _repeat(request, first):
    messages.info(request, ALREADY_SAVED)
    location = first.location if first is not None else ""
    if location and url_has_allowed_host_and_scheme(
        location, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(location, status=303)
    return render(request, "form_already_sent.html", {"path": request.path}, status=409)


def purge(*, now=None, days=KEEP_DAYS):
    """Forget tokens older than `days`; returns how many."""
    from .models import SubmittedForm

    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _ = SubmittedForm.objects.filter(submitted_at__lt=cutoff).delete()
    return deleted
