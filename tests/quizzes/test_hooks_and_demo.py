"""The module page panel, the home section and the demo attempts."""

from pathlib import Path

from django.urls import reverse

from learning.demo import seed_people
from modules.models import ModuleProgress
from modules.quizzes import loader
from modules.quizzes.models import Attempt
from modules.quizzes.wagtail_hooks import knowledge_check_panel, seed_knowledge_checks
from tests.quizzes.factories import module_page, quiz_with_questions
from tests.quizzes.helpers import take

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quizzes"


def test_a_module_without_a_live_check_has_no_panel(rf, world):
    page = module_page()
    request = rf.get("/")
    request.user = world.member
    assert knowledge_check_panel(request, page) is None
    quiz_with_questions(module=page, live=False)
    page.refresh_from_db()
    assert knowledge_check_panel(request, page) is None


def test_the_module_page_offers_the_check_then_the_result(signed_in, world):
    page = module_page()
    quiz = quiz_with_questions(module=page)
    client = signed_in(world.member)
    content = client.get(page.url).content.decode()
    assert "Take the knowledge check" in content
    assert reverse("quizzes:start", args=[quiz.pk]) in content
    take(world.member, quiz, right=False)
    content = client.get(page.url).content.decode()
    assert "Not passed" in content and "Try again" in content


def test_the_home_page_lists_my_checks_and_the_facilitators_queue(signed_in, client, world):
    quiz = quiz_with_questions()
    take(world.member, quiz)
    content = signed_in(world.member).get(reverse("member_home")).content.decode()
    assert "My knowledge checks" in content and quiz.title in content
    assert reverse("quizzes:marking") not in content
    client.logout()
    content = signed_in(world.facilitator).get(reverse("member_home")).content.decode()
    assert reverse("quizzes:marking") in content


def test_seeding_twice_loads_one_quiz_and_five_northbridge_attempts(db, world, monkeypatch):
    monkeypatch.setattr(loader, "QUIZ_DIR", FIXTURES)
    people = seed_people("boardready-demo")
    module_page(title="A tiny module", slug="tiny-module")
    seed_knowledge_checks(people)
    seed_knowledge_checks(people)
    attempts = Attempt.objects.filter(user__memberships__board=people.northbridge)
    assert attempts.count() == 5
    assert sum(1 for a in attempts if a.passed) == 3
    assert sum(1 for a in attempts if a.awaiting_marking) == 1
    awaiting = ModuleProgress.objects.get(user=people.user("ned3@northbridge.example"))
    assert awaiting.check_state == ModuleProgress.CheckState.AWAITING_MARKING


def test_the_panel_asks_visitors_to_sign_in(client, world):
    page = module_page()
    quiz_with_questions(module=page)
    content = client.get(page.url).content.decode()
    assert "Sign in to take the knowledge check" in content
