from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import AreaMembership, Invitation, Profile, SignatoryEditor

User = get_user_model()


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = ["name", "is_office"]


class AreaMembershipInline(admin.TabularInline):
    model = AreaMembership
    fk_name = "user"
    extra = 0
    fields = ["area", "role", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["area"]


class SignatoryEditorInline(admin.TabularInline):
    model = SignatoryEditor
    fk_name = "user"
    extra = 0
    fields = ["organisation", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["organisation"]


admin.site.unregister(User)


@admin.register(User)
class ConcordatUserAdmin(UserAdmin):
    inlines = [ProfileInline, AreaMembershipInline, SignatoryEditorInline]
    list_display = ["email", "is_active", "is_superuser", "last_login"]
    search_fields = ["email", "username", "concordat_profile__name"]


@admin.register(AreaMembership)
class AreaMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "area", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "area__name"]
    autocomplete_fields = ["user", "area"]
    readonly_fields = ["added_by", "created_at"]


@admin.register(SignatoryEditor)
class SignatoryEditorAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "created_at"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = ["added_by", "created_at"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent from the people pages; here they can only be read."""

    list_display = ["email", "role", "area", "organisation", "created_at", "expires_at"]
    list_filter = ["role"]
    search_fields = ["email"]
    readonly_fields = [f.name for f in Invitation._meta.fields if f.name != "token_hash"]
    exclude = ["token_hash"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
