from django.contrib import admin

from .models import Metric, MetricValue, Milestone, ProgressReport, ReportSection


@admin.register(Metric)
class MetricAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "unit",
        "better",
        "period",
        "aggregation",
        "is_never_event",
        "area",
        "maps_to",
    ]
    list_filter = ["kind", "better", "period", "aggregation", "is_never_event"]
    autocomplete_fields = ["maps_to"]
    search_fields = ["name", "slug", "description", "source_text"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(MetricValue)
class MetricValueAdmin(admin.ModelAdmin):
    list_display = ["metric", "area", "period_start", "period_end", "value"]
    list_filter = ["metric", "area__region"]
    search_fields = ["metric__name", "area__name", "note"]
    date_hierarchy = "period_start"
    raw_id_fields = ["area", "entered_by"]


class ReportSectionInline(admin.StackedInline):
    model = ReportSection
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "period_label", "overall_status", "state", "published_at"]
    list_filter = ["state", "overall_status", "area__region"]
    search_fields = ["title", "area__name", "authors", "project_manager"]
    readonly_fields = [
        "state",
        "published_at",
        "published_by",
        "source_sha256",
        "drafted_from",
        "data_snapshot",
    ]
    inlines = [ReportSectionInline, MilestoneInline]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)
