"""Content for module tests: the small TOML fixtures beside this file, and extra terms."""

from pathlib import Path

from modules.content_loader import load_content
from modules.models import LexiconTerm, ModulePage

FIXTURES = Path(__file__).resolve().parent / "content"


def load_fixture_content():
    """Loads the test fixtures under the home page and returns the load report."""
    return load_content(FIXTURES)


def module(slug="alpha") -> ModulePage:
    return ModulePage.objects.get(slug=slug)


def add_terms(count: int, *, start: int = 0) -> None:
    """Publishes `count` more lexicon terms with made-up words."""
    for n in range(start, start + count):
        term = LexiconTerm(
            term=f"Filler term {n:04d}", slug=f"filler-{n:04d}", definition="Padding.", live=False
        )
        term.save()
        term.save_revision().publish()


def unpublished_module() -> ModulePage:
    page = module("beta")
    page.unpublish()
    return page


def warm_queries(client, url: str) -> list:
    """The SQL of a second GET of `url` (the first warms per-process caches)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]
