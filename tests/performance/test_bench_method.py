"""The benchmark's arithmetic: per-round ratios, and the spread of repeated runs."""

import io

import pytest

from bench.runner import Report, Target, Timing, growth, ratio, repeat_table, spread


def _timing(rounds):
    return Timing("page", "stage", sorted(rounds)[len(rounds) // 2], 0, 0, 0, rounds=rounds)


def test_a_ratio_is_the_median_of_the_per_round_ratios_with_its_range():
    # A pause in round 2 slows the page and its baseline alike: the round's ratio stays 2.
    page, base = _timing([20.0, 80.0, 22.0]), _timing([10.0, 40.0, 10.0])
    measured = ratio(page, base)
    assert (measured.median, measured.low, measured.high) == (2.0, 2.0, 2.2)


def test_sizes_timed_apart_compare_their_medians():
    assert ratio(_timing([30.0]), _timing([10.0, 20.0])).median == 1.5
    # Rounds of two sizes are minutes apart: pairing them by number would mean nothing.
    apart = ratio(_timing([10.0, 40.0, 20.0]), _timing([20.0, 10.0, 10.0]), same_rounds=False)
    assert (apart.median, apart.low, apart.high) == (2.0, 2.0, 2.0)


def test_a_page_grows_with_the_data_only_as_far_as_it_outgrows_its_baseline():
    # The whole machine ran 20% slower while the large size was timed: floor and page alike.
    small, small_floor = _timing([10.0, 10.0, 10.0]), _timing([1.0, 1.0, 1.0])
    slower, slower_floor = _timing([12.0, 12.0, 12.0]), _timing([1.2, 1.2, 1.2])
    assert growth(slower, slower_floor, small, small_floor).median == 1.0
    # The page itself doubled; the floor did not.
    doubled = _timing([20.0, 22.0, 20.0])
    measured = growth(doubled, small_floor, small, small_floor)
    assert (measured.median, measured.low, measured.high) == (2.0, 2.0, 2.2)


def _report(*measured):
    report = Report(requests=1, machine="m", database="sqlite", started="now")
    report.targets = [Target(f"target {n}", m, 2.0, m <= 2.0) for n, m in enumerate(measured)]
    return report


def test_repeated_runs_fail_when_a_ratio_spreads_more_than_fifteen_percent():
    assert spread([1.0, 1.1, 1.2]) == 0.182
    steady, _ = repeat_table([_report(1.0, 1.5), _report(1.05, 1.5), _report(1.1, 1.5)])
    assert "| yes |" in steady and "**no**" not in steady
    table, met = repeat_table([_report(1.0, 1.5), _report(1.1, 1.5), _report(1.2, 1.5)])
    assert not met
    assert "| target 0 | 1.0 | 1.1 | 1.2 | 0.182 | 2.0 | **no** |" in table


def test_growth_between_sizes_is_held_to_its_limit_not_to_the_spread():
    def run(value):
        report = Report(requests=1, machine="m", database="sqlite", started="now")
        report.targets = [Target("growth", value, 1.5, value <= 1.5, steady=False)]
        return report

    table, met = repeat_table([run(0.9), run(1.0), run(1.1)])
    assert met and "0.200 (not judged)" in table
    _, met = repeat_table([run(1.0), run(1.0), run(1.6)])
    assert not met


def test_repeated_runs_fail_when_any_run_misses_a_target():
    _, met = repeat_table([_report(1.9), _report(1.9), _report(2.1)])
    assert not met


def test_the_command_runs_the_benchmark_each_time_and_writes_the_spread(tmp_path, monkeypatch):
    from django.core.management import CommandError, call_command

    from bench.management.commands import bench

    runs = iter([_report(1.0), _report(1.1), _report(1.3)])
    monkeypatch.setattr(bench, "setup_databases", lambda **kwargs: None)
    monkeypatch.setattr(bench, "teardown_databases", lambda *args, **kwargs: None)
    monkeypatch.setattr(bench.runner, "run", lambda **kwargs: next(runs))
    monkeypatch.setattr(bench.runner, "table", lambda report: "")
    output = tmp_path / "latest.json"
    with pytest.raises(CommandError, match="missed"):  # a spread of 0.27
        call_command("bench", requests=1, repeat=3, output=str(output), stdout=io.StringIO())
    assert [p.name for p in sorted(tmp_path.iterdir())] == [
        "latest-1.json",
        "latest-2.json",
        "latest-3.json",
        "latest.md",
    ]
    assert (
        "| target 0 | 1.0 | 1.1 | 1.3 | 0.273 | 2.0 | **no** |"
        in (tmp_path / "latest.md").read_text()
    )


def test_the_profile_names_the_project_and_framework_steps_and_leaves_out_the_wrappers():
    from django.conf import settings

    from bench.profile import _label

    base = str(settings.BASE_DIR)
    assert (
        _label(f"{base}/modules/lexicon.py", "lexicon_linker") == "modules.lexicon.lexicon_linker"
    )
    assert _label("/x/site-packages/wagtail/views.py", "serve").startswith("Wagtail")
    for wrapper in (f"{base}/learning/middleware.py", f"{base}/bench/runner.py"):
        assert _label(wrapper, "__call__") is None
    assert _label(f"{base}/learning/context_processors.py", "<lambda>") is None
    assert _label("/x/site-packages/django/db/models/query.py", "filter") is None


def test_the_profile_option_refuses_a_page_it_does_not_know():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="the pages are: floor, plain Wagtail page"):
        call_command("bench", profile="nowhere", stdout=io.StringIO())
