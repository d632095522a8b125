"""Middleware for the security layer: request size, the admin's CSP, session timeouts, the
second factor, and keeping signed-in pages out of caches."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from .errors import request_too_large

ADMIN_PREFIX = "/admin/"


class RequestSizeLimitMiddleware:
    """Refuses request bodies over the limit (413) before anything reads them.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE covers form fields but not uploaded files; this covers
    the whole body. The Wagtail admin, where editors upload images and documents, has a
    larger limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = (
            settings.BOARDREADY_MAX_ADMIN_REQUEST_BYTES
            if request.path_info.startswith(ADMIN_PREFIX)
            else settings.BOARDREADY_MAX_REQUEST_BYTES
        )
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(_("The request was not valid."), status=400)
        if length > limit:
            return request_too_large(request, limit)
        return self.get_response(request)


class AdminContentSecurityPolicyMiddleware:
    """Gives the Wagtail admin its own, looser policy; every other page keeps the strict one.

    Listed after django-csp's middleware, so it marks the response before the header is built.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX):
            response._csp_config = settings.BOARDREADY_ADMIN_CSP
        return response


def _sign_in_url(request) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"


class SessionTimeoutMiddleware:
    """Signs people out after 30 minutes without a request, and 12 hours after signing in.

    The times live in the session (set at sign-in by learning.audit.receivers). The last-seen
    time is written at most once a minute, so most requests do not save the session.
    """

    REFRESH_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from learning.audit.models import AuditEvent
        from learning.audit.receivers import LAST_SEEN_KEY, SIGNED_IN_AT_KEY
        from learning.audit.services import audit_record

        if request.user.is_authenticated:
            now = int(timezone.now().timestamp())
            session = request.session
            signed_in_at = session.get(SIGNED_IN_AT_KEY, now)
            last_seen = session.get(LAST_SEEN_KEY, now)
            idle = now - last_seen > settings.BOARDREADY_SESSION_IDLE_SECONDS
            too_old = now - signed_in_at > settings.BOARDREADY_SESSION_ABSOLUTE_SECONDS
            if idle or too_old:
                user = request.user
                logout(request)
                audit_record(
                    actor=user,
                    action=AuditEvent.Action.SESSION_TIMED_OUT,
                    subject_user=user,
                    request=request,
                )
                messages.info(
                    request,
                    _("You were signed out because you had not used BoardReady for 30 minutes.")
                    if idle
                    else _("You were signed out because you signed in more than 12 hours ago."),
                )
                return redirect(_sign_in_url(request))
            if SIGNED_IN_AT_KEY not in session:
                session[SIGNED_IN_AT_KEY] = now
            if now - last_seen >= self.REFRESH_SECONDS or LAST_SEEN_KEY not in session:
                session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class KeepTypedTextMiddleware:
    """Keeps a form posted after the session ended, for the same person to find after signing
    in (learning.drafts), and sets the signed cookie that names a signed-in person.

    Listed before SessionTimeoutMiddleware, so it sees both a session that times out on this
    very request and one that had already gone (the view sends the visitor to sign in).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from learning import drafts

        signed_in_as = request.user.pk if request.user.is_authenticated else None
        response = self.get_response(request)
        if request.user.is_authenticated:
            if drafts.person_from_cookie(request) != request.user.pk:
                drafts.person_cookie_set(response, request.user.pk)
        elif request.path_info == reverse("account_logout") and signed_in_as is not None:
            response.delete_cookie(drafts.PERSON_COOKIE, samesite="Lax")
        elif (
            request.method == "POST"
            and response.status_code == 302
            and response.get("Location", "").startswith(reverse("account_login"))
            and request.path_info != reverse("account_login")
            # A page's form, not a script's request (the autosave reports its own failure).
            and request.headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
            and "application/json" not in request.headers.get("Accept", "")
        ):
            person = signed_in_as or drafts.person_from_cookie(request)
            if (
                person is not None
                and drafts.view_keeps_typed_text(request)
                and drafts.form_keep(request=request, user_id=person)
            ):
                messages.info(
                    request,
                    _(
                        "Sign in again to send your form: we have kept what you typed for "
                        "15 minutes."
                    ),
                )
        return response


class SecondFactorMiddleware:
    """Holds a password-only session at the second step until the person enters a code (or,
    where one is required, sets up an authenticator app). The Wagtail admin always needs a
    verified second factor. Someone given a leading seat while signed in with a password
    alone is sent to the second step on their next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from learning import mfa

        user = request.user
        if not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        # Checked against the person's current seats on every request: the role stamp is on
        # the user row, which is loaded anyway, so this costs no query until a seat changes.
        state = mfa.session_state(request.session, user)
        if (
            state == mfa.STATE_NONE
            and request.path_info.startswith(ADMIN_PREFIX)
            and mfa.user_requires_mfa(user)
        ):
            # Admin access granted since sign-in: set up a second factor first.
            state = mfa.STATE_ENROL
        if state == mfa.STATE_NONE:
            return self.get_response(request)
        step = "account_verify" if state == mfa.STATE_VERIFY else "account_mfa_setup"
        allowed = {reverse(step), reverse("account_logout")}
        if request.path_info in allowed or request.path_info.startswith(settings.STATIC_URL):
            return self.get_response(request)
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


class AdminForEditorsMiddleware:
    """Answers a signed-in person without Wagtail admin access with a 403 page in the service's
    layout when they open /admin/.

    Wagtail sends them to its sign-in page, which is ours (WAGTAILADMIN_LOGIN_URL), and ours
    sends a signed-in person back to `next`: a loop between /admin/ and sign-in. Signed-out
    visitors still go to sign in. Listed after the second factor, so an editor part-way
    through signing in is sent to the second step, not here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return TemplateResponse(request, "learning/admin_for_editors.html", status=403).render()
        return self.get_response(request)


class NoStoreForSignedInMiddleware:
    """Adds `Cache-Control: no-store` to every response for a signed-in person."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response
