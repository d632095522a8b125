"""Editors write instruments in the Wagtail admin; the form refuses keys that point nowhere."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from reflection.assessment.models import Instrument

ADD = "/admin/snippets/assessment/instrument/add/"


def _data(item_dimension="drive"):
    return nested_form_data(
        {
            "name": "Test instrument",
            "slug": "test-instrument",
            "kind": "profile",
            "purpose": "For a test.",
            "introduction": "Answer honestly.",
            "not_applicable_label": "",
            "live": "on",
            "scale_points": inline_formset(
                [{"scale": "main", "value": 1, "label": "No"}, {"scale": "main", "value": 2}]
            ),
            "dimensions": inline_formset(
                [{"key": "drive", "name": "Drive", "description": "", "scale": "main"}]
            ),
            "items": inline_formset(
                [{"key": "d1", "dimension": item_dimension, "text": "I lead.", "required": "on"}]
            ),
            "bands": inline_formset([]),
        }
    )


def test_an_editor_adds_an_instrument_with_its_statements(world, signed_in):
    response = signed_in(world.editor).post(ADD, _data())
    assert response.status_code == 302
    instrument = Instrument.objects.get(slug="test-instrument")
    assert instrument.items.get().dimension == "drive"


def test_a_statement_in_an_unknown_dimension_is_refused(world, signed_in):
    response = signed_in(world.editor).post(ADD, _data(item_dimension="nowhere"))
    assert response.status_code == 200
    assert b"Use the key of one of the dimensions above." in response.content
    assert not Instrument.objects.exists()
