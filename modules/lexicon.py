"""Links the first use of each lexicon term in a module's rich text to its glossary entry.

The matcher (one compiled regular expression over every live term) is built once per process
and rebuilt only when the lexicon's stamp changes. The stamp is one aggregate query over the
terms: it changes whenever a term is published (editing included), unpublished or deleted, and
every process sees the change because it comes from the database.
"""

import re
import threading
from dataclasses import dataclass, field

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
    terms = list(LexiconTerm.objects.filter(live=True).values_list("term", "slug"))
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


def lexicon_linker(request) -> "LexiconLinker":
    """A linker for one page render: the glossary page and the stamp come in one query."""
    glossary = GlossaryPage.objects.live().annotate(**_stamp_subqueries()).order_by("path").first()
    if glossary is None:
        return LexiconLinker(matcher=Matcher(pattern=None, slugs={}), glossary_url="")
    stamp = (glossary.lexicon_count or 0, glossary.lexicon_ids, glossary.lexicon_published)
    return LexiconLinker(
        matcher=_matcher_for(stamp),
        glossary_url=glossary.get_url(request) or "",
        stamp="-".join(str(part) for part in stamp),
    )


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
        inside_link = 0
        for part in _TAG.split(html):
            if part.startswith("<"):
                tag = part[1:3].lower()
                if tag in ("a ", "a>"):
                    inside_link += 1
                elif part[:4].lower() == "</a>":
                    inside_link = max(0, inside_link - 1)
                parts.append(part)
            elif inside_link or not part.strip():
                parts.append(part)
            else:
                parts.append(self.matcher.pattern.sub(self._replace, part))
        return mark_safe("".join(parts))  # noqa: S308 - only our own anchors are added

    def _replace(self, match: re.Match) -> str:
        text = match.group(0)
        slug = self.matcher.slug_for(text)
        if slug is None or slug in self.linked:
            return text
        self.linked.add(slug)
        href = escape(f"{self.glossary_url}#{slug}")
        return f'<a class="br-term-link" href="{href}">{text}</a>'
