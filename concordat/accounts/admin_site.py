"""The admin site, with its sign-in held to the same rate limit as the site's own.

`ConcordatAdminConfig` replaces `django.contrib.admin` in INSTALLED_APPS and makes
`ConcordatAdminSite` the default site, so `admin.site` everywhere is this one.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from .security import sign_in_rate_exceeded, too_many_sign_ins


class ConcordatAdminSite(admin.AdminSite):
    def login(self, request, extra_context=None):
        if request.method == "POST" and sign_in_rate_exceeded(request):
            return too_many_sign_ins(request)
        return super().login(request, extra_context)


class ConcordatAdminConfig(AdminConfig):
    default_site = "concordat.accounts.admin_site.ConcordatAdminSite"
