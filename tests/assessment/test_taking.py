"""Taking a self-assessment: saving per page and with JavaScript, resuming, submitting."""

import re

from django.urls import reverse

from reflection.assessment.models import ItemAnswer, Response
from reflection.assessment.services import response_start
from tests.assessment.factories import all_answers, instruments, make_round


def _start(client, user):
    ci, _ = instruments()
    client.post(reverse("assessment:start", args=[ci.pk]))
    return Response.objects.get(user=user)


def _part(response, part, value=5):
    dimension = response.version.definition["dimensions"][part - 1]
    return {f"item-{item['key']}": str(value) for item in dimension["items"]}


def test_it_saves_each_page_and_moves_to_the_next_part(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    page = client.get(reverse("assessment:take", args=[response.pk, 1]))
    assert b"Part 1 of 4" in page.content
    result = client.post(reverse("assessment:take", args=[response.pk, 1]), _part(response, 1))
    assert result.url == reverse("assessment:take", args=[response.pk, 2])
    assert ItemAnswer.objects.filter(response=response).count() == 5


def test_a_missing_statement_gets_a_field_error_and_the_answered_ones_are_kept(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    data = _part(response, 1)
    data.pop("item-drive-stay")
    page = client.post(reverse("assessment:take", args=[response.pk, 1]), data)
    assert page.status_code == 200
    assert b"Choose an answer for this statement." in page.content
    assert b'href="#id_item-drive-stay_0"' in page.content
    assert ItemAnswer.objects.filter(response=response).count() == 4


def test_a_value_outside_the_scale_is_refused_and_nothing_is_saved(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    data = _part(response, 1) | {"item-drive-stay": "9"}
    page = client.post(reverse("assessment:take", args=[response.pk, 1]), data)
    assert b"Choose one of the answers shown for this statement." in page.content
    assert not ItemAnswer.objects.filter(response=response).exists()


def test_a_statement_from_another_part_or_instrument_is_refused(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    data = _part(response, 1) | {"item-staff-networks": "2"}
    page = client.post(reverse("assessment:take", args=[response.pk, 1]), data)
    assert page.status_code == 400
    assert b"not part of this assessment" in page.content
    assert not ItemAnswer.objects.filter(response=response).exists()


def test_save_and_come_back_later_keeps_a_partial_page_and_resumes(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    client.post(
        reverse("assessment:take", args=[response.pk, 1]),
        {"item-drive-own-it": "6", "action": "save"},
    )
    _start(client, world.member)  # starting again resumes the same response
    assert Response.objects.filter(user=world.member).count() == 1
    page = client.get(reverse("assessment:take", args=[response.pk, 1]))
    assert re.search(r'name="item-drive-own-it" value="6"[^>]* checked', page.content.decode())


def test_autosave_saves_one_answer_and_refuses_bad_ones_with_json(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    url = reverse("assessment:autosave", args=[response.pk])
    assert client.post(url, {"item-knowledge-law": "3"}).json() == {"saved": 1}
    bad = client.post(url, {"item-knowledge-law": "8"})
    assert bad.status_code == 400 and "knowledge-law" in bad.json()["errors"]
    assert client.post(url, {"item-procurement": "2"}).status_code == 400
    assert ItemAnswer.objects.get(response=response).value == 3


def test_the_last_part_submits_and_stores_scores(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    for part in (1, 2, 3):
        client.post(reverse("assessment:take", args=[response.pk, part]), _part(response, part))
    done = client.post(reverse("assessment:take", args=[response.pk, 4]), _part(response, 4))
    assert done.url == reverse("assessment:result", args=[response.pk])
    response.refresh_from_db()
    assert response.is_submitted
    assert response.scores.count() == 4
    again = client.post(reverse("assessment:take", args=[response.pk, 4]), _part(response, 4, 1))
    assert again.url == reverse("assessment:result", args=[response.pk])
    assert set(response.answers.values_list("value", flat=True)) == {5}


def test_submitting_with_a_part_unanswered_sends_you_back_to_it(world, signed_in):
    client = signed_in(world.member)
    response = _start(client, world.member)
    done = client.post(reverse("assessment:take", args=[response.pk, 4]), _part(response, 4))
    assert done.url == reverse("assessment:take", args=[response.pk, 1]) + "?check=1"
    response.refresh_from_db()
    assert not response.is_submitted
    page = client.get(done.url)
    assert b"Choose an answer for this statement." in page.content


def test_answers_to_a_round_that_has_closed_are_refused(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci, closed=False)
    response = response_start(user=world.member, board=world.board_a, round=round_)
    round_.closes_on = round_.opens_on
    round_.save()
    client = signed_in(world.member)
    page = client.post(reverse("assessment:take", args=[response.pk, 1]), _part(response, 1))
    assert page.status_code == 400
    assert b"This round closed on" in page.content
    assert not ItemAnswer.objects.filter(response=response).exists()
    answers = {f"item-{key}": value for key, value in all_answers(round_.version).items()}
    autosave = client.post(reverse("assessment:autosave", args=[response.pk]), answers)
    assert autosave.status_code == 400


def test_someone_elses_response_is_not_found(world, signed_in):
    ci, _ = instruments()
    response = response_start(user=world.other_member, board=world.board_a, instrument=ci)
    client = signed_in(world.member)
    assert client.get(reverse("assessment:take", args=[response.pk, 1])).status_code == 404
    url = reverse("assessment:autosave", args=[response.pk])
    assert client.post(url, {"item-drive-own-it": "3"}).status_code == 404
    assert not ItemAnswer.objects.exists()
