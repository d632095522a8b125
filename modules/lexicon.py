"""Links the first use of each lexicon term in a module's rich text to its glossary entry.

The matcher (one compiled regular expression over every live term) is built once per process
and rebuilt only when the lexicon's stamp changes. The stamp is one aggregate query over the
terms: it changes whenever a term is published (editing included), unpublished or deleted.

A module page needs the stamp and the glossary's address on every view, and both change only
when a term or the glossary page does: they are kept in the shared cache for five minutes (by
host), and dropped when a term is saved or deleted or the glossary page is published,
unpublished, moved or deleted (`modules.signals`), for every process at once when the cache is
shared (`CACHE_URL`).
"""

import re
import threading
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Q, Subquery, Sum
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from modules.models.lexicon import GlossaryPage, LexiconTerm

_TAG = re.compile(r"(<[^>]*>)")
_lock = threading.Lock()
_built: dict = {}


@dataclass(frozen=True)
class Matcher:
    """A compiled pattern over every live term, and the slug of each term's entry."""

    pattern: re.Pattern | None
    slugs: dict

    def slug_for(self, text: str) -> str | None:
        key = text.lower()
        for candidate in (key, key.removesuffix("s"), key.removesuffix("es")):
            if candidate in self.slugs:
                return self.slugs[candidate]
        return None


def lexicon_stamp() -> tuple:
    """Changes whenever the set of live terms or any live term's wording changes."""
    live = Q(live=True)
    row = LexiconTerm.objects.aggregate(
        count=Count("pk", filter=live),
        ids=Sum("pk", filter=live),
        published=Max("last_published_at", filter=live),
    )
    return (row["count"] or 0, row["ids"], row["published"])


def _build() -> Matcher:
    return matcher_for_terms(
        list(LexiconTerm.objects.filter(live=True).values_list("term", "slug"))
    )


def matcher_for_terms(terms: list[tuple[str, str]]) -> Matcher:
    """A matcher over (term, slug) pairs; longer terms are tried first, so a phrase that is
    a term of its own ("white privilege") wins over a term inside it ("privilege")."""
    if not terms:
        return Matcher(pattern=None, slugs={})
    alternatives = sorted({term for term, _ in terms}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(term) for term in alternatives)
        + r")(?:e?s)?(?![\w-])",
        re.IGNORECASE,
    )
    return Matcher(pattern=pattern, slugs={term.lower(): slug for term, slug in terms})


def _matcher_for(stamp: tuple) -> Matcher:
    with _lock:
        matcher = _built.get(stamp)
        if matcher is None:
            matcher = _build()
            _built.clear()
            _built[stamp] = matcher
    return matcher


def lexicon_matcher() -> Matcher:
    """The current matcher: one query for the stamp, and a rebuild only if it has changed."""
    return _matcher_for(lexicon_stamp())


def _stamp_subqueries() -> dict:
    live = LexiconTerm.objects.filter(live=True).order_by().values("live")
    return {
        name: Subquery(live.annotate(value=aggregate).values("value")[:1])
        for name, aggregate in (
            ("lexicon_count", Count("pk")),
            ("lexicon_ids", Sum("pk")),
            ("lexicon_published", Max("last_published_at")),
        )
    }


LEXICON_CACHE = "modules:lexicon"
LEXICON_SECONDS = 300


def _glossary_and_stamp(request) -> tuple[str, tuple] | None:
    """(the live glossary's address, the lexicon's stamp) in one query; None without one."""
    glossary = GlossaryPage.objects.live().annotate(**_stamp_subqueries()).order_by("path").first()
    if glossary is None:
        return None
    stamp = (glossary.lexicon_count or 0, glossary.lexicon_ids, glossary.lexicon_published)
    return glossary.get_url(request) or "", stamp


def lexicon_linker(request) -> "LexiconLinker":
    """A linker for one page render: the glossary's address and the stamp from the cache, or
    from one query when the cache has not got them (see the module's docstring)."""
    host = request.get_host()
    by_host = cache.get(LEXICON_CACHE) or {}
    if host in by_host:
        found = by_host[host]
    else:
        found = _glossary_and_stamp(request)
        cache.set(LEXICON_CACHE, by_host | {host: found}, LEXICON_SECONDS)
    if found is None:
        return LexiconLinker(matcher=Matcher(pattern=None, slugs={}), glossary_url="")
    glossary_url, stamp = found
    return LexiconLinker(
        matcher=_matcher_for(stamp),
        glossary_url=glossary_url,
        stamp="-".join(str(part) for part in stamp),
    )


def forget_lexicon() -> None:
    cache.delete(LEXICON_CACHE)


@dataclass
class LexiconLinker:
    """Links terms for one page render; remembers which terms it has linked already."""

    matcher: Matcher
    glossary_url: str
    stamp: str = ""  # changes whenever a term is published, unpublished or deleted
    linked: set = field(default_factory=set)

    def link_html(self, html: str) -> SafeString:
        if self.matcher.pattern is None or not self.glossary_url:
            return mark_safe(html)  # noqa: S308 - editor's rich text, already trusted
        parts = []
        open_skips: list[str] = []
        for part in _TAG.split(html):
            if part.startswith("<"):
                _track_skipped(part, open_skips)
                parts.append(part)
            elif open_skips or not part.strip():
                parts.append(part)
            else:
                parts.append(self._link_text(part))
        return mark_safe("".join(parts))  # noqa: S308 - only our own anchors are added

    def _link_text(self, text: str) -> str:
        """Links the terms in one run of text. Terms that run straight into one another
        ("race equality", with no term of that name) make a phrase that none of them
        names, so none of them is linked; a term followed by a number is a title
        ("Race 2.0") and is left alone too."""
        pattern = self.matcher.pattern
        if pattern is None:  # link_html does not call this without one
            return text
        out, last = [], 0
        for run in _runs(pattern, text):
            start, end = run[0].start(), run[-1].end()
            out.append(text[last:start])
            alone = len(run) == 1 and not _TITLE_NUMBER.match(text, end)
            out.append(self._replace(run[0]) if alone else text[start:end])
            last = end
        out.append(text[last:])
        return "".join(out)

    def _replace(self, match: re.Match) -> str:
        text = match.group(0)
        slug = self.matcher.slug_for(text)
        if slug is None or slug in self.linked:
            return text
        self.linked.add(slug)
        href = escape(f"{self.glossary_url}#{slug}")
        return f'<a class="br-term-link" href="{href}">{text}</a>'


# Elements whose words are never linked: links themselves, headings, quotations, and the
# titles of reports and other works (cite, em, i), such as *Race 2.0*.
_SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "em", "i"}
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
_TITLE_NUMBER = re.compile(r"\s+\d")
_BETWEEN_TERMS = re.compile(r"[ \t\u00a0]+")


def _track_skipped(tag: str, open_skips: list[str]) -> None:
    found = _TAG_NAME.match(tag)
    if found is None or tag.endswith("/>"):
        return
    closing, name = found.group(1), found.group(2).lower()
    if name not in _SKIPPED:
        return
    if not closing:
        open_skips.append(name)
    elif name in open_skips:
        # Close the innermost element of that name (and anything left open inside it).
        del open_skips[len(open_skips) - 1 - open_skips[::-1].index(name) :]


def _runs(pattern: re.Pattern, text: str) -> list[list[re.Match]]:
    """The pattern's matches in text, grouped where only spaces lie between two of them."""
    runs: list[list[re.Match]] = []
    for match in pattern.finditer(text):
        if runs and _BETWEEN_TERMS.fullmatch(text, runs[-1][-1].end(), match.start()):
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs
