"""Backups: dump the database, restore it into a fresh one, and every table's rows are back."""

import shutil
import sqlite3
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from learning.audit.backup import backup_database, restore_database
from learning.audit.services import audit_record

pytestmark = pytest.mark.django_db(transaction=True)


def _live_counts() -> dict:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (table names from introspection)
            counts[table] = cursor.fetchone()[0]
    return counts


def _some_data(world):
    audit_record(actor=world.chair, action="pdf_downloaded", subject_user=world.member)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the suite is running on PostgreSQL")
def test_an_sqlite_backup_restores_every_table_into_a_fresh_database(world, tmp_path):
    _some_data(world)
    backup = backup_database(output=tmp_path / "backup.sqlite3")
    fresh = tmp_path / "fresh.sqlite3"
    restore_database(source=backup, name=str(fresh))
    restored = sqlite3.connect(fresh)
    try:
        restored_counts = {
            table: restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in _live_counts()
        }
    finally:
        restored.close()
    live = _live_counts()
    assert restored_counts == live
    assert live["learning_user"] >= 6 and live["audit_auditevent"] >= 1


@pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="needs the suite running on PostgreSQL with pg_dump installed",
)
def test_a_postgres_backup_restores_every_table_into_a_fresh_database(world, tmp_path):
    import psycopg

    _some_data(world)
    backup = backup_database(output=tmp_path / "backup.dump")
    fresh = f"boardready_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{fresh}"')
    try:
        restore_database(source=backup, name=fresh)
        db = connection.settings_dict
        with psycopg.connect(
            dbname=fresh,
            host=db["HOST"] or None,
            port=db["PORT"] or None,
            user=db["USER"] or None,
            password=db["PASSWORD"] or None,
        ) as restored:
            restored_counts = {
                table: restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
                for table in _live_counts()
            }
        assert restored_counts == _live_counts()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')


def test_the_backup_command_writes_a_file(world, tmp_path):
    output = tmp_path / "nightly"
    call_command("backup", "--output", str(output))
    assert output.exists() and output.stat().st_size > 0


def test_restore_refuses_without_confirm(tmp_path):
    with pytest.raises(CommandError, match="--confirm"):
        call_command("restore", str(tmp_path / "missing"))
