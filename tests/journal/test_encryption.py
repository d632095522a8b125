"""Journal entries are encrypted at rest; production refuses to start without a key."""

import importlib
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from reflection.journal import crypto
from reflection.journal.models import JournalEntry
from reflection.journal.services import journal_entry_create

SECRET = "I froze when the network lead asked me directly"


def _raw_row(entry_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title, text, prompt FROM journal_journalentry WHERE id = %s", [entry_id]
        )
        return cursor.fetchone()


@pytest.mark.django_db
def test_the_database_column_holds_no_plaintext(world):
    entry = journal_entry_create(
        owner=world.member, title="After the board", text=SECRET, prompt="What did you notice?"
    )
    raw = " ".join(_raw_row(entry.pk))
    assert SECRET not in raw and "After the board" not in raw and "notice" not in raw
    assert JournalEntry.objects.get(pk=entry.pk).text == SECRET


@pytest.mark.django_db
def test_a_key_rotation_still_reads_old_entries(world, settings):
    old_key = Fernet.generate_key().decode()
    settings.BOARDREADY_JOURNAL_KEY = old_key
    entry = journal_entry_create(owner=world.member, title="Old", text=SECRET)
    settings.BOARDREADY_JOURNAL_KEY = f"{Fernet.generate_key().decode()},{old_key}"
    assert JournalEntry.objects.get(pk=entry.pk).text == SECRET


@pytest.mark.django_db
def test_the_wrong_key_fails_loudly_without_showing_the_text(world, settings):
    settings.BOARDREADY_JOURNAL_KEY = Fernet.generate_key().decode()
    entry = journal_entry_create(owner=world.member, title="t", text=SECRET)
    settings.BOARDREADY_JOURNAL_KEY = Fernet.generate_key().decode()
    with pytest.raises(ImproperlyConfigured) as error:
        JournalEntry.objects.get(pk=entry.pk)
    assert SECRET not in str(error.value)


def test_a_malformed_key_is_refused(settings):
    settings.BOARDREADY_JOURNAL_KEY = "not-a-fernet-key"
    with pytest.raises(ImproperlyConfigured, match="BOARDREADY_JOURNAL_KEY"):
        crypto.encrypt("x")


def test_development_makes_a_private_key_file_once(tmp_path, settings):
    settings.BOARDREADY_JOURNAL_KEY = ""
    settings.BOARDREADY_JOURNAL_KEY_FILE = tmp_path / "var" / "journal.key"
    token = crypto.encrypt(SECRET)
    key_file = tmp_path / "var" / "journal.key"
    assert key_file.exists() and (key_file.stat().st_mode & 0o777) == 0o600
    assert crypto.decrypt(token) == SECRET
    assert crypto.local_key(key_file) == key_file.read_text().strip()


def test_without_a_key_or_key_file_it_refuses(settings):
    settings.BOARDREADY_JOURNAL_KEY = ""
    settings.BOARDREADY_JOURNAL_KEY_FILE = None
    with pytest.raises(ImproperlyConfigured, match="BOARDREADY_JOURNAL_KEY"):
        crypto.encrypt("x")


def test_production_refuses_to_start_without_the_journal_key(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "boardready.example")
    monkeypatch.delenv("BOARDREADY_JOURNAL_KEY", raising=False)
    sys.modules.pop("learning.settings.production", None)
    try:
        with pytest.raises(ImproperlyConfigured, match="BOARDREADY_JOURNAL_KEY"):
            importlib.import_module("learning.settings.production")
        monkeypatch.setenv("BOARDREADY_JOURNAL_KEY", Fernet.generate_key().decode())
        production = importlib.import_module("learning.settings.production")
        assert production.BOARDREADY_JOURNAL_KEY_FILE is None
    finally:
        sys.modules.pop("learning.settings.production", None)


def test_the_system_check_reports_a_malformed_key(settings):
    from reflection.journal.checks import journal_key_check

    assert journal_key_check(None) == []
    settings.BOARDREADY_JOURNAL_KEY = "short"
    assert [error.id for error in journal_key_check(None)] == ["journal.E001"]
