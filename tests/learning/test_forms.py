"""The shared NHS.UK form renderer: character counts, limits checked on the server, messages
that name the field."""

import pytest
from django import forms
from django.urls import reverse

from learning.forms import NHSUKFormMixin, field_noun
from reflection.plans.forms import NewCommitmentForm
from reflection.plans.models import Commitment
from tests.conftest import sign_in
from tests.plans.factories import in_days


class _Example(NHSUKFormMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=10)
    notes = forms.CharField(label="Notes (optional)", required=False, max_length=50,
                            widget=forms.Textarea, help_text="Anything else")  # fmt: skip
    email = forms.EmailField(label="Email address", max_length=254)
    code = forms.CharField(
        label="Code", max_length=6, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    colour = forms.ChoiceField(label="Colour", choices=[("r", "Red")], widget=forms.RadioSelect)
    nhs_number = forms.CharField(label="NHS number")


def test_a_limited_text_field_gets_the_nhs_character_count():
    html = str(_Example())
    assert 'data-module="nhsuk-character-count" data-maxlength="10"' in html
    assert 'id="id_title-info"' in html
    assert "You can enter up to 10 characters" in html
    assert 'class="nhsuk-input nhsuk-js-character-count"' in html


def test_the_count_is_read_out_with_the_hint():
    form = _Example()
    assert form.fields["notes"].widget.attrs["aria-describedby"] == "id_notes-info id_notes-hint"
    assert 'data-maxlength="50"' in str(form)


def test_a_long_limit_shows_its_count_from_three_quarters():
    class Long(NHSUKFormMixin, forms.Form):
        text = forms.CharField(label="Text", max_length=20_000, widget=forms.Textarea)

    html = str(Long())
    assert 'data-maxlength="20000" data-threshold="75"' in html
    assert "You can enter up to 20,000 characters" in html
    assert "data-threshold" not in str(_Example())


def test_no_field_carries_a_maxlength_that_would_cut_text_short():
    assert " maxlength=" not in str(_Example())


def test_emails_and_figures_keep_their_limit_without_a_counter():
    form = _Example()
    assert form.fields["email"].character_count is None
    assert form.fields["code"].character_count is None


def test_text_over_the_limit_is_refused_with_the_limit_and_the_count():
    form = _Example({"title": "x" * 12, "email": "a@b.example", "code": "1", "colour": "r",
                     "nhs_number": "1"})  # fmt: skip
    assert not form.is_valid()
    assert form.errors["title"] == ["Title must be 10 characters or fewer. You have 12."]


def test_required_messages_name_the_field():
    form = _Example({})
    assert not form.is_valid()
    assert form.errors["title"] == ["Enter title"]
    assert form.errors["colour"] == ["Select colour"]
    # A label that starts with capitals keeps them.
    assert form.errors["nhs_number"] == ["Enter NHS number"]
    assert "This field is required." not in str(form)


def test_a_message_set_on_the_field_wins():
    class WithOwnMessage(_Example):
        title = forms.CharField(label="Title", error_messages={"required": "Give it a name"})

    form = WithOwnMessage({})
    form.is_valid()
    assert form.errors["title"] == ["Give it a name"]


@pytest.mark.parametrize(
    ("label", "noun"),
    [
        ("Title", "title"),
        ("Location (optional)", "location"),
        ("Is this answer right?", "is this answer right"),
        ("CSV file", "CSV file"),
    ],
)
def test_a_label_becomes_a_phrase_inside_a_sentence(label, noun):
    assert field_noun(forms.CharField(label=label)) == noun


@pytest.mark.django_db
def test_a_model_limit_set_by_a_validator_is_counted_on_the_form():
    form = NewCommitmentForm()
    assert form.fields["title"].character_count == 200
    assert form.fields["description"].character_count == 2_000


@pytest.mark.django_db
def test_a_commitment_title_over_200_characters_is_refused_not_cut(client, world):
    sign_in(client, world.member)
    response = client.post(
        reverse("plans:commitment_create"),
        {
            "title": "x" * 201,
            "description": "",
            "area": "7",
            "success_measure": "Done",
            "due_date": in_days(30).isoformat(),
            "share": "chair",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == [
        "What you will do must be 200 characters or fewer. You have 201."
    ]
    assert not Commitment.objects.exists()
    body = response.content.decode()
    # The text comes back whole, so the person can shorten it.
    assert "x" * 201 in body
    assert 'data-module="nhsuk-error-summary"' in body


@pytest.mark.django_db
def test_an_empty_commitment_names_each_missing_field(client, world):
    sign_in(client, world.member)
    response = client.post(reverse("plans:commitment_create"), {"share": "chair"})
    body = response.content.decode()
    assert "Enter what you will do" in body
    assert "This field is required." not in body


def test_no_template_sets_a_maxlength_either():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    templates = [
        path
        for folder in ("templates", "learning", "modules", "reflection")
        for path in (root / folder).rglob("*.html")
    ]
    assert templates
    offenders = [str(path) for path in templates if " maxlength=" in path.read_text()]
    assert offenders == []
