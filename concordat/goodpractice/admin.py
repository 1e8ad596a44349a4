from django.contrib import admin

from .models import GoodPractice


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    """Marks are made, featured and withdrawn on the site, through the audited services."""

    list_display = ["__str__", "kind", "area", "section", "theme", "featured", "marked_at"]
    list_filter = ["kind", "featured", "section", "area"]
    search_fields = ["reason", "theme", "area__name"]
    date_hierarchy = "marked_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
