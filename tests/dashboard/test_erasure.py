"""Erasing a person keeps what the board has already seen: closed rounds' figures and past
sessions' readiness and attendance stay exactly as they were on the page, in the board paper
and in the scores export, while current counts (the next session, open rounds) drop the
person."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from learning.audit.personal_data import person_erase
from learning.development.models import Assignment, Attendance, ReadinessSnapshot
from learning.development.selectors import readiness_at_start
from modules.models import ModuleProgress
from reflection.assessment.models import Response, Round
from reflection.assessment.selectors import board_rounds
from reflection.assessment.services import instrument_version_current
from tests.assessment.factories import instruments, submitted
from tests.dashboard.factories import populated_board
from tests.dashboard.support import get, pdf_text
from tests.development.factories import SessionFactory, in_days

KEPT_SECTIONS = ("past-sessions", "self-assessment", "national")
FOOTER = re.compile(r"Board development · generated .+? Page \d+ of \d+")


def _page_sections(client, board) -> dict[str, str]:
    html = get(client, board.chair, "board_dashboard", board).content.decode()
    sections = {}
    for key in KEPT_SECTIONS:
        match = re.search(rf'<section aria-labelledby="{key}">.*?</section>', html, re.DOTALL)
        assert match, key
        sections[key] = match.group(0)
    return sections


def _between(text: str, start: str, end: str) -> str:
    assert start in text and end in text, (start, end)
    return text[text.index(start) : text.index(end, text.index(start))]


def _paper_parts(client, board) -> list[str]:
    """The board paper's closed-round and past-session text, without the page footers (the
    time it was made, and page breaks that move with the current figures)."""
    text = FOOTER.sub("", pdf_text(get(client, board.chair, "board_paper", board)))
    text = " ".join(text.split())
    # Appendix tables are numbered as the paper fills (D1, D2 …): compare them unnumbered.
    text = re.sub(r"\bD\d+\.", "D.", text)
    return [
        _between(text, "Readiness at past sessions", "3. Self-assessment beside"),
        _between(text, "Self-assessment: the board's combined scores", "4. Follow-through"),
        _between(text, "D. Members ready", "D. Shared commitments"),
    ]


def _scores_csv(client, board) -> str:
    return get(client, board.chair, "scores_csv", board).content.decode()


def _figures(client, board) -> dict:
    return {
        "page": _page_sections(client, board),
        "paper": _paper_parts(client, board),
        "csv": _scores_csv(client, board),
    }


@pytest.fixture
def nine(content):
    """A board of nine who all answered three closed rounds, with one of them (`leaver`, whose
    answers are above the board's mean) also in an open round."""
    board = populated_board(content, members=9, name="Erasure Test Trust")
    board.leaver = board.people[1]
    profile, _position = instruments()
    today = timezone.localdate()
    board.open_round = Round.objects.create(
        board=board,
        version=instrument_version_current(instrument=profile),
        title="Open now",
        opens_on=today - timedelta(days=2),
        closes_on=today + timedelta(days=5),
    )
    submitted(board.leaver, round=board.open_round, value=6)
    return board


def _respondents(board, title: str) -> int:
    return next(round_.respondents for round_ in board_rounds(board) if round_.title == title)


def test_closed_rounds_and_past_sessions_look_the_same_after_erasure(client, nine):
    before = _figures(client, nine)
    assert "9 members answered" in before["page"]["self-assessment"]
    assert "9 members answered" in before["paper"][1]
    assert ",9,Drive," in before["csv"]
    # The leaver's attendance was recorded, so dropping it would change these lines.
    assert Attendance.objects.filter(user=nine.leaver, attended=True).exists()
    assert "6 of 9 attended" in before["page"]["past-sessions"]
    assert "6 of 9 attended" in before["paper"][0]

    person_erase(user=nine.leaver)

    after = _figures(client, nine)
    assert after["page"] == before["page"]
    assert after["paper"] == before["paper"]
    assert after["csv"] == before["csv"]


def test_a_started_session_without_kept_readiness_keeps_its_figure(nine, content):
    """The hourly job keeps a session's readiness after it starts; until then the session page
    counts it from completion times, which erasure would change."""
    started = SessionFactory(board=nine, starts_at=timezone.now() - timedelta(hours=1))
    module = content.modules[0]
    Assignment.objects.create(session=started, module=module, due_date=timezone.localdate())
    ModuleProgress.objects.create(
        user=nine.leaver, page=module, completed_at=timezone.now() - timedelta(days=1)
    )
    before = readiness_at_start(started)
    assert (before.ready_count, before.member_count) == (1, 9)

    person_erase(user=nine.leaver)

    after = readiness_at_start(started)
    assert (after.ready_count, after.member_count) == (1, 9)


def test_current_counts_drop_the_erased_person(client, nine):
    assert _respondents(nine, "Open now") == 1
    page = get(client, nine.chair, "board_dashboard", nine).content.decode()
    assert "of 9 members" in page

    person_erase(user=nine.leaver)

    assert _respondents(nine, "Open now") == 0
    page = get(client, nine.chair, "board_dashboard", nine).content.decode()
    assert "of 8 members" in page
    assert "of 9 members" not in page.split('aria-labelledby="past-sessions"')[0]


def test_kept_answers_hold_no_link_to_the_person(nine):
    pk = nine.leaver.pk
    shared = Response.objects.filter(user=nine.leaver, round__title="Latest")
    shared.update(shared_at=timezone.now())
    counts = {title: _respondents(nine, title) for title in ("Baseline", "Latest")}

    person_erase(user=nine.leaver)

    assert not Response.objects.filter(user_id=pk).exists()
    kept = Response.objects.filter(user__isnull=True)
    assert kept.count() == 3  # Baseline, Latest and Our position; the open round's is gone
    assert not kept.filter(shared_at__isnull=False).exists()
    for response in kept.select_related("round"):
        closing_day = timezone.localtime(response.submitted_at).date()
        assert closing_day == response.round.closes_on
        assert response.started_at == response.updated_at == response.submitted_at
    assert {title: _respondents(nine, title) for title in counts} == counts


def test_erasing_twice_keeps_the_same_answers(nine):
    from reflection.assessment.erasure import responses_detach_for_erasure

    assert responses_detach_for_erasure(user=nine.leaver) == 3
    assert responses_detach_for_erasure(user=nine.leaver) == 0
    assert Response.objects.filter(user__isnull=True).count() == 3


def test_a_session_in_the_future_gets_no_readiness_kept(nine):
    ahead = SessionFactory(board=nine, starts_at=in_days(3))
    person_erase(user=nine.leaver)
    assert not ReadinessSnapshot.objects.filter(session=ahead).exists()


def test_kept_attendance_holds_no_link_to_the_person(nine):
    pk = nine.leaver.pk
    session = Attendance.objects.get(user=nine.leaver).session
    counts = Attendance.objects.filter(session=session)
    before = (counts.count(), counts.filter(attended=True).count())

    person_erase(user=nine.leaver)

    assert not Attendance.objects.filter(user_id=pk).exists()
    kept = Attendance.objects.get(session=session, user__isnull=True)
    assert kept.recorded_at == session.starts_at
    assert (counts.count(), counts.filter(attended=True).count()) == before


def test_the_sessions_own_pages_keep_the_attendance_count_too(signed_in, nine):
    from django.urls import reverse

    session = Attendance.objects.get(user=nine.leaver).session
    client = signed_in(nine.facilitator)
    detail = reverse("development:session_detail", args=[session.pk])
    listing = reverse("development:session_list")
    assert "6 of 9 members came" in client.get(detail).content.decode()
    assert "6 of 9" in client.get(listing).content.decode()

    person_erase(user=nine.leaver)

    page = client.get(detail).content.decode()
    assert "6 of 9 members came" in page  # the kept row still counts...
    assert nine.leaver.get_full_name() not in page  # ...without the person
    assert "6 of 9" in client.get(listing).content.decode()
