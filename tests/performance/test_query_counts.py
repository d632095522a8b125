"""The query counts of every page the benchmark times, pinned, so an N+1 fails here.

This runs the benchmark itself (one timed request a page, at two dataset sizes) so the
benchmark cannot rot; its timings are not checked here (speed targets are for `make bench`),
only that every page answers, that no page runs more queries than its pin, and that the
listings and exports run the same number for one trust and for three.
"""

import pytest

from bench import runner
from bench.pages import BASELINES, PAGES

# Marks every test as using the database, so pytest-django sets the test database up before the
# module's fixture builds the dataset in it (and rolls it back afterwards).
pytestmark = pytest.mark.django_db

# Counted on the benchmark's dataset for a signed-in person with a second factor, after one
# warm-up request: session, user and membership reads and the audit writes of the downloads
# included, the once-a-minute session write not (bench.runner.measure). Each page has two pins:
# as served from the page-fragment cache (learning/fragments.py), which is what a repeat visit
# costs, and computed afresh with that cache off, which is what a visit after any change costs
# and where a query per member or per module would show. Lower a pin when a page gets cheaper;
# never raise one to make a test pass without saying why in the commit.
PINS = {  # page: (cached, computed)
    "floor": (2, 2),
    "plain Wagtail page": (12, 12),
    "home": (3, 12),
    # The route, the reader's progress row and the content below the heading come from the
    # cache; the lexicon's stamp and the glossary's address always do.
    "module page": (7, 12),
    "question (GET)": (8, 8),
    "question (POST)": (9, 9),
    "self-assessment part": (6, 6),
    "session page": (5, 13),
    # One more each for attendance and the readiness kept when a session started (a fixed
    # query, the same at every size: the flat checks below still hold).
    "dashboard": (7, 30),
    "board paper PDF": (36, 36),  # and one more: the cover sheet remembered for the board
    "board paper Word": (36, 36),  # the same reads as the PDF
    "session CSV": (10, 10),
    "dashboard CSV": (18, 18),
}
CACHED, COMPUTED = 0, 1


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        measured = runner.run(
            requests=1,
            warm_up=1,
            stages=[("one trust", 1), ("three trusts", 3)],
            large_board=False,
            log=lambda *args: None,
        )
        transaction.set_rollback(True)
    return measured


def queries(report, page: str, stage: str, how: int) -> int:
    timing = report.timing(page, stage)
    return timing.computed_queries if how == COMPUTED else timing.queries


def test_the_benchmark_times_every_page_at_both_sizes(report):
    names = {page.name for page in BASELINES + PAGES}
    assert names == set(PINS)
    for stage in ("one trust", "three trusts"):
        assert {t.page for t in report.timings if t.stage == stage} == names


@pytest.mark.parametrize("how", [CACHED, COMPUTED], ids=["cached", "computed"])
@pytest.mark.parametrize("page", [*BASELINES, *PAGES], ids=lambda page: page.name)
def test_no_page_runs_more_queries_than_its_pin(report, page, how):
    for stage in report.stages():
        assert queries(report, page.name, stage, how) <= PINS[page.name][how], stage


@pytest.mark.parametrize("how", [CACHED, COMPUTED], ids=["cached", "computed"])
@pytest.mark.parametrize("name", ["module page", "home"])
def test_the_pages_every_member_opens_run_no_more_queries_than_a_plain_wagtail_page(
    report, name, how
):
    for stage in report.stages():
        plain = queries(report, "plain Wagtail page", stage, how)
        assert queries(report, name, stage, how) <= plain, stage


@pytest.mark.parametrize("how", [CACHED, COMPUTED], ids=["cached", "computed"])
@pytest.mark.parametrize(
    "page", [page for page in PAGES if "constant queries" in page.tags], ids=lambda p: p.name
)
def test_listings_and_exports_run_the_same_queries_for_one_trust_and_three(report, page, how):
    counts = {stage: queries(report, page.name, stage, how) for stage in report.stages()}
    assert len(set(counts.values())) == 1, counts
