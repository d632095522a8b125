"""Demo journal entries for ned1@northbridge.example. Safe to run twice."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import JournalEntry

ENTRIES = [
    (
        30,
        "What I noticed at the quality committee",
        "We discussed complaints without asking who made them. Next time I will ask for the "
        "figures by ethnicity before the meeting, so the question is not a surprise.",
    ),
    (
        12,
        "After the session on the lexicon",
        "I had been using a term that colleagues find unhelpful. Nobody had told me. I want to "
        "make it easier for people to correct me.",
    ),
    (
        3,
        "Preparing for my appraisal",
        "The standing agenda item is working. The harder part is following up the answers. "
        "I will ask the chair how we track them.",
    ),
]


@transaction.atomic
def seed_journal(people) -> None:
    owner = people.user("ned1@northbridge.example")
    if JournalEntry.objects.filter(owner=owner).exists():
        return
    today = timezone.localdate()
    for days_ago, title, text in ENTRIES:
        entry = JournalEntry(
            owner=owner, title=title, text=text, entry_date=today - timedelta(days=days_ago)
        )
        entry.full_clean()
        entry.save()
