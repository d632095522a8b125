"""Access rows for self-assessment: taking, results, sharing, rounds and the board aggregate."""

from django.urls import reverse

from reflection.assessment.models import Response
from reflection.assessment.services import response_start
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
    Row(
        "results shared with the chair",
        lambda w: reverse("assessment:shared", args=[w.board_a.pk]),
        signed_in(404, chair=200, facilitator=200),
    ),
]
