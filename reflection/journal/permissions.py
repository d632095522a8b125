"""The journal is its owner's alone: every other person, whatever their role, gets 404."""

from django.db.models import QuerySet
from django.http import Http404

from learning.permissions import Visitor, int_or_404, is_signed_in

from .models import JournalEntry


def journal_entries_of(user: Visitor) -> QuerySet[JournalEntry]:
    """The requesting user's own entries (none for anyone signed out)."""
    if not is_signed_in(user):
        return JournalEntry.objects.none()
    return JournalEntry.objects.filter(owner=user).select_related("module")


def access_journal_entry(user: Visitor, entry_id: int | str) -> JournalEntry:
    """The user's own entry, or 404 (for a stranger, a chair, staff or a forged id alike)."""
    entry = journal_entries_of(user).filter(pk=int_or_404(entry_id)).first()
    if entry is None:
        raise Http404("Not found.")
    return entry
