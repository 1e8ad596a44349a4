"""The public's voice in a real browser: asking a question, confirming it, moderating and
answering it, an independent verdict and evidence, each page checked by axe; asking and
moderating also without JavaScript. Screenshots go to $CONCORDAT_SCREENSHOTS if set."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail

from concordat.voice.models import Question
from tests.factories import TEST_PASSWORD
from tests.voice.conftest import add_reviewer, build_world, make_question
from tests.voice.test_evidence import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTION = "/areas/riverside/plan/actions/1.2/"


@pytest.fixture
def world(area, other_area, area_lead, office_user):
    return build_world(area, other_area, area_lead, office_user)


@pytest.fixture
def reviewer(world, office_user):
    return add_reviewer(world, office_user)


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("CONCORDAT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def shoot(page, name):
        target = folder / f"{name}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000

    return shoot


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_ask_moderate_answer_review_and_evidence(
    page,
    axe_check,
    shots,
    world,
    reviewer,
    area_editor,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The public asks.
    page.goto(ACTION)
    page.get_by_role("link", name="Ask a question about this action").click()
    assert page.locator("h1").inner_text() == "Ask a question about action 1.2"
    axe_check(page)
    shots(page, "ask-form")
    page.get_by_role("button", name="Send me a link to confirm").click()
    assert page.title().startswith("Error: ")
    axe_check(page)
    page.get_by_label("Your question").fill("Is the café open at weekends?")
    page.get_by_label("Email address").fill("asker@example.org")
    page.get_by_role("button", name="Send me a link to confirm").click()
    assert page.locator("h1").inner_text() == "Check your email"
    link = re.search(r"https?://[^/]+(/questions/confirm/[^/\s]+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    axe_check(page)
    page.get_by_role("button", name="Confirm and send my question").click()
    assert "Question confirmed" in page.locator("h1").inner_text()
    assert "Is the café open at weekends?" not in page.goto(ACTION).text()

    # The area moderates and answers.
    sign_in(page, area_editor.email)
    page.goto("/workspace/riverside/")
    page.get_by_role("link", name=re.compile("Questions from the public")).click()
    assert page.locator("h1").inner_text() == "Questions from the public"
    axe_check(page)
    shots(page, "moderation-list")
    page.get_by_role("link", name=re.compile("^Moderate")).click()
    axe_check(page)
    shots(page, "moderation-question")
    page.get_by_label(re.compile("The question says nothing")).check()
    page.get_by_role("button", name="Accept the question").click()
    page.get_by_label("The area's reply").fill(
        "Yes: from January it opens on Saturdays, 10 am to 4 pm."
    )
    page.get_by_label(re.compile("The reply says nothing")).check()
    page.get_by_role("button", name="Publish the question and the reply").click()
    assert Question.objects.get().state == "published"

    # Evidence on the update.
    page.goto(f"/workspace/riverside/evidence/{world.update.pk}/")
    axe_check(page)
    page.locator("#id_link-title").fill("Café opening report to the Health and Wellbeing Board")
    page.locator("#id_link-url").fill("https://riverside.example/board/cafe-opening")
    page.get_by_role("button", name="Add the link").click()
    page.locator("#id_file-title").fill("Café timetable")
    page.locator("#id_file-file").set_input_files(
        files=[{"name": "timetable.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.get_by_role("button", name="Add the file").click()
    assert page.locator(".govuk-list--bullet li").count() == 2
    sign_out(page)

    # The panel's verdict.
    sign_in(page, reviewer.email)
    page.get_by_role("link", name=re.compile("your verdicts on Riverside")).click()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Give a verdict.*action 1.2")).click()
    page.get_by_label("Amber").check()
    page.get_by_label("Your note").fill("Open two days a week, not the seven promised")
    axe_check(page)
    page.get_by_role("button", name="Publish the verdict").click()
    sign_out(page)

    # What the public sees.
    page.goto(ACTION)
    text = " ".join(page.locator("main").inner_text().split())
    assert "Is the café open at weekends?" in text
    assert "Yes: from January it opens on Saturdays" in text
    assert "Area: Green · Riverside lived-experience panel: Amber" in text
    assert "Open two days a week, not the seven promised" in text
    assert "Verdicts disagree" in text
    assert "Café opening report to the Health and Wellbeing Board" in text
    assert "Complete, no evidence given" not in text
    axe_check(page)
    shots(page, "action-page")
    page.goto("/areas/disagreement/")
    axe_check(page)


def test_asking_and_moderating_work_without_javascript(no_js_page, world, area_lead):
    page = no_js_page
    page.goto("/areas/riverside/plan/actions/1.1/ask/")
    page.get_by_label("Your question").fill("When will the line be open all night?")
    page.get_by_label("Email address").fill("asker@example.org")
    page.get_by_role("button", name="Send me a link to confirm").click()
    assert page.locator("h1").inner_text() == "Check your email"
    link = re.search(r"https?://[^/]+(/questions/confirm/[^/\s]+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Confirm and send my question").click()
    sign_in(page, area_lead.email)
    question = Question.objects.get()
    page.goto(f"/workspace/riverside/questions/{question.pk}/")
    page.get_by_label("It is not about this action or report").check()
    page.get_by_role("button", name="Reject the question").click()
    assert page.locator("h1").inner_text() == "Questions from the public"
    question.refresh_from_db()
    assert (question.state, question.rejection_reason) == ("rejected", "off_topic")
    assert "It is not about this action or report" in mail.outbox[-1].body


def test_unanswered_questions_on_the_area_page_pass_axe(page, axe_check, world):
    make_question(world, body="Old", state="accepted", days_ago=45)
    page.goto("/areas/riverside/")
    assert page.get_by_role("heading", name=re.compile("unanswered for more than 20")).is_visible()
    axe_check(page)
