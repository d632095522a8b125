"""The design system's CSS is served without the Frutiger web font (scripts/build-nhsuk-css)."""

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILT = ROOT / "static" / "css" / "nhsuk-frontend.min.css"


def test_the_committed_css_is_what_the_build_script_writes():
    # After an upgrade of wagtail-nhsuk-frontend this fails until the script is run again.
    build = runpy.run_path(str(ROOT / "scripts" / "build-nhsuk-css"))["build"]
    assert BUILT.read_text(encoding="utf-8") == build()


def test_the_css_asks_for_no_font_file():
    css = BUILT.read_text(encoding="utf-8")
    assert "@font-face" not in css
    assert "assets.nhs.uk" not in css
    assert "font-family:arial,sans-serif" in css


@pytest.mark.django_db
def test_every_page_links_the_built_css(client):
    html = client.get("/").content.decode()
    assert "/static/css/nhsuk-frontend.min.css" in html
    assert "wagtailnhsukfrontend/css/" not in html
