"""The load test's verdict, from locust's statistics: pure functions, no Django, no locust.

A run passes when no request failed (in any run, the single-user ones included) and, for every
request name, the 95th percentile under load is at most `LIMIT` times that name's median when a
single person did the same thing alone. A name missing from either run also fails the run, so a
scenario that silently stopped requesting a page cannot pass.

The chairs' first dashboards all arrive at the same moment (BURST). Two workers can serve only
two at a time, so the last of 25 must wait for about twelve others whatever the page costs: the
same 3× rule is applied to each worker's share of the burst, that is, the burst's p95 may be at
most `LIMIT` × the single-user dashboard median × ⌈burst size / workers⌉. Every later opening of
the dashboard is held to the plain rule.

A member's request made while any of the burst is still unanswered is named with `DURING` after
its own name ("home (during the chairs' burst)") and judged apart: it may wait behind its
worker's whole share of the burst, so its p95 may be at most `LIMIT` × (its own single-user
median + the single-user dashboard median × ⌈burst size / workers⌉). Every other request of
that name is held to the plain rule, so a page that gives way under steady load still fails.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

LIMIT = 3.0  # the rule: p95 under load <= 3 x the single-user median
DASHBOARD = "dashboard"
BURST = "dashboard (all at once)"
DURING = " (during the chairs' burst)"


@dataclass(frozen=True)
class Stat:
    """One request name's figures from one locust run (times in milliseconds)."""

    name: str
    requests: int
    failures: int
    median_ms: float
    p95_ms: float


@dataclass(frozen=True)
class Row:
    name: str
    single_median_ms: float | None
    load_median_ms: float | None
    load_p95_ms: float | None
    requests: int
    failures: int
    ratio: float | None
    passed: bool
    reason: str = ""
    limit: float = LIMIT


@dataclass
class Verdict:
    rows: list[Row] = field(default_factory=list)
    limit: float = LIMIT

    @property
    def passed(self) -> bool:
        return bool(self.rows) and all(row.passed for row in self.rows)

    @property
    def failures(self) -> int:
        return sum(row.failures for row in self.rows)


def read_stats(path: Path) -> dict[str, Stat]:
    """The per-name rows of locust's `<prefix>_stats.csv` (the "Aggregated" total left out)."""
    stats = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            if record["Name"] == "Aggregated" or not record["Type"]:
                continue
            stats[record["Name"]] = Stat(
                name=record["Name"],
                requests=int(record["Request Count"]),
                failures=int(record["Failure Count"]),
                median_ms=float(record["Median Response Time"]),
                p95_ms=float(record["95%"]),
            )
    return stats


def compare(
    single: dict[str, Stat],
    load: dict[str, Stat],
    *,
    limit: float = LIMIT,
    workers: int = 2,
    judge_p95: bool = True,
) -> Verdict:
    """Each request name's load p95 against its single-user median, and every failure. With
    `judge_p95` off (the multi-process mode: four workers on two cores measure the machine), the
    ratios are reported and only failures and missing requests fail a row."""
    verdict = Verdict(limit=limit)
    during = {name for name in load if name.endswith(DURING)}
    for name in sorted((set(single) | set(load)) - {BURST} - during):
        row = _row(name, single.get(name), load.get(name), limit=limit, judge_p95=judge_p95)
        verdict.rows.append(row)
    burst = load.get(BURST)
    share = -(-burst.requests // workers) if burst else 1  # ceiling division
    dashboard = single.get(DASHBOARD) or single.get(BURST)
    if BURST in load or BURST in single:
        verdict.rows.append(
            _row(
                BURST,
                dashboard,
                burst,
                limit=limit * share,
                burst=single.get(BURST),
                judge_p95=judge_p95,
            )
        )
    for name in sorted(during):
        alone = single.get(name.removesuffix(DURING))
        own = max(alone.median_ms, 1.0) if alone else 1.0
        wait = (dashboard.median_ms if dashboard else 0.0) * share
        verdict.rows.append(
            _row(name, alone, load[name], limit=limit * (own + wait) / own, judge_p95=judge_p95)
        )
    return verdict


def _row(
    name: str, alone, busy, *, limit: float, burst: Stat | None = None, judge_p95: bool = True
) -> Row:
    """One request name's verdict. `burst` is the single-user run's own burst row, whose
    failures count too."""
    failures = sum(stat.failures for stat in (alone, busy, burst) if stat)
    reasons = []
    ratio = None
    if alone is None or not alone.requests:
        reasons.append("not requested in the single-user run")
    if busy is None or not busy.requests:
        reasons.append("not requested under load")
    if alone and alone.requests and busy and busy.requests:
        # locust reports whole milliseconds: a sub-millisecond median counts as 1 ms.
        exact = busy.p95_ms / max(alone.median_ms, 1.0)
        ratio = round(exact, 2)
        if judge_p95 and exact > limit:
            reasons.append(f"p95 under load is {exact:.2f} × the single-user median")
    if failures:
        reasons.append(f"{failures} failed")
    return Row(
        name=name,
        single_median_ms=alone.median_ms if alone else None,
        load_median_ms=busy.median_ms if busy else None,
        load_p95_ms=busy.p95_ms if busy else None,
        requests=busy.requests if busy else 0,
        failures=failures,
        ratio=ratio,
        passed=not reasons,
        reason="; ".join(reasons),
        limit=limit,
    )


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def table(verdict: Verdict) -> str:
    """The verdict as a Markdown table."""
    lines = [
        "| request | single-user median ms | load median ms | load p95 ms | p95 / single median "
        "| limit | requests under load | failures | passed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in verdict.rows:
        ratio = "–" if row.ratio is None else f"{row.ratio:.2f}"
        passed = "yes" if row.passed else f"**no** ({row.reason})"
        lines.append(
            f"| {row.name} | {_ms(row.single_median_ms)} | {_ms(row.load_median_ms)} | "
            f"{_ms(row.load_p95_ms)} | {ratio} | {row.limit:.3g} | {row.requests} | "
            f"{row.failures} | {passed} |"
        )
    return "\n".join(lines)
