"""The ten good-practice areas and the field that holds several of them."""

import pytest
from django.core.exceptions import ValidationError

from modules.areas import GoodPracticeArea, GoodPracticeAreasFormField
from modules.models import ModulePage

pytestmark = pytest.mark.django_db


def test_there_are_ten_areas_numbered_one_to_ten():
    assert GoodPracticeArea.values == list(range(1, 11))


def test_the_form_field_takes_checkbox_values_as_numbers():
    field = GoodPracticeAreasFormField(required=False)
    assert field.clean(["9", "2"]) == [9, 2]
    with pytest.raises(ValidationError):
        field.clean(["11"])


def test_the_model_field_rejects_an_unknown_area(content):
    page = ModulePage.objects.get(slug="alpha")
    page.areas = [2, 42]
    with pytest.raises(ValidationError):
        page.full_clean()


def test_areas_are_saved_sorted_without_repeats(content):
    page = ModulePage.objects.get(slug="alpha")
    page.areas = [9, 2, 9]
    page.save()
    page.refresh_from_db()
    assert page.areas == [2, 9]
