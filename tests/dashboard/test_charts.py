"""The column chart added to learning.charts for readiness over time."""

import pytest

from learning import charts


def test_a_column_chart_draws_one_column_per_value_and_none_for_a_gap():
    drawing = charts.column_chart(["Jan", "Feb", "Mar"], [40, None, 80], minimum=0, maximum=100)
    columns = [node for node in drawing.contents if node.__class__.__name__ == "Rect"]
    assert len(columns) == 2


def test_its_svg_has_a_title_a_description_and_no_style_attributes():
    drawing = charts.column_chart(["Jan", "Feb"], [40, 60], minimum=0, maximum=100, step=20)
    svg = charts.svg(drawing, chart_id="trend", title="Ready over time", description="Percent.")
    assert '<title id="trend-title">Ready over time</title>' in svg
    assert 'aria-labelledby="trend-title trend-desc"' in svg
    assert "style=" not in svg
    assert "60%" not in svg  # no suffix unless asked


def test_it_refuses_labels_and_values_that_do_not_match():
    with pytest.raises(ValueError, match="one value for each label"):
        charts.column_chart(["Jan"], [1, 2], minimum=0, maximum=10)
