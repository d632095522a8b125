"""A text field stored encrypted: the database only ever holds Fernet tokens."""

from django.db import models

from .crypto import decrypt, encrypt


class EncryptedTextField(models.TextField):
    """Plain text in Python, a Fernet token in the database. Cannot be searched or filtered."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return decrypt(value)
