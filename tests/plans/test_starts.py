"""Where a commitment or journal entry starts: a module's reflection prompt or a
self-assessment result. Ids in the link that do not resolve, or are someone else's, are ignored."""

import pytest
from django.urls import reverse

from reflection.assessment.definitions import Definition
from reflection.journal.models import JournalEntry
from reflection.plans.models import Commitment
from tests.assessment.factories import instruments, submitted
from tests.conftest import sign_in
from tests.modules.factories import load_fixture_content, module
from tests.plans.factories import in_days

pytestmark = pytest.mark.django_db

QUESTION = "When did you last notice a microaggression?"


def _prompt():
    load_fixture_content()
    page = module("alpha")
    block = next(b for b in page.body if b.block_type == "reflection")
    assert block.value["prompt"] == QUESTION
    return page, block.id


def _result(user, board):
    response = submitted(user, board=board, instrument=instruments()[0])
    dimension = Definition(response.version.definition).dimensions[0]
    return response, dimension


def _commitment_data(**overrides):
    return {
        "title": "Name it when I see it",
        "area": "5",
        "success_measure": "I have raised it twice at committee.",
        "due_date": in_days(40).isoformat(),
        "share": "chair",
        **overrides,
    }


def test_a_commitment_starts_from_a_modules_reflection_prompt(client, world):
    page, block_id = _prompt()
    sign_in(client, world.member)
    url = reverse("plans:commitment_create") + f"?module={page.pk}&prompt={block_id}"
    assert client.get(url).context["form"].initial["description"] == QUESTION
    client.post(url, _commitment_data(description=QUESTION))
    commitment = Commitment.objects.get()
    assert commitment.origin == Commitment.Origin.MODULE and commitment.module_id == page.pk


def test_a_prompt_id_from_another_module_is_ignored(client, world):
    _, block_id = _prompt()
    sign_in(client, world.member)
    beta = module("beta")
    url = reverse("plans:commitment_create") + f"?module={beta.pk}&prompt={block_id}"
    assert client.get(url).context["form"].initial == {}


def test_a_journal_entry_answers_a_prompt(client, world):
    page, block_id = _prompt()
    sign_in(client, world.member)
    url = reverse("journal:create") + f"?module={page.pk}&prompt={block_id}"
    assert QUESTION in client.get(url).content.decode()
    client.post(
        url, {"title": "Noticing", "text": "At the last meeting.", "entry_date": "2025-02-01"}
    )
    entry = JournalEntry.objects.get()
    assert entry.prompt == QUESTION and entry.module_id == page.pk and entry.prompt_id == block_id


def test_a_commitment_starts_from_the_members_own_self_assessment_result(client, world):
    response, dimension = _result(world.member, world.board_a)
    sign_in(client, world.member)
    url = (
        reverse("plans:commitment_create") + f"?dimension={dimension['key']}&response={response.pk}"
    )
    initial = client.get(url).context["form"].initial
    assert dimension["name"].lower() in initial["title"].lower()
    client.post(url, _commitment_data())
    assert Commitment.objects.get().origin == Commitment.Origin.ASSESSMENT


def test_someone_elses_self_assessment_result_is_ignored(client, world):
    response, dimension = _result(world.other_member, world.board_a)
    sign_in(client, world.member)
    url = (
        reverse("plans:commitment_create") + f"?dimension={dimension['key']}&response={response.pk}"
    )
    result = client.get(url)
    assert result.status_code == 200 and result.context["form"].initial == {}
