"""Every URL the project serves has a row in the access table, so a new view cannot ship
without saying who may open it. Only what other packages serve and test is left out: the
Wagtail and Django admin, Wagtail's page serving (each page type is in the page list) and
its documents and images."""

from django.urls import URLPattern, URLResolver, get_resolver

from tests.browser.page_list import names_and_pages

# Leading parts of paths served by other packages, each with its own permissions.
OTHER_PACKAGES = ("admin/", "django-admin/", "documents/", "images/", "_util/")


def _named_patterns(resolver=None, namespace="", prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
            yield from _named_patterns(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern)


def test_every_url_the_project_serves_has_a_row_in_the_access_table(world):
    served = {
        name
        for name, path in _named_patterns()
        if not path.startswith(OTHER_PACKAGES) and name != "wagtail_serve"
    }
    assert {"plans:my_plan", "quizzes:question", "privacy_notice"} <= served  # not vacuous
    covered, _ = names_and_pages(world)
    missing = sorted(served - covered)
    assert not missing, f"No access-table row opens these URL names: {missing}"
