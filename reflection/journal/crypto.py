"""Encryption at rest for journal entries (Fernet: AES-128-CBC with an HMAC).

The key comes from `settings.BOARDREADY_JOURNAL_KEY`. Several keys may be given, separated by
commas: the first encrypts, every one decrypts, so a key can be rotated without losing entries.
Development and tests fall back to a key file outside version control
(`settings.BOARDREADY_JOURNAL_KEY_FILE`, made on first use); production settings refuse to
start without the variable.
"""

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def local_key(path: Path) -> str:
    """Reads the development key file, making it (readable by its owner only) if missing."""
    path = Path(path)
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as key_file:
        key_file.write(Fernet.generate_key().decode())
    return path.read_text().strip()


def configured_keys() -> tuple[str, ...]:
    raw = getattr(settings, "BOARDREADY_JOURNAL_KEY", "") or ""
    keys = tuple(key.strip() for key in raw.split(",") if key.strip())
    if keys:
        return keys
    key_file = getattr(settings, "BOARDREADY_JOURNAL_KEY_FILE", None)
    if not key_file:
        raise ImproperlyConfigured("Set the BOARDREADY_JOURNAL_KEY environment variable.")
    return (local_key(key_file),)


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "BOARDREADY_JOURNAL_KEY must be Fernet keys (32 url-safe base64-encoded bytes)."
        ) from error


def journal_fernet() -> MultiFernet:
    return _fernet(configured_keys())


def encrypt(plaintext: str) -> str:
    return journal_fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return journal_fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        # Never include the token or any plaintext in the message: it could reach a log.
        raise ImproperlyConfigured(
            "A journal entry could not be decrypted with the configured journal key."
        ) from error
