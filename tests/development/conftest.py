import pytest

from tests.development.factories import SessionFactory, module_page


@pytest.fixture
def modules(world):
    """Two published modules."""
    return [module_page("Structural racism"), module_page("The race lexicon")]


@pytest.fixture
def session(world):
    """A session on board A in two weeks' time."""
    return SessionFactory(board=world.board_a, created_by=world.facilitator)
