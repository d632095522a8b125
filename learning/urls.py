"""URLs for BoardReady. Each area's own URLs are included here; Wagtail serves the rest."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import account_views, views
from .audit import views as audit_views
from .invitations.urls import accept_urlpatterns

account_patterns = [
    path("sign-in/", views.SignInView.as_view(), name="account_login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="account_logout"),
    path("sign-in/verify/", views.second_factor_verify, name="account_verify"),
    path("", account_views.account_security, name="account_security"),
    path("two-step/set-up/", account_views.mfa_setup, name="account_mfa_setup"),
    path("two-step/remove/", account_views.mfa_remove, name="account_mfa_remove"),
    path(
        "two-step/recovery-codes/",
        account_views.recovery_codes,
        name="account_recovery_codes",
    ),
    path(
        "two-step/recovery-codes/new/",
        account_views.recovery_codes_new,
        name="account_recovery_codes_new",
    ),
    path("email/", account_views.email_change, name="account_email_change"),
    path("password/", account_views.password_change, name="account_password_change"),
    path("emails/", account_views.email_choices_edit, name="account_emails"),
    path("my-data/", audit_views.my_data, name="account_my_data"),
    path("my-data/download/", audit_views.my_data_download, name="account_my_data_download"),
    path("delete/", audit_views.account_erase, name="account_erase"),
    path("deleted/", audit_views.account_erased, name="account_erased"),
    path("sign-in-pauses/", account_views.sign_in_pauses, name="account_sign_in_pauses"),
    path("stay-signed-in/", account_views.stay_signed_in, name="account_stay_signed_in"),
    path(
        "second-factor-reset/",
        account_views.second_factor_reset,
        name="account_second_factor_reset",
    ),
    path(
        "sign-in-pauses/lift/",
        account_views.sign_in_pause_lift,
        name="account_sign_in_pause_lift",
    ),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("account/", include(account_patterns)),
    *accept_urlpatterns,
    path("my/", views.member_home, name="member_home"),
    path("boards/switch/", views.board_switch, name="board_switch"),
    path("sessions/", include("learning.development.urls")),
    path("wres/", include("learning.wres.urls")),
    path("board/", include("learning.dashboard.urls")),
    path("reading/", include("modules.urls")),
    path("knowledge-checks/", include("modules.quizzes.urls")),
    path("self-assessment/", include("reflection.assessment.urls")),
    path("plan/", include("reflection.plans.urls")),
    path("journal/", include("reflection.journal.urls")),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path("cookies/", TemplateView.as_view(template_name="pages/cookies.html"), name="cookies"),
    path("privacy/", audit_views.privacy_notice, name="privacy_notice"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "learning.errors.bad_request"
handler500 = "learning.health.server_error"

# Wagtail's page tree comes last so every path above wins.
urlpatterns += [path("", include(wagtail_urls))]
