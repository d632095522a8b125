"""The load test's verdict (`make loadtest`), from given statistics: no server, no locust run.

The rule: any failed request fails the run, and so does any request whose 95th percentile under
load is more than three times its median when one person made it alone. The chairs' first,
simultaneous dashboards are held to the same rule per worker's share of them.
"""

import pytest

from bench.loadtest import compare
from bench.loadtest.compare import Stat

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
)


def stat(name, median, p95, *, requests=100, failures=0):
    return Stat(name=name, requests=requests, failures=failures, median_ms=median, p95_ms=p95)


def single(**medians):
    return {name: stat(name, median, median * 1.2) for name, median in medians.items()}


def test_p95_within_three_times_the_single_user_median_passes():
    verdict = compare.compare(
        single(dashboard=200, home=90),
        {"dashboard": stat("dashboard", 320, 600), "home": stat("home", 100, 250)},
    )

    assert verdict.passed
    assert [row.ratio for row in verdict.rows] == [3.0, 2.78]


def test_p95_just_above_three_times_fails_that_request_only():
    verdict = compare.compare(
        single(dashboard=200, home=90),
        {"dashboard": stat("dashboard", 400, 601), "home": stat("home", 100, 250)},
    )

    assert not verdict.passed
    dashboard, home = verdict.rows
    assert not dashboard.passed  # 3.005: judged before rounding
    assert dashboard.ratio == pytest.approx(3.0, abs=0.01)
    assert "p95 under load" in dashboard.reason
    assert home.passed


@pytest.mark.parametrize("run", ["single", "load"])
def test_any_failed_request_fails_the_run_even_when_fast(run):
    alone = single(home=90)
    busy = {"home": stat("home", 90, 100)}
    target = alone if run == "single" else busy
    target["home"] = stat("home", 90, 100, failures=1)

    verdict = compare.compare(alone, busy)

    assert not verdict.passed
    assert verdict.failures == 1
    assert verdict.rows[0].reason == "1 failed"


def test_a_request_missing_from_either_run_fails():
    busy = {"home": stat("home", 90, 100), "extra": stat("extra", 5, 9)}

    verdict = compare.compare(single(home=90, dashboard=200), busy)

    reasons = {row.name: row.reason for row in verdict.rows}
    assert not verdict.passed
    assert reasons == {
        "dashboard": "not requested under load",
        "extra": "not requested in the single-user run",
        "home": "",
    }


def test_no_statistics_at_all_is_not_a_pass():
    assert not compare.compare({}, {}).passed


def test_the_limit_can_be_changed():
    alone, busy = single(home=100), {"home": stat("home", 150, 250)}

    assert compare.compare(alone, busy).passed
    assert not compare.compare(alone, busy, limit=2.0).passed


def test_reads_locust_stats_csv_without_the_aggregated_row(tmp_path):
    path = tmp_path / "load_stats.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                "GET,dashboard,92,0,2900,2873.5,180.2,5100.9,51234.0,4.6,0.0,"
                "2900,3300,3600,3800,4400,4900,5000,5100,5100,5100,5100",
                "POST,question (POST),21,2,2300,2210.0,900.0,2800.0,0.0,1.0,0.1,"
                "2300,2400,2500,2600,2700,2800,2800,2800,2800,2800,2800",
                ",Aggregated,113,2,2800,2700.0,180.2,5100.9,40000.0,5.6,0.1,"
                "2800,3200,3500,3700,4300,4800,5000,5100,5100,5100,5100",
            ]
        ),
        encoding="utf-8",
    )

    stats = compare.read_stats(path)

    assert stats == {
        "dashboard": stat("dashboard", 2900, 4900, requests=92),
        "question (POST)": stat("question (POST)", 2300, 2800, requests=21, failures=2),
    }


def test_table_marks_what_failed():
    verdict = compare.compare(single(dashboard=200), {"dashboard": stat("dashboard", 2900, 4900)})

    text = compare.table(verdict)

    assert "| dashboard | 200 | 2900 | 4900 | 24.50 | 3 | 100 | 0 | **no** (p95 under load" in text


def burst(p95, *, requests=25, failures=0):
    return stat(compare.BURST, p95 / 2, p95, requests=requests, failures=failures)


def test_the_simultaneous_dashboards_may_take_three_times_each_workers_share():
    alone = single(dashboard=100) | {compare.BURST: stat(compare.BURST, 100, 100, requests=1)}
    steady = {"dashboard": stat("dashboard", 110, 250)}

    passes = compare.compare(alone, steady | {compare.BURST: burst(3900)}, workers=2)
    fails = compare.compare(alone, steady | {compare.BURST: burst(3901)}, workers=2)

    row = passes.rows[-1]
    assert row.name == compare.BURST and row.limit == 39  # 3 x ceil(25 / 2)
    assert passes.passed
    assert not fails.passed and "p95 under load" in fails.rows[-1].reason


def test_later_dashboards_are_held_to_the_plain_rule_and_a_failed_burst_fails():
    alone = single(dashboard=100)
    slow_later = {"dashboard": stat("dashboard", 200, 301), compare.BURST: burst(1000)}
    failed_burst = {"dashboard": stat("dashboard", 110, 250), compare.BURST: burst(500, failures=1)}

    assert not compare.compare(alone, slow_later).passed
    assert not compare.compare(alone, failed_burst).passed


def test_the_multi_process_mode_reports_p95_but_judges_only_failures():
    """Four workers on two cores measure the machine, not BoardReady: with `judge_p95` off a slow
    p95 is reported and passes, while a failed request still fails."""
    alone = single(home=90)
    slow = {"home": stat("home", 900, 2000)}

    verdict = compare.compare(alone, slow, judge_p95=False)
    assert verdict.passed
    assert verdict.rows[0].ratio == pytest.approx(22.22, abs=0.01)

    failed = {"home": stat("home", 900, 2000, failures=1)}
    assert not compare.compare(alone, failed, judge_p95=False).passed


def test_a_request_made_during_the_burst_may_wait_behind_its_workers_share_of_it():
    """Home at 20 ms alone, the dashboard at 100 ms: a home sent while 25 dashboards are still
    being answered on two workers may take 3 × (20 + 100 × 13) = 3,960 ms at p95, while every
    other home is still held to 3 × 20 ms."""
    alone = single(dashboard=100, home=20)
    steady = {"dashboard": stat("dashboard", 110, 250), "home": stat("home", 25, 60)}
    during = "home" + compare.DURING

    passes = compare.compare(
        alone, steady | {compare.BURST: burst(3000), during: stat(during, 900, 3960)}
    )
    fails = compare.compare(
        alone, steady | {compare.BURST: burst(3000), during: stat(during, 900, 3961)}
    )
    slow_steady = compare.compare(
        alone,
        steady
        | {"home": stat("home", 25, 61), compare.BURST: burst(3000), during: stat(during, 9, 9)},
    )

    assert passes.passed
    row = passes.rows[-1]
    assert row.name == during and row.single_median_ms == 20 and row.limit == pytest.approx(198)
    assert not fails.passed and "p95 under load" in fails.rows[-1].reason
    assert not slow_steady.passed
    assert [row.name for row in slow_steady.rows if not row.passed] == ["home"]


def test_a_request_marked_during_the_burst_is_judged_even_without_the_burst_row():
    """A marked request is never dropped from the verdict: with no burst to wait behind, it is
    held to the plain rule."""
    during = "home" + compare.DURING

    verdict = compare.compare(
        single(home=20), {"home": stat("home", 25, 50), during: stat(during, 900, 1000)}
    )

    assert not verdict.passed
    assert verdict.rows[-1].name == during
    assert verdict.rows[-1].ratio == 50
