"""Row type and shorthands for the access table."""

from collections.abc import Callable
from dataclasses import dataclass, field

PERSONAS = ("anonymous", "member", "other_member", "facilitator", "chair", "other_chair", "editor")

# Shorthand for a sign-in redirect, which anonymous people get on every signed-in page.
LOGIN = 302


@dataclass(frozen=True)
class Row:
    """One URL and what each persona gets back.

    `url` takes the World fixture (and may create objects it needs) and returns the path.
    `expect` maps every persona to a status code; `data` is posted when `method` is "post".
    """

    name: str
    url: Callable
    expect: dict
    method: str = "get"
    data: Callable | None = None
    follow: bool = False
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        missing = set(PERSONAS) - set(self.expect)
        if missing:
            raise ValueError(f"{self.name}: no expected status for {sorted(missing)}")


def everyone(status, **overrides):
    """The same status for every persona, with named exceptions."""
    return {persona: overrides.get(persona, status) for persona in PERSONAS}


def signed_in(status, *, anonymous=LOGIN, **overrides):
    """A page for signed-in people: anonymous visitors are sent to sign in."""
    return everyone(status, anonymous=anonymous, **overrides)
