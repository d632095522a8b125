"""Access rows for modules, the glossary, case studies, assurance questions and search.

Content is public reading; only recording "I have read this module" needs signing in.
"""

from django.urls import reverse

from tests.access.table import Row, everyone, signed_in
from tests.modules.factories import load_fixture_content, module, unpublished_module


def _content(path):
    def url(world):
        load_fixture_content()
        return path

    return url


def _read(world):
    load_fixture_content()
    return reverse("modules:module_read", args=[module().pk])


def _read_unpublished(world):
    load_fixture_content()
    return reverse("modules:module_read", args=[unpublished_module().pk])


ROWS = [
    Row("module index", _content("/modules/"), everyone(200)),
    Row("module page", _content("/modules/alpha/"), everyone(200)),
    Row("glossary", _content("/glossary/"), everyone(200)),
    Row("case studies", _content("/case-studies/"), everyone(200)),
    Row(
        "case studies, unknown filters",
        _content("/case-studies/?area=x&organisation_type=y"),
        everyone(200),
    ),
    Row("case study", _content("/case-studies/open-door/"), everyone(200)),
    Row("assurance questions", _content("/assurance-questions/"), everyone(200)),
    Row("search", _content(reverse("modules:search") + "?q=microaggression"), everyone(200)),
    Row(
        "search, long query",
        _content(reverse("modules:search") + "?q=" + "a" * 1000),
        everyone(200),
    ),
    Row("mark module read", _read, everyone(302), method="post"),
    Row("mark module read by GET", _read, signed_in(405)),
    Row("mark unpublished module read", _read_unpublished, signed_in(404), method="post"),
]
