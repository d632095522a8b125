"""Access rows for development sessions, reading, reminders, attendance and invitations."""

from django.urls import reverse

from tests.access.table import Row, signed_in
from tests.development.factories import SessionFactory, assign, in_days, module_page
from tests.factories import InvitationFactory, MembershipFactory

FACILITATOR_ONLY = signed_in(404, facilitator=200)
FACILITATOR_POSTS = signed_in(404, facilitator=302)
# The board's chair and facilitator invite people and change who sits on the board.
LEADERS_ONLY = signed_in(404, facilitator=200, chair=200)
LEADERS_POST = signed_in(404, facilitator=302, chair=302)


def _session(world, days=14):
    return SessionFactory(board=world.board_a, starts_at=in_days(days))


def _session_url(name, days=14):
    return lambda w: reverse(f"development:{name}", args=[_session(w, days).pk])


def _assignment_url(name):
    def url(world):
        assignment = assign(_session(world), module_page("Structural racism"))
        return reverse(f"development:{name}", args=[assignment.session_id, assignment.pk])

    return url


def _reading_session_url(name):
    def url(world):
        assignment = assign(_session(world), module_page("Structural racism"))
        return reverse(f"development:{name}", args=[assignment.session_id])

    return url


def _invitation_url(name):
    return lambda w: reverse(f"development:{name}", args=[InvitationFactory(board=w.board_a).pk])


def _seat_url(name):
    """A seat on board A held by someone who is not one of the personas, so that every
    persona's own pages still work while the row is checked (each check is its own test)."""

    def url(w):
        seat = MembershipFactory(board=w.board_a, role="non_executive_director")
        return reverse(f"development:{name}", args=[w.board_a.pk, seat.pk])

    return url


ROWS = [
    Row("sessions list", lambda w: reverse("development:session_list"), FACILITATOR_ONLY),
    Row(
        "digest choice",
        lambda w: reverse("development:digest_update"),
        FACILITATOR_POSTS,
        method="post",
    ),
    Row(
        "plan a session",
        lambda w: reverse("development:session_create", args=[w.board_a.pk]),
        FACILITATOR_ONLY,
    ),
    Row(
        "plan a session on another board",
        lambda w: reverse("development:session_create", args=[w.board_b.pk]),
        signed_in(404),
    ),
    Row("session page", _session_url("session_detail"), FACILITATOR_ONLY),
    Row(
        "another board's session page",
        lambda w: reverse("development:session_detail", args=[SessionFactory(board=w.board_b).pk]),
        signed_in(404),
    ),
    Row("change session", _session_url("session_edit"), FACILITATOR_ONLY),
    Row("session CSV", _session_url("session_csv"), FACILITATOR_ONLY),
    Row("choose who to remind", _session_url("session_remind"), FACILITATOR_ONLY),
    Row(
        "send reminder",
        _reading_session_url("session_remind"),
        FACILITATOR_POSTS,
        method="post",
        data=lambda w: {"recipients": [str(w.member.pk)], "message": "See you there."},
    ),
    Row("record attendance", _session_url("session_attendance", days=-1), FACILITATOR_ONLY),
    Row(
        "session calendar file",
        _session_url("session_calendar"),
        signed_in(200, other_chair=404, editor=404),
    ),
    Row("set reading", _session_url("assignment_add"), FACILITATOR_ONLY),
    Row("change reading", _assignment_url("assignment_edit"), FACILITATOR_ONLY),
    Row(
        "withdraw reading",
        _assignment_url("assignment_withdraw"),
        FACILITATOR_POSTS,
        method="post",
    ),
    Row(
        "invitations",
        lambda w: reverse("development:invitation_list", args=[w.board_a.pk]),
        LEADERS_ONLY,
    ),
    Row(
        "invitation CSV template",
        lambda w: reverse("development:invitation_template", args=[w.board_a.pk]),
        LEADERS_ONLY,
    ),
    Row(
        "invite by CSV",
        lambda w: reverse("development:invitation_upload", args=[w.board_a.pk]),
        LEADERS_ONLY,
    ),
    Row("resend invitation", _invitation_url("invitation_resend"), LEADERS_POST, method="post"),
    Row("revoke invitation", _invitation_url("invitation_revoke"), LEADERS_POST, method="post"),
    Row(
        "who sits on the board",
        lambda w: reverse("development:member_list", args=[w.board_a.pk]),
        LEADERS_ONLY,
    ),
    Row("change a member's role", _seat_url("member_change"), LEADERS_ONLY),
    Row(
        "change a member's role (post)",
        _seat_url("member_change"),
        LEADERS_POST,
        method="post",
        data=lambda w: {"role": "governor"},
    ),
    Row("end a member's seat", _seat_url("member_end"), LEADERS_ONLY),
    Row(
        "change a seat on another board",
        lambda w: reverse(
            "development:member_change",
            args=[w.board_b.pk, w.membership(w.other_chair, w.board_b).pk],
        ),
        signed_in(404),
    ),
]

ROWS += [
    Row("cancel a session", _session_url("session_cancel"), FACILITATOR_ONLY),
    Row("delete a session", _session_url("session_delete"), FACILITATOR_ONLY),
    Row(
        "cancel another board's session",
        lambda w: reverse("development:session_cancel", args=[SessionFactory(board=w.board_b).pk]),
        signed_in(404),
        method="post",
    ),
    Row(
        "delete another board's session",
        lambda w: reverse("development:session_delete", args=[SessionFactory(board=w.board_b).pk]),
        signed_in(404),
        method="post",
    ),
]
