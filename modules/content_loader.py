"""Loads BoardReady's content files (`modules/content/`) into the database.

Keyed on slugs (and, for assurance questions, area and wording): anything that already exists is
left alone, so editors own the content once it is loaded and a reload never overwrites their
changes. Block ids are derived from the module's slug and the block's position, so every fresh
database gives a reflection prompt the same id.
"""

import logging
import tomllib
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils.html import escape

from .models import (
    AssuranceQuestion,
    AssuranceQuestionsPage,
    CaseStudyIndexPage,
    CaseStudyPage,
    GlossaryPage,
    HomePage,
    LexiconTerm,
    ModuleIndexPage,
    ModulePage,
)

logger = logging.getLogger(__name__)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
_IDS = uuid.UUID("6f1c3f0e-5b8a-4f55-9c39-2a0d1b7e4c10")

INDEX_PAGES = [
    (
        ModuleIndexPage,
        "modules",
        "Pre-reading modules",
        "Short modules to read before each board development session."
        " Your facilitator will tell you which to read and by when.",
    ),
    (
        GlossaryPage,
        "glossary",
        "Glossary: the race lexicon",
        "Plain definitions of the words boards use when they talk about race, with when to use "
        "each one and when to avoid it.",
    ),
    (
        CaseStudyIndexPage,
        "case-studies",
        "Case studies",
        "What other NHS boards did on race equality, what changed and what the data showed.",
    ),
    (
        AssuranceQuestionsPage,
        "assurance-questions",
        "Assurance questions",
        "Questions a board can ask itself or its executive team, grouped by the ten areas of "
        "good practice.",
    ),
]


@dataclass
class LoadReport:
    """What one load created, and anything in the files it could not use."""

    created: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)

    def problem(self, message: str) -> None:
        self.problems.append(message)
        logger.warning("Content: %s", message)


def _read(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _block_id(*parts) -> str:
    return str(uuid.uuid5(_IDS, ":".join(str(part) for part in parts)))


def _publish(obj) -> None:
    obj.save_revision().publish()


def _index_pages(home, report: LoadReport) -> dict:
    pages = {}
    for model, slug, title, introduction in INDEX_PAGES:
        page = model.objects.first()
        if page is None:
            page = model(title=title, slug=slug, introduction=introduction)
            home.add_child(instance=page)
            _publish(page)
            report.created[model.__name__] += 1
        pages[model] = page
    return pages


def _load_terms(entries: list, report: LoadReport) -> None:
    existing = {slug.lower() for slug in LexiconTerm.objects.values_list("slug", flat=True)}
    existing |= {term.lower() for term in LexiconTerm.objects.values_list("term", flat=True)}
    new_terms = []
    for entry in entries:
        if entry["slug"].lower() in existing or entry["term"].lower() in existing:
            continue
        term = LexiconTerm(slug=entry["slug"], live=False, **_term_fields(entry))
        term.full_clean()
        term.save()
        existing |= {term.slug.lower(), term.term.lower()}
        new_terms.append((term, entry))
    by_term = {term.term.lower(): term for term in LexiconTerm.objects.all()}
    for term, entry in new_terms:
        related = [by_term.get(name.lower()) for name in entry.get("related", [])]
        for name, found in zip(entry.get("related", []), related, strict=True):
            if found is None:
                report.problem(f"term {term.term!r}: related term {name!r} not found")
        term.related = [found for found in related if found is not None]
        term.save()
        _publish(term)
        report.created["LexiconTerm"] += 1


def _term_fields(entry: dict) -> dict:
    return {
        "term": entry["term"],
        "definition": entry["definition"].strip(),
        "usage_note": entry.get("usage_note", "").strip(),
        "contested": entry.get("contested", False),
        "alternatives": ", ".join(entry.get("alternatives", [])),
        "sources": [
            {"type": "source", "value": _source(source), "id": _block_id(entry["slug"], n)}
            for n, source in enumerate(entry.get("sources", []))
        ],
    }


def _source(entry: dict) -> dict:
    return {
        "title": entry["title"],
        "publisher": entry.get("publisher", ""),
        "year": entry.get("year"),
        "url": entry.get("url", ""),
    }


def _case_study_fields(entry: dict) -> dict:
    return {
        "title": entry["title"],
        "organisation_type": entry["organisation_type"],
        "areas": sorted(entry.get("areas", [])),  # as the model stores them
        "summary": entry["summary"].strip(),
        "what_they_did": entry["what_they_did"].strip(),
        "what_changed": entry["what_changed"].strip(),
        "what_the_data_showed": entry.get("what_the_data_showed", "").strip(),
        "source": entry["source"],
        "source_url": entry.get("source_url", ""),
    }


def _load_case_studies(entries: list, index, report: LoadReport) -> None:
    existing = set(CaseStudyPage.objects.values_list("slug", flat=True))
    for entry in entries:
        if entry["slug"] in existing:
            continue
        page = CaseStudyPage(slug=entry["slug"], **_case_study_fields(entry))
        index.add_child(instance=page)
        _publish(page)
        report.created["CaseStudyPage"] += 1


def _module_blocks(slug: str, entries: list, report: LoadReport) -> list:
    """StreamField raw data for a module's `[[body]]` entries (see content/README.md)."""
    terms = {term.lower(): pk for term, pk in LexiconTerm.objects.values_list("term", "pk")}
    cases = dict(CaseStudyPage.objects.values_list("slug", "pk"))
    blocks: list[dict[str, Any]] = []

    def add(block_type, value):
        n = len(blocks)
        blocks.append({"type": block_type, "value": value, "id": _block_id(slug, n)})

    for entry in entries:
        kind = entry["type"]
        if kind in ("heading", "quote", "statistic", "reflection", "video", "further_reading"):
            value = {key: item for key, item in entry.items() if key != "type"}
            if kind == "heading":
                value = entry["text"]
            elif kind == "further_reading":
                value = _source(entry)
            add(kind, value)
        elif kind == "text":
            add("text", entry["html"].strip())
        elif kind == "inset":
            add("inset", {"body": entry["html"].strip()})
        elif kind == "warning":
            title = entry.get("title", "Important")
            add("warning", {"title": title, "heading_level": 3, "body": entry["html"].strip()})
        elif kind == "details":
            inner = [
                {
                    "type": "richtext",
                    "value": entry["html"].strip(),
                    "id": _block_id(slug, len(blocks), 0),
                }
            ]
            add("details", {"title": entry["title"], "body": inner})
        elif kind == "do_dont":
            for side in ("do", "dont"):
                if entry.get(side):
                    items = [escape(item) for item in entry[side]]
                    add(side, {"heading_level": 3, "label": "", side: items})
        elif kind == "key_terms":
            chosen = []
            for name in entry["terms"]:
                if name.lower() in terms:
                    chosen.append(terms[name.lower()])
                else:
                    report.problem(f"module {slug!r}: key term {name!r} not found")
            if chosen:
                add("key_terms", {"terms": chosen})
        elif kind == "case_study":
            if entry["slug"] in cases:
                add("case_study", cases[entry["slug"]])
            else:
                report.problem(f"module {slug!r}: case study {entry['slug']!r} not found")
        else:
            report.problem(f"module {slug!r}: unknown block type {kind!r}")
    return blocks


def _module_fields(entry: dict, report: LoadReport) -> dict:
    slug = entry["slug"]
    return {
        "title": entry["title"],
        "summary": entry["summary"].strip(),
        "topic": entry.get("topic", ""),
        "areas": sorted(entry.get("areas", [])),  # as the model stores them
        "learning_outcomes": [
            {"type": "outcome", "value": outcome, "id": _block_id(slug, "outcome", n)}
            for n, outcome in enumerate(entry.get("learning_outcomes", []))
        ],
        "reading_minutes_override": entry.get("reading_minutes") or None,
        "body": _module_blocks(slug, entry.get("body", []), report),
    }


def _load_module(entry: dict, index, report: LoadReport) -> None:
    page = ModulePage(slug=entry["slug"], **_module_fields(entry, report))
    index.add_child(instance=page)
    _publish(page)
    report.created["ModulePage"] += 1


def _load_questions(entries: list, report: LoadReport) -> None:
    existing = set(AssuranceQuestion.objects.values_list("area", "text"))
    for position, entry in enumerate(entries):
        key = (entry["area"], entry["text"].strip())
        if key in existing:
            continue
        question = AssuranceQuestion(
            area=key[0], text=key[1], why=entry.get("why", "").strip(), sort_order=position
        )
        question.full_clean()
        question.save()
        existing.add(key)
        report.created["AssuranceQuestion"] += 1


@transaction.atomic
def load_content(content_dir: Path = CONTENT_DIR) -> LoadReport:
    """Creates whatever in `content_dir` is not in the database yet; changes nothing else."""
    report = LoadReport()
    home = HomePage.objects.first()
    if home is None:
        report.problem("no home page to put the content under")
        return report
    indexes = _index_pages(home, report)
    if (content_dir / "lexicon.toml").exists():
        _load_terms(_read(content_dir / "lexicon.toml").get("term", []), report)
    if (content_dir / "case_studies.toml").exists():
        entries = _read(content_dir / "case_studies.toml").get("case_study", [])
        _load_case_studies(entries, indexes[CaseStudyIndexPage], report)
    modules = [_read(path) for path in sorted((content_dir / "modules").glob("*.toml"))]
    existing = set(ModulePage.objects.values_list("slug", flat=True))
    for entry in sorted(modules, key=lambda module: module.get("order", 99)):
        if entry["slug"] not in existing:
            _load_module(entry, indexes[ModuleIndexPage], report)
    if (content_dir / "assurance_questions.toml").exists():
        _load_questions(_read(content_dir / "assurance_questions.toml").get("question", []), report)
    return report


@dataclass
class UpdateReport:
    """What `update_content` did to content that was already loaded, item by item."""

    added: list = field(default_factory=list)  # new in the files: a draft, sent for moderation
    submitted: list = field(default_factory=list)  # a new revision, sent for moderation
    drafted: list = field(default_factory=list)  # a new draft revision (no workflow applies)
    left_alone: list = field(default_factory=list)  # changed by an editor since it was loaded
    problems: list = field(default_factory=list)


def _stored(value):
    """A field's value as compared: StreamFields by their raw data, everything else as is."""
    raw = getattr(value, "raw_data", None)
    return list(raw) if raw is not None else value


def _changed_by_an_editor(obj) -> bool:
    """Content loaded from these files is saved without a user; a revision with one is an
    editor's (or a moderator's), and from then on the editor owns it."""
    return obj.revisions.exclude(user=None).exists()


def _update(obj, fields: dict, label: str, report: UpdateReport, *, dry_run: bool) -> None:
    latest = obj.get_latest_revision_as_object() if obj.latest_revision_id else obj
    changes = {
        name: value for name, value in fields.items() if _stored(getattr(latest, name)) != value
    }
    if not changes:
        return
    if _changed_by_an_editor(obj):
        report.left_alone.append(label)
        return
    workflow = obj.get_workflow() if hasattr(obj, "get_workflow") else None
    (report.submitted if workflow else report.drafted).append(label)
    if dry_run:
        return
    for name, value in changes.items():
        setattr(latest, name, value)
    latest.full_clean()
    latest.save_revision(log_action=True)
    if workflow and not latest.workflow_in_progress:
        workflow.start(latest, user=None)


def _add_draft_page(index, page, label: str, report: UpdateReport, *, dry_run: bool) -> None:
    """A page new in the files, for a site that loaded older files: created unpublished with one
    revision and sent into its approval workflow, so a moderator decides when it goes live."""
    report.added.append(label)
    if dry_run:
        return
    page.live = False
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow:
        workflow.start(page, user=None)


def _add_draft_terms(entries: list, report: UpdateReport, *, dry_run: bool) -> None:
    """Terms new in the files, saved as drafts (terms have no workflow) for an editor to publish."""
    existing = {slug.lower() for slug in LexiconTerm.objects.values_list("slug", flat=True)}
    existing |= {term.lower() for term in LexiconTerm.objects.values_list("term", flat=True)}
    new_terms = []
    for entry in entries:
        if entry["slug"].lower() in existing or entry["term"].lower() in existing:
            continue
        report.added.append(f"lexicon term {entry['term']!r}")
        if dry_run:
            continue
        term = LexiconTerm(slug=entry["slug"], live=False, **_term_fields(entry))
        term.full_clean()
        term.save()
        new_terms.append((term, entry))
    by_term = {term.term.lower(): term for term in LexiconTerm.objects.all()}
    for term, entry in new_terms:
        names = [name.lower() for name in entry.get("related", [])]
        term.related = [by_term[name] for name in names if name in by_term]
        term.save()
        term.save_revision(log_action=True)


def _add_draft_quizzes(folder: Path, slugs: list, report: UpdateReport, *, dry_run: bool) -> None:
    """The knowledge checks of modules new in the files, as drafts beside their draft modules."""
    from modules.quizzes.loader import quiz_create_from_file, read_quiz_file
    from modules.quizzes.models import Quiz

    if Quiz._meta.db_table not in connection.introspection.table_names():
        return  # a migration running before the knowledge checks' tables exist
    for slug in slugs:
        path = folder / f"{slug}.toml"
        if not path.exists():
            continue
        data = read_quiz_file(path)
        module = ModulePage.objects.filter(slug=slug).first()
        if dry_run or module is None:
            report.added.append(f"knowledge check {data['title']!r}")
            continue
        if Quiz.objects.filter(module=module).exists():
            continue
        quiz_create_from_file(data=data, module=module, live=False)
        report.added.append(f"knowledge check {data['title']!r}")


def _add_questions(entries: list, report: UpdateReport, *, dry_run: bool) -> None:
    """Assurance questions new in the files (they have no drafts: added, and listed)."""
    existing = set(AssuranceQuestion.objects.values_list("area", "text"))
    new = [entry for entry in entries if (entry["area"], entry["text"].strip()) not in existing]
    for entry in new:
        report.added.append(f"assurance question (area {entry['area']}) {entry['text'].strip()!r}")
    if not dry_run and new:
        _load_questions(entries, LoadReport())


@transaction.atomic
def update_content(content_dir: Path = CONTENT_DIR, *, dry_run: bool = False) -> UpdateReport:
    """Brings content that was loaded earlier up to date with the files, for sites that loaded
    an older version: each case study, lexicon term and module whose text has changed gets a new
    revision, submitted for moderation where a workflow applies (pages) and saved as a draft
    otherwise (terms); nothing is published here. Anything an editor has changed since it was
    loaded is left alone and listed. Items new in the files are added unpublished the same way
    (pages sent for moderation, terms and knowledge checks as drafts); assurance questions, which
    have no drafts, are added. A site that has loaded nothing yet is left to `load_content`."""
    report = UpdateReport()
    scratch = LoadReport()
    loaded = ModulePage.objects.exists()
    if (content_dir / "lexicon.toml").exists():
        entries = _read(content_dir / "lexicon.toml").get("term", [])
        terms = {term.slug: term for term in LexiconTerm.objects.all()}
        for entry in entries:
            if entry["slug"] in terms:
                label = f"lexicon term {entry['term']!r}"
                _update(terms[entry["slug"]], _term_fields(entry), label, report, dry_run=dry_run)
        if loaded:
            _add_draft_terms(entries, report, dry_run=dry_run)
    if (content_dir / "case_studies.toml").exists():
        pages = {page.slug: page for page in CaseStudyPage.objects.all()}
        index = CaseStudyIndexPage.objects.first()
        for entry in _read(content_dir / "case_studies.toml").get("case_study", []):
            label = f"case study {entry['slug']!r}"
            if entry["slug"] in pages:
                fields = _case_study_fields(entry)
                _update(pages[entry["slug"]], fields, label, report, dry_run=dry_run)
            elif loaded and index is not None:
                page = CaseStudyPage(slug=entry["slug"], **_case_study_fields(entry))
                _add_draft_page(index, page, label, report, dry_run=dry_run)
    modules = {page.slug: page for page in ModulePage.objects.all()}
    index = ModuleIndexPage.objects.first()
    new_modules = []
    for path in sorted((content_dir / "modules").glob("*.toml")):
        entry = _read(path)
        label = f"module {entry['slug']!r}"
        if entry["slug"] in modules:
            fields = _module_fields(entry, scratch)
            _update(modules[entry["slug"]], fields, label, report, dry_run=dry_run)
        elif loaded and index is not None:
            page = ModulePage(slug=entry["slug"], **_module_fields(entry, scratch))
            _add_draft_page(index, page, label, report, dry_run=dry_run)
            new_modules.append(entry["slug"])
    _add_draft_quizzes(content_dir / "quizzes", new_modules, report, dry_run=dry_run)
    if loaded and (content_dir / "assurance_questions.toml").exists():
        entries = _read(content_dir / "assurance_questions.toml").get("question", [])
        _add_questions(entries, report, dry_run=dry_run)
    report.problems = scratch.problems
    return report
