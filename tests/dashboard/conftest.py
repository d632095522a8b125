import pytest

from tests.dashboard.factories import dashboard_content, populated_board


@pytest.fixture
def content(world):
    """Ten live modules with knowledge checks, and assurance questions for every area."""
    return dashboard_content()


@pytest.fixture
def board(content):
    """A board of six members with data in every section of the dashboard."""
    return populated_board(content, members=6)
