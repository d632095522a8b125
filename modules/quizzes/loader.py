"""Loads knowledge checks from `modules/content/quizzes/*.toml` (format: modules/content/README.md).

Keyed on the module. A module without a knowledge check gets one. A check the loader made and
no editor has touched since (every revision is the loader's, with no user, and nothing is
waiting in draft) is brought up to date with its file: new questions are added (matched on
their text; none is removed or rewritten, so past attempts keep their meaning) and the rules
follow the file, saved and published as a new revision. A check an editor has changed is left
alone and listed, so editors own a quiz once they edit it. A file whose module page does not
exist yet is skipped and reported.
"""

import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from modules.models import ModulePage

from .choices import Feedback, Reveal
from .models import Answer, Question, Quiz
from .question_types import QUESTION_TYPES
from .rules import answer_problems

logger = logging.getLogger(__name__)

QUIZ_DIR = Path(settings.BASE_DIR) / "modules" / "content" / "quizzes"


# The file says "deferred" or "immediate"; the old words "end" and "each" still work.
MODES = {
    "deferred": Feedback.END,
    "immediate": Feedback.EACH,
    Feedback.END.value: Feedback.END,
    Feedback.EACH.value: Feedback.EACH,
}


RULES = (
    "description",
    "pass_mark",
    "random_order",
    "draw",
    "feedback",
    "reveal",
    "attempts_allowed",
    "success_text",
    "fail_text",
)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # new questions or rules from the file
    kept: list[str] = field(default_factory=list)  # already up to date
    edited: list[str] = field(default_factory=list)  # changed by an editor: left alone
    skipped: list[str] = field(default_factory=list)


def read_quiz_file(path: Path) -> dict:
    """Parses one quiz file and checks its questions keep the answer rules."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    for number, question in enumerate(data.get("question", []), start=1):
        if question.get("type") not in QUESTION_TYPES:
            raise ValidationError(f"{path.name}: question {number} has an unknown type.")
        answers = [(a["text"], bool(a.get("correct"))) for a in question.get("answers", [])]
        problems = answer_problems(question["type"], answers)
        if problems:
            raise ValidationError(f"{path.name}: question {number}: {' '.join(problems)}")
    if data.get("feedback", "deferred") not in MODES:
        raise ValidationError(f"{path.name}: feedback must be one of {sorted(MODES)}.")
    if data.get("reveal", Reveal.AFTER_LAST) not in Reveal.values:
        raise ValidationError(f"{path.name}: reveal must be one of {Reveal.values}.")
    return data


def _rules(data: dict) -> dict:
    return {
        "description": data.get("description", ""),
        "pass_mark": data.get("pass_mark", 70),
        "random_order": bool(data.get("random_order", False)),
        "draw": data.get("draw") or None,
        "feedback": MODES[data.get("feedback", "deferred")],
        "reveal": data.get("reveal", Reveal.AFTER_LAST),
        "attempts_allowed": data.get("attempts_allowed") or None,
        "success_text": data.get("success_text", ""),
        "fail_text": data.get("fail_text", ""),
    }


def _question(item: dict, *, sort_order: int, shuffle_default: bool) -> Question:
    question = Question(
        sort_order=sort_order,
        type=item["type"],
        text=item["text"].strip(),
        explanation=item.get("explanation", "").strip(),
        topic=item.get("topic", ""),
        shuffle_answers=bool(
            item.get("shuffle_answers", shuffle_default)
            and QUESTION_TYPES[item["type"]].answers_may_shuffle
        ),
    )
    question.answers = [
        Answer(sort_order=index, text=answer["text"], correct=bool(answer.get("correct")))
        for index, answer in enumerate(item.get("answers", []))
    ]
    return question


@transaction.atomic
def quiz_create_from_file(*, data: dict, module: ModulePage, live: bool = True) -> Quiz:
    """Creates a live quiz, with its questions, answers and a first published revision; with
    `live=False`, a draft (one unpublished revision) for an editor to publish."""
    quiz = Quiz(title=data["title"], module=module, **_rules(data))
    shuffle = bool(data.get("shuffle_answers", False))
    for number, item in enumerate(data.get("question", [])):
        quiz.questions.add(_question(item, sort_order=number, shuffle_default=shuffle))
    quiz.live = live
    quiz.full_clean()
    quiz.save()
    revision = quiz.save_revision()
    if live:
        revision.publish()
    return quiz


def edited_by_an_editor(quiz: Quiz) -> bool:
    """Whether anyone changed the quiz after the loader made it: a revision saved by a person,
    or a draft waiting, or a live version that is not the latest revision."""
    if quiz.has_unpublished_changes or quiz.latest_revision_id != quiz.live_revision_id:
        return True
    if quiz.revisions.filter(user__isnull=False).exists():
        return True
    # A change saved without a revision (in a shell, say) shows against the live revision.
    live = quiz.live_revision.content if quiz.live_revision else {}
    texts = sorted(question.get("text", "") for question in live.get("questions", []))
    current = sorted(quiz.questions.values_list("text", flat=True))
    return live.get("title") != quiz.title or texts != current


@transaction.atomic
def quiz_update_from_file(*, quiz: Quiz, data: dict) -> bool:
    """Adds the file's new questions and takes its rules, as a new published revision.
    Returns whether anything changed."""
    quiz = Quiz.objects.select_for_update().get(pk=quiz.pk)
    rules = _rules(data)
    changed = {name for name, value in rules.items() if getattr(quiz, name) != value}
    known = {text.strip() for text in quiz.questions.values_list("text", flat=True)}
    new_items = [item for item in data.get("question", []) if item["text"].strip() not in known]
    if not changed and not new_items:
        return False
    for name in changed:
        setattr(quiz, name, rules[name])
    shuffle = bool(data.get("shuffle_answers", False))
    start = (quiz.questions.aggregate(top=Max("sort_order"))["top"] or 0) + 1
    for offset, item in enumerate(new_items):
        quiz.questions.add(_question(item, sort_order=start + offset, shuffle_default=shuffle))
    quiz.full_clean()
    quiz.save()
    quiz.save_revision(log_action=True).publish()
    return True


def load_quizzes(directory: Path | None = None, *, create: bool = True) -> LoadReport:
    """Creates each file's quiz once and brings untouched ones up to date with their file;
    files for modules not loaded yet are skipped, checks editors changed are listed."""
    report = LoadReport()
    for path in sorted((directory or QUIZ_DIR).glob("*.toml")):
        data = read_quiz_file(path)
        module = ModulePage.objects.filter(slug=data["module"]).first()
        if module is None:
            logger.warning("Knowledge check %s: no module with slug %s.", path.name, data["module"])
            report.skipped.append(data["title"])
            continue
        quiz = Quiz.objects.filter(module=module).first()
        if quiz is None and Quiz.objects.filter(title=data["title"]).exists():
            report.edited.append(data["title"])  # an editor's own check has the title
            continue
        if quiz is None and not create:
            report.skipped.append(data["title"])
        elif quiz is None:
            quiz_create_from_file(data=data, module=module)
            report.created.append(data["title"])
        elif edited_by_an_editor(quiz):
            report.edited.append(quiz.title)
        elif quiz_update_from_file(quiz=quiz, data=data):
            report.updated.append(quiz.title)
        else:
            report.kept.append(quiz.title)
    return report
