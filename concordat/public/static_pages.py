"""The site's fixed pages: cookies, accessibility statement, privacy, and the 500 error page."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import path
from django.views.decorators.http import require_safe


def _duration(seconds):
    days = seconds // 86400
    if days and days % 7 == 0:
        weeks = days // 7
        return "1 week" if weeks == 1 else f"{weeks} weeks"
    return "1 day" if days == 1 else f"{days} days"


@require_safe
def cookies(request):
    session_expiry = (
        "when you close your browser"
        if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
        else f"after {_duration(settings.SESSION_COOKIE_AGE)}"
    )
    return render(
        request,
        "pages/cookies.html",
        {
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "session_expiry": session_expiry,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "csrf_expiry": f"after {_duration(settings.CSRF_COOKIE_AGE)}",
        },
    )


@require_safe
def accessibility(request):
    return render(request, "pages/accessibility.html")


@require_safe
def privacy(request):
    return render(request, "pages/privacy.html")


def server_error(request):
    # No request context: context processors may need the database that just failed.
    html = loader.render_to_string("500.html", {"service_name": settings.CONCORDAT_SERVICE_NAME})
    return HttpResponseServerError(html)


urlpatterns = [
    path("cookies/", cookies, name="cookies"),
    path("accessibility-statement/", accessibility, name="accessibility"),
    path("privacy/", privacy, name="privacy"),
]
