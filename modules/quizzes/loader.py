"""Loads knowledge checks from `modules/content/quizzes/*.toml` (format: modules/content/README.md).

Keyed on the module: a module that already has a knowledge check, or a quiz with the same title,
is left alone, so editors own a quiz once it is loaded and a reload never overwrites their changes.
A file whose module page does not exist yet is skipped and reported.
"""

import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from modules.models import ModulePage

from .choices import Feedback, QuestionType, Reveal
from .models import Answer, Question, Quiz
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


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_quiz_file(path: Path) -> dict:
    """Parses one quiz file and checks its questions keep the answer rules."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    for number, question in enumerate(data.get("question", []), start=1):
        if question.get("type") not in QuestionType.values:
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


@transaction.atomic
def quiz_create_from_file(*, data: dict, module: ModulePage) -> Quiz:
    """Creates a live quiz, with its questions, answers and a first published revision."""
    quiz = Quiz(
        title=data["title"],
        module=module,
        description=data.get("description", ""),
        pass_mark=data.get("pass_mark", 70),
        random_order=bool(data.get("random_order", False)),
        draw=data.get("draw") or None,
        feedback=MODES[data.get("feedback", "deferred")],
        reveal=data.get("reveal", Reveal.AFTER_LAST),
        attempts_allowed=data.get("attempts_allowed") or None,
        success_text=data.get("success_text", ""),
        fail_text=data.get("fail_text", ""),
    )
    for number, item in enumerate(data.get("question", [])):
        question = Question(
            sort_order=number,
            type=item["type"],
            text=item["text"].strip(),
            explanation=item.get("explanation", "").strip(),
            topic=item.get("topic", ""),
        )
        question.answers = [
            Answer(sort_order=index, text=answer["text"], correct=bool(answer.get("correct")))
            for index, answer in enumerate(item.get("answers", []))
        ]
        quiz.questions.add(question)
    quiz.full_clean()
    quiz.save()
    quiz.save_revision().publish()
    return quiz


def load_quizzes(directory: Path | None = None) -> LoadReport:
    """Creates each file's quiz once; files for modules not loaded yet are skipped."""
    report = LoadReport()
    for path in sorted((directory or QUIZ_DIR).glob("*.toml")):
        data = read_quiz_file(path)
        module = ModulePage.objects.filter(slug=data["module"]).first()
        if module is None:
            logger.warning("Knowledge check %s: no module with slug %s.", path.name, data["module"])
            report.skipped.append(data["title"])
            continue
        exists = Quiz.objects.filter(module=module).exists() or (
            Quiz.objects.filter(title=data["title"]).exists()
        )
        if exists:
            report.kept.append(data["title"])
            continue
        quiz_create_from_file(data=data, module=module)
        report.created.append(data["title"])
    return report
