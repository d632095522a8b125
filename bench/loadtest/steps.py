"""The multi-process load test's own steps (`make loadtest LOADTEST_ARGS=--multi`), each with a
verdict of its own. Plain HTTP from threads, no locust: each step needs every response's timing,
status, body and the worker that served it (`bench.middleware.worker_header`).

- `publish`: every gunicorn worker serves the navigation's old address; a module change is
  published (a new revision, as an editor would); every worker must serve the new address within
  `PUBLISH_LIMIT` seconds, and no request started after the publish may show the old one.
- `database_restart`: people keep reading while PostgreSQL restarts; a request in the window
  gets the service's clean 503 page (or a normal page), and every request outside it succeeds.
- `worker_queue`: with the task worker stopped, `send_reminders` queues emails and none goes
  out; once the worker is back, each goes out exactly once, however often the command ran.
"""

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.middleware import WORKER_HEADER

PUBLISH_LIMIT = 1.0  # seconds within which every worker must serve the new navigation
RESTART_GRACE = 2.0  # seconds after the restart command returns that still count as its window
UNAVAILABLE = "Sorry, the service is unavailable"  # templates/503.html's heading


def person_headers(person: dict) -> dict:
    """A simulated person's request headers: their session cookies, behind the pretend TLS proxy."""
    cookies = "; ".join(f"{name}={value}" for name, value in person["cookies"].items())
    return {"X-Forwarded-Proto": "https", "Cookie": cookies}


@dataclass(frozen=True)
class Probe:
    started: float
    finished: float
    status: int
    worker: str
    body: str
    error: str = ""


def fetch(url: str, headers: dict, timeout: float = 15) -> Probe:
    """One GET, never following redirects; a refused or broken connection is status 0."""
    started = time.monotonic()
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (127.0.0.1 only)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read().decode("utf-8", "replace")
            return Probe(
                started,
                time.monotonic(),
                response.status,
                response.headers.get(WORKER_HEADER, ""),
                body,
            )
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        return Probe(
            started, time.monotonic(), error.code, error.headers.get(WORKER_HEADER, ""), body
        )
    except OSError as error:
        return Probe(started, time.monotonic(), 0, "", "", error=str(error))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Readers:
    """`threads` people requesting `urls` round and round until stopped; every response kept."""

    def __init__(self, targets: list[tuple[str, dict]], threads: int, pause: float = 0.0):
        self.targets = targets
        self.pause = pause
        self.probes: list[Probe] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._read, args=(index,), daemon=True)
            for index in range(threads)
        ]

    def _read(self, index: int) -> None:
        position = index
        while not self._stop.is_set():
            url, headers = self.targets[position % len(self.targets)]
            probe = fetch(url, headers)
            with self._lock:
                self.probes.append(probe)
            position += 1
            if self.pause:
                self._stop.wait(self.pause)

    def snapshot(self) -> list[Probe]:
        with self._lock:
            return list(self.probes)

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)


@dataclass
class StepResult:
    name: str
    passed: bool
    summary: str
    requests: int = 0
    problems: list[str] = field(default_factory=list)


def _href(address: str) -> str:
    return f'href="{address}"'


def publish(
    *, url: str, headers: dict, old: str, publish_change: Callable[[], str], workers: int
) -> StepResult:
    """Every worker on the old address, the change published (`publish_change` returns the new
    address), every worker on the new one."""
    problems = []
    with Readers([(url, headers)], threads=workers * 2) as readers:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            before = {
                p.worker for p in readers.snapshot() if p.status == 200 and _href(old) in p.body
            }
            if len(before) >= workers:
                break
            time.sleep(0.1)
        else:
            problems.append(f"only {len(before)} of {workers} workers served the old address first")
        new = publish_change()
        published = time.monotonic()
        while time.monotonic() < published + 5:
            after = {
                p.worker
                for p in readers.snapshot()
                if p.started >= published and p.status == 200 and _href(new) in p.body
            }
            if len(after) >= workers:
                break
            time.sleep(0.02)
    probes = readers.snapshot()
    later = [p for p in probes if p.started >= published]
    stale = [p for p in later if _href(old) in p.body]
    failed = [p for p in probes if p.status != 200]
    first_new: dict[str, float] = {}
    for probe in sorted(later, key=lambda p: p.finished):
        if probe.status == 200 and _href(new) in probe.body:
            first_new.setdefault(probe.worker, probe.finished - published)
    slowest = max(first_new.values()) if first_new else None
    if len(first_new) < workers:
        problems.append(f"only {len(first_new)} of {workers} workers served the new address")
    elif slowest is not None and slowest > PUBLISH_LIMIT:
        problems.append(f"the last worker served the new address after {slowest:.2f} s")
    if stale:
        problems.append(f"{len(stale)} request(s) started after the publish showed the old address")
    if failed:
        problems.append(f"{len(failed)} request(s) failed ({_statuses(failed)})")
    summary = (
        f"{len(first_new)} of {workers} workers served {new} within "
        f"{'–' if slowest is None else f'{slowest * 1000:.0f} ms'} of the publish; "
        f"{len(stale)} stale and {len(failed)} failed of {len(probes)} requests"
    )
    return StepResult("publish", not problems, summary, len(probes), problems)


def database_restart(
    *, targets: list[tuple[str, dict]], restart: Callable[[], object], seconds: float, at: float
) -> StepResult:
    """Readers throughout; PostgreSQL restarted `at` seconds in; judged inside and outside."""
    with Readers(targets, threads=4, pause=0.05) as readers:
        time.sleep(at)
        window_start = time.monotonic()
        restart()
        window_end = time.monotonic() + RESTART_GRACE
        time.sleep(max(0.0, seconds - at - (time.monotonic() - window_start)))
    probes = readers.snapshot()

    def in_window(probe: Probe) -> bool:
        return probe.finished >= window_start and probe.started <= window_end

    inside = [p for p in probes if in_window(p)]
    outside = [p for p in probes if not in_window(p)]
    clean = [p for p in inside if p.status == 503 and UNAVAILABLE in p.body]
    unclean = [p for p in inside if p.status != 200 and p not in clean]
    failed_outside = [p for p in outside if p.status != 200]
    problems = []
    if unclean:
        problems.append(
            f"{len(unclean)} request(s) in the window were not a clean 503 ({_statuses(unclean)})"
        )
    if failed_outside:
        problems.append(
            f"{len(failed_outside)} request(s) outside the window failed "
            f"({_statuses(failed_outside)})"
        )
    summary = (
        f"restart window {window_end - window_start:.1f} s: {len(inside)} requests in it "
        f"({len(clean)} clean 503, {len(inside) - len(clean) - len(unclean)} served); "
        f"{len(outside)} outside it, {len(failed_outside)} failed"
    )
    return StepResult("database restart", not problems, summary, len(probes), problems)


def _statuses(probes: list[Probe]) -> str:
    counts: dict[str, int] = {}
    for probe in probes:
        key = str(probe.status) if probe.status else f"no answer: {probe.error[:60]}"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{key} × {count}" for key, count in sorted(counts.items()))


def worker_queue(
    *,
    stop_worker: Callable[[], None],
    start_worker: Callable[[], None],
    send_reminders: Callable[[], object],
    tasks: Callable[[], dict[str, int]],
    emails: Callable[[], list[tuple[str, ...]]],
    timeout: float = 90,
) -> StepResult:
    """Worker down: emails queue and none goes out; back: each goes out once."""
    problems = []
    stop_worker()
    before = tasks()
    send_reminders()
    send_reminders()  # cron may run it again before the worker is back: nothing twice
    queued = tasks().get("READY", 0) - before.get("READY", 0)
    sent_while_down = len(emails())
    if queued == 0:
        problems.append("send_reminders queued no email (the dataset has nothing due?)")
    if sent_while_down:
        problems.append(f"{sent_while_down} email(s) went out with the worker stopped")
    start_worker()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        counts = tasks()
        if not counts.get("READY") and not counts.get("RUNNING"):
            break
        time.sleep(0.5)
    else:
        problems.append(f"tasks still waiting after {timeout:.0f} s: {counts}")
    counts = tasks()
    sent = emails()
    twice = len(sent) - len(set(sent))  # the same message to the same person
    if counts.get("FAILED"):
        problems.append(f"{counts['FAILED']} task(s) failed")
    if twice:
        problems.append(f"{twice} email(s) went out twice")
    if queued and not sent:
        problems.append(f"{queued} email task(s) ran but no email went out")
    summary = (
        f"worker stopped: {queued} emails queued, {sent_while_down} sent; worker back: "
        f"{len(sent)} sent, {twice} twice, {counts.get('FAILED', 0)} tasks failed"
    )
    return StepResult("worker down and back", not problems, summary, queued, problems)
