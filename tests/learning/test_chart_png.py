"""Charts as PNGs for Word documents: drawn with Pillow from the same shapes as the SVG."""

from io import BytesIO

from PIL import Image

from learning import charts


def test_a_bar_chart_becomes_a_png_twice_its_size_in_points():
    drawing = charts.bar_chart(
        ["First", "Second"],
        [charts.Series("Us", [40, 75]), charts.Series("National", [50, None])],
        minimum=0,
        maximum=100,
        step=25,
        suffix="%",
    )
    image = Image.open(BytesIO(charts.png(drawing)))
    assert image.format == "PNG"
    assert image.size == (round(drawing.width * 2), round(drawing.height * 2))
    assert len(image.getcolors(maxcolors=1 << 24)) > 3  # bars, text and grid, not blank


def test_a_dashed_line_is_drawn_in_dashes():
    from reportlab.graphics.shapes import Line

    dashed = Line(0, 0, 100, 0, strokeDashArray=[6, 3])
    stretches = charts._dashes(dashed)
    assert len(stretches) == 12
    assert stretches[0] == ((0.0, 0.0), (6.0, 0.0))
