"""Submission and review: the lead submits, the office returns with comments, the area
replies, the lead submits again, the office publishes and the public pages show it at once.
Progress reports and the national plan follow the same path."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from concordat.core.models import AuditEntry, PlanVersion
from concordat.core.quality import check_minimum_expectations
from concordat.core.services import action_update
from concordat.core.signals import plan_version_published, progress_report_published
from concordat.imports.parsed import ParsedPlan
from concordat.reports.models import ProgressReport
from concordat.reports.services import progress_report_create
from concordat.workspace.models import Submission, SubmissionComment
from concordat.workspace.services import submission_submit_version

from .helpers import words
from .test_action_editing import edit_data

pytestmark = pytest.mark.django_db


def test_submit_return_reply_resubmit_publish(
    client, world, area_editor, area_lead, office_user, django_capture_on_commit_callbacks
):
    # The editor changes an action: a draft (Version 2) starts.
    client.force_login(area_editor)
    one = world.action("1.1")
    client.post(
        f"/workspace/riverside/actions/{one.pk}/edit/",
        edit_data(one, text="Agree a crisis plan for people of all ages"),
    )

    # The lead sends it, with a note; the review page shows what the system checked.
    client.force_login(area_lead)
    page = words(client.get("/workspace/riverside/submit/"))
    assert "Every Concordat section has actions Not met No actions in sections 4, 5." in page
    assert "1 action changed" in page
    response = client.post("/workspace/riverside/submit/", {"note": "Refreshed after the board"})
    submission = Submission.objects.get()
    assert response["Location"] == f"/workspace/riverside/submissions/{submission.pk}/"
    assert (submission.kind, submission.state, submission.submitted_by) == (
        "plan",
        "waiting",
        area_lead,
    )
    version = PlanVersion.objects.get(number=2)
    assert version.state == PlanVersion.State.SUBMITTED
    assert "cannot be changed until it is published or returned" in words(
        client.get("/workspace/riverside/")
    )
    # Nobody can edit it while it is being reviewed.
    with pytest.raises(ValidationError, match="waiting for review"):
        action_update(action=world.current("2.1"), actor=area_editor, subtheme="Cafés")

    # The office sees it in the queue and reviews it.
    client.force_login(office_user)
    queue = words(client.get("/workspace/review/"))
    assert "Riverside Version 2 of the action plan" in queue
    review = client.get(f"/workspace/review/{submission.pk}/")
    text = words(review)
    assert "Note from the area, lead@riverside.test.example" in text
    assert "Refreshed after the board" in text
    assert "Children and young people are included (all ages) Met" in text
    assert "1.1 Agree a crisis plan for people of all ages" in text
    assert "Mental health support through NHS 111 Not met" in text
    assert "Nothing in the plan shows this." in text
    # Each changed action with its text before and after.
    assert "1 action changed" in text
    assert (
        "Action 1.1, changed Text before Agree a crisis plan for children and young people "
        "Text after Agree a crisis plan for people of all ages" in text
    )
    # Each check has its confirm box beside its evidence, inside the one form.
    page = review.content.decode()
    card = page[page.index('id="check-children_and_young_people"') :]
    card = card[: card.index('class="govuk-summary-card"', 10)]
    assert "Evidence (1)" in card
    assert 'name="confirmed" type="checkbox" value="children_and_young_people"' in card
    assert page.index('<form method="post"') < page.index('id="check-nhs_111"')

    # Returning needs comments.
    refused = client.post(f"/workspace/review/{submission.pk}/", {"decision": "return"})
    assert refused.status_code == 400
    assert "Say what the area needs to change before it is published" in words(refused)
    client.post(
        f"/workspace/review/{submission.pk}/",
        {"decision": "return", "comments": "Add actions for sections 4 and 5."},
    )
    submission.refresh_from_db()
    version.refresh_from_db()
    assert (submission.state, submission.decided_by) == ("returned", office_user)
    assert version.state == PlanVersion.State.DRAFT

    # The area sees the comments and replies.
    client.force_login(area_editor)
    page = words(client.get(f"/workspace/riverside/submissions/{submission.pk}/"))
    assert "Returned by the Concordat office, office@test.example" in page
    assert "Add actions for sections 4 and 5." in page
    assert "Reply to the Concordat office" in page
    client.post(
        f"/workspace/riverside/submissions/{submission.pk}/reply/",
        {"body": "Section 4 and 5 actions are in the Version 3 work plan."},
    )
    reply = SubmissionComment.objects.get(kind="reply")
    assert (reply.submission, reply.author, reply.body) == (
        submission,
        area_editor,
        "Section 4 and 5 actions are in the Version 3 work plan.",
    )

    # The lead sends it again: a second round, with the first kept.
    client.force_login(area_lead)
    client.post("/workspace/riverside/submit/", {"note": ""})
    second = Submission.objects.get(state="waiting")
    assert second.pk != submission.pk

    client.force_login(office_user)
    review = words(client.get(f"/workspace/review/{second.pk}/"))
    assert "Earlier round, sent" in review
    not_met = sum(not check.passed for check in check_minimum_expectations(version=version))
    assert not_met == 7
    assert f"{not_met} are not met: publishing needs a reason" in review
    # Publishing while checks are not met asks for a reason; nothing is published without.
    decision = {"decision": "publish", "comments": "", "confirmed": ["children_and_young_people"]}
    refused = client.post(f"/workspace/review/{second.pk}/", decision)
    assert refused.status_code == 400
    assert "Why publish although 7 checks are not met?" in words(refused)
    assert (
        "Error: Say why you are publishing although 7 minimum expectations are not met."
        in words(refused)
    )
    assert 'href="#id_not_met_reason"' in refused.content.decode()
    assert 'value="children_and_young_people" checked' in refused.content.decode()
    version.refresh_from_db()
    assert version.state == PlanVersion.State.SUBMITTED
    reason = "The group agreed the missing sections with the board; due in Version 3."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/workspace/review/{second.pk}/", {**decision, "not_met_reason": reason}
        )
    assert response.status_code == 302
    second.refresh_from_db()
    version.refresh_from_db()
    assert second.state == "published"
    assert version.state == PlanVersion.State.PUBLISHED
    confirmed = {check["key"]: check["confirmed"] for check in second.checklist}
    assert confirmed["children_and_young_people"] is True
    assert confirmed["nhs_111"] is False
    assert "Riverside: Version 2 of the action plan has been published." in words(
        client.get("/workspace/review/")
    )
    # The reason is in the audit and shown to the area with the submission.
    entry = AuditEntry.objects.get(verb="published with checks not met")
    assert (entry.note, entry.actor, entry.version) == (reason, office_user, version)
    assert entry.after.startswith("Not met: ") and entry.after.count("; ") == 6
    client.force_login(area_editor)
    seen = words(client.get(f"/workspace/riverside/submissions/{second.pk}/"))
    assert "Published with checks not met: the office's reason, office@test.example" in seen
    assert reason in seen
    assert "Mental health support through NHS 111: not met" in seen
    client.force_login(office_user)

    # The public pages show it at once.
    public = words(client.get("/areas/riverside/plan/"))
    assert "Agree a crisis plan for people of all ages" in public
    assert "children and young people" not in public
    versions = words(client.get("/areas/riverside/plan/versions/"))
    assert "Version 2" in versions and "Version 1" in versions


def test_publishing_sends_the_signal_the_search_and_downloads_listen_to(
    world, area_editor, area_lead, office_user, django_capture_on_commit_callbacks
):
    from concordat.workspace.services import submission_publish

    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    submission = submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    received = []

    def listener(sender, version, **kwargs):
        received.append(version.number)

    plan_version_published.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            submission_publish(submission=submission, actor=office_user, not_met_reason="Agreed")
    finally:
        plan_version_published.disconnect(listener)
    assert received == [2]


def test_the_lead_can_withdraw_a_submission_before_the_office_decides(
    client, world, area_editor, area_lead
):
    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    submission = submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    client.force_login(area_lead)
    client.post(f"/workspace/riverside/submissions/{submission.pk}/withdraw/")
    submission.refresh_from_db()
    assert submission.state == "withdrawn"
    assert world.current("1.1").version.state == PlanVersion.State.DRAFT
    assert AuditEntry.objects.filter(verb="withdrew").exists()
    response = client.post(f"/workspace/riverside/submissions/{submission.pk}/withdraw/")
    assert "no longer waiting for review" in words(client.get(response["Location"]))


def test_the_area_cannot_reply_before_the_office_comments(client, world, area_editor, area_lead):
    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    submission = submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    client.force_login(area_editor)
    assert "Reply to the Concordat office" not in words(
        client.get(f"/workspace/riverside/submissions/{submission.pk}/")
    )
    response = client.post(
        f"/workspace/riverside/submissions/{submission.pk}/reply/", {"body": "Early reply"}
    )
    assert response.status_code == 400
    assert "The Concordat office has not commented on this submission yet." in words(response)
    assert not SubmissionComment.objects.filter(kind="reply").exists()


def test_a_submission_decided_once_cannot_be_decided_again(
    client, world, area_editor, area_lead, office_user
):
    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    submission = submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    client.force_login(office_user)
    client.post(
        f"/workspace/review/{submission.pk}/", {"decision": "publish", "not_met_reason": "Agreed"}
    )
    response = client.post(
        f"/workspace/review/{submission.pk}/", {"decision": "return", "comments": "Too late"}
    )
    assert response.status_code == 400
    assert "This submission is no longer waiting for review: it was published." in words(response)


def test_there_is_nothing_to_submit_without_a_draft(client, world, area_lead):
    client.force_login(area_lead)
    response = client.get("/workspace/riverside/submit/")
    assert response.status_code == 302
    assert "There is no draft of the plan to send for publication." in words(
        client.get(response["Location"])
    )


def make_report(area, actor):
    return progress_report_create(
        area=area,
        actor=actor,
        title="Riverside progress report, January 2016",
        sections=[("narrative", "Narrative", "The crisis café opened in December.")],
        overall_status=ProgressReport.OverallStatus.WORK_PROGRESSING,
        period_start=date(2015, 7, 1),
        period_end=date(2015, 12, 31),
    )


def test_a_progress_report_goes_through_the_same_queue(
    client, world, area_lead, office_user, django_capture_on_commit_callbacks
):
    report = make_report(world.area, area_lead)
    client.force_login(area_lead)
    area_page = words(client.get("/workspace/riverside/"))
    assert "Send “Riverside progress report, January 2016” for publication" in area_page
    client.post(f"/workspace/riverside/submit/report/{report.pk}/")
    submission = Submission.objects.get()
    assert (submission.kind, submission.report, submission.submitted_by) == (
        "report",
        report,
        area_lead,
    )

    client.force_login(office_user)
    assert "Progress report: Riverside progress report, January 2016" in words(
        client.get("/workspace/review/")
    )
    review = words(client.get(f"/workspace/review/{submission.pk}/"))
    # The report's content instead of the checklist and diff.
    assert "The crisis café opened in December." in review
    assert "Work progressing" in review
    assert "minimum expectations" not in review
    client.post(
        f"/workspace/review/{submission.pk}/",
        {"decision": "return", "comments": "Add the section 136 figures."},
    )
    report.refresh_from_db()
    assert report.state == ProgressReport.State.DRAFT

    client.force_login(area_lead)
    client.post(
        f"/workspace/riverside/submissions/{submission.pk}/reply/",
        {"body": "Figures come from the police in March."},
    )
    client.post(f"/workspace/riverside/submit/report/{report.pk}/")
    second = Submission.objects.get(state="waiting")

    received = []

    def listener(sender, report, **kwargs):
        received.append(report.pk)

    progress_report_published.connect(listener)
    client.force_login(office_user)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/workspace/review/{second.pk}/", {"decision": "publish"})
    finally:
        progress_report_published.disconnect(listener)
    report.refresh_from_db()
    assert report.state == ProgressReport.State.PUBLISHED
    assert received == [report.pk]
    assert "The crisis café opened in December." in words(
        client.get(f"/areas/riverside/reports/{report.pk}/")
    )
    assert SubmissionComment.objects.filter(submission=submission, kind="reply").exists()


def test_a_report_submitted_from_the_reports_pages_joins_the_queue(
    client, world, area_lead, office_user
):
    report = make_report(world.area, area_lead)
    client.force_login(area_lead)
    client.post(reverse("reports_workspace:report_submit", args=[world.area.slug, report.pk]))
    submission = Submission.objects.get()
    assert (submission.kind, submission.state, submission.submitted_by_name) == (
        "report",
        "waiting",
        "lead@riverside.test.example",
    )
    client.force_login(office_user)
    assert "Progress report: Riverside progress report, January 2016" in words(
        client.get("/workspace/review/")
    )


def test_the_national_plan_signatory_editors_update_and_the_office_publishes(
    client, world, signatory_editor, office_user
):
    client.force_login(signatory_editor)
    led = world.action("1.1", world.national_v1)
    client.post(
        "/workspace/england/updates/",
        {"on": "3/3/2016", f"note_{led.identity_id}": "Guidance published in February"},
    )
    # Public at once: no draft, nothing for the office to publish.
    assert not PlanVersion.objects.filter(plan__area=world.national, state="draft").exists()
    assert "Guidance published in February" in words(client.get("/areas/england/plan/actions/1.1/"))
    assert client.get("/workspace/england/submit/").status_code == 403
    assert not Submission.objects.filter(area=world.national).exists()


def test_discarding_a_returned_draft_keeps_the_review_and_the_reply(
    client, world, area_editor, area_lead, office_user
):
    from concordat.workspace.services import submission_reply, submission_return

    action_update(action=world.action("1.1"), actor=area_editor, subtheme="Children")
    submission = submission_submit_version(version=world.current("1.1").version, actor=area_lead)
    submission_return(submission=submission, actor=office_user, comments="Start again")
    submission_reply(submission=submission, actor=area_lead, body="We will")
    client.force_login(area_lead)
    client.post("/workspace/riverside/discard/")
    assert not PlanVersion.objects.filter(state="draft").exists()
    submission.refresh_from_db()
    assert (submission.version, submission.title, submission.state) == (
        None,
        "Version 2 of the action plan",
        "returned",
    )
    page = words(client.get(f"/workspace/riverside/submissions/{submission.pk}/"))
    assert "What was sent has since been discarded by the area." in page
    assert "Start again" in page and "We will" in page
    client.force_login(office_user)
    review = words(client.get(f"/workspace/review/{submission.pk}/"))
    assert "Review: Version 2 of the action plan" in review
    assert "Start again" in review


def test_the_review_shows_each_added_dropped_and_changed_action_before_and_after(
    client, world, area_lead, office_user, organisation
):
    """An imported refresh: 1.1 reworded, 3.1 dropped, 4.1 added with a progress note."""
    from dataclasses import replace

    from concordat.core.services import plan_version_import

    from .conftest import riverside_actions

    old = {action.ref: action for action in riverside_actions(organisation, date.today())}
    refreshed = [
        replace(old["1.1"], text="Agree a crisis plan for every age"),
        old["1.2"],
        old["2.1"],
        replace(
            old["3.1"],
            row=5,
            ref="4.1",
            ref_raw="4.1",
            section=4,
            text="Set up a crisis line for carers",
            progress="Carers' forum asked for it in March.",
        ),
    ]
    draft = plan_version_import(
        area=world.area, actor=None, parsed=ParsedPlan(title="Refreshed", actions=refreshed)
    )
    submission = submission_submit_version(version=draft, actor=area_lead)
    client.force_login(office_user)
    text = words(client.get(f"/workspace/review/{submission.pk}/"))
    assert "1 action added 1 action dropped 1 action changed 2 actions unchanged" in text
    assert (
        "Action 4.1, added Text before Not in Version 1 Text after Set up a crisis line for "
        "carers Timescale Next year Lead Council" in text
    )
    assert (
        "Action 3.1, dropped Text before Review the place of safety Text after Not in "
        "Version 2" in text
    )
    assert (
        "Action 1.1, changed Text before Agree a crisis plan for children and young people "
        "Text after Agree a crisis plan for every age" in text
    )
    assert (
        "Progress notes imported with it (1) These notes came in the plan's document and are "
        "public when it is published. Action 4.1 Carers' forum asked for it in March." in text
    )
