from django.contrib import admin

from .models import (
    Action,
    ActionIdentity,
    ActionLead,
    ActionPlan,
    Area,
    AuditEntry,
    NationalRole,
    Organisation,
    PlanVersion,
    ProgressUpdate,
    Section,
)


class FrozenWhenPublishedMixin:
    """Published versions and their actions are shown, never changed."""

    def _published(self, obj):
        return False

    def has_change_permission(self, request, obj=None):
        if obj is not None and self._published(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self._published(obj):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "short_title"]
    search_fields = ["title", "short_title"]


@admin.register(NationalRole)
class NationalRoleAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "summary"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "sector", "national_role"]
    list_filter = ["national_role", "sector"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "parent", "declaration_date", "review_cycle_months"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "slug", "hwb_areas", "chair", "project_manager"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "declaration_signatories", "partners"]


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "area", "created_at"]
    search_fields = ["title", "area__name"]
    autocomplete_fields = ["area"]


@admin.register(PlanVersion)
class PlanVersionAdmin(FrozenWhenPublishedMixin, admin.ModelAdmin):
    list_display = ["plan", "number", "label", "state", "published_at", "review_due"]
    list_filter = ["state", "plan__area__region"]
    search_fields = ["plan__area__name", "title", "label", "source_filename"]
    date_hierarchy = "published_at"
    readonly_fields = ["state", "published_at", "published_by", "submitted_at", "source_sha256"]
    raw_id_fields = ["plan", "based_on", "created_by"]

    def _published(self, obj):
        return obj.is_published


class ActionLeadInline(admin.TabularInline):
    model = ActionLead
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Action)
class ActionAdmin(FrozenWhenPublishedMixin, admin.ModelAdmin):
    list_display = ["ref", "short_text", "version", "section", "canonical_status", "rag", "due"]
    list_filter = ["version__state", "section", "canonical_status", "rag", "ongoing", "new"]
    search_fields = ["ref", "text", "lead", "version__plan__area__name"]
    list_select_related = ["version__plan__area", "section"]
    raw_id_fields = ["version", "identity"]
    inlines = [ActionLeadInline]

    @admin.display(description="Action")
    def short_text(self, obj):
        return obj.text[:80]

    def _published(self, obj):
        return obj.version.is_published


@admin.register(ActionIdentity)
class ActionIdentityAdmin(admin.ModelAdmin):
    list_display = ["uid", "plan", "created_at"]
    search_fields = ["uid", "plan__area__name"]
    raw_id_fields = ["plan"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    """Append-only: updates can be added here but never edited or deleted."""

    list_display = ["identity", "date", "canonical_status", "rag", "author_name", "source"]
    list_filter = ["source", "canonical_status", "rag", "version__state"]
    search_fields = ["note", "author_name", "identity__uid"]
    date_hierarchy = "created_at"
    raw_id_fields = ["identity", "version", "author", "corrects"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "verb", "object_type", "field", "area"]
    list_filter = ["verb", "object_type", "area"]
    search_fields = ["actor_name", "note", "before", "after", "field"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
