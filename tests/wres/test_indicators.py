"""The nine indicators on a worked example whose answers were worked out by hand.

The worked example (tests/wres/factories.py, WORKED):
  staff in post   band 5: white 920, BME 390, unknown 90; band 8a: white 80, BME 10, unknown 10
                  so white 1,000, BME 400, unknown 100: 1,500 in all
  shortlisted     white 200, BME 160      appointed   white 50, BME 25
  disciplinary    white 20, BME 16        training    white 500, BME 160
  board voting    white 9, BME 3, unknown 0
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learning.wres import measures as m
from learning.wres.explain import sentence, value_text, working_lines
from learning.wres.indicators import (
    GroupValues,
    Status,
    all_indicators,
    divide,
    indicator_1,
    indicator_2,
    indicator_3,
    indicator_4,
    indicator_9,
    survey_indicator,
)
from learning.wres.trends import direction
from tests.wres.factories import worked_figures


def test_indicator_2_is_white_likelihood_of_appointment_over_bme_likelihood():
    # White: 50 appointed ÷ 200 shortlisted = 0.25.
    # BME:   25 appointed ÷ 160 shortlisted = 0.15625.
    # 0.25 ÷ 0.15625 = 1.6: white applicants 1.6 times as likely to be appointed.
    result = indicator_2(worked_figures())
    assert result.status == Status.SHOWN
    assert result.value == pytest.approx(1.6)
    assert [(part.numerator, part.denominator) for part in result.parts] == [(50, 200), (25, 160)]
    assert result.parts[0].value == pytest.approx(0.25)
    assert result.parts[1].value == pytest.approx(0.15625)


def test_indicator_3_is_bme_likelihood_of_disciplinary_over_white_likelihood():
    # BME:   16 entering ÷ 400 BME staff in post = 0.04.
    # White: 20 entering ÷ 1,000 white staff in post = 0.02.
    # 0.04 ÷ 0.02 = 2: BME staff twice as likely to enter the process.
    result = indicator_3(worked_figures())
    assert result.value == pytest.approx(2.0)
    assert [(part.numerator, part.denominator) for part in result.parts] == [(16, 400), (20, 1000)]


def test_indicator_4_is_white_likelihood_of_training_over_bme_likelihood():
    # White: 500 ÷ 1,000 = 0.5. BME: 160 ÷ 400 = 0.4. 0.5 ÷ 0.4 = 1.25.
    result = indicator_4(worked_figures())
    assert result.value == pytest.approx(1.25)


def test_indicator_1_gives_each_band_and_the_senior_gap():
    # Band 5: 390 BME of 1,400 = 27.857%. Band 8a: 10 BME of 100 = 10%.
    # Bands 8a and above: 10 ÷ 100 = 10%. Workforce: 400 ÷ 1,500 = 26.667%.
    # Gap: 10 - 26.667 = -16.667 points.
    result = indicator_1(worked_figures())
    bands = {band.code: band for band in result.bands}
    assert bands["band_5"].bme_percent == pytest.approx(390 / 1400 * 100)
    assert bands["band_8a"].bme_percent == pytest.approx(10.0)
    assert bands["band_1"].bme_percent is None  # nobody in band 1: no percentage, no crash
    assert result.part(0) == pytest.approx(10.0)
    assert result.part(1) == pytest.approx(400 / 1500 * 100)
    assert result.value == pytest.approx(-16.667, abs=0.001)
    assert value_text(1, result.value) == "-16.7"


def test_indicator_9_is_board_bme_share_minus_workforce_bme_share():
    # Board: 3 BME of 12 voting members = 25%. Workforce: 400 of 1,500 = 26.667%.
    # 25 - 26.667 = -1.667 percentage points.
    result = indicator_9(worked_figures())
    assert result.value == pytest.approx(-1.667, abs=0.001)
    assert (result.parts[0].numerator, result.parts[0].denominator) == (3, 12)
    assert value_text(9, result.value) == "-1.7"


def test_survey_indicators_take_the_bme_percentage_as_the_headline():
    result = survey_indicator(5, worked_figures())
    assert result.value == pytest.approx(25.5)
    assert result.part(1) == pytest.approx(20.0)


def test_a_count_under_ten_gives_no_ratio_and_names_the_count():
    result = indicator_3(worked_figures(entering_disciplinary=(20, 4, 0)))
    assert result.status == Status.SMALL
    assert result.value is None
    assert [(one.what, one.count) for one in result.shortfalls] == [
        ("BME staff entering the formal disciplinary process", 4)
    ]
    assert "only 4 BME staff entering the formal disciplinary process" in sentence(result)


def test_zero_shortlisted_never_divides_by_zero():
    result = indicator_2(worked_figures(shortlisted=(200, 0, 0), appointed=(50, 0, 0)))
    assert result.status == Status.SMALL
    assert result.parts[1].value is None
    text = sentence(result)
    assert "no BME applicants shortlisted" in text
    assert "cannot be worked out" in dict(working_lines(result))["BME applicants"]


def test_a_board_with_no_voting_members_gives_no_figure():
    result = indicator_9(worked_figures(board_voting_members=(0, 0, 0)))
    assert result.status == Status.NOT_AVAILABLE
    assert result.value is None


def test_missing_figures_give_no_figure_and_say_so():
    figures = worked_figures()
    del figures[m.APPOINTED]
    result = indicator_2(figures)
    assert result.status == Status.NOT_AVAILABLE
    assert sentence(result) == "The figures for this indicator have not been entered."


def test_divide_by_zero_is_none():
    assert divide(3, 0) is None
    assert divide(3, 4) == 0.75


def test_all_indicators_returns_nine_in_order():
    assert [result.number for result in all_indicators(worked_figures())] == list(range(1, 10))


_COUNT = st.integers(min_value=0, max_value=10**7)


@st.composite
def any_figures(draw):
    return {
        measure.code: GroupValues(*(draw(_COUNT) for _group in measure.groups))
        for measure in m.MEASURES
    }


@settings(max_examples=200, deadline=None)
@given(any_figures(), any_figures())
def test_no_non_negative_whole_numbers_make_anything_raise(figures, earlier):
    results = all_indicators(figures)
    before = all_indicators(earlier)
    assert len(results) == 9
    for result, previous in zip(results, before, strict=True):
        assert sentence(result)
        working_lines(result)
        value_text(result.number, result.value)
        direction(result.number, previous.value, result.value)
        assert (result.value is None) != result.shown
