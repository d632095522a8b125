"""The private reflection journal. Entries are encrypted at rest and seen by their owner only.

Deliberately registered in neither the Django nor the Wagtail admin, and never logged.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fields import EncryptedTextField

MAX_TITLE = 200
MAX_TEXT = 20_000


class JournalEntry(models.Model):
    """One private journal entry, optionally answering a module's reflection prompt.

    Title, text and the prompt's question are encrypted; the date and which module it answers
    are not, so the list can be ordered and linked without decrypting anything else.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    title = EncryptedTextField(validators=[MaxLengthValidator(MAX_TITLE)])
    text = EncryptedTextField(validators=[MaxLengthValidator(MAX_TEXT)])
    entry_date = models.DateField(_("date"), default=timezone.localdate)
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    prompt_id = models.CharField(max_length=64, blank=True)
    prompt = EncryptedTextField(_("reflection prompt"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-entry_date", "-created_at"]
        verbose_name_plural = _("journal entries")

    def __str__(self):
        # Never the title or text: a repr can end up in a log or an error report.
        return f"Journal entry {self.pk}"

    def __repr__(self):
        return f"<JournalEntry {self.pk}>"
