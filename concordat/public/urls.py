from django.urls import path

from . import static_pages
from .views import areas, figures, home, organisations, plans, reports, versions

app_name = "public"

area = "areas/<slug:slug>/"

urlpatterns = [
    path("", home.home, name="home"),
    path("areas/", areas.area_list, name="areas"),
    path("areas.csv", areas.area_list_csv, name="areas_csv"),
    path("areas/map/", areas.area_map, name="area_map"),
    path("about-these-figures/", figures.about_figures, name="about_figures"),
    path(area, areas.area_detail, name="area"),
    path(f"{area}plan/", plans.plan, name="plan"),
    path(f"{area}plan.csv", plans.plan_csv, name="plan_csv"),
    path(f"{area}plan/actions/<str:ref>/", plans.action_detail, name="action"),
    path(f"{area}plan/versions/", versions.version_list, name="plan_versions"),
    path(f"{area}plan/versions/<int:number>/", versions.version_detail, name="plan_version"),
    path(f"{area}plan/compare/", versions.compare, name="plan_compare"),
    path(f"{area}reports/", reports.report_list, name="reports"),
    path(f"{area}reports/<int:pk>/", reports.report_detail, name="report"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/<slug:slug>/", organisations.organisation_detail, name="organisation"),
    *static_pages.urlpatterns,
]
