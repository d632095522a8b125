"""Writing, reading, changing, deleting and exporting one's own journal; nobody else, ever."""

import logging

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from reflection.journal.models import JournalEntry
from reflection.journal.services import journal_entry_create
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

SECRET = "The conversation about the shortlisting data made me uncomfortable"


def _entry(world, **kwargs):
    return journal_entry_create(owner=world.member, title="A thought", text=SECRET, **kwargs)


def test_it_writes_and_reads_back_an_entry(client, world):
    sign_in(client, world.member)
    response = client.post(
        reverse("journal:create"),
        {"title": "After the session", "text": SECRET, "entry_date": "2025-03-01"},
    )
    entry = JournalEntry.objects.get()
    assert response.url == reverse("journal:detail", args=[entry.pk])
    assert SECRET in client.get(response.url).content.decode()


def test_a_double_submit_keeps_one_entry(client, world):
    sign_in(client, world.member)
    data = {"title": "Once", "text": SECRET, "entry_date": "2025-03-01"}
    client.post(reverse("journal:create"), data)
    client.post(reverse("journal:create"), data)
    assert JournalEntry.objects.count() == 1


def test_text_over_twenty_thousand_characters_is_a_field_error(client, world):
    sign_in(client, world.member)
    response = client.post(
        reverse("journal:create"),
        {"title": "Long", "text": "x" * 20_001, "entry_date": "2025-03-01"},
    )
    assert "text" in response.context["form"].errors
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize("persona", ["other_member", "chair", "facilitator", "editor"])
def test_nobody_else_can_read_change_or_delete_an_entry(client, world, persona):
    entry = _entry(world)
    sign_in(client, getattr(world, persona))
    for name in ("detail", "edit", "delete"):
        assert client.get(reverse(f"journal:{name}", args=[entry.pk])).status_code == 404
    client.post(reverse("journal:delete", args=[entry.pk]))
    client.post(
        reverse("journal:edit", args=[entry.pk]),
        {"title": "Changed", "text": "Changed", "entry_date": "2025-01-01"},
    )
    assert JournalEntry.objects.get(pk=entry.pk).text == SECRET
    export = client.get(reverse("journal:export"))
    user = getattr(world, persona)
    assert export.status_code == 200  # their own export, which a blank reply would also pass
    assert f"# Journal of {user.get_full_name() or user.email}" in export.content.decode()
    assert SECRET not in export.content.decode()


def test_the_owner_changes_and_deletes_an_entry(client, world):
    entry = _entry(world)
    sign_in(client, world.member)
    client.post(
        reverse("journal:edit", args=[entry.pk]),
        {"title": "Second thoughts", "text": "Rewritten", "entry_date": "2025-01-02"},
    )
    assert JournalEntry.objects.get(pk=entry.pk).text == "Rewritten"
    client.post(reverse("journal:delete", args=[entry.pk]))
    client.post(reverse("journal:delete", args=[entry.pk]))
    assert not JournalEntry.objects.exists()


def test_the_export_is_markdown_of_every_entry(client, world):
    _entry(world, prompt="What surprised you?")
    journal_entry_create(owner=world.member, title="Second", text="More thoughts")
    sign_in(client, world.member)
    response = client.get(reverse("journal:export"))
    assert response["Content-Type"].startswith("text/markdown")
    text = response.content.decode()
    assert text.startswith("# Journal of Maya Member")
    assert "## A thought" in text and "## Second" in text
    assert "> What surprised you?" in text and SECRET in text
    assert "&" not in text.replace("&amp;", "")  # no HTML escaping in Markdown


def test_a_forged_prompt_is_ignored(client, world):
    sign_in(client, world.member)
    response = client.get(reverse("journal:create") + "?module=99999&prompt=forged")
    assert response.status_code == 200 and response.context["prompt"] is None


def test_journal_entries_are_in_neither_admin():
    django_admin = apps.is_installed("django.contrib.admin")
    assert not django_admin or JournalEntry not in admin.site._registry
    assert JournalEntry not in get_snippet_models()


def test_the_editor_finds_no_journal_in_the_wagtail_admin(client, world):
    _entry(world)
    sign_in(client, world.editor)
    assert client.get("/admin/snippets/journal/journalentry/").status_code == 404


def test_nothing_a_member_writes_reaches_the_logs(client, world, caplog):
    caplog.set_level(logging.DEBUG)
    sign_in(client, world.member)
    client.post(
        reverse("journal:create"), {"title": "Logged?", "text": SECRET, "entry_date": "2025-03-01"}
    )
    entry = JournalEntry.objects.get()
    client.get(reverse("journal:detail", args=[entry.pk]))
    assert SECRET not in caplog.text
    assert SECRET not in repr(entry) and SECRET not in str(entry)
