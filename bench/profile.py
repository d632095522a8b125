"""`manage.py bench --profile "module page"`: where one page's time goes, step by step.

The page is requested on the one-board dataset after a warm-up, then profiled (cProfile) over
`requests` requests. A step is one of BoardReady's own functions, or one of the Django and
Wagtail steps every page takes (routing, the view, rendering the template); the middleware that
wraps the whole request is left out, as it would top every list. Each step's share is its
inclusive time over the whole request's, so steps that call one another overlap.
"""

from __future__ import annotations

import cProfile
import pstats
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from . import dataset as data
from .pages import BASELINES, PAGES
from .runner import Probe, clients_for

# Framework steps worth naming beside the project's own code: (file ending, function).
FRAMEWORK_STEPS = {
    ("wagtail/views.py", "serve"): "Wagtail: find and serve the page",
    ("wagtail/models/pages.py", "route"): "Wagtail: route the URL to a page",
    ("django/template/response.py", "render"): "Django: render the template",
    ("django/shortcuts.py", "render"): "Django: render the template",
    ("django/contrib/sessions/backends/db.py", "load"): "Django: read the session",
    ("django/contrib/auth/__init__.py", "get_user"): "Django: read the signed-in user",
}
# Whole-request wrappers: every request passes through them, so they are not steps.
WRAPPERS = ("middleware.py", "logs.py", "health.py", "exception.py", "decorators.py")


@dataclass(frozen=True)
class Step:
    name: str
    calls_per_request: float
    ms_per_request: float
    share: float  # of the request's time (profiled), 0 to 1


def _label(filename: str, function: str) -> str | None:
    for (ending, name), label in FRAMEWORK_STEPS.items():
        if function == name and filename.endswith(ending):
            return label
    base = str(settings.BASE_DIR)
    if not filename.startswith(base) or "/.venv/" in filename:
        return None
    relative = Path(filename).relative_to(base)
    if relative.parts[0] in ("bench", "tests") or relative.name in WRAPPERS:
        return None
    if function.startswith("<"):  # a lambda or comprehension inside a step already listed
        return None
    return f"{relative.with_suffix('')}.{function}".replace("/", ".")


def profile_page(name: str, *, requests: int = 100, top: int = 5) -> tuple[float, list[Step]]:
    """(milliseconds a request while profiled, the `top` most expensive steps)."""
    pages = {page.name: page for page in BASELINES + PAGES}
    page = pages[name]
    dataset = data.build()
    probe = Probe(page, clients_for(dataset)[page.who], dataset)
    for _ in range(10):
        probe.request()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        probe.request()
    profiler.disable()
    # {(file, line, function): (calls, primitive calls, own time, inclusive time, callers)}
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # not in typeshed
    total = next(
        cumulative
        for (filename, _, function), (_, _, _, cumulative, _) in stats.items()
        if filename.endswith("bench/runner.py") and function == "request"
    )
    steps: dict[str, list[float]] = {}
    for (filename, _, function), (_, calls, _, cumulative, _) in stats.items():
        label = _label(filename, function)
        if label is None:
            continue
        step = steps.setdefault(label, [0.0, 0.0])
        step[0] += calls
        step[1] = max(step[1], cumulative)  # a step named twice (render) counts once
    ranked = sorted(steps.items(), key=lambda item: item[1][1], reverse=True)[:top]
    return total * 1000 / requests, [
        Step(label, calls / requests, seconds * 1000 / requests, seconds / total)
        for label, (calls, seconds) in ranked
    ]


def profile_table(name: str, ms: float, steps: list[Step]) -> str:
    lines = [
        f"{name}: {ms:.1f} ms a request while profiled",
        "",
        "| step | calls a request | ms a request (profiled) | share of the request |",
        "|---|---:|---:|---:|",
    ]
    for step in steps:
        lines.append(
            f"| {step.name} | {step.calls_per_request:g} | {step.ms_per_request:.1f} "
            f"| {step.share:.0%} |"
        )
    return "\n".join(lines)
