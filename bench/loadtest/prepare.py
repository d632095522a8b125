"""The load test's people and pages: the benchmark dataset grown to enough trusts, members with
a knowledge check under way, chairs of different boards, each signed in server-side.

Signing in is not part of the load: each simulated person gets a session made here as the real
sign-in would leave it (second factor verified for chairs, as `tests.conftest.sign_in` does),
and a CSRF cookie secret of their own. Locust sends both as cookies.
"""

import json
from pathlib import Path

from django.conf import settings
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.crypto import get_random_string

from bench import dataset as data
from bench.pages import answer_for
from learning.models import Board, Membership, Role
from modules.models import GlossaryPage
from modules.quizzes.models import Quiz
from modules.quizzes.services import attempt_start

DATABASE = "boardready_loadtest"  # the only database `plan` may fill
MEMBERS_PER_BOARD = 2

# The factories give every person a password; nobody signs in with one here, so hashing them
# with production's slow hasher would only add minutes to the preparation.
FAST_HASHING = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _cookies(user) -> dict:
    """A signed-in session for `user` and a CSRF secret, as cookie values."""
    from tests.conftest import sign_in

    client = sign_in(Client(), user)
    return {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
        settings.CSRF_COOKIE_NAME: get_random_string(
            CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS
        ),
    }


def _boards(count: int) -> list[Board]:
    """The first `count` boards with a chair, the subject board first."""
    chaired = Membership.objects.active().filter(role=Role.CHAIR).values("board")
    return list(Board.objects.filter(pk__in=chaired).order_by("pk")[:count])


def plan(*, members: int, chairs: int, log=print) -> dict:
    """Builds the dataset and returns the plan: every simulated person's cookies and URLs."""
    boards_needed = max(chairs, -(-members // MEMBERS_PER_BOARD))
    with override_settings(PASSWORD_HASHERS=FAST_HASHING):
        log("Building the dataset (real content and the subject board)…")
        dataset = data.build()
        log(f"Growing to {boards_needed} trusts…")
        data.grow(dataset, boards_needed)
        boards = _boards(boards_needed)
        quiz = Quiz.objects.get(module=dataset.module)
        log(f"Signing in {members} members and {chairs} chairs…")
        member_rows: list[dict[str, object]] = []
        for board in boards:
            seats = (
                Membership.objects.board_members()
                .filter(board=board)
                .exclude(role=Role.CHAIR)
                .select_related("user")
                .order_by("pk")[:MEMBERS_PER_BOARD]
            )
            for seat in seats:
                if len(member_rows) == members:
                    break
                attempt = attempt_start(user=seat.user, quiz=quiz)
                rows = list(attempt.answers.order_by("position"))
                member_rows.append(
                    {
                        "cookies": _cookies(seat.user),
                        "home": reverse("member_home"),
                        "module": dataset.module.url,
                        "questions": [
                            {
                                "url": reverse("quizzes:question", args=[attempt.pk, row.position]),
                                "answer": answer_for(row),
                            }
                            for row in rows
                        ],
                    }
                )
        chair_rows = []
        for board in boards[:chairs]:
            chair = Membership.objects.active().get(board=board, role=Role.CHAIR).user
            chair_rows.append(
                {
                    "cookies": _cookies(chair),
                    "dashboard": reverse("dashboard:board_dashboard", args=[board.pk]),
                }
            )
    if len(member_rows) < members or len(chair_rows) < chairs:
        raise RuntimeError("The dataset has too few members or chairs for the load test.")
    glossary = GlossaryPage.objects.live().first()
    return {
        "members": member_rows,
        "chairs": chair_rows,
        "glossary": glossary.url if glossary else None,  # the multi-process publish step's page
    }


def write(payload: dict, path: Path) -> None:
    """Writes the plan readable by its owner only: it holds live session cookies (of a
    throwaway database, but cookies all the same)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
