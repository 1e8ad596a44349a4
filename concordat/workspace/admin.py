from django.contrib import admin

from .models import Reminder, ReminderPreference, Submission, SubmissionComment


class SubmissionCommentInline(admin.TabularInline):
    model = SubmissionComment
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "body", "author", "author_name", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["area", "kind", "state", "submitted_at", "submitted_by_name", "decided_at"]
    list_filter = ["kind", "state"]
    search_fields = ["area__name", "submitted_by_name", "decided_by_name"]
    readonly_fields = [field.name for field in Submission._meta.fields]
    inlines = [SubmissionCommentInline]


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "review_due",
        "review_overdue",
        "actions_overdue",
        "actions_stale",
        "office_digest",
    ]
    search_fields = ["user__email"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "recipient", "subject_key", "period", "state", "sent_at"]
    list_filter = ["kind", "state"]
    search_fields = ["recipient__email", "subject_key"]
    readonly_fields = [field.name for field in Reminder._meta.fields]
