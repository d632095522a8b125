"""A system check: the journal key must be usable, so a bad key fails at deploy, not at use."""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured


@register()
def journal_key_check(app_configs, **kwargs):
    from .crypto import journal_fernet

    try:
        journal_fernet()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="journal.E001")]
    return []
