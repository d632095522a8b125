"""The bad-input sweep's machinery: endpoints, malformed payloads and a data fingerprint.

Each area lists its form endpoints in `tests/security/forms_<area>.py` as `ENDPOINTS`, a list
of `Endpoint`. `test_bad_input.py` posts hypothesis-made bad data to each as every persona,
and also posts to every POST URL no table lists yet (shallowly: it cannot know the fields).
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from hypothesis import strategies as st

PROJECT_APP_PREFIXES = ("learning", "modules", "reflection")
# Written on every request or sign-in attempt, whatever the form does.
NOISY_MODELS = {"audit.AuditEvent", "audit.UserSession"}


@dataclass(frozen=True)
class Endpoint:
    """A view that takes a POST.

    `url` takes the World and returns the path (it may create what the path needs);
    `fields` maps each form field to its kind: text, int, id, email, choice, date, bool;
    `choices` lists a choice field's valid values; `ids` returns other people's ids to try in
    id fields; `watch` names the app labels whose data must not change when the form refuses.
    """

    name: str
    url_name: str
    url: Callable
    fields: dict
    choices: dict = field(default_factory=dict)
    ids: Callable | None = None
    watch: tuple = ("learning",)


HUGE = "x" * 200_000

_TEXT = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.just(HUGE),
    st.just("\x00"),
    st.just("<script>alert(1)</script>"),
    st.integers().map(str),
)
_DATE = st.sampled_from(
    ["", "2026-02-30", "31/02/2026", "yesterday", "9999-12-31", "0001-01-01", "2026-13-01"]
)
_BOOL = st.sampled_from(["", "on", "true", "false", "2", "yes", "None"])
_EMAIL = st.one_of(
    st.just(""),
    st.just("not-an-email"),
    st.just("a" * 300 + "@example.nhs.uk"),
    st.just("someone@example.nhs.uk"),
    _TEXT,
)


def _int_like(other_ids):
    options = [
        st.just(""),
        st.just("abc"),
        st.just("1.5"),
        st.just("-1"),
        st.integers(min_value=-(10**18), max_value=10**18).map(str),
    ]
    if other_ids:
        options.append(st.sampled_from([str(i) for i in other_ids]))
    return st.one_of(*options)


def _field_strategy(kind, name, endpoint, other_ids):
    if kind in ("int", "id"):
        return _int_like(other_ids)
    if kind == "email":
        return _EMAIL
    if kind == "date":
        return _DATE
    if kind == "bool":
        return _BOOL
    if kind == "choice":
        valid = endpoint.choices.get(name, [])
        return st.one_of(st.just("zzz-unknown"), st.just(""), st.sampled_from(valid or ["?"]))
    return _TEXT


def payloads(endpoint: Endpoint, other_ids=()):
    """Dictionaries with some fields missing, others wrong, repeated or far too long."""
    optional = {}
    for name, kind in endpoint.fields.items():
        single = _field_strategy(kind, name, endpoint, other_ids)
        optional[name] = st.one_of(single, st.lists(single, min_size=2, max_size=3))
    optional["unexpected_field"] = _TEXT
    return st.fixed_dictionaries({}, optional=optional)


def _watched_models(labels):
    for model in apps.get_models():
        if model._meta.app_label in labels and model._meta.label not in NOISY_MODELS:
            yield model


def fingerprint(labels) -> dict:
    """Every row of the watched apps' models, hashed per model."""
    prints = {}
    for model in _watched_models(set(labels)):
        rows = model.objects.order_by("pk").values_list()
        prints[model._meta.label] = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return prints
