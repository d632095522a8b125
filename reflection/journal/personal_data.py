"""The journal in a person's personal data export: their own entries, decrypted."""

from learning.audit.personal_data import covers, export_rows
from learning.extension_points import PersonalData
from learning.models import User

from .models import JournalEntry


@covers("journal.JournalEntry")
def journal_personal_data(user: User) -> PersonalData:
    entries = JournalEntry.objects.filter(owner=user).select_related("module")
    return PersonalData(
        key="journal", sections={"Journal entries": export_rows(entries, exclude=["owner"])}
    )
