from decimal import Decimal

from reflection.assessment.models import InstrumentVersion
from reflection.assessment.services import instrument_version_current
from tests.assessment.factories import instruments, submitted


def test_an_unchanged_instrument_keeps_its_version(world):
    ci, _ = instruments()
    assert instrument_version_current(instrument=ci) == instrument_version_current(instrument=ci)
    assert InstrumentVersion.objects.filter(instrument=ci).count() == 1


def test_an_edit_after_the_first_response_makes_a_new_version_and_old_scores_stand(world):
    ci, _ = instruments()
    first = submitted(world.member, board=world.board_a, instrument=ci, value=6)
    assert first.scores.get(dimension_key="drive").mean == Decimal(
        "5.20"
    )  # reversed 6 is 2: 26 / 5
    item = ci.items.get(key="drive-defer")
    item.reverse_scored = False
    item.save()

    second = submitted(world.member, board=world.board_a, instrument=ci, value=6)

    assert second.version != first.version
    assert second.version.number == first.version.number + 1
    assert first.version.definition["dimensions"][0]["items"][3]["reverse"] is True
    assert second.scores.get(dimension_key="drive").mean == Decimal("6.00")
    first.refresh_from_db()
    assert first.scores.get(dimension_key="drive").mean == Decimal("5.20")
