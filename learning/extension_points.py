"""The places where each area plugs into the shared pages, and the order each one keeps.

Each area registers functions on these Wagtail hooks in its own `wagtail_hooks.py`, so no area
edits another's views. A function returns one of the small frozen dataclasses below (or None
where it has nothing to show), and names its item with a stable `key`. The shared pages gather
the items through the functions at the foot of this module, which check them and put them in
the order of that hook's list here: the one place that order is written down. An item whose key
is in no list, or a function that returns the wrong thing, raises `ExtensionPointError` at once
(and `tests/learning/test_extension_points.py` fails), so a new item cannot be forgotten.

| hook                   | registered function                  | gathered by          |
| ---------------------- | ------------------------------------ | -------------------- |
| HOME_SECTIONS          | fn(request, membership) -> HomeSection | None | home_sections  |
| NAV_LINKS              | fn(request) -> list[NavLink]         | nav_links            |
| MODULE_PAGE_PANELS     | fn(request, page) -> ModulePanel | None | module_page_panels |
| SEED_DEMO              | fn() -> DemoStep                     | demo_steps           |
| REMINDERS              | fn() -> Reminder                     | reminders            |
| PERSONAL_DATA          | fn(user) -> PersonalData, @covers(…) | personal_data        |
| ERASE_PERSON           | fn() -> Eraser                       | erasers              |

The demo, reminder and erasure hooks do things, and the order they do them in matters (the
sessions area keeps readiness before the assessment area detaches answers; knowledge checks
are loaded before the attempts that use them), so their functions take no argument and return
a step naming the work, which the caller runs in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

if TYPE_CHECKING:
    from django.http import HttpRequest
    from django_stubs_ext import StrOrPromise

    from learning.demo import DemoPeople
    from learning.models import Membership, User
    from modules.models import ModulePage

HOME_SECTIONS = "boardready_home_sections"
NAV_LINKS = "boardready_nav_links"
MODULE_PAGE_PANELS = "boardready_module_page_panels"
SEED_DEMO = "boardready_seed_demo"
REMINDERS = "boardready_reminders"
PERSONAL_DATA = "boardready_personal_data"
ERASE_PERSON = "boardready_erase_person"

# Sections of "My board development", top to bottom.
HOME_ORDER = ["sessions", "reading", "knowledge_checks", "assessment", "plans"]
# Header links, left to right; the first stay in the bar and the rest go under "More".
NAV_ORDER = [
    "home",
    "modules",
    "glossary",
    "dashboard",
    "sessions",
    "assessment",
    "plans",
    "journal",
    "wres",
]
# Panels after a module page's body, top to bottom.
MODULE_PANEL_ORDER = ["knowledge_check"]
# After the people (learning.demo.seed_people, which every step uses): content, then activity.
DEMO_ORDER = [
    "content",
    "knowledge_checks",
    "assessment",
    "plans",
    "journal",
    "sessions",
    "wres",
    "dashboard",
]
# Sessions first: lapsed knowledge checks are finished after the reading reminders, as before.
REMINDER_ORDER = ["sessions", "knowledge_checks", "assessment", "plans"]
# Sections of the personal data export, in the order the JSON lists them.
PERSONAL_DATA_ORDER = [
    "account",
    "security",
    "module_progress",
    "sessions",
    "wres",
    "knowledge_checks",
    "assessment",
    "plans",
    "journal",
]
# Sessions keep readiness from the answers before the assessment area detaches them.
ERASE_ORDER = ["sessions", "assessment"]

ORDERS: dict[str, list[str]] = {
    HOME_SECTIONS: HOME_ORDER,
    NAV_LINKS: NAV_ORDER,
    MODULE_PAGE_PANELS: MODULE_PANEL_ORDER,
    SEED_DEMO: DEMO_ORDER,
    REMINDERS: REMINDER_ORDER,
    PERSONAL_DATA: PERSONAL_DATA_ORDER,
    ERASE_PERSON: ERASE_ORDER,
}


class ExtensionPointError(ImproperlyConfigured):
    """A hook function returned something other than its dataclass, or a key in no order."""


class _ReadsContext:
    """Templates and callers read an item's values as `section.rows` or `section["rows"]`:
    Django's templates look a name up by item first, so the values need no wrapper. The
    values are the mapping in the field `_values_field` names."""

    _values_field: ClassVar[str] = "context"

    def __getitem__(self, name: str) -> Any:
        values: Mapping[str, Any] = getattr(self, self._values_field)
        return values[name]

    def __contains__(self, name: object) -> bool:
        return name in getattr(self, self._values_field)


@dataclass(frozen=True)
class HomeSection(_ReadsContext):
    """A section of "My board development", rendered from `template` with `section`."""

    key: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NavLink:
    """A header link. `current` is set by the context processor; `prefix=False` marks the link
    current on its own URL only, not on the pages below it."""

    key: str
    url: str
    label: str
    prefix: bool = True
    current: bool = False


@dataclass(frozen=True)
class ModulePanel(_ReadsContext):
    """A panel after a module page's body, rendered from `template` with `panel`; `anchor`
    (id, label) adds it to the page's "On this page" list."""

    key: str
    template: str
    anchor: tuple[str, StrOrPromise] | None = None
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoStep:
    """An area's demo data: `seed(people)`, safe to run more than once."""

    key: str
    seed: Callable[[DemoPeople], None]


@dataclass(frozen=True)
class Reminder:
    """An area's due reminders: `send(now)` returns how many emails it sent or queued, and
    keeps its own record so that running it twice sends nothing twice."""

    key: str
    send: Callable[[datetime], int | None]


@dataclass(frozen=True)
class PersonalData(_ReadsContext):
    """What an area holds about a person: export sections by name, ready for JSON."""

    _values_field: ClassVar[str] = "sections"

    key: str
    sections: Mapping[str, Any]


@dataclass(frozen=True)
class Eraser:
    """What an area keeps, or detaches, before a person's account is deleted: `erase(user)`."""

    key: str
    erase: Callable[[User], None]


Item = TypeVar("Item", HomeSection, NavLink, ModulePanel, DemoStep, Reminder, PersonalData, Eraser)


def _describe(fn: Callable[..., Any]) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"


def _checked(hook: str, fn: Callable[..., Any], value: object, kind: type[Item]) -> Item:
    if not isinstance(value, kind):
        raise ExtensionPointError(
            f"{_describe(fn)} on {hook} returned {value!r}, not a {kind.__name__}."
        )
    return value


def in_order(hook: str, items: Iterable[Item]) -> list[Item]:
    """`items` in the order of the hook's list; an unknown or repeated key raises."""
    order = ORDERS[hook]
    listed = list(items)
    seen: set[str] = set()
    for item in listed:
        if item.key not in order:
            raise ExtensionPointError(
                f"{hook}: {item.key!r} is in no order list. Add it where it belongs in "
                f"learning/extension_points.py ({', '.join(order)})."
            )
        if item.key in seen:
            raise ExtensionPointError(f"{hook}: two items have the key {item.key!r}.")
        seen.add(item.key)
    return sorted(listed, key=lambda item: order.index(item.key))


def _gather_one(hook: str, kind: type[Item], *args: Any) -> list[Item]:
    """Calls every function on `hook` with `args`; each must return one `kind`."""
    return in_order(hook, [_checked(hook, fn, fn(*args), kind) for fn in hooks.get_hooks(hook)])


def _gather_optional(hook: str, kind: type[Item], *args: Any) -> list[Item]:
    """Calls every function on `hook` with `args`; each returns one `kind` or None."""
    items = []
    for fn in hooks.get_hooks(hook):
        value = fn(*args)
        if value is not None:
            items.append(_checked(hook, fn, value, kind))
    return in_order(hook, items)


def home_sections(request: HttpRequest, membership: Membership | None) -> list[HomeSection]:
    """The sections each area adds to the person's home, in HOME_ORDER."""
    return _gather_optional(HOME_SECTIONS, HomeSection, request, membership)


def nav_links(request: HttpRequest) -> list[NavLink]:
    """Every header link the areas give this person, in NAV_ORDER."""
    links: list[NavLink] = []
    for fn in hooks.get_hooks(NAV_LINKS):
        value = fn(request)
        if not isinstance(value, list):
            raise ExtensionPointError(
                f"{_describe(fn)} on {NAV_LINKS} returned {value!r}, not a list of NavLink."
            )
        links.extend(_checked(NAV_LINKS, fn, link, NavLink) for link in value)
    return in_order(NAV_LINKS, links)


def module_page_panels(request: HttpRequest, page: ModulePage) -> list[ModulePanel]:
    """The panels each area shows after a module page's body, in MODULE_PANEL_ORDER."""
    return _gather_optional(MODULE_PAGE_PANELS, ModulePanel, request, page)


def demo_steps() -> list[DemoStep]:
    """Each area's demo data, in DEMO_ORDER."""
    return _gather_one(SEED_DEMO, DemoStep)


def reminders() -> list[Reminder]:
    """Each area's reminder sender, in REMINDER_ORDER."""
    return _gather_one(REMINDERS, Reminder)


def personal_data(user: User) -> list[PersonalData]:
    """What each area holds about `user`, in PERSONAL_DATA_ORDER."""
    return _gather_one(PERSONAL_DATA, PersonalData, user)


def erasers() -> list[Eraser]:
    """What each area does before a person is erased, in ERASE_ORDER."""
    return _gather_one(ERASE_PERSON, Eraser)
