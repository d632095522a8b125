"""The line chart added to learning/charts.py for trends, as the WRES workbook draws it."""

import pytest

from learning.charts import Series, line_chart, svg


def test_a_line_chart_renders_as_svg_without_style_attributes():
    drawing = line_chart(
        ["2023/24", "2024/25", "2025/26"],
        [Series("BME staff", [30.0, None, 27.5]), Series("White staff", [25.0, 24.0, 23.0])],
        minimum=0,
        maximum=40,
        step=10,
        suffix="%",
        reference=20,
        reference_label="twenty",
    )
    markup = svg(drawing, chart_id="trend", title="Harassment each year", description="Falling.")
    assert "style=" not in markup
    assert 'aria-labelledby="trend-title trend-desc"' in markup
    assert '<title id="trend-title">Harassment each year</title>' in markup
    for text in ("2024/25", "27.5%", "BME staff", "White staff", "twenty"):
        assert text in markup


def test_a_line_chart_needs_a_value_for_every_label():
    with pytest.raises(ValueError, match="one value for each label"):
        line_chart(["a", "b"], [Series("x", [1.0])], minimum=0, maximum=2)


def test_a_line_chart_takes_one_or_two_series():
    three = [Series(name, [1.0]) for name in "abc"]
    with pytest.raises(ValueError, match="one or two series"):
        line_chart(["a"], three, minimum=0, maximum=2)
