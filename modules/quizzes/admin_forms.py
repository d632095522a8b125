"""The Wagtail admin form for a quiz: it refuses questions whose answers break the rules."""

from django.forms.formsets import DELETION_FIELD_NAME
from wagtail.admin.forms import WagtailAdminModelForm

from .rules import answer_problems


def _kept_forms(formset):
    """The formset's forms that hold data and are not marked for deletion."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get(DELETION_FIELD_NAME):
            continue
        kept.append(form)
    return kept


class QuizAdminForm(WagtailAdminModelForm):
    """Checks each question's answers once the nested question and answer forms are clean."""

    def is_valid(self):
        if not hasattr(self, "_answer_rules_valid"):
            self._answer_rules_valid = self._check_answer_rules(super().is_valid())
        return self._answer_rules_valid

    def _check_answer_rules(self, valid: bool) -> bool:
        questions = self.formsets.get("questions")
        if questions is None:
            return valid
        for question_form in _kept_forms(questions):
            if "type" not in question_form.cleaned_data:
                continue
            answers_formset = question_form.formsets.get("answers")
            answers = [
                (form.cleaned_data.get("text", ""), bool(form.cleaned_data.get("correct")))
                for form in _kept_forms(answers_formset)
            ]
            for problem in answer_problems(question_form.cleaned_data["type"], answers):
                question_form.add_error("type", problem)
                valid = False
        return valid
