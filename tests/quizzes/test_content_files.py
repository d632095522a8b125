"""The knowledge checks the content writers wrote in modules/content/quizzes/*.toml."""

from pathlib import Path

import pytest

from modules.quizzes.choices import QuestionType
from modules.quizzes.loader import QUIZ_DIR, read_quiz_file

FILES = sorted(Path(QUIZ_DIR).glob("*.toml"))
MODULES_DIR = Path(QUIZ_DIR).parent / "modules"

pytestmark = pytest.mark.skipif(not FILES, reason="No knowledge checks written yet.")


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_check_draws_8_of_a_pool_of_at_least_12_with_explanations(path):
    data = read_quiz_file(path)
    questions = data["question"]
    assert len(questions) >= 12 and data["draw"] == 8
    assert (data["feedback"], data["reveal"], data["attempts_allowed"]) == ("deferred", "final", 3)
    assert len({question["text"] for question in questions}) == len(questions)
    assert all(question.get("explanation", "").strip() for question in questions)
    assert data["module"] == path.stem
    assert 1 <= data.get("pass_mark", 70) <= 100


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_check_belongs_to_a_written_module(path):
    assert (MODULES_DIR / path.name).exists()


def test_the_set_uses_all_four_question_types():
    types = {question["type"] for path in FILES for question in read_quiz_file(path)["question"]}
    assert types == set(QuestionType.values)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_every_see_section_pointer_names_a_heading_of_the_module(path):
    import tomllib

    from modules.quizzes.templatetags.quiz_tags import POINTER

    with (MODULES_DIR / path.name).open("rb") as handle:
        module = tomllib.load(handle)
    headings = {block["text"] for block in module["body"] if block["type"] == "heading"}
    pointers = [
        match.group(2)
        for question in read_quiz_file(path)["question"]
        for match in POINTER.finditer(question.get("explanation", ""))
    ]
    assert pointers and set(pointers) <= headings, set(pointers) - headings
