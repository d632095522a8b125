"""Attendance at past sessions on the chair's dashboard and in the board paper: how many of
the members whose attendance was recorded came, never who."""

from learning.development.models import Attendance
from tests.dashboard.support import get, pdf_text


def _came(board):
    session_attendance = Attendance.objects.filter(session__board=board)
    return session_attendance.filter(attended=True).count(), session_attendance.count()


def test_the_dashboard_shows_attendance_at_each_past_session(client, board):
    came, recorded = _came(board)
    html = get(client, board.chair, "board_dashboard", board).content.decode()
    assert f"{came} of {recorded} attended" in html
    assert f"{came} of {recorded}</span></td>" in html  # the table's column
    assert "Not recorded" in html  # the earlier session had none recorded


def test_the_board_paper_has_a_line_for_each_recent_session_attended(client, board):
    came, recorded = _came(board)
    text = pdf_text(get(client, board.chair, "board_paper", board))
    assert "Attendance at recent sessions" in text
    assert f"{came} of {recorded} attended" in text


def test_without_recorded_attendance_the_dashboard_says_so(client, board):
    Attendance.objects.filter(session__board=board).delete()
    html = get(client, board.facilitator, "board_dashboard", board).content.decode()
    assert "No attendance has been recorded for a past session yet." in html


def test_the_dashboard_never_names_who_came(client, board):
    html = get(client, board.chair, "board_dashboard", board).content.decode()
    absent = [user for n, user in enumerate(board.people) if n % 3 == 0]
    section = html.split('id="past-sessions"')[1].split("</section>")[0]
    came, recorded = _came(board)
    assert f"{came} of {recorded} attended" in section  # the real section, with its count
    assert absent
    for user in board.people:  # ...and nobody's name, whether they came or not
        assert user.get_full_name() not in section
