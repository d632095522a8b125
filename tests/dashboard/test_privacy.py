"""The dashboard, the board paper and the exports never hold one person's private data:
self-assessment scores or answers (unless shared), journal text, written quiz answers or
draft commitments."""

import re

import pytest
from django.utils import timezone

from learning.dashboard.formatting import number
from learning.dashboard.selectors import board_dashboard
from learning.models import Membership
from modules.quizzes.choices import QuestionType
from modules.quizzes.models import Attempt, AttemptAnswer
from reflection.journal.services import journal_entry_create
from reflection.plans.services import commitment_create
from tests.assessment.factories import instruments, submitted
from tests.dashboard.factories import populated_board
from tests.dashboard.support import everything, get, pdf_text
from tests.quizzes.factories import add_question

JOURNAL = "Zanzibar reflection about my own bias"
FREE_TEXT = "Quokka answer written by one member"
DRAFT = "Ocelot draft commitment kept private"


@pytest.fixture
def secrets(board, content):
    """Private data from one member of the board, in every area the dashboard reads."""
    person = Membership.objects.filter(board=board, role="non_executive_director").first()
    journal_entry_create(owner=person.user, title="Private thoughts", text=JOURNAL)
    commitment_create(
        owner=person,
        title=DRAFT,
        area=9,
        success_measure="Only I know.",
        due_date=timezone.localdate(),
        share=False,
    )
    question = add_question(content.quizzes[0], QuestionType.FREE_TEXT, text="Explain in words.")
    attempt = Attempt.objects.get(user=person.user, quiz=content.quizzes[0])
    AttemptAnswer.objects.create(
        attempt=attempt,
        position=3,
        question=question,
        type=QuestionType.FREE_TEXT,
        text=question.text,
        free_text=FREE_TEXT,
        answered_at=timezone.now(),
        correct=False,
    )
    profile, _position = instruments()
    own = submitted(person.user, board=board, instrument=profile, value=7)
    return {"scores": [score.mean for score in own.scores.all()]}


def _printed(figure: str) -> re.Pattern:
    """`figure` as a whole number on the page: "5.8" but not inside "15.8" or "5.85"."""
    return re.compile(rf"(?<![\d.]){re.escape(figure)}(?![\d])")


@pytest.mark.parametrize("who", ["chair", "facilitator"])
def test_no_private_text_reaches_the_page_the_pdf_or_the_exports(client, board, secrets, who):
    text = everything(client, getattr(board, who), board)
    assert "Check 1: true or false?" in text  # a question the board missed, all six answered
    # one member answered the written question: its row is withheld, so not even its text shows
    assert "Explain in words." not in text
    for secret in (JOURNAL, FREE_TEXT, DRAFT):
        assert secret not in text


def test_an_unshared_personal_score_is_never_shown(client, board, secrets):
    text = everything(client, board.chair, board)
    # the needles are written as the page writes means (formatting.number, one decimal)...
    shown = board_dashboard(board, sees_commitments=True).scores.aggregate.dimensions
    board_means = {number(figure.mean) for figure in shown if figure.shown}
    assert board_means
    for mean in board_means:
        assert _printed(mean).search(text), mean  # ...so the board's own means are found
    for mean in secrets["scores"]:
        assert number(mean) not in board_means  # the member's differ from the board's
        assert not _printed(number(mean)).search(text), number(mean)


def test_a_round_under_the_minimum_shows_no_dimension_in_the_pdf(client, world, content):
    small = populated_board(content, members=4)
    text = pdf_text(get(client, small.chair, "board_paper", small))
    assert "Not enough answers to show" in text
    for dimension in ("Drive", "Strategy"):  # "Knowledge" and "Action" appear elsewhere
        assert dimension not in text
