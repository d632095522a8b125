"""Reads for module listings, case studies, assurance questions and search."""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from learning.permissions import Visitor, is_signed_in
from modules.areas import GoodPracticeArea
from modules.models import (
    AssuranceQuestion,
    CaseStudyPage,
    GlossaryPage,
    LexiconTerm,
    ModuleIndexPage,
    ModulePage,
    ModuleProgress,
    ProgressStatus,
)
from modules.models.pages import MODULE_BODY_FIELDS
from modules.progress import progress_by_page, status_of

SEARCH_MAX_LENGTH = 200
# Full-text engines give quotes, brackets and operators a meaning; readers mean plain words.
_SEARCH_NOISE = re.compile(r"[^\w\s]")


_URLS = "_boardready_content_urls"
CONTENT_URLS_CACHE = "modules:content-urls"
CONTENT_URLS_SECONDS = 300


def content_urls(request: HttpRequest) -> dict[type, str]:
    """{ModuleIndexPage: url, GlossaryPage: url} for the live ones.

    Every page's navigation needs them, and they change only when one of those pages is
    published, unpublished, moved or deleted: they are cached for five minutes (by host, as
    addresses are relative to the site asked for), and dropped when one changes
    (`modules.signals`): for every process at once when the cache is shared (`CACHE_URL`)."""
    if not hasattr(request, _URLS):
        host = request.get_host()
        by_host = cache.get(CONTENT_URLS_CACHE) or {}
        labels = by_host.get(host)
        if labels is None:
            labels = {}
            for page in Page.objects.live().type(ModuleIndexPage, GlossaryPage).order_by("path"):
                labels.setdefault(page.specific_class._meta.label, page.get_url(request))
            cache.set(CONTENT_URLS_CACHE, by_host | {host: labels}, CONTENT_URLS_SECONDS)
        models = {model._meta.label: model for model in (ModuleIndexPage, GlossaryPage)}
        setattr(request, _URLS, {models[label]: url for label, url in labels.items()})
    urls: dict[type, str] = getattr(request, _URLS)
    return urls


def forget_content_urls() -> None:
    cache.delete(CONTENT_URLS_CACHE)


def remember_content_urls(request: HttpRequest, *known: dict[type, str | None]) -> None:
    """Lets a page that already knows these URLs spare the navigation its query."""
    urls: dict[type, str] = {}
    for mapping in known:
        urls.update({model: url for model, url in mapping.items() if url})
    setattr(request, _URLS, urls)


@dataclass
class ModuleRow:
    """One module in a listing, with the reader's status (not started for anonymous readers)."""

    page: ModulePage
    progress: ModuleProgress | None
    status: str

    @property
    def status_label(self) -> str:
        return ProgressStatus(self.status).label

    @property
    def complete(self) -> bool:
        return self.status == ProgressStatus.COMPLETE

    @property
    def read(self) -> bool:
        return bool(self.progress and self.progress.read_at)


def module_rows(
    user: Visitor,
    modules: "QuerySet[ModulePage] | None" = None,
    *,
    progress: dict[int, ModuleProgress] | None = None,
) -> list[ModuleRow]:
    """Live modules in tree order, each with the person's status: two queries at most, one
    when the person's `progress` ({page_id: ModuleProgress}) is given."""
    chosen: Any = modules if modules is not None else ModulePage.objects.all()
    pages = list(chosen.live().defer(*MODULE_BODY_FIELDS).order_by("path"))
    if progress is None:
        progress = progress_by_page(user, pages) if is_signed_in(user) and pages else {}
    return [
        ModuleRow(
            page=page, progress=progress.get(page.pk), status=status_of(progress.get(page.pk))
        )
        for page in pages
    ]


def case_studies_filtered(
    index: Page, *, area: int | None = None, organisation_type: str = ""
) -> list[CaseStudyPage]:
    """Live case studies under `index`, A to Z, optionally for one area and organisation type.

    One query; areas are filtered here because they are stored as a JSON list.
    """
    pages = CaseStudyPage.objects.child_of(index).live().order_by("title")
    if organisation_type:
        pages = pages.filter(organisation_type=organisation_type)
    return [page for page in pages if area is None or area in page.areas]


def assurance_questions_by_area() -> list[tuple[GoodPracticeArea, list[AssuranceQuestion]]]:
    """[(area label, [questions])] in area order, leaving out areas without questions."""
    grouped: defaultdict[int, list[AssuranceQuestion]] = defaultdict(list)
    for question in AssuranceQuestion.objects.all():
        grouped[question.area].append(question)
    return [(GoodPracticeArea(area), grouped[area]) for area in sorted(grouped)]


def assurance_questions_for_areas(
    areas: Iterable[int | str], limit: int | None = None
) -> list[AssuranceQuestion]:
    """Questions for the given areas, taking turns between them in the order given.

    With `limit`, at most that many in total: `limit=len(areas) * 2` gives up to two per area.
    One query.
    """
    numbers = [int(area) for area in areas]
    by_area: defaultdict[int, list[AssuranceQuestion]] = defaultdict(list)
    for question in AssuranceQuestion.objects.filter(area__in=numbers):
        by_area[question.area].append(question)
    chosen = []
    depth = 0
    while any(len(by_area[area]) > depth for area in numbers):
        for area in numbers:
            if len(by_area[area]) > depth:
                chosen.append(by_area[area][depth])
        depth += 1
    return chosen[:limit] if limit is not None else chosen


@dataclass
class SearchResults:
    query: str
    modules: list[ModulePage]
    terms: list[LexiconTerm]
    case_studies: list[CaseStudyPage]
    glossary_url: str

    @property
    def count(self) -> int:
        return len(self.modules) + len(self.terms) + len(self.case_studies)


# Words past this many are searched as typed, so a long query stays a small one.
_WIDENED_WORDS = 8
_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z")


def word_forms(word: str) -> list[str]:
    """The word with its English singular or plural beside it: "microaggressions" ->
    ["microaggressions", "microaggression"], "policy" -> ["policy", "policies"]. A rough
    rule, enough for a search index without a stemmer: a form that is not a word finds
    nothing, so "-es" endings try both ("biases": "biase" and "bias")."""
    lower = word.lower()
    if len(lower) < 3 or not lower.isalpha():
        return [word]
    if lower.endswith("ies") and len(lower) > 4:
        others = [lower[:-3] + "y"]
    elif lower.endswith("es"):
        others = [lower[:-1], lower[:-2]]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        others = [lower[:-1]]
    elif lower.endswith("y") and lower[-2] not in "aeiou":
        others = [lower[:-1] + "ies"]
    elif lower.endswith(_SIBILANT_ENDINGS):
        others = [lower + "es"]
    else:
        others = [lower + "s"]
    return [word, *others]


def search_query(text: str) -> str | Or | And | PlainText:
    """What to hand the search backend. PostgreSQL's English configuration stems words
    itself; SQLite's index does not, so each word is widened to its singular and plural."""
    if connection.vendor == "postgresql":
        return text
    words = text.split()
    parts = [
        Or([PlainText(form) for form in word_forms(word)])
        if index < _WIDENED_WORDS
        else PlainText(word)
        for index, word in enumerate(words)
    ]
    return parts[0] if len(parts) == 1 else And(parts)


def search_content(query: str, request: HttpRequest) -> SearchResults:
    """Published modules, lexicon terms and case studies matching the words, best first."""
    query = " ".join(_SEARCH_NOISE.sub(" ", query[:SEARCH_MAX_LENGTH]).split())
    glossary = GlossaryPage.objects.live().first()
    glossary_url = glossary.get_url(request) if glossary else ""
    if not query:
        return SearchResults(query, [], [], [], glossary_url)
    widened = search_query(query)
    terms = LexiconTerm.objects.filter(live=True)
    return SearchResults(
        query=query,
        modules=list(ModulePage.objects.live().search(widened)[:20]),
        terms=list(get_search_backend().search(widened, terms)[:20]),
        case_studies=list(CaseStudyPage.objects.live().search(widened)[:20]),
        glossary_url=glossary_url,
    )
