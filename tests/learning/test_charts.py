"""learning.charts: one drawing for the web (inline SVG) and for PDFs."""

import re
import xml.etree.ElementTree as ET  # noqa: S405

import pytest
from reportlab.graphics import renderPDF

from learning.charts import SERIES_COLOURS, Series, bar_chart, svg


def _chart(**kwargs):
    drawing = bar_chart(
        ["Drive", "Knowledge <& more>", "A very long label that has to wrap onto a second line"],
        [Series("This time", [3.2, 5.0, None]), Series("Last time", [2.0, 4.5, 6.0])],
        minimum=1,
        maximum=7,
    )
    return drawing, svg(
        drawing,
        **(
            {"chart_id": "scores", "title": "Your scores", "description": "Mean per dimension"}
            | kwargs
        ),
    )


def test_the_svg_has_no_style_attributes_for_a_strict_csp():
    _, text = _chart()
    assert "style=" not in text
    assert 'fill="' in text  # presentation attributes instead


def test_the_svg_is_an_image_labelled_by_its_title_and_description():
    _, text = _chart()
    root = ET.fromstring(text)  # noqa: S314
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "scores-title scores-desc"
    assert root.find(f"{namespace}title").text == "Your scores"
    assert root.find(f"{namespace}desc").text == "Mean per dimension"
    assert root.find(f"{namespace}title").get("id") == "scores-title"


def test_labels_are_escaped_and_ids_carry_the_chart_id():
    _, text = _chart(title="A <b>title</b>")
    assert "Knowledge &lt;&amp; more&gt;" in text
    assert "<b>" not in text
    ids = re.findall(r'id="([^"]+)"', text)
    assert ids and all(value.startswith("scores") for value in ids)
    assert "<?xml" not in text and "DOCTYPE" not in text


def test_the_same_drawing_goes_into_a_pdf():
    drawing, _ = _chart()
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")


def test_a_chart_id_that_is_not_a_simple_id_is_refused():
    drawing, _ = _chart()
    with pytest.raises(ValueError):
        svg(drawing, chart_id='x" onload="alert(1)', title="t", description="d")


def test_shapes_are_turned_over_so_the_svg_reads_top_down():
    from reportlab.graphics.shapes import Drawing, Rect, String

    drawing = Drawing(100, 50)
    drawing.add(Rect(10, 5, 20, 10, fillColor=SERIES_COLOURS[0], strokeColor=None))
    drawing.add(String(50, 40, "Top", textAnchor="middle"))
    text = svg(drawing, chart_id="flip", title="Flip", description="Turned over")
    assert '<rect x="10" y="35" width="20" height="10" fill="#005eb8" stroke="none"/>' in text
    assert 'y="10"' in text and 'text-anchor="middle">Top</text>' in text


def test_a_shape_the_writer_does_not_know_is_refused_rather_than_dropped():
    from reportlab.graphics.shapes import Drawing, Polygon

    drawing = Drawing(100, 50)
    drawing.add(Polygon([0, 0, 10, 10, 20, 0]))
    with pytest.raises(TypeError):
        svg(drawing, chart_id="poly", title="Polygon", description="Not drawn")


@pytest.mark.parametrize("kind", ["bar", "column", "line"])
def test_every_label_is_at_least_12px_at_the_narrowest_width_a_chart_is_shown(kind):
    # Below 641 px a chart gives way to its data table; from there it is at least 609 px wide.
    from learning.charts import NARROWEST_SHOWN, column_chart, line_chart

    labels = ["2023/24", "2024/25", "2025/26", "A long label for one of the sessions"]
    drawing = {
        "bar": lambda: bar_chart(labels, [Series("This time", [1, 2, 3, 4])], minimum=0, maximum=5),
        "column": lambda: column_chart(labels, [1, 2, 3, 4], minimum=0, maximum=5),
        "line": lambda: line_chart(
            labels, [Series("A", [1, 2, 3, 4]), Series("B", [2, 3, 4, 1])], minimum=0, maximum=5
        ),
    }[kind]()
    text = svg(drawing, chart_id="c", title="Chart", description="A chart")
    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', text)]
    smallest = min(sizes) * NARROWEST_SHOWN / drawing.width
    assert smallest >= 12, f"the smallest label is {smallest:.1f} px at {NARROWEST_SHOWN} px"
