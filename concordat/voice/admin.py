from django.contrib import admin

from .models import Question, ReviewPanel, Verdict


@admin.register(ReviewPanel)
class ReviewPanelAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "area__name"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Read only: questions move through the services (moderation, reply), which audit."""

    list_display = ["pk", "area", "action_ref", "state", "asked_at", "replied_at"]
    list_filter = ["state", "rejection_reason"]
    exclude = ["token_hash"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    list_display = ["panel", "identity", "rag", "created_at"]
    list_filter = ["rag"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
