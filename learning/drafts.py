"""Keeping what someone typed when their form arrives after they were signed out.

A form posted after the session has ended (30 minutes idle, 12 hours in all, or the session
gone) is answered with the sign-in page, and without this the text would be lost. Instead its
fields are kept for 15 minutes in the cache, encrypted with the journal key, under the person
it belongs to and the address it was posted to. After signing in again they land on that
address, and the view fills its form from `kept_form_data(request)`. Only views marked
`@keeps_typed_text` (which do that) have their forms kept, so the promise on the sign-in page
is always kept.

Who the person is: the session says so when it has just timed out; when the session is
already gone, a signed cookie set while they were signed in names them. The text is given
back only to someone who signs in as that same account, so another person signing in on the
same browser never sees it. Passwords, codes and the CSRF token are never kept.
"""

import hashlib
import json

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import QueryDict
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from reflection.journal.crypto import journal_fernet

KEEP_SECONDS = 15 * 60
PERSON_COOKIE = "boardready_person"
PERSON_COOKIE_SALT = "boardready.drafts.person"
PERSON_COOKIE_AGE = 30 * 24 * 60 * 60
# Fields never kept: secrets, the form's own CSRF token (a fresh one comes with the page) and
# where to go next (not something anyone typed).
_LEFT_OUT = ("password", "token", "csrfmiddlewaretoken", "code")
_NOT_TYPED = ("next",)


def keeps_typed_text(view):
    """Marks a view whose form is filled from `kept_form_data(request)` on a GET."""
    view.keeps_typed_text = True
    return view


def view_keeps_typed_text(request) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "keeps_typed_text", False)


def _key(user_id: int, path: str) -> str:
    digest = hashlib.sha256(path.encode()).hexdigest()
    return f"boardready:kept-form:{user_id}:{digest}"


def _kept_fields(post: QueryDict) -> dict[str, list[str]]:
    return {
        name: post.getlist(name)
        for name in post
        if not any(word in name.lower() for word in _LEFT_OUT) and name not in _NOT_TYPED
    }


def _csrf_is_good(request) -> bool:
    # Middleware runs before the CSRF check, so check here: a forged cross-site post must not
    # be able to plant text that is later put into someone's form.
    # Only process_view runs: it calls neither get_response nor the view, so None stands in
    # for both where the stubs ask for callables returning a response.
    middleware = CsrfViewMiddleware(lambda r: None)  # type: ignore[arg-type]
    return middleware.process_view(request, None, (), {}) is None  # type: ignore[arg-type]


def form_keep(*, request, user_id: int) -> bool:
    """Keeps the fields of `request` (a POST) for `user_id`; True if anything was kept."""
    fields = _kept_fields(request.POST)
    if not any(value.strip() for values in fields.values() for value in values):
        return False
    if not _csrf_is_good(request):
        return False
    token = journal_fernet().encrypt(json.dumps(fields).encode())
    cache.set(_key(user_id, request.get_full_path()), token, KEEP_SECONDS)
    return True


def kept_form_data(request) -> QueryDict | None:
    """The fields kept for this person at this address, once (they are removed), or None."""
    if request.method != "GET" or not request.user.is_authenticated:
        return None
    key = _key(request.user.pk, request.get_full_path())
    token = cache.get(key)
    if token is None:
        return None
    cache.delete(key)
    try:
        fields = json.loads(journal_fernet().decrypt(token, ttl=KEEP_SECONDS))
    except (InvalidToken, ValueError):
        return None
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name, values)
    messages.info(
        request,
        _("We have put back what you typed before you were signed out. Check it and send it."),
    )
    return data


def person_from_cookie(request) -> int | None:
    value = request.get_signed_cookie(
        PERSON_COOKIE, default=None, salt=PERSON_COOKIE_SALT, max_age=PERSON_COOKIE_AGE
    )
    return int(value) if value and value.isdigit() else None


def person_cookie_set(response, user_id: int) -> None:
    response.set_signed_cookie(
        PERSON_COOKIE,
        str(user_id),
        salt=PERSON_COOKIE_SALT,
        max_age=PERSON_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
