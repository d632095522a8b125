"""Fixtures for module tests: the small TOML content under `tests/modules/content/`."""

import pytest

from tests.modules.factories import load_fixture_content


@pytest.fixture
def content(world):
    """The fixture content loaded under the home page; returns the load report."""
    return load_fixture_content()
