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


def save(page, button="Save and continue"):
    page.get_by_role("button", name=button).click()


def test_a_deferred_check_keeps_every_promise_until_submit_then_scores_in_two_steps(
    page, live_server, world, browser
):
    quiz = quiz_with_questions(
        types=[QuestionType.SINGLE] * 3 + [QuestionType.TRUE_FALSE, QuestionType.FREE_TEXT]
    )
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.get_by_role("button", name="Take the knowledge check").click()
    expect(page.get_by_label("0 questions answered")).to_have_attribute("value", "0")

    answer(page, "Wrong answer")  # question 1
    page.get_by_label("Wrong answer", exact=True).check()  # question 2, flagged
    page.get_by_label("Flag this question to come back to it").check()
    save(page)
    page.get_by_label("Right answer", exact=True).check()  # question 3, flagged
    page.get_by_label("Flag this question to come back to it").check()
    save(page)
    page.get_by_label("True", exact=True).check()  # question 4: back keeps the choice
    save(page, "Save and go back")
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 3 of 5")
    expect(page.get_by_label("Right answer", exact=True)).to_be_checked()
    save(page)
    expect(page.get_by_label("True", exact=True)).to_be_checked()
    save(page)
    page.get_by_label(re.compile("what does the module say")).fill("Start from our data.")
    save(page, "Save and check your answers")

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    to_do = page.get_by_role("list").filter(has_text="flagged")
    expect(to_do.get_by_role("link")).to_have_text(["Question 2", "Question 3"])
    expect(page.get_by_text("Once you submit, your answers cannot change")).to_have_count(0)
    assert_accessible(page)

    to_do.get_by_role("link", name="Question 2").click()  # first flag: change the answer
    page.get_by_label("Right answer", exact=True).check()
    page.get_by_label("Flag this question to come back to it").uncheck()
    save(page, "Save and return to your answers")
    page.get_by_role("link", name="Question 3", exact=True).click()  # second flag: keep it
    expect(page.get_by_label("Right answer", exact=True)).to_be_checked()
    page.get_by_label("Flag this question to come back to it").uncheck()
    save(page, "Save and return to your answers")
    expect(page.get_by_text("Questions to come back to")).to_have_count(0)
    page.get_by_role("link", name="Change question 1").click()  # not flagged
    page.get_by_label("Right answer", exact=True).check()
    save(page, "Save and return to your answers")
    page.get_by_role("link", name="Change question 5").click()  # the written answer
    written = page.get_by_label(re.compile("what does the module say"))
    expect(written).to_have_value("Start from our data.")
    written.fill("Start from our own WRES data, then ask the staff networks.")
    save(page, "Save and return to your answers")
    expect(  # the page shows the answers it asks the member to check
        page.get_by_text("Your answer: Start from our own WRES data, then ask the staff networks.")
    ).to_be_visible()
    page.get_by_role("button", name="Submit answers").click()

    expect(
        page.get_by_text(
            "4 of 4 marked questions right; your written answer is waiting for your facilitator"
        )
    ).to_be_visible()
    expect(page.get_by_text("You scored")).to_have_count(0)
    assert_accessible(page)

    facilitator = browser.new_page(locale="en-GB", timezone_id="Europe/London")
    sign_in(facilitator, live_server, world.facilitator)
    facilitator.goto(f"{live_server.url}{reverse('quizzes:marking')}")
    facilitator.get_by_role("link", name=re.compile("^Mark")).click()
    expect(facilitator.get_by_text("ask the staff networks")).to_be_visible()
    facilitator.get_by_label("Right", exact=True).check()
    facilitator.get_by_role("button", name="Save mark").click()
    facilitator.close()

    page.reload()
    expect(page.get_by_text("You scored 100%")).to_be_visible()
    expect(page.get_by_text("marked questions right")).to_have_count(0)


def test_with_a_fixed_seed_a_retry_asks_a_different_set(page, live_server, world, settings):
    settings.BOARDREADY_QUIZ_SEED = 2026
    quiz = quiz_with_questions(
        types=[QuestionType.SINGLE] * 6, draw=3, random_order=True, attempts_allowed=3
    )
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")

    def asked():
        page.get_by_role("link", name="See all questions and submit").click()
        texts = page.locator(".nhsuk-summary-list__value").all_inner_texts()
        page.get_by_role("button", name="Submit answers").click()
        return {text.split("\n")[0].strip() for text in texts}

    page.get_by_role("button", name="Take the knowledge check").click()
    first = asked()
    page.get_by_role("button", name="Try again").click()
    second = asked()
    assert len(first) == len(second) == 3
    assert first != second and not first & second, "three unseen questions were left"


def test_an_immediate_check_offers_no_change_for_a_locked_question(page, live_server, world):
    from modules.quizzes.choices import Feedback

    quiz = quiz_with_questions(types=[QuestionType.SINGLE] * 2, feedback=Feedback.EACH)
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.get_by_role("button", name="Take the knowledge check").click()
    expect(
        page.get_by_text(
            "You will see whether you are right when you save this answer; "
            "you cannot change it afterwards."
        )
    ).to_be_visible()
    answer(page, "Wrong answer")
    expect(page.get_by_text("Not right")).to_be_visible()
    expect(page.get_by_role("radio")).to_have_count(0)
    page.get_by_role("link", name="See all questions and submit").click()
    expect(page.get_by_role("link", name="Change question 1")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("question 1"))).to_have_count(0)
    expect(page.get_by_role("link", name="Answer question 2")).to_be_visible()
    assert_accessible(page)


def test_the_timed_checks_extra_time_works_by_keyboard_alone(page, live_server, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE] * 2, time_limit=10)
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.get_by_role("button", name="Take the knowledge check").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"You have \d+\s+minutes left, until"))).to_be_visible()
    assert_accessible(page)
    wanted = "I need more time: add 5 minutes"
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == wanted:
            break
    else:
        raise AssertionError("Tab never reached the more-time button")
    page.keyboard.press("Enter")
    expect(
        page.get_by_text(re.compile("You have 5 more minutes: you now have until"))
    ).to_be_visible()
    expect(page.get_by_role("button", name=wanted)).to_have_count(0)
    expect(page.get_by_text("You have had your extra time for this attempt.")).to_be_visible()
