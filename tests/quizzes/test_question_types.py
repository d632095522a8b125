"""The question-type registry: every type the models offer has one class, and each class does
everything the app asks of a type."""

import inspect

import pytest
from django.template.loader import get_template

from modules.quizzes.choices import QuestionType
from modules.quizzes.question_types import QUESTION_TYPES, QuestionKind

ABSTRACT_METHODS = sorted(QuestionKind.__abstractmethods__)
METHODS = sorted(
    name
    for name, member in inspect.getmembers(QuestionKind, inspect.isfunction)
    if not name.startswith("_")
)
ATTRIBUTES = sorted(QuestionKind.__annotations__)


def test_every_question_type_has_a_registered_class() -> None:
    assert set(QUESTION_TYPES) == set(QuestionType.values)


def test_each_registered_class_is_keyed_by_its_own_value() -> None:
    for value, kind in QUESTION_TYPES.items():
        assert kind.value == value


def test_the_base_class_asks_for_the_methods_the_app_calls() -> None:
    assert {
        "form_field",
        "answer_problems",
        "read_posted",
        "judge",
        "answer_summary",
        "sample_answer",
    } <= set(ABSTRACT_METHODS)
    assert "initial_answer" in METHODS
    assert {"value", "result_template", "field_name", "has_options"} <= set(ATTRIBUTES)


@pytest.mark.parametrize("value", QuestionType.values)
def test_each_class_provides_every_method(value: str) -> None:
    kind = QUESTION_TYPES[value]
    assert isinstance(kind, QuestionKind)
    assert not inspect.isabstract(type(kind))
    for name in METHODS:
        assert callable(getattr(kind, name)), name


@pytest.mark.parametrize("value", QuestionType.values)
def test_each_class_sets_every_attribute(value: str) -> None:
    kind = QUESTION_TYPES[value]
    for name in ATTRIBUTES:
        assert hasattr(kind, name), name


@pytest.mark.parametrize("value", QuestionType.values)
def test_each_class_has_a_result_template(value: str) -> None:
    assert get_template(QUESTION_TYPES[value].result_template)
