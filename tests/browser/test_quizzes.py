"""Knowledge checks in the browser: fail, retry, pass; marking; question analysis; axe."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from learning.models import Role
from modules.quizzes.choices import QuestionType
from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in
from tests.factories import MembershipFactory
from tests.quizzes.factories import module_page, quiz_with_questions
from tests.quizzes.helpers import take

pytestmark = BROWSER_DB


def answer(page, label, button="Save and continue"):
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name=button).click()


def test_a_member_fails_retries_passes_and_completes_the_module(page, live_server, world):
    module = module_page()
    quiz_with_questions(
        module=module,
        types=[QuestionType.SINGLE, QuestionType.TRUE_FALSE],
        fail_text="Read the section on data again.",
        success_text="Well done.",
    )
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}{module.url}")
    page.get_by_role("button", name="I have read this module").click()
    page.get_by_role("button", name="Take the knowledge check").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Question 1 of 2")
    assert_accessible(page)
    answer(page, "Wrong answer")
    answer(page, "False", button="Save and check your answers")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    assert_accessible(page)
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("You scored 0%")).to_be_visible()
    expect(page.get_by_text("Read the section on data again.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Try again").click()
    answer(page, "Right answer")
    answer(page, "True", button="Save and check your answers")
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("You scored 100%")).to_be_visible()
    expect(page.get_by_text("Module complete")).to_be_visible()

    page.goto(f"{live_server.url}{module.get_parent().url}")
    expect(page.get_by_text("Complete", exact=True)).to_be_visible()


def test_a_question_can_be_flagged_and_revisited(page, live_server, world):
    quiz = quiz_with_questions(types=[QuestionType.MULTIPLE, QuestionType.FREE_TEXT])
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.get_by_role("button", name="Take the knowledge check").click()
    page.get_by_label("Flag this question to come back to it").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 2 of 2")
    page.get_by_label(re.compile("what does the module say")).fill("Start from our own data.")
    assert_accessible(page)
    page.get_by_role("button", name="Save and check your answers").click()
    expect(page.get_by_text("Flagged to come back to")).to_be_visible()
    page.get_by_role("link", name="Answer question 1").click()
    page.get_by_label("Right one").check()
    page.get_by_label("Right two").check()
    page.get_by_role("button", name="Save and return to your answers").click()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("Awaiting marking").first).to_be_visible()
    assert_accessible(page)


def test_the_facilitator_marks_a_written_answer(page, live_server, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    take(world.member, quiz, written="We would look at our WRES figures first.")
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('quizzes:marking')}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Marking and question analysis")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Mark")).click()
    expect(page.get_by_text("We would look at our WRES figures first.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save mark").click()
    expect(page.get_by_text("Select right or not right.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Right", exact=True).check()
    page.get_by_label("Comment for the member (optional)").fill("A good place to start.")
    page.get_by_role("button", name="Save mark").click()
    expect(page.get_by_text("There are no written answers waiting for your mark.")).to_be_visible()


def test_question_analysis_shows_at_five_finished_attempts_and_hides_at_four(
    page, live_server, world
):
    quiz = quiz_with_questions()
    people = [
        MembershipFactory(board=world.board_a, role=Role.NON_EXECUTIVE_DIRECTOR).user
        for _ in range(3)
    ]
    for user in [world.member, *people]:
        take(user, quiz, right=user == world.member)
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('quizzes:analysis', args=[world.board_a.pk, quiz.pk])}")
    expect(
        page.get_by_text("Not enough attempts to show without identifying people")
    ).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)
    assert_accessible(page)

    take(world.other_member, quiz)
    page.reload()
    table = page.get_by_role("table", name="How the board answered each question")
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(4)
    assert_accessible(page)
