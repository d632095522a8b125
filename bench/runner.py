"""Times every page in `bench.pages` at each dataset size, in this one process, and checks the
targets of the performance issue. `manage.py bench` (and `make bench`) runs it.

For each page and dataset size: a few warm-up requests, two requests whose queries are counted,
then N timed requests through Django's test client (the whole middleware stack, no network).
On SQLite (in this process) each request is timed as the process's CPU time, which other
programs on a shared machine do not move; on another database, whose work is done by its own
server, as wall-clock time. Both are kept. The report gives the median and 95th percentile and
their ratios to the two baselines timed in the same run.
"""

import gc
import json
import platform
import statistics
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from . import dataset as data
from .pages import ANSWER, BASELINES, DASHBOARD, FLOOR, MODULE, PAGES, PDF, REFERENCE

WARM_UP = 5

# The targets, as the issue states them.
MODULE_VS_REFERENCE = 2.0
DASHBOARD_VS_MODULE = 3.0
PDF_100_VS_25 = 5.0
LARGEST_VS_SMALLEST = 1.5


@dataclass
class Timing:
    """Milliseconds per request: `median_ms` and `p95_ms` as the report measures them (CPU time
    on SQLite, wall-clock otherwise), and wall-clock time always."""

    page: str
    stage: str
    median_ms: float
    p95_ms: float
    queries: int
    requests: int
    wall_median_ms: float = 0.0
    wall_p95_ms: float = 0.0


@dataclass
class Target:
    name: str
    measured: float | str
    limit: float | str
    met: bool


@dataclass
class Report:
    requests: int
    machine: str
    database: str
    started: str
    timings: list[Timing] = field(default_factory=list)
    large_pdf: Timing | None = None
    targets: list[Target] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def met(self) -> bool:
        return all(target.met for target in self.targets)

    def timing(self, page: str, stage: str) -> Timing:
        return next(t for t in self.timings if t.page == page and t.stage == stage)

    def stages(self) -> list[str]:
        return list(dict.fromkeys(t.stage for t in self.timings))


def _machine() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def _request(client, url, payload):
    if payload is None:
        return client.get(url)
    return client.post(url, payload)


def measure(page, client, dataset, *, stage: str, requests: int, warm_up: int = WARM_UP) -> Timing:
    url = page.path(dataset)
    payload = page.data(dataset) if page.data else None
    for _ in range(warm_up):
        response = _request(client, url, payload)
        if response.status_code != page.expect:
            raise RuntimeError(f"{page.name}: {url} answered {response.status_code}")
    # The fewer of two counts: a signed-in session is written back at most once a minute
    # (learning.middleware.SessionTimeoutMiddleware), which would otherwise add one at random.
    queries = min(count_queries(lambda: _request(client, url, payload)) for _ in range(2))
    gc.collect()
    cpu, wall = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = _request(client, url, payload)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        if response.status_code != page.expect:
            raise RuntimeError(f"{page.name}: {url} answered {response.status_code}")
    measured = cpu if connection.vendor == "sqlite" else wall
    return Timing(
        page.name,
        stage,
        statistics.median(measured),
        _p95(measured),
        queries,
        requests,
        wall_median_ms=statistics.median(wall),
        wall_p95_ms=_p95(wall),
    )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def count_queries(call) -> int:
    """How many statements `call` sends to the database (savepoints included)."""
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        call()
    return count


def clients_for(dataset) -> dict[str, Client]:
    from tests.conftest import sign_in

    return {
        who: sign_in(Client(), getattr(dataset, who)) for who in ("member", "chair", "facilitator")
    }


def _check_targets(report: Report) -> None:
    large_pdf = report.large_pdf
    stages = report.stages()
    first, last = stages[0], stages[-1]
    add = report.targets.append
    for stage in stages:
        module = report.timing(MODULE.name, stage).median_ms
        reference = report.timing(REFERENCE.name, stage).median_ms
        dashboard = report.timing(DASHBOARD.name, stage).median_ms
        add(
            Target(
                f"module page / plain Wagtail page ({stage})",
                round(module / reference, 2),
                MODULE_VS_REFERENCE,
                module / reference <= MODULE_VS_REFERENCE,
            )
        )
        add(
            Target(
                f"dashboard (25 members) / module page ({stage})",
                round(dashboard / module, 2),
                DASHBOARD_VS_MODULE,
                dashboard / module <= DASHBOARD_VS_MODULE,
            )
        )
    for page in PAGES:
        if "constant queries" in page.tags:
            counts = [report.timing(page.name, stage).queries for stage in stages]
            if page is PDF and large_pdf is not None:
                counts.append(large_pdf.queries)
            add(
                Target(
                    f"{page.name}: same queries at every size",
                    " / ".join(map(str, counts)),
                    "all equal",
                    len(set(counts)) == 1,
                )
            )
    if large_pdf is not None:
        ratio = large_pdf.median_ms / report.timing(PDF.name, last).median_ms
        add(Target("board paper PDF, 100 members / 25", round(ratio, 2), PDF_100_VS_25, ratio <= 5))
    if first != last:
        for page in BASELINES + PAGES:
            largest, smallest = report.timing(page.name, last), report.timing(page.name, first)
            ratio = largest.median_ms / smallest.median_ms
            add(
                Target(
                    f"{page.name}: {last} / {first}",
                    round(ratio, 2),
                    LARGEST_VS_SMALLEST,
                    ratio <= LARGEST_VS_SMALLEST,
                )
            )


def run(
    *,
    requests: int = 200,
    stages=data.STAGES,
    large_board: bool = True,
    warm_up: int = WARM_UP,
    log=print,
) -> Report:
    """Builds the dataset stage by stage and times every page at each. Needs a database of
    its own: the management command makes a throwaway one."""
    report = Report(
        requests=requests,
        machine=_machine(),
        database=connection.vendor,
        started=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    began = time.perf_counter()
    with override_settings(ROOT_URLCONF="bench.urls"):
        log("Building the one-board dataset…")
        dataset = data.build()
        clients = clients_for(dataset)
        # The question is measured answered at every size (the answer is posted again and
        # again below), so it is answered once before the first size too.
        _request(clients[ANSWER.who], ANSWER.path(dataset), ANSWER.data(dataset))
        for stage, trusts in stages:
            if trusts > dataset.trusts:
                log(f"Growing to {trusts} trusts…")
                data.grow(dataset, trusts)
            for page in BASELINES + PAGES:
                client = clients[page.who]
                timing = measure(
                    page, client, dataset, stage=stage, requests=requests, warm_up=warm_up
                )
                report.timings.append(timing)
                log(
                    f"  {stage:>11} | {page.name:<22} median {timing.median_ms:8.1f} ms  "
                    f"p95 {timing.p95_ms:8.1f} ms  {timing.queries:3d} queries"
                )
        if large_board:
            log(f"Adding a board of {data.LARGE_BOARD_MEMBERS} members…")
            board = data.large_board(dataset)
            large = replace(dataset, board=board, chair=board.chair)
            chair = clients_for(large)["chair"]
            report.large_pdf = measure(
                PDF, chair, large, stage="100 members", requests=requests, warm_up=warm_up
            )
            log(f"  board paper PDF, 100 members: median {report.large_pdf.median_ms:.1f} ms")
        _check_targets(report)
    report.seconds = round(time.perf_counter() - began, 1)
    return report


def table(report: Report) -> str:
    """The figures as a Markdown table: per page and size, median and p95 as ratios to the
    floor and the plain-Wagtail page, with the median in milliseconds and the query count."""
    lines = [
        "| page | dataset | median ms | p95 ms | × floor | × plain Wagtail | queries "
        "| wall-clock median ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [(t, t.stage) for t in report.timings]
    if report.large_pdf is not None:
        rows.append((report.large_pdf, report.stages()[-1]))
    for timing, stage in rows:
        floor = report.timing(FLOOR.name, stage).median_ms
        reference = report.timing(REFERENCE.name, stage).median_ms
        lines.append(
            f"| {timing.page} | {timing.stage} | {timing.median_ms:.1f} | {timing.p95_ms:.1f} | "
            f"{timing.median_ms / floor:.1f} | {timing.median_ms / reference:.2f} | "
            f"{timing.queries} | {timing.wall_median_ms:.1f} |"
        )
    return "\n".join(lines)


def targets_table(report: Report) -> str:
    lines = ["| target | measured | limit | met |", "|---|---:|---:|---|"]
    for target in report.targets:
        met = "yes" if target.met else "**no**"
        lines.append(f"| {target.name} | {target.measured} | {target.limit} | {met} |")
    return "\n".join(lines)


def save(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = asdict(report) | {"met": report.met}
    path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
