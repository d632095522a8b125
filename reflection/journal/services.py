"""Writes to the journal. Each is atomic, validated and safe to repeat."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from learning.models import User
from modules.models import ModulePage

from .models import JournalEntry

DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)


@transaction.atomic
def journal_entry_create(
    *,
    owner: User,
    title: str,
    text: str,
    entry_date: date | None = None,
    module: ModulePage | None = None,
    prompt_id: str = "",
    prompt: str = "",
) -> JournalEntry:
    """Writes a new private entry. The same entry submitted twice in a row is kept once."""
    # Titles are encrypted, so a double submit is spotted among the owner's latest entries.
    recent = JournalEntry.objects.filter(
        owner=owner, created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW
    )[:5]
    for entry in recent:
        if entry.title == title and entry.text == text:
            return entry
    entry = JournalEntry(
        owner=owner,
        title=title,
        text=text,
        entry_date=entry_date or timezone.localdate(),
        module=module,
        prompt_id=prompt_id,
        prompt=prompt,
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def journal_entry_change(
    *, entry: JournalEntry, title: str, text: str, entry_date: date
) -> JournalEntry:
    """Rewrites an entry's title, text and date."""
    entry = JournalEntry.objects.select_for_update().get(pk=entry.pk)
    entry.title = title
    entry.text = text
    entry.entry_date = entry_date
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def journal_entry_delete(*, entry: JournalEntry) -> None:
    """Deletes an entry; deleting one already gone does nothing."""
    JournalEntry.objects.filter(pk=entry.pk, owner=entry.owner_id).delete()
