"""Asking, confirming, moderating and answering questions: the pages and the services."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from concordat.core.models import AuditEntry
from concordat.voice import services
from concordat.voice.models import Question

from .conftest import make_question

ASK = "/areas/riverside/plan/actions/1.1/ask/"
ACTION = "/areas/riverside/plan/actions/1.1/"


def _confirm_path(message):
    return re.search(r"https?://[^/]+(/questions/confirm/[^/\s]+/)", message.body).group(1)


def test_action_page_links_to_the_ask_form(client, world):
    response = client.get(ACTION)
    assert response.status_code == 200
    assert f'href="{ASK}"' in response.content.decode()


def test_anonymous_question_waits_for_the_emailed_link(client, world):
    response = client.post(
        ASK, {"body": "When will the line open at night?", "email": "Ann@Example.org"}
    )
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    question = Question.objects.get()
    assert question.state == Question.State.UNCONFIRMED
    assert question.email == "ann@example.org"
    assert question.asked_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ann@example.org"]
    path = _confirm_path(mail.outbox[0])
    # Opening the link confirms nothing (mail scanners open links); the button does.
    page = client.get(path)
    assert page.status_code == 200
    assert "Confirm and send my question" in page.content.decode()
    question.refresh_from_db()
    assert question.state == Question.State.UNCONFIRMED
    confirmed = client.post(path)
    assert confirmed.status_code == 200
    question.refresh_from_db()
    assert question.state == Question.State.WAITING
    assert question.asked_at is not None
    assert mail.outbox[1].subject == "We have your question"
    # Confirming again changes nothing and sends nothing more.
    client.post(path)
    assert len(mail.outbox) == 2
    assert list(
        AuditEntry.objects.filter(object_type="question").values_list("verb", "actor_name")
    ) == [
        ("confirmed question", "a member of the public"),
        ("asked question", "a member of the public"),
    ]


def test_unknown_confirmation_link_is_404(client, world):
    assert client.get("/questions/confirm/not-a-token/").status_code == 404
    assert client.post("/questions/confirm/not-a-token/").status_code == 404


def test_signed_in_question_goes_straight_to_moderation(client, world, outsider):
    client.force_login(outsider)
    response = client.post(ASK, {"body": "Is the line staffed by nurses?"})
    assert response.status_code == 200
    assert "Question received" in response.content.decode()
    question = Question.objects.get()
    assert question.state == Question.State.WAITING
    assert question.asker == outsider
    assert question.email == outsider.email
    assert [m.subject for m in mail.outbox] == ["We have your question"]


def test_html_is_removed_from_a_question(client, world, outsider):
    client.force_login(outsider)
    client.post(
        ASK,
        {"body": "<script>alert(1)</script><b>Why</b> is it <a href='x'>late</a>? 5 &lt; 6"},
    )
    assert Question.objects.get().body == "Why is it late? 5 < 6"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": "", "email": "a@example.org"}, "Enter your question"),
        ({"body": "Why?", "email": ""}, "Enter your email address"),
        ({"body": "Why?", "email": "not an address"}, "Enter an email address like"),
        ({"body": "x" * 2001, "email": "a@example.org"}, "Keep your question to 2,000"),
        ({"body": "<p></p>", "email": "a@example.org"}, "Enter your question."),
    ],
)
def test_bad_questions_are_refused_and_nothing_saved(client, world, data, message):
    response = client.post(ASK, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()
    assert not mail.outbox


def test_questions_only_about_published_actions_and_reports(client, world):
    assert client.get("/areas/riverside/plan/actions/9.9/ask/").status_code == 404
    assert client.get("/areas/nowhere/plan/actions/1.1/ask/").status_code == 404
    assert client.get("/areas/riverside/reports/999999/ask/").status_code == 404


def test_a_question_about_a_progress_report(client, world, outsider):
    path = f"/areas/riverside/reports/{world.report.pk}/ask/"
    client.force_login(outsider)
    assert client.get(path).status_code == 200
    client.post(path, {"body": "How many people used the café?"})
    question = Question.objects.get()
    assert question.report == world.report
    assert question.identity is None
    report_page = client.get(f"/areas/riverside/reports/{world.report.pk}/")
    assert f'href="{path}"' in report_page.content.decode()


@override_settings(CONCORDAT_QUESTIONS_RATE=(2, 3600))
def test_questions_are_rate_limited_per_connection(client, world):
    for n in range(2):
        response = client.post(ASK, {"body": f"Question {n}", "email": f"a{n}@example.org"})
        assert response.status_code == 200
    response = client.post(ASK, {"body": "Question 3", "email": "a3@example.org"})
    assert response.status_code == 429
    assert "Too many questions" in response.content.decode()
    assert Question.objects.count() == 2


@override_settings(CONCORDAT_QUESTIONS_PER_EMAIL_RATE=(1, 86400))
def test_questions_are_rate_limited_per_address(client, world):
    assert client.post(ASK, {"body": "One", "email": "same@example.org"}).status_code == 200
    response = client.post(ASK, {"body": "Two", "email": "SAME@example.org"})
    assert response.status_code == 429
    assert Question.objects.count() == 1


# Moderation ---------------------------------------------------------------------------------


def _path(question):
    return f"/workspace/riverside/questions/{question.pk}/"


def test_moderation_page_works_for_the_area_and_the_office(client, world, area_editor, office_user):
    waiting = make_question(world, body="WAITING-TEXT", state="waiting")
    accepted = make_question(world, body="ACCEPTED-TEXT", state="accepted")
    make_question(world, body="UNCONFIRMED-TEXT", state="unconfirmed")
    for user in (area_editor, office_user):
        client.force_login(user)
        response = client.get("/workspace/riverside/questions/")
        assert response.status_code == 200
        page = response.content.decode()
        assert "Waiting for moderation (1)" in page
        assert "Accepted, waiting for the reply (1)" in page
        assert "WAITING-TEXT" in page and "ACCEPTED-TEXT" in page
        assert "UNCONFIRMED-TEXT" not in page
        assert _path(waiting) in page and _path(accepted) in page


def test_moderation_pages_refuse_outsiders(client, world, outsider, other_area_editor):
    question = make_question(world, body="Q", state="waiting")
    for user in (outsider, other_area_editor):
        client.force_login(user)
        assert client.get("/workspace/riverside/questions/").status_code == 404
        assert client.get(_path(question)).status_code == 404
        assert (
            client.post(_path(question), {"decision": "reject", "reason": "abuse"}).status_code
            == 404
        )
    client.logout()
    assert client.get("/workspace/riverside/questions/").status_code == 302
    question.refresh_from_db()
    assert question.state == Question.State.WAITING


def test_moderation_pages_refuse_read_only_users(client, world, signatory_editor):
    """A signatory editor sees the area's workspace but moderates nothing."""
    question = make_question(world, body="Q", state="waiting")
    client.force_login(signatory_editor)
    assert client.get("/workspace/riverside/").status_code == 200
    assert client.get("/workspace/riverside/questions/").status_code == 403
    assert client.get(_path(question)).status_code == 403
    response = client.post(_path(question), {"decision": "accept", "no_personal_details": "on"})
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.state == Question.State.WAITING


def test_office_list_of_questions(client, world, office_user, area_lead):
    make_question(world, body="OPEN-ONE", state="waiting")
    make_question(world, body="DONE-ONE", state="published", reply="R")
    client.force_login(office_user)
    response = client.get("/workspace/questions/")
    assert response.status_code == 200
    assert "OPEN-ONE" in response.content.decode()
    assert "DONE-ONE" not in response.content.decode()
    client.force_login(area_lead)
    assert client.get("/workspace/questions/").status_code == 403


def test_accepting_needs_the_personal_details_confirmation(client, world, area_editor):
    question = make_question(world, body="Q", state="waiting")
    client.force_login(area_editor)
    response = client.post(_path(question), {"decision": "accept"})
    assert response.status_code == 400
    assert "Confirm the question holds no personal details" in response.content.decode()
    question.refresh_from_db()
    assert question.state == Question.State.WAITING
    response = client.post(_path(question), {"decision": "accept", "no_personal_details": "on"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.state == Question.State.ACCEPTED
    assert question.moderated_by == area_editor
    # Accepted is still not public.
    assert (
        "Q"
        not in client.get(ACTION)
        .content.decode()
        .split("Questions and answers")[1]
        .split("Ask a question")[0]
    )


def test_rejection_for_personal_details_tells_the_asker_and_deletes_the_text(
    client, world, office_user
):
    question = make_question(world, body="My neighbour John was sectioned", state="waiting")
    client.force_login(office_user)
    response = client.post(_path(question), {"decision": "reject", "reason": "personal_details"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.state == Question.State.REJECTED
    assert question.rejection_reason == "personal_details"
    assert question.body == ""
    assert question.email == ""
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["asker@example.org"]
    assert message.subject == "Your question was not published"
    assert "It gives personal details of a patient or a member of staff" in message.body
    assert "Its text has been deleted" in message.body
    entry = AuditEntry.objects.get(object_type="question", verb="rejected question")
    assert entry.note == "personal_details"
    assert entry.actor == office_user


@pytest.mark.parametrize(
    ("reason", "words"),
    [("abuse", "It is abusive"), ("off_topic", "It is not about this action or report")],
)
def test_rejection_reasons_keep_the_text(client, world, area_lead, reason, words):
    question = make_question(world, body="Keep me", state="waiting")
    client.force_login(area_lead)
    client.post(_path(question), {"decision": "reject", "reason": reason})
    question.refresh_from_db()
    assert question.body == "Keep me"
    assert words in mail.outbox[0].body
    assert "deleted" not in mail.outbox[0].body.split("Your email")[0]


def test_rejection_needs_a_stated_reason(client, world, area_lead):
    question = make_question(world, body="Q", state="waiting")
    client.force_login(area_lead)
    for data in ({"decision": "reject"}, {"decision": "reject", "reason": "boring"}):
        response = client.post(_path(question), data)
        assert response.status_code == 400
        assert "Choose why the question is rejected" in response.content.decode() or (
            "Select a valid choice" in response.content.decode()
        )
    question.refresh_from_db()
    assert question.state == Question.State.WAITING
    assert not mail.outbox


def test_reply_publishes_question_and_reply_together(client, world, area_editor):
    question = make_question(world, body="Why does the line close at 10 pm?", state="accepted")
    client.force_login(area_editor)
    response = client.post(_path(question), {"decision": "reply", "reply": "Funding."})
    assert response.status_code == 400
    assert "Confirm the reply holds no personal details" in response.content.decode()
    response = client.post(
        _path(question),
        {"decision": "reply", "reply": "<b>Funding</b> ends then.", "no_personal_details": "on"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.state == Question.State.PUBLISHED
    assert question.reply == "Funding ends then."
    assert question.email == ""
    assert mail.outbox[-1].subject == "Your question has been answered"
    assert "/areas/riverside/plan/actions/1.1/" in mail.outbox[-1].body
    client.logout()
    page = client.get(ACTION).content.decode()
    assert "Why does the line close at 10 pm?" in page
    assert "Reply from Riverside" in page
    assert "Funding ends then." in page
    assert "asker@example.org" not in page


def test_the_office_moderates_but_does_not_reply(client, world, office_user):
    question = make_question(world, body="Q", state="accepted")
    client.force_login(office_user)
    page = client.get(_path(question)).content.decode()
    assert "Publish the question and the reply" not in page
    response = client.post(
        _path(question), {"decision": "reply", "reply": "R", "no_personal_details": "on"}
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.state == Question.State.ACCEPTED


def test_services_refuse_out_of_order_steps(world, area_lead):
    from django.core.exceptions import ValidationError

    question = make_question(world, body="Q", state="waiting")
    with pytest.raises(ValidationError, match="Only an accepted question can be answered"):
        services.question_reply(
            question=question, actor=area_lead, reply="R", no_personal_details=True
        )
    published = make_question(world, body="P", state="published", reply="R")
    with pytest.raises(ValidationError, match="not waiting for moderation"):
        services.question_accept(question=published, actor=area_lead, no_personal_details=True)
    with pytest.raises(ValidationError, match="not waiting for moderation or a reply"):
        services.question_reject(question=published, actor=area_lead, reason="abuse")
