"""Backups of the whole database, and restoring them.

SQLite: SQLite's own online backup (a consistent copy of the file, safe while the site runs).
PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean`, with the connection details
taken from Django's settings (so from DATABASE_URL) and the password passed in the
environment, never on the command line.
"""

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 (fixed argument lists, no shell)
from pathlib import Path

from django.db import connections


class BackupError(Exception):
    pass


def _engine(db: dict) -> str:
    if "sqlite" in db["ENGINE"]:
        return "sqlite"
    if "postgresql" in db["ENGINE"]:
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {db['ENGINE']}.")


def backup_suffix(alias: str = "default") -> str:
    return ".sqlite3" if _engine(connections[alias].settings_dict) == "sqlite" else ".dump"


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client).")
    return path


def backup_database(*, output: Path, alias: str = "default") -> Path:
    """Writes a backup of the database to `output` and returns its path."""
    connection = connections[alias]
    db = connection.settings_dict
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if _engine(db) == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(output)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        subprocess.run(  # noqa: S603
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(output), db["NAME"]],
            env=_pg_env(db),
            check=True,
        )
    return output


def restore_database(*, source: Path, alias: str = "default", name: str | None = None) -> None:
    """Restores a backup over the database (or over database `name`, e.g. a fresh one)."""
    source = Path(source)
    if not source.exists():
        raise BackupError(f"No backup at {source}.")
    db = connections[alias].settings_dict
    target_name = name or db["NAME"]
    if _engine(db) == "sqlite":
        if name is None:
            connections[alias].close()
        source_db, target_db = sqlite3.connect(source), sqlite3.connect(target_name)
        try:
            source_db.backup(target_db)
        finally:
            source_db.close()
            target_db.close()
    else:
        subprocess.run(  # noqa: S603
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                target_name,
                str(source),
            ],
            env=_pg_env(db),
            check=True,
        )
