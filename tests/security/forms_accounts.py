"""Bad-input sweep table: sign-in, second factor, account settings, invitations, boards."""

from django.urls import reverse

from tests.factories import InvitationFactory
from tests.security.sweep import Endpoint

ENDPOINTS = [
    Endpoint(
        "sign in",
        "account_login",
        lambda w: reverse("account_login"),
        {"username": "email", "password": "text", "next": "text"},
    ),
    Endpoint(
        "second step",
        "account_verify",
        lambda w: reverse("account_verify"),
        {"token": "text", "next": "text"},
    ),
    Endpoint(
        "set up app",
        "account_mfa_setup",
        lambda w: reverse("account_mfa_setup"),
        {"token": "text", "password": "text", "next": "text"},
    ),
    Endpoint(
        "new recovery codes",
        "account_recovery_codes",
        lambda w: reverse("account_recovery_codes"),
        {"password": "text"},
    ),
    Endpoint(
        "remove app",
        "account_mfa_remove",
        lambda w: reverse("account_mfa_remove"),
        {"password": "text"},
    ),
    Endpoint(
        "change email",
        "account_email_change",
        lambda w: reverse("account_email_change"),
        {"email": "email", "password": "text"},
    ),
    Endpoint(
        "change password",
        "account_password_change",
        lambda w: reverse("account_password_change"),
        {"old_password": "text", "new_password1": "text", "new_password2": "text"},
    ),
    Endpoint(
        "delete your account",
        "account_erase",
        lambda w: reverse("account_erase"),
        {"password": "text"},
    ),
    Endpoint(
        "lift a pause",
        "account_sign_in_pause_lift",
        lambda w: reverse("account_sign_in_pause_lift"),
        {"email": "email"},
    ),
    Endpoint(
        "password reset", "password_reset", lambda w: reverse("password_reset"), {"email": "email"}
    ),
    Endpoint(
        "password reset link",
        "password_reset_confirm",
        lambda w: reverse("password_reset_confirm", args=["MQ", "set-password"]),
        {"new_password1": "text", "new_password2": "text"},
    ),
    Endpoint(
        "accept invitation",
        "invitation_accept",
        lambda w: reverse("invitation_accept", args=[InvitationFactory(board=w.board_a).token]),
        {"first_name": "text", "last_name": "text", "password1": "text", "password2": "text"},
    ),
    Endpoint(
        "switch board",
        "board_switch",
        lambda w: reverse("board_switch"),
        {"board": "id", "next": "text"},
        ids=lambda w: [w.board_b.pk, 0],
    ),
    Endpoint("sign out", "account_logout", lambda w: reverse("account_logout"), {}),
]
