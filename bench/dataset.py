"""The benchmark's dataset: deterministic in shape, grown in stages so every page is measured
for the same people as the service grows around them.

- "one board": the real content (modules, lexicon, knowledge checks, self-assessment
  instruments), ten short modules with two-question checks for sessions and the dashboard, and
  the subject board: 25 members (the chair among them) and a facilitator, with three sessions,
  reading progress, knowledge-check attempts, three closed self-assessment rounds, shared
  commitments and an action plan (`tests.dashboard.factories.populated_board`).
- "20 trusts": nineteen more trusts, each a board of 20 members with the same activity.
- "210 trusts": 190 more, about the size of the NHS's trusts together (4,225 members).

The subject member also has a knowledge check under way on a real module and a
self-assessment of their own under way, so the question and self-assessment pages have
something to show. Nothing here is random: the same run builds the same rows.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.html import escape
from wagtail.blocks import StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText

from bench.models import ReferencePage
from modules.content_loader import load_content
from modules.models import HomePage, ModulePage
from modules.quizzes.loader import load_quizzes
from modules.quizzes.models import Quiz
from modules.quizzes.services import attempt_start
from reflection.assessment.content import load_instruments
from reflection.assessment.services import response_start
from tests.conftest import ensure_site_tree
from tests.dashboard.factories import Content, dashboard_content, populated_board

SUBJECT_MEMBERS = 25
TRUST_MEMBERS = 20
LARGE_BOARD_MEMBERS = 100
STAGES = (("one board", 1), ("20 trusts", 20), ("210 trusts", 210))
SUBJECT_MODULE = "structural-racism"


@dataclass
class Dataset:
    content: Content
    board: object
    member: object
    chair: object
    facilitator: object
    module: ModulePage
    reference: ReferencePage
    attempt: object
    response: object
    session: object
    trusts: int = 1


def _words(value) -> list[str]:
    """Every piece of text inside a block value, as rich-text HTML."""
    if isinstance(value, RichText):
        return [value.source]
    if isinstance(value, str):
        return [f"<p>{escape(value)}</p>"] if value.strip() else []
    if isinstance(value, StructValue):
        return [part for item in value.values() for part in _words(item)]
    if isinstance(value, list | tuple | ListValue):
        return [part for item in value for part in _words(item)]
    return []


def _text_of(module: ModulePage) -> str:
    """The module's words as one rich-text value (headings as headings, the rest as paragraphs,
    sources left out as the module page lists them apart), so the reference page carries the
    same text in the simplest Wagtail form."""
    parts = []
    for block in module.body:
        if block.block_type == "heading":
            parts.append(f"<h2>{escape(block.value)}</h2>")
        elif block.block_type != "further_reading":
            parts.extend(_words(block.value))
    return "".join(parts)


def _reference_for(module: ModulePage) -> ReferencePage:
    """The plain-Wagtail page with the module's text, at the same depth as the module (under
    a section page of its own, as the module is under the module index), so Wagtail's routing
    costs the two the same."""
    section = HomePage.objects.get().add_child(
        instance=ReferencePage(title="Reference", slug="reference")
    )
    return section.add_child(
        instance=ReferencePage(title=module.title, slug=module.slug, body=_text_of(module))
    )


def build() -> Dataset:
    """The "one board" stage."""
    with transaction.atomic():
        ensure_site_tree()
        load_content()
        load_quizzes()
        instruments = load_instruments()
        content = dashboard_content()
        board = populated_board(content, members=SUBJECT_MEMBERS, name="Subject trust")
        # populated_board hangs the people it seats on the board object.
        member = board.people[1]  # type: ignore[attr-defined]
        module = ModulePage.objects.live().get(slug=SUBJECT_MODULE)
        # The subject board reads the real module in its upcoming session too.
        session = board.development_sessions.latest("starts_at")
        session.assignments.create(module=module, due_date=session.starts_at.date())
        attempt = attempt_start(user=member, quiz=Quiz.objects.get(module=module))
        response = response_start(
            user=member, board=board, instrument=instruments["cultural-intelligence"]
        )
        return Dataset(
            content=content,
            board=board,
            member=member,
            chair=board.chair,  # type: ignore[attr-defined]
            facilitator=board.facilitator,  # type: ignore[attr-defined]
            module=module,
            reference=_reference_for(module),
            attempt=attempt,
            response=response,
            session=session,
        )


def grow(dataset: Dataset, trusts: int) -> None:
    """Adds trusts of 20 members until there are `trusts` in all."""
    for number in range(dataset.trusts + 1, trusts + 1):
        with transaction.atomic():
            populated_board(dataset.content, members=TRUST_MEMBERS, name=f"Trust {number:03d}")
    dataset.trusts = max(dataset.trusts, trusts)


def large_board(dataset: Dataset):
    """A board of 100 members for the board paper's growth target."""
    with transaction.atomic():
        return populated_board(dataset.content, members=LARGE_BOARD_MEMBERS, name="Large trust")
