"""Question types: what differs between single choice, multiple response, true or false and
free text, written once per type.

Each type is one class holding its answer field, the rules its answers keep in the admin and in
quiz files, how a posted answer is read and judged, what the analysis counts and the template
that shows its result. `QUESTION_TYPES` maps each `QuestionType` value to its class; the rest of
the app looks the type up there instead of comparing `type` with a value.

To add a type: a value in `choices.QuestionType` (and a migration for the field's choices), a
class below registered in `QUESTION_TYPES`, and its result template in
`templates/quizzes/results/`. `tests/quizzes/test_question_types.py` checks that every value has a
class and that each class provides every method.

This module imports no models (the models import it), so it names them for type checking only.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import QuestionType

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from .models import AttemptAnswer, AttemptOption

# A question's answers as the editor wrote them: (text, correct) pairs.
AnswerRows = list[tuple[str, bool]]

TRUE_FALSE_TEXTS = ("True", "False")


@dataclass(frozen=True)
class PostedAnswer:
    """An answer as a member posted it, read against the question as drawn.

    `problem` says why the answer cannot belong to the question (a forged or stale form), or is
    None; `given` is whether it answers at all; `unchanged` whether it is the answer saved
    already; `options` are the question's options as drawn (empty for a free-text question).
    """

    problem: str | None
    given: bool
    unchanged: bool
    options: list[AttemptOption] = field(default_factory=list)


class QuestionKind(ABC):
    """What every question type provides. The class attributes describe the type; the methods
    build its answer field, check its answers and judge what a member gave."""

    value: ClassVar[QuestionType]
    # The template showing one answered question's result (see quizzes/_answer_result.html).
    result_template: ClassVar[str]
    # The name of the answer field in the member's form ("answer" for options, "text" for words).
    field_name: ClassVar[str] = "answer"
    # Whether the member chooses among options (stored as AttemptOption rows) or writes words.
    has_options: ClassVar[bool] = True
    # Whether a facilitator marks the answer; such questions are always drawn from a pool.
    marked_by_facilitator: ClassVar[bool] = False
    # Whether a quiz file's `shuffle_answers` applies: not where the answers' order means something.
    answers_may_shuffle: ClassVar[bool] = False
    # Whether more than one option may be chosen.
    takes_several: ClassVar[bool] = False
    # Whether posting no answer is itself a change: unticking every box, which a radio cannot do.
    empty_post_is_a_change: ClassVar[bool] = False
    # Whether the question analysis counts the wrong options members chose.
    counts_wrong_choices: ClassVar[bool] = True
    # Shown beside the answer when the member moves on without answering or flagging.
    empty_message: ClassVar[StrOrPromise] = gettext_lazy(
        "Select an answer, or flag the question to come back to it."
    )

    @abstractmethod
    def form_field(self, row: AttemptAnswer, options: list[AttemptOption]) -> forms.Field:
        """The member's answer field for this question, labelled with the question itself."""

    def initial_answer(self, chosen: list[str]) -> str | list[str]:
        """The answer field's initial value from the ids of the options chosen so far: one id
        alone for a field that takes one."""
        return chosen[0] if len(chosen) == 1 else chosen

    @abstractmethod
    def answer_problems(self, answers: AnswerRows) -> list[str]:
        """What is wrong with an editor's answers for this type; empty when all is well."""

    @abstractmethod
    def read_posted(self, row: AttemptAnswer, chosen: set[int], free_text: str) -> PostedAnswer:
        """A posted answer (option ids chosen, words written) read against the question."""

    @abstractmethod
    def judge(self, options: list[AttemptOption], chosen: set[int]) -> bool | None:
        """Whether the answer is right; None when a facilitator decides."""

    @abstractmethod
    def answer_summary(self, row: AttemptAnswer) -> str:
        """The answer given, in a line, for "Check your answers"."""

    @abstractmethod
    def sample_answer(
        self, options: list[AttemptOption], *, right: bool, written: str
    ) -> tuple[list[int], str]:
        """An answer for demo and test data, as (option ids, words): right, or wrong where the
        type can tell; `written` is the words of a written answer."""


class ChoiceQuestion(QuestionKind):
    """Answered by choosing options; right when the options chosen are exactly the correct ones
    (all or nothing)."""

    result_template = "quizzes/results/choice.html"

    def form_field(self, row: AttemptAnswer, options: list[AttemptOption]) -> forms.Field:
        return forms.ChoiceField(
            label=row.text, choices=_choices(options), required=False, widget=forms.RadioSelect
        )

    def answer_problems(self, answers: AnswerRows) -> list[str]:
        correct = _correct_count(answers)
        problems = []
        if len(answers) < 2:
            problems.append(_("A choice question needs at least two answers."))
        if correct == 0:
            problems.append(_("Mark at least one answer as correct."))
        return problems + self.own_problems(answers, correct)

    def own_problems(self, answers: AnswerRows, correct: int) -> list[str]:
        """The rules this type adds to every choice question's."""
        return []

    def read_posted(self, row: AttemptAnswer, chosen: set[int], free_text: str) -> PostedAnswer:
        options = list(row.options.all())
        saved = {option.pk for option in options if option.chosen}
        problem = None
        if not chosen <= {option.pk for option in options} or free_text:
            problem = _("That answer does not belong to this question.")
        elif not self.takes_several and len(chosen) > 1:
            problem = _("Choose one answer.")
        return PostedAnswer(
            problem=problem, given=bool(chosen), unchanged=chosen == saved, options=options
        )

    def judge(self, options: list[AttemptOption], chosen: set[int]) -> bool | None:
        correct_ids = {option.pk for option in options if option.correct}
        return bool(chosen) and chosen == correct_ids

    def answer_summary(self, row: AttemptAnswer) -> str:
        return "; ".join(option.text for option in row.options.all() if option.chosen)

    def sample_answer(
        self, options: list[AttemptOption], *, right: bool, written: str
    ) -> tuple[list[int], str]:
        ids = [option.pk for option in options if option.correct == right]
        return (ids if self.takes_several else ids[:1]), ""


class SingleChoice(ChoiceQuestion):
    """One correct answer among several, chosen with radio buttons."""

    value = QuestionType.SINGLE
    answers_may_shuffle = True

    def own_problems(self, answers: AnswerRows, correct: int) -> list[str]:
        if correct > 1:
            return [_("A single-choice question has only one correct answer.")]
        return []


class MultipleResponse(ChoiceQuestion):
    """Any number of correct answers, chosen with checkboxes."""

    value = QuestionType.MULTIPLE
    answers_may_shuffle = True
    takes_several = True
    empty_post_is_a_change = True

    def form_field(self, row: AttemptAnswer, options: list[AttemptOption]) -> forms.Field:
        return forms.MultipleChoiceField(
            label=row.text,
            choices=_choices(options),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            # Not twice: many questions already end with it.
            help_text=""
            if "select all that apply" in row.text.lower()
            else gettext_lazy("Select all that apply."),
        )

    def initial_answer(self, chosen: list[str]) -> str | list[str]:
        return chosen


class TrueOrFalse(ChoiceQuestion):
    """Two answers, "True" and "False", one of them correct; a quiz file never shuffles them."""

    value = QuestionType.TRUE_FALSE

    def own_problems(self, answers: AnswerRows, correct: int) -> list[str]:
        texts = sorted(text.strip() for text, _correct in answers)
        if texts != sorted(TRUE_FALSE_TEXTS) or correct != 1:
            return [
                _(
                    'A true or false question has exactly two answers, "True" and "False", '
                    "one of them correct."
                )
            ]
        return []


class FreeText(QuestionKind):
    """Answered in the member's own words; a facilitator marks it right or not right."""

    value = QuestionType.FREE_TEXT
    result_template = "quizzes/results/free_text.html"
    field_name = "text"
    has_options = False
    marked_by_facilitator = True
    counts_wrong_choices = False
    empty_message = gettext_lazy("Write an answer, or flag the question to come back to it.")

    def form_field(self, row: AttemptAnswer, options: list[AttemptOption]) -> forms.Field:
        return forms.CharField(
            label=row.text,
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 6}),
            help_text=gettext_lazy("A facilitator will read and mark your answer."),
        )

    def answer_problems(self, answers: AnswerRows) -> list[str]:
        if answers:
            return [_("A free-text question has no answers: a facilitator marks it.")]
        return []

    def read_posted(self, row: AttemptAnswer, chosen: set[int], free_text: str) -> PostedAnswer:
        problem = _("That answer does not belong to this question.") if chosen else None
        return PostedAnswer(
            problem=problem, given=bool(free_text), unchanged=free_text == row.free_text
        )

    def judge(self, options: list[AttemptOption], chosen: set[int]) -> bool | None:
        return None

    def answer_summary(self, row: AttemptAnswer) -> str:
        return Truncator(row.free_text).words(25, truncate=" …")

    def sample_answer(
        self, options: list[AttemptOption], *, right: bool, written: str
    ) -> tuple[list[int], str]:
        return [], written


def _choices(options: list[AttemptOption]) -> list[tuple[str, str]]:
    return [(str(option.pk), option.text) for option in options]


def _correct_count(answers: AnswerRows) -> int:
    return sum(1 for _text, is_correct in answers if is_correct)


def _registry(kinds: Iterable[QuestionKind]) -> Mapping[str, QuestionKind]:
    return {str(kind.value): kind for kind in kinds}


QUESTION_TYPES: Mapping[str, QuestionKind] = _registry(
    [SingleChoice(), MultipleResponse(), TrueOrFalse(), FreeText()]
)

# The stored values of the types a facilitator marks, for queries.
MARKED_BY_FACILITATOR: list[str] = [
    value for value, kind in QUESTION_TYPES.items() if kind.marked_by_facilitator
]
# The stored values of the types whose wrong choices the question analysis counts.
COUNTS_WRONG_CHOICES: list[str] = [
    value for value, kind in QUESTION_TYPES.items() if kind.counts_wrong_choices
]


def question_type(value: str) -> QuestionKind:
    """The registered type for a stored `type` value (a KeyError for an unknown one)."""
    return QUESTION_TYPES[value]
