"""The workspace, under /workspace/. The importer (<slug>/import/…) and the reports and
metrics pages (<slug>/reports/…, <slug>/metrics/…) have their own URL modules."""

from django.urls import path

from .views import actions, area, home, moderation, reminders, review, updates

app_name = "workspace"

area_path = "<slug:slug>/"
action_path = f"{area_path}actions/<int:pk>/"

urlpatterns = [
    path("", home.home, name="home"),
    path("review/", review.review_queue, name="review_queue"),
    path("review/<int:pk>/", review.review, name="review"),
    path("reminders/", reminders.preferences, name="reminders"),
    path("updates/", moderation.national_updates, name="national_updates"),
    path("updates/<int:pk>/withdraw/", moderation.withdraw_update, name="withdraw_update"),
    path(area_path, home.area, name="area"),
    path(f"{area_path}actions/new/", actions.action_add, name="action_add"),
    path(action_path, actions.action_detail, name="action"),
    path(f"{action_path}edit/", actions.action_edit, name="action_edit"),
    path(f"{action_path}retire/", actions.action_retire_view, name="action_retire"),
    path(f"{action_path}progress/", updates.action_progress, name="action_progress"),
    path(f"{area_path}order/", actions.order, name="order"),
    path(f"{area_path}order/move/", actions.order_move, name="order_move"),
    path(f"{area_path}updates/", updates.update_round, name="update_round"),
    path(f"{area_path}updates/approval/", moderation.approvals, name="approvals"),
    path(
        f"{area_path}updates/approval/setting/",
        moderation.approval_setting,
        name="approval_setting",
    ),
    path(
        f"{area_path}updates/approval/<int:pk>/",
        moderation.approval_decide,
        name="approval_decide",
    ),
    path(f"{area_path}details/", area.details, name="details"),
    path(f"{area_path}place/", area.place, name="place"),
    path(f"{area_path}history/", area.history, name="history"),
    path(f"{area_path}changes/", area.changes, name="changes"),
    path(f"{area_path}submit/", review.submit, name="submit"),
    path(f"{area_path}submit/report/<int:pk>/", review.submit_report, name="submit_report"),
    path(f"{area_path}discard/", review.discard, name="discard"),
    path(f"{area_path}submissions/<int:pk>/", review.submission, name="submission"),
    path(
        f"{area_path}submissions/<int:pk>/reply/",
        review.submission_reply,
        name="submission_reply",
    ),
    path(
        f"{area_path}submissions/<int:pk>/withdraw/",
        review.submission_withdraw,
        name="submission_withdraw",
    ),
]
