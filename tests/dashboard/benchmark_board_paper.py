"""How long the board paper takes for boards of 25 and 100 members (a benchmark, not a test).

Run it with:
    .venv/bin/python -m tests.dashboard.benchmark_board_paper   (uses learning.settings.test)

It builds a throwaway test database, two boards with ten modules and three sessions, and times
the whole paper (reads, sections, summary and PDF) five times each, reporting the median.
"""

import os
import statistics
import sys
import time

import django

RUNS = 5
SIZES = (25, 100)


def _paper_seconds(board) -> tuple[float, int]:
    from learning.dashboard.pdf import board_paper_pdf
    from learning.dashboard.sections import dashboard_sections
    from learning.dashboard.selectors import board_dashboard
    from learning.dashboard.summary import summary_sentences

    timings, size = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        data = board_dashboard(board, sees_commitments=True)
        pdf = board_paper_pdf(
            data, dashboard_sections(data), summary_sentences(data), author="Benchmark"
        )
        timings.append(time.perf_counter() - started)
        size = len(pdf)
    return statistics.median(timings), size


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.test")
    django.setup()
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        from tests.conftest import ensure_site_tree
        from tests.dashboard.factories import dashboard_content, populated_board

        ensure_site_tree()
        content = dashboard_content()
        boards = {size: populated_board(content, members=size) for size in SIZES}
        _paper_seconds(boards[SIZES[0]])  # warm up: fonts, templates, translations
        results = {size: _paper_seconds(board) for size, board in boards.items()}
    finally:
        teardown_databases(databases, verbosity=0)
    for size, (seconds, length) in results.items():
        sys.stdout.write(f"{size} members: {seconds:.3f} s (median of {RUNS}), {length} bytes\n")
    ratio = results[SIZES[1]][0] / results[SIZES[0]][0]
    sys.stdout.write(f"100 members took {ratio:.2f} times as long as 25.\n")


if __name__ == "__main__":
    main()
