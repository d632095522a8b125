"""Access rows for accounts, invitations, the member's home and the public pages."""

from django.urls import reverse

from tests.access.table import Row, everyone, signed_in
from tests.factories import InvitationFactory


def _invitation_for_board_a(world):
    return reverse("invitation_accept", args=[InvitationFactory(board=world.board_a).token])


ROWS = [
    Row("home page", lambda w: "/", everyone(200)),
    Row(
        "sign in",
        lambda w: reverse("account_login"),
        everyone(
            200,
            member=302,
            other_member=302,
            facilitator=302,
            chair=302,
            other_chair=302,
            editor=302,
        ),
    ),
    Row("password reset", lambda w: reverse("password_reset"), everyone(200)),
    Row("password reset sent", lambda w: reverse("password_reset_done"), everyone(200)),
    Row("password reset complete", lambda w: reverse("password_reset_complete"), everyone(200)),
    Row("accessibility statement", lambda w: reverse("accessibility"), everyone(200)),
    Row("cookies", lambda w: reverse("cookies"), everyone(200)),
    Row("privacy notice", lambda w: reverse("privacy_notice"), everyone(200)),
    Row("account deleted", lambda w: reverse("account_erased"), everyone(200)),
    # Load balancer probes: the same plain answer for everyone, signed in or not.
    Row("health check", lambda w: "/healthz", everyone(200)),
    Row("readiness check", lambda w: "/readyz", everyone(200)),
    Row("my board development", lambda w: reverse("member_home"), signed_in(200)),
    # A new person's invitation: anyone signed in is told it is for someone else.
    Row("accept invitation (new account)", _invitation_for_board_a, signed_in(403, anonymous=200)),
    Row("forged invitation", lambda w: reverse("invitation_accept", args=["nope"]), everyone(404)),
    Row(
        "switch to board A",
        lambda w: reverse("board_switch"),
        signed_in(302, other_chair=404, editor=404),
        method="post",
        data=lambda w: {"board": w.board_a.pk},
    ),
    Row(
        "sign out",
        lambda w: reverse("account_logout"),
        everyone(302),
        method="post",
    ),
    Row("wagtail admin", lambda w: "/admin/", signed_in(403, editor=200)),
]
