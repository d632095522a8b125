"""Access rows for self-assessment: taking, results, sharing, rounds and the board aggregate."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from reflection.assessment.models import Response, Round
from reflection.assessment.services import instrument_version_current, response_start
from tests.access.table import Row, signed_in
from tests.assessment.factories import fill_round, instruments, make_round, submitted

NOT_FOUND = {"other_chair": 404, "editor": 404}
ONLY_MEMBER = signed_in(404, member=200)


def _ci():
    return instruments()[0]


def _own_response(world):
    return response_start(user=world.member, board=world.board_a, instrument=_ci())


def _result(world, *, shared=False):
    response = submitted(world.member, board=world.board_a, instrument=_ci())
    if shared:
        Response.objects.filter(pk=response.pk).update(shared_at=response.submitted_at)
    return reverse("assessment:result", args=[response.pk])


def _closed_round(world):
    round_ = make_round(world.board_a, _ci())
    fill_round(round_, 5)
    return reverse("assessment:round_detail", args=[round_.pk])


def _open_round_start(world):
    round_ = make_round(world.board_a, _ci(), closed=False)
    return reverse("assessment:round_start", args=[round_.pk])


def _upcoming_round(world):
    today = timezone.localdate()
    return Round.objects.create(
        board=world.board_a,
        version=instrument_version_current(instrument=_ci()),
        title="Opens next week",
        opens_on=today + timedelta(days=7),
        closes_on=today + timedelta(days=21),
    )


def _round_url(name, make):
    return lambda world: reverse(f"assessment:{name}", args=[make(world).pk])


def _open_round(world):
    return make_round(world.board_a, _ci(), closed=False, title="Open for answers")


ONLY_FACILITATOR = signed_in(404, facilitator=200)
FACILITATOR_REDIRECTED = signed_in(404, facilitator=302)

ROWS = [
    Row("self-assessment index", lambda w: reverse("assessment:index"), signed_in(200)),
    Row(
        "start a self-assessment",
        lambda w: reverse("assessment:start", args=[_ci().pk]),
        signed_in(302, editor=404),
        method="post",
    ),
    Row(
        "start a round",
        _open_round_start,
        signed_in(302, facilitator=404, **NOT_FOUND),
        method="post",
    ),
    Row(
        "take a self-assessment",
        lambda w: reverse("assessment:take", args=[_own_response(w).pk, 1]),
        ONLY_MEMBER,
    ),
    Row(
        "autosave answers",
        lambda w: reverse("assessment:autosave", args=[_own_response(w).pk]),
        ONLY_MEMBER,
        method="post",
        data=lambda w: {"item-drive-own-it": "5"},
    ),
    Row("unshared results", _result, ONLY_MEMBER),
    Row(
        "shared results",
        lambda w: _result(w, shared=True),
        signed_in(404, member=200, chair=200, facilitator=200),
    ),
    Row(
        "share results",
        lambda w: _result(w) + "share/",
        signed_in(404, member=302),
        method="post",
        data=lambda w: {"shared": "yes"},
    ),
    Row(
        "board rounds",
        lambda w: reverse("assessment:board_rounds", args=[w.board_a.pk]),
        signed_in(200, **NOT_FOUND),
    ),
    Row(
        "open a round",
        lambda w: reverse("assessment:round_new", args=[w.board_a.pk]),
        signed_in(404, facilitator=200),
    ),
    Row("board aggregate for a closed round", _closed_round, signed_in(200, **NOT_FOUND)),
    Row("change a round", _round_url("round_edit", _upcoming_round), ONLY_FACILITATOR),
    Row(
        "change a round (save)",
        _round_url("round_edit", _upcoming_round),
        FACILITATOR_REDIRECTED,
        method="post",
        data=lambda w: {
            "title": "Renamed",
            "opens_on": (timezone.localdate() + timedelta(days=8)).isoformat(),
            "closes_on": (timezone.localdate() + timedelta(days=22)).isoformat(),
        },
    ),
    Row("extend a round", _round_url("round_extend", _open_round), ONLY_FACILITATOR),
    Row(
        "extend a round (save)",
        _round_url("round_extend", _open_round),
        FACILITATOR_REDIRECTED,
        method="post",
        data=lambda w: {"closes_on": (timezone.localdate() + timedelta(days=20)).isoformat()},
    ),
    Row("close a round", _round_url("round_close", _open_round), ONLY_FACILITATOR),
    Row(
        "close a round (confirm)",
        _round_url("round_close", _open_round),
        FACILITATOR_REDIRECTED,
        method="post",
    ),
    Row("delete a round", _round_url("round_delete", _upcoming_round), ONLY_FACILITATOR),
    Row(
        "delete a round (confirm)",
        _round_url("round_delete", _upcoming_round),
        FACILITATOR_REDIRECTED,
        method="post",
    ),
    Row(
        "remind members who have not answered",
        _round_url("round_remind", _open_round),
        FACILITATOR_REDIRECTED,
        method="post",
    ),
    Row(
        "results shared with the chair",
        lambda w: reverse("assessment:shared", args=[w.board_a.pk]),
        signed_in(404, chair=200, facilitator=200),
    ),
]
