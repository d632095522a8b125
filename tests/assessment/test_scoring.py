from decimal import Decimal

import pytest

from reflection.assessment.definitions import Definition
from reflection.assessment.scoring import aggregate, score_answers

DEFINITION = Definition(
    {
        "name": "Test",
        "kind": "profile",
        "not_applicable_label": "No chance to demonstrate",
        "scales": {"agree": [{"value": v, "label": ""} for v in range(1, 8)]},
        "dimensions": [
            {
                "key": "drive",
                "name": "Drive",
                "scale": "agree",
                "bands": [],
                "items": [
                    {"key": f"d{n}", "text": "", "reverse": n == 5, "required": True}
                    for n in range(1, 6)
                ],
            },
            {
                "key": "action",
                "name": "Action",
                "scale": "agree",
                "bands": [],
                "items": [
                    {"key": f"a{n}", "text": "", "reverse": False, "required": True}
                    for n in range(1, 6)
                ],
            },
        ],
    }
)


def test_it_scores_the_mean_per_dimension_flipping_reverse_scored_statements():
    answers = {"d1": 6, "d2": 6, "d3": 6, "d4": 6, "d5": 2} | {f"a{n}": 3 for n in range(1, 6)}
    result = score_answers(DEFINITION, answers)
    assert [d.mean for d in result.dimensions] == [Decimal("6.00"), Decimal("3.00")]
    assert result.overall == Decimal("4.50")


def test_it_leaves_no_chance_to_demonstrate_out_of_the_mean():
    answers = {"d1": 7, "d2": 5, "d3": None, "d4": 6, "d5": 2} | {f"a{n}": 4 for n in range(1, 6)}
    drive = score_answers(DEFINITION, answers).dimensions[0]
    assert drive.mean == Decimal("6.00")
    assert (drive.answered, drive.total) == (4, 5)


def test_a_dimension_with_under_60_percent_answered_has_not_enough_answers():
    answers = {"d1": 7, "d2": 7, "d3": None, "d4": None, "d5": None}
    answers |= {f"a{n}": 4 for n in range(1, 4)} | {"a4": None, "a5": None}
    drive, action = score_answers(DEFINITION, answers).dimensions
    assert drive.mean is None and not drive.enough
    assert action.mean == Decimal("4.00")  # three of five is exactly 60%


@pytest.mark.parametrize(("respondents", "state"), [(4, "too_few"), (5, "shown")])
def test_the_aggregate_needs_the_minimum_group(respondents, state):
    scores = [("drive", Decimal(4))] * respondents
    result = aggregate(
        DEFINITION, closed=True, minimum=5, scores=scores, answers=[], respondents=respondents
    )
    assert result.state == state
    assert (result.dimensions[0].mean if result.shown else None) == (
        Decimal("4.00") if state == "shown" else None
    )


def test_an_open_round_shows_no_aggregate_however_many_answered():
    scores = [("drive", Decimal(4))] * 12
    result = aggregate(
        DEFINITION, closed=False, minimum=5, scores=scores, answers=[], respondents=12
    )
    assert result.state == "open" and result.dimensions == []


def test_a_dimension_scored_by_fewer_than_the_minimum_is_withheld():
    scores = [("drive", Decimal(4))] * 6 + [("action", Decimal(3))] * 4
    result = aggregate(DEFINITION, closed=True, minimum=5, scores=scores, answers=[], respondents=6)
    drive, action = result.dimensions
    assert drive.shown and drive.mean == Decimal("4.00") and drive.spread == Decimal("0.00")
    assert not action.shown and action.mean is None
