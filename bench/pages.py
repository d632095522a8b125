"""The pages the benchmark measures and the query-count tests pin: who asks, for what.

Each page is a `Page`: a name, the person who asks (the subject board's member, chair or
facilitator), and how to build the request from the dataset. The benchmark times them and the
tests in `tests/performance/` pin their query counts, from this one list.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class Page:
    name: str
    who: str  # "member", "chair" or "facilitator"
    path: Callable  # dataset -> URL
    data: Callable | None = None  # dataset -> POST data; None for a GET
    expect: int = 200
    baseline: bool = False  # one of the two baselines, not a page of BoardReady's own
    tags: tuple = field(default_factory=tuple)

    @property
    def method(self) -> str:
        return "GET" if self.data is None else "POST"


def answer_for(row) -> dict:
    """A valid answer to one question of an attempt (its first option, or a sentence), moving
    on to the next question. The load test posts these too."""
    kind = row.question_type
    if not kind.has_options:
        return {kind.field_name: "A benchmark answer.", "action": "next"}
    first = str(row.options.order_by("position").values_list("pk", flat=True)[0])
    return {kind.field_name: [first] if kind.takes_several else first, "action": "next"}


def _answer(dataset) -> dict:
    """A valid answer to the first question of the member's knowledge check."""
    return answer_for(dataset.attempt.answers.get(position=1))


FLOOR = Page("floor", "member", lambda d: reverse("bench_floor"), baseline=True)
REFERENCE = Page("plain Wagtail page", "member", lambda d: d.reference.url, baseline=True)
HOME = Page("home", "member", lambda d: reverse("member_home"))
MODULE = Page("module page", "member", lambda d: d.module.url)
QUESTION = Page(
    "question (GET)",
    "member",
    lambda d: reverse("quizzes:question", args=[d.attempt.pk, 1]),
)
ANSWER = Page(
    "question (POST)",
    "member",
    lambda d: reverse("quizzes:question", args=[d.attempt.pk, 1]),
    data=_answer,
    expect=302,
)
SELF_ASSESSMENT = Page(
    "self-assessment part",
    "member",
    lambda d: reverse("assessment:take", args=[d.response.pk, 1]),
)
SESSION = Page(
    "session page",
    "facilitator",
    lambda d: reverse("development:session_detail", args=[d.session.pk]),
    tags=("constant queries",),
)
DASHBOARD = Page(
    "dashboard",
    "chair",
    lambda d: reverse("dashboard:board_dashboard", args=[d.board.pk]),
    tags=("constant queries",),
)
PDF = Page(
    "board paper PDF",
    "chair",
    lambda d: reverse("dashboard:board_paper", args=[d.board.pk]),
    tags=("constant queries",),
)
DOCX = Page(
    "board paper Word",
    "chair",
    lambda d: reverse("dashboard:board_paper_docx", args=[d.board.pk]),
    tags=("constant queries",),
)
SESSION_CSV = Page(
    "session CSV",
    "facilitator",
    lambda d: reverse("development:session_csv", args=[d.session.pk]),
    tags=("constant queries",),
)
READINESS_CSV = Page(
    "dashboard CSV",
    "chair",
    lambda d: reverse("dashboard:readiness_csv", args=[d.board.pk]),
    tags=("constant queries",),
)

BASELINES = [FLOOR, REFERENCE]
PAGES = [HOME, MODULE, QUESTION, ANSWER, SELF_ASSESSMENT, SESSION, DASHBOARD, PDF]
PAGES += [DOCX, SESSION_CSV, READINESS_CSV]
