"""The demo's three years of Northbridge figures load once, however often seed_demo runs."""

import pytest

from learning.demo import seed_people
from learning.wres.measures import MEASURES
from learning.wres.models import WresFigure, WresYear
from learning.wres.selectors import latest_indicators_for_board
from learning.wres.wagtail_hooks import seed_wres_demo
from tests.conftest import ensure_site_tree

pytestmark = pytest.mark.django_db


def test_seeding_twice_gives_three_years_once():
    ensure_site_tree()
    people = seed_people("boardready-demo")
    seed_wres_demo(people)
    seed_wres_demo(people)
    years = WresYear.objects.filter(organisation=people.northbridge.organisation)
    assert list(years.values_list("year", flat=True)) == ["2023/24", "2024/25", "2025/26"]
    assert WresFigure.objects.count() == 3 * len(MEASURES)
    summary = latest_indicators_for_board(people.northbridge)
    assert all(view.result.shown for view in summary.indicators)
    assert {view.direction_label for view in summary.indicators} >= {"Better", "Worse"}
