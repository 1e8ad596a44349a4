"""Sign-in protection: the client's address, the name django-axes counts failures under, and a
small fixed-window rate limit kept in Django's cache.

With several app servers, give them a shared cache (the counts then add up across servers).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

TOO_MANY_SIGN_INS = (
    "There have been too many attempts to sign in from your connection. "
    "Wait 15 minutes, then try again."
)


def normalise_email(value):
    return (value or "").strip().lower()


def client_ip(request):
    """The client's address. Behind `CONCORDAT_TRUSTED_PROXY_COUNT` proxies it is the entry
    that many places from the right of X-Forwarded-For (entries further left are whatever the
    client chose to send, so they are never trusted)."""
    proxies = settings.CONCORDAT_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def axes_username(request, credentials):
    """django-axes counts failures per account under the lower-cased email address, so
    "Lead@Example.org" and "lead@example.org" share one count."""
    if credentials and credentials.get("username"):
        return normalise_email(credentials["username"])
    return normalise_email(request.POST.get("username"))


def rate_limit_exceeded(scope, key, *, rate):
    """Count one attempt against (scope, key) and say whether it goes past `rate`, a pair
    (attempts allowed, window in seconds). The window starts with the first attempt."""
    limit, window = rate
    digest = hashlib.sha256(str(key).encode()).hexdigest()
    cache_key = f"concordat:rate:{scope}:{digest}"
    if cache.add(cache_key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add() and incr()
            cache.add(cache_key, 1, timeout=window)
            count = 1
    return count > limit


def sign_in_rate_exceeded(request):
    """Count one sign-in attempt from the client's address, on any sign-in page (the site's
    and the admin's share one count), and say whether it is over CONCORDAT_SIGNIN_RATE."""
    return rate_limit_exceeded("sign-in", client_ip(request), rate=settings.CONCORDAT_SIGNIN_RATE)


def too_many_sign_ins(request):
    """The answer to a sign-in attempt over the rate, given before the password is checked."""
    return render(
        request, "registration/too_many_sign_ins.html", {"message": TOO_MANY_SIGN_INS}, status=429
    )
