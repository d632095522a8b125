"""Access rows for the account pages: second factor, recovery codes, email, sign-in pauses."""

from django.urls import reverse

from tests.access.table import LOGIN, Row, everyone, signed_in

ROWS = [
    Row("your account", lambda w: reverse("account_security"), signed_in(200)),
    # Everyone signed in through the test helper is already verified, so the step passes on.
    Row("second sign-in step", lambda w: reverse("account_verify"), everyone(302)),
    Row("set up authenticator app", lambda w: reverse("account_mfa_setup"), signed_in(200)),
    # Only people with an app who may do without one can remove it; no persona here can.
    Row("remove authenticator app", lambda w: reverse("account_mfa_remove"), signed_in(404)),
    Row(
        "new recovery codes",
        lambda w: reverse("account_recovery_codes"),
        signed_in(200, member=404, other_member=404),
    ),
    Row(
        "recovery codes shown once",
        lambda w: reverse("account_recovery_codes_new"),
        signed_in(302),
    ),
    Row("change email address", lambda w: reverse("account_email_change"), signed_in(200)),
    Row("change password", lambda w: reverse("account_password_change"), signed_in(200)),
    Row("choose automatic emails", lambda w: reverse("account_emails"), signed_in(200)),
    Row(
        "choose automatic emails (save)",
        lambda w: reverse("account_emails"),
        signed_in(302),
        method="post",
        data=lambda w: {"on": ["due_soon"]},
    ),
    Row(
        "paused sign-ins",
        lambda w: reverse("account_sign_in_pauses"),
        signed_in(404, facilitator=200),
    ),
    Row(
        "lift a pause that does not exist",
        lambda w: reverse("account_sign_in_pause_lift"),
        signed_in(404, anonymous=LOGIN),
        method="post",
        data=lambda w: {"email": w.member.email},
    ),
    # The timeout warning's button: a POST that counts as using the service.
    Row("stay signed in (get)", lambda w: reverse("account_stay_signed_in"), signed_in(405)),
    Row(
        "stay signed in",
        lambda w: reverse("account_stay_signed_in"),
        everyone(302),
        method="post",
    ),
    # Staff only; no persona in the table is staff (tests/security/test_mfa_reset.py).
    Row(
        "reset someone's second factor",
        lambda w: reverse("account_second_factor_reset"),
        signed_in(404),
    ),
    Row(
        "reset someone's second factor (post)",
        lambda w: reverse("account_second_factor_reset"),
        signed_in(404),
        method="post",
        data=lambda w: {"email": w.member.email, "identity_check": "x" * 30, "password": "x"},
    ),
    Row(
        "password reset link that does not work",
        lambda w: reverse("password_reset_confirm", args=["MQ", "not-a-token"]),
        everyone(200),
    ),
]

ROWS += [
    Row("download your data (page)", lambda w: reverse("account_my_data"), signed_in(200)),
    Row("download your data (file)", lambda w: reverse("account_my_data_download"), signed_in(200)),
    # Editors are told an administrator removes their account, and cannot post.
    Row("delete your account (page)", lambda w: reverse("account_erase"), signed_in(200)),
    Row(
        "delete your account (wrong password)",
        lambda w: reverse("account_erase"),
        signed_in(200, editor=403),
        method="post",
        data=lambda w: {"password": "not the password"},
    ),
]
