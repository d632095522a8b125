"""Sentences and directions of travel from the worked example (see test_indicators.py)."""

import pytest

from learning.wres.explain import points_text, ratio_text, sentence, working_lines
from learning.wres.indicators import all_indicators, indicator_2
from learning.wres.trends import Direction, direction
from tests.wres.factories import worked_figures


def _sentences():
    return {result.number: sentence(result) for result in all_indicators(worked_figures())}


def test_indicator_2_sentence_says_how_many_times_as_likely():
    assert _sentences()[2] == (
        "White applicants were 1.6 times as likely as BME applicants to be appointed from "
        "shortlisting. A value of 1 would mean equal likelihood."
    )


def test_indicator_3_sentence_names_the_disadvantaged_group():
    assert _sentences()[3].startswith(
        "BME staff were 2 times as likely as white staff to enter the formal disciplinary process."
    )


def test_indicator_4_sentence():
    assert _sentences()[4].startswith(
        "White staff were 1.25 times as likely as BME staff to access non-mandatory training"
    )


def test_survey_sentence_gives_both_groups_and_the_gap():
    assert _sentences()[5] == (
        "Of BME staff, 25.5% said they had faced harassment, bullying or abuse from patients, "
        "relatives or the public in the last 12 months, compared with 20.0% of white staff. "
        "That is 5.5 percentage points higher for BME staff."
    )


def test_indicator_7_gap_can_be_lower():
    assert _sentences()[7].endswith("That is 15.0 percentage points lower for BME staff.")


def test_indicator_9_sentence_gives_both_shares_and_the_difference():
    assert _sentences()[9].startswith(
        "BME people make up 25.0% of the board's voting members and 26.7% of the workforce, a "
        "difference of -1.7 percentage points."
    )


def test_indicator_1_sentence_gives_senior_and_whole_workforce_shares():
    text = _sentences()[1]
    assert "10.0% of staff at band 8a and above" in text
    assert "26.7% of the whole workforce" in text
    assert "16.7 percentage points lower" in text
    assert "fewer than 10 staff" in text  # bands 1 to 4 are empty in the example


def test_working_shows_numerators_and_denominators():
    lines = dict(working_lines(indicator_2(worked_figures())))
    assert lines == {
        "White applicants": "50 ÷ 200 = 0.25",
        "BME applicants": "25 ÷ 160 = 0.1562",
        "Relative likelihood": "0.25 ÷ 0.1562 = 1.6",
    }


@pytest.mark.parametrize(
    ("value", "text"), [(1.6, "1.6"), (2.0, "2"), (0.854, "0.85"), (1.005, "1")]
)
def test_ratios_are_shown_to_two_places_without_trailing_zeros(value, text):
    assert ratio_text(value) == text


def test_points_carry_a_sign():
    assert (points_text(3.21), points_text(-16.67), points_text(0.01)) == ("+3.2", "-16.7", "0.0")


@pytest.mark.parametrize(
    ("number", "before", "after", "expected"),
    [
        (2, 1.8, 1.6, Direction.BETTER),  # closer to 1
        (2, 1.2, 1.6, Direction.WORSE),
        (2, 0.5, 2.0, Direction.SAME),  # equally far from 1 on the log scale
        (2, 1.601, 1.604, Direction.SAME),  # both show as 1.6
        (3, 0.8, 0.9, Direction.BETTER),
        (5, 30.0, 28.0, Direction.BETTER),  # lower % for BME staff
        (7, 45.0, 48.0, Direction.BETTER),  # higher % for BME staff
        (8, 14.0, 15.0, Direction.WORSE),
        (9, -12.0, -8.0, Direction.BETTER),  # nearer 0 from below
        (9, 2.0, 5.0, Direction.SAME),  # both at or above 0: the board reflects the workforce
        (1, -5.0, -9.0, Direction.WORSE),
    ],
)
def test_direction_follows_each_indicators_rule(number, before, after, expected):
    assert direction(number, before, after) == expected


def test_no_direction_without_both_figures():
    assert direction(2, None, 1.5) is None
    assert direction(2, 1.5, None) is None
