"""Personal parts of pages, cached under everything they read.

The member's home sections, the facilitator's session page and the chair's dashboard are the
same from one request to the next until something they show changes. A fragment is rendered
once and kept in the cache with the database tables its queries read; it is served again only
while none of those tables has been written since.

How nothing served can be stale:

- Every statement BoardReady sends to the database passes `observe` (an execute wrapper on every
  connection). A SELECT made while a fragment is being computed adds its tables to the
  fragment's list. A write (INSERT, UPDATE, DELETE, from the ORM, a bulk update or raw SQL)
  gives each table it writes a new *stamp* from one shared sequence. A statement that changes
  the schema or names no table it writes moves the *epoch*, which every fragment depends on.
- Inside a transaction, a write is seen only by the connection that made it until it commits.
  So it gives its tables a stamp of this connection's own at once (a negative number, never
  stored in the shared cache and never handed out twice), which this connection's fragments
  depend on beside the shared stamps and no other's do; every table the transaction wrote gets
  one stamp from the shared sequence when it commits, in one call. A transaction rolled back
  stamps nothing, and a fragment kept under one of its own stamps is never served again.
- A fragment is stored with the stamps of its tables and the epoch, and served only while every
  one of them is unchanged. The sequence is read before the fragment is computed; if any of its
  tables has a stamp beyond that by the time it is stored, a write landed while it was being
  computed, and it is not stored. A fragment whose computation writes is never stored.
- What a fragment shows but does not read itself (objects loaded earlier in the request) is
  either in its key (`key`) or named in `reads`, whose tables count as read. The key also holds
  the person, their language, the address with its query and the minute, so a fragment that
  depends on the clock is at most as old as the minute it shows (sessions start, and dates
  turn, on the minute).
- Forms keep working: a stored fragment holds a marker where its CSRF token was, and each
  request writes its own token there.

The stamps are only as shared as the cache, so fragments are cached only when
`BOARDREADY_FRAGMENTS` is on: with a shared cache (`CACHE_URL`), or in settings that run one
process (development, tests, the benchmark). Each process keeping its own cache would let one
process serve what another has changed. A stamp that cannot be written (the cache is down) stops
this process serving fragments until it has moved the epoch. Entries expire after
`TIMEOUT` seconds whatever happens.

Caching by the tables read rather than by hand-written keys means a new query in a section is
tracked without anyone remembering to; the cost is that a write to a table invalidates every
fragment that read it, not only the rows that changed.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest

TIMEOUT = 600
SEQUENCE = "fragments:sequence"
EPOCH = "fragments:epoch"
PREFIX = "fragments:entry:"
CSRF_PLACEHOLDER = "__boardready_csrf__"

_READ = re.compile(r'\b(?:FROM|JOIN)\s+"?([A-Za-z_][\w$]*)"?', re.IGNORECASE)
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_][\w$]*)"?',
    re.IGNORECASE,
)
# A WITH … that writes (Django never sends one; raw SQL might): its tables are not named here,
# so it moves the epoch.
_CTE_WRITE = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
# Statements that neither read a table a fragment shows nor change one.
_NEUTRAL = ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SET ", "SHOW", "PRAGMA")
T = TypeVar("T")
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


@dataclass
class _Capture:
    tables: set[str] = field(default_factory=set)
    wrote: bool = False


_capture: ContextVar[_Capture | None] = ContextVar("fragment_capture", default=None)
# Set when a stamp could not be written: this process serves and stores no fragment until the
# epoch has moved, since another process may hold one that the lost stamp should have ended.
_unsure = False


def enabled() -> bool:
    return bool(getattr(settings, "BOARDREADY_FRAGMENTS", False)) and not _unsure


# --- Watching the database ---------------------------------------------------------------


def install(sender=None, connection=None, **kwargs) -> None:
    """Adds `observe` to a new database connection (the `connection_created` signal)."""
    if connection is not None and observe not in connection.execute_wrappers:
        connection.execute_wrappers.append(observe)


def observe(execute, sql, params, many, context):
    """The execute wrapper: notes the tables a fragment reads; stamps the tables written."""
    statement = sql.lstrip()
    head = statement[:9].upper()
    if head.startswith("SELECT") or (head.startswith("WITH") and not _CTE_WRITE.search(sql)):
        capture = _capture.get()
        if capture is not None:
            capture.tables.update(name.lower() for name in _READ.findall(statement))
        return execute(sql, params, many, context)
    result = execute(sql, params, many, context)
    if head.startswith(_NEUTRAL):
        return result
    capture = _capture.get()
    if capture is not None:
        capture.wrote = True
    match = _WRITE.match(statement)
    tables = [match.group(1).lower()] if match else None  # None: the epoch moves
    database = context["connection"]
    if not database.in_atomic_block:
        stamp(tables)
        return result
    written = _written(database)
    for key in [_table_key(table) for table in tables] if tables is not None else [EPOCH]:
        written[key] = -next(_own_stamps)
    # Registered with every write: a hook registered inside a savepoint that is rolled back is
    # dropped, and the first hook that runs stamps everything the transaction wrote.
    transaction.on_commit(lambda: _commit(database), using=database.alias)
    return result


def _written(database) -> dict[str, int]:
    """The stamps of this connection's open transaction (forgotten once it has ended)."""
    written = vars(database).setdefault("boardready_fragment_stamps", {})
    if written and not database.in_atomic_block:
        written.clear()  # it was rolled back: its commit hook never ran
    return written


def _commit(database) -> None:
    written = vars(database).get("boardready_fragment_stamps")
    if not written:
        return
    keys = list(written)
    written.clear()
    stamp(None if EPOCH in keys else [key.removeprefix(_TABLE) for key in keys])


def _start_sequence() -> None:
    # A random start, so a sequence begun again never hands out a stamp seen before.
    cache.add(SEQUENCE, random.randrange(2**40, 2**50), None)  # noqa: S311 (not a secret)


def _next() -> int | None:
    try:
        return cache.incr(SEQUENCE)
    except ValueError:  # no sequence yet, or the cache lost it
        _start_sequence()
        try:
            return cache.incr(SEQUENCE)
        except ValueError:
            return None


# This process's own stamps for writes not yet committed: negative, so never one of the shared
# sequence's, and starting at random, so never one another process or an earlier run handed out.
_own_stamps = itertools.count(random.randrange(2**40, 2**50))  # noqa: S311 (not a secret)


def stamp(tables: Iterable[str] | None) -> None:
    """Gives `tables` (or, with None, the epoch) a new stamp: a fragment that read any of them
    is not served again."""
    global _unsure
    value = _next()
    keys = [_table_key(name) for name in tables] if tables is not None else [EPOCH]
    if value is None or cache.set_many(dict.fromkeys(keys, value), None):
        _unsure = True
    elif tables is None:
        _unsure = False


_TABLE = "fragments:table:"
_OWN = "own:"


def _table_key(table: str) -> str:
    return _TABLE + table


def forget_everything() -> None:
    """Moves the epoch: every fragment is computed afresh (after a restore, say)."""
    stamp(None)


# --- Serving fragments -------------------------------------------------------------------


@dataclass(frozen=True)
class Fragment:
    """What a fragment rendered, and whatever its view needs on every request (`extra`)."""

    html: SafeString
    extra: Any = None


def tables_of(models: Iterable[type[Model]]) -> set[str]:
    """The tables a model's rows live in, its parents' included (a Wagtail page's fields live
    in its own table and in wagtailcore_page)."""
    tables = set()
    for model in models:
        tables.add(model._meta.db_table.lower())
        tables.update(parent._meta.db_table.lower() for parent in model._meta.get_parent_list())
    return tables


def field_values(instance: Model | None) -> list[object]:
    """Every stored value of a row read before the fragment, for its key."""
    if instance is None:
        return []
    return [getattr(instance, f.attname) for f in instance._meta.concrete_fields]


def _entry_key(request: HttpRequest, name: str, key: Iterable[object]) -> str:
    user = getattr(request, "user", None)
    parts = [
        name,
        getattr(user, "pk", None),
        translation.get_language(),
        request.get_full_path(),
        timezone.now().strftime("%Y%m%d%H%M"),
        *key,
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"{PREFIX}{name}:{digest}"


def _stamps(tables: Iterable[str]) -> dict[str, int | None]:
    """The shared stamp of each table and of the epoch, and this connection's own beside it
    where its open transaction wrote them."""
    keys = [EPOCH, *(_table_key(t) for t in sorted(tables))]
    found = cache.get_many(keys)
    stamps = {key: found.get(key) for key in keys}
    written = _written(connections[DEFAULT_DB_ALIAS])
    stamps.update({_OWN + key: written[key] for key in keys if key in written})
    return stamps


def _with_token(request: HttpRequest, html: str) -> SafeString:
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # noqa: S308 (rendered by our own templates, escaped there)


def _sequence() -> int | None:
    before = cache.get(SEQUENCE)
    if before is None:  # nothing written since the cache began
        _start_sequence()
        before = cache.get(SEQUENCE)
    return before


def _through_cache(
    entry_key: str,
    compute: Callable[[], T],
    *,
    reads: Iterable[type[Model]],
    store: Callable[[T], object] = lambda value: value,
    load: Callable[[Any], T] = lambda stored: stored,
    timeout: Callable[[T], float] | None = None,
) -> T:
    """The heart of it: `load`(the stored value) while every table it read is unchanged,
    otherwise `compute()`, kept as `store`(value) if nothing it read changed meanwhile."""
    outer = _capture.get()
    extra_tables = tables_of(reads)
    if outer is not None:
        outer.tables.update(extra_tables)
    if _unsure:  # a stamp was lost: end every fragment before serving one again
        forget_everything()
    if not enabled():
        return compute()
    found = cache.get_many([entry_key, SEQUENCE])  # one call to a shared cache, not two
    entry = found.get(entry_key)
    if entry is not None:
        tables, stamps, stored = entry
        if _stamps(tables) == stamps:
            if outer is not None:
                outer.tables.update(tables)
            return load(stored)
    before = found.get(SEQUENCE) or _sequence()
    capture = _Capture(tables=set(extra_tables))
    token = _capture.set(capture)
    try:
        value = compute()
    finally:
        _capture.reset(token)
    if outer is not None:
        outer.tables.update(capture.tables)
        outer.wrote = outer.wrote or capture.wrote
    if capture.wrote or before is None or not enabled():
        return value
    stamps = _stamps(capture.tables)
    # What was never stamped gets the sequence as it stood, so a stamp the cache later loses
    # reads as a change rather than as "never written".
    unstamped = [key for key, value in stamps.items() if value is None]
    if unstamped:
        for key in unstamped:
            cache.add(key, before, None)
        stamps.update(cache.get_many(unstamped))
    if any(stamp is None or stamp > before for stamp in stamps.values()):
        return value  # written while it was computed: use it, keep nothing
    seconds = TIMEOUT if timeout is None else min(TIMEOUT, timeout(value))
    if seconds > 0:
        cache.set(entry_key, (sorted(capture.tables), stamps, store(value)), seconds)
    return value


def shared(
    name: str,
    compute: Callable[[], T],
    *,
    key: Iterable[object],
    reads: Iterable[type[Model]] = (),
    timeout: Callable[[T], float] | None = None,
) -> T:
    """A value (model instances, say) cached under `key` and the tables `compute` read, for
    whoever asks: `key` must name everything else it depends on. `timeout(value)` can shorten
    how long it is kept."""
    digest = hashlib.sha256(repr([name, *key]).encode()).hexdigest()
    return _through_cache(f"{PREFIX}{name}:{digest}", compute, reads=reads, timeout=timeout)


def fragment(
    request: HttpRequest,
    name: str,
    compute: Callable[[], Fragment],
    *,
    key: Iterable[object] = (),
    reads: Iterable[type[Model]] = (),
) -> Fragment:
    """The fragment `name` for this request: from the cache while nothing it read has changed,
    otherwise `compute()`d (and stored, unless it wrote or something it read changed meanwhile)."""

    def store(made: Fragment) -> tuple[str, Any]:
        return _TOKEN.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", str(made.html)), made.extra

    def load(stored: tuple[str, Any]) -> Fragment:
        return Fragment(_with_token(request, stored[0]), stored[1])

    return _through_cache(
        _entry_key(request, name, key), compute, reads=reads, store=store, load=load
    )


def html(
    request: HttpRequest,
    name: str,
    render: Callable[[], str],
    *,
    key: Iterable[object] = (),
    reads: Iterable[type[Model]] = (),
) -> SafeString:
    """What `render()` returns, as a fragment."""

    def compute() -> Fragment:
        return Fragment(mark_safe(render()))  # noqa: S308 (rendered from our own templates)

    return fragment(request, name, compute, key=key, reads=reads).html


def rendered(
    request: HttpRequest,
    name: str,
    template: str,
    context: Callable[[], dict[str, Any]],
    *,
    key: Iterable[object] = (),
    reads: Iterable[type[Model]] = (),
) -> SafeString:
    """`template` rendered with `context()` as a fragment: the context is built only when the
    fragment is not in the cache."""
    return html(
        request,
        name,
        lambda: render_to_string(template, context(), request),
        key=key,
        reads=reads,
    )
