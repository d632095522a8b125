"""Saving a year's figures: all or nothing, and the same twice changes nothing."""

import pytest
from django.core.exceptions import ValidationError

from learning.wres import measures as m
from learning.wres.models import WresFigure, WresYear
from learning.wres.services import wres_year_save
from tests.wres.factories import save_year, worked_values

pytestmark = pytest.mark.django_db


def test_saving_twice_leaves_one_year_and_one_row_per_measure(world):
    organisation = world.board_a.organisation
    save_year(organisation)
    save_year(organisation)
    assert WresYear.objects.count() == 1
    assert WresFigure.objects.count() == len(m.MEASURES)


def test_saving_again_replaces_the_figures(world):
    organisation = world.board_a.organisation
    save_year(organisation)
    save_year(organisation, appointed=(60, 25, 5))
    assert WresFigure.objects.get(measure=m.APPOINTED).white == 60


def test_a_missing_measure_saves_nothing(world):
    values = worked_values()
    del values["band_9"]
    with pytest.raises(ValidationError, match="Band 9"):
        wres_year_save(organisation=world.board_a.organisation, year="2025/26", values=values)
    assert not WresYear.objects.exists()


def test_appointed_more_than_shortlisted_saves_nothing(world):
    values = worked_values(appointed=(250, 25, 5))
    with pytest.raises(ValidationError, match="more appointed"):
        wres_year_save(organisation=world.board_a.organisation, year="2025/26", values=values)
    assert not WresYear.objects.exists()


def test_a_percentage_over_100_saves_nothing(world):
    values = worked_values(survey_discrimination=("6", "101"))
    with pytest.raises(ValidationError):
        wres_year_save(organisation=world.board_a.organisation, year="2025/26", values=values)
    assert not WresYear.objects.exists()
    assert not WresFigure.objects.exists()


def test_a_badly_written_year_is_refused(world):
    with pytest.raises(ValidationError, match="2025/26"):
        save_year(world.board_a.organisation, year="2025/27")


def test_the_person_who_saved_a_year_finds_it_in_their_personal_data(world):
    from learning.wres.personal_data import wres_personal_data

    wres_year_save(
        organisation=world.board_a.organisation,
        year="2025/26",
        values=worked_values(),
        saved_by=world.facilitator,
    )
    rows = wres_personal_data(world.facilitator)["WRES figures you last saved"]
    assert [(row["organisation"], row["year"]) for row in rows] == [
        ("Alderley NHS Foundation Trust", "2025/26")
    ]
    assert wres_personal_data(world.member)["WRES figures you last saved"] == []
