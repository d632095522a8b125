"""Access rows for the private journal: an entry answers 404 to everyone but its owner,
signed out or not, whatever their role."""

from django.urls import reverse

from reflection.journal.services import journal_entry_create
from tests.access.table import Row, everyone, signed_in

OWNER_ONLY = everyone(404, member=200)


def _entry_url(name):
    def url(w):
        entry = journal_entry_create(owner=w.member, title="Private thought", text="Only mine")
        return reverse(f"journal:{name}", args=[entry.pk])

    return url


def _entry_data(w):
    return {"title": "Rewritten", "text": "By someone", "entry_date": "2025-01-31"}


ROWS = [
    Row("my journal", lambda w: reverse("journal:list"), signed_in(200)),
    Row("new journal entry", lambda w: reverse("journal:create"), signed_in(200)),
    Row(
        "new journal entry with forged prompt",
        lambda w: reverse("journal:create") + "?module=999999&prompt=nope",
        signed_in(200),
    ),
    Row("journal export", lambda w: reverse("journal:export"), signed_in(200)),
    Row("journal entry", _entry_url("detail"), OWNER_ONLY),
    Row("change journal entry (form)", _entry_url("edit"), OWNER_ONLY),
    Row(
        "change journal entry",
        _entry_url("edit"),
        everyone(404, member=302),
        method="post",
        data=_entry_data,
    ),
    Row("delete journal entry (confirm)", _entry_url("delete"), OWNER_ONLY),
    Row("delete journal entry", _entry_url("delete"), everyone(404, member=302), method="post"),
    Row("forged journal entry", lambda w: reverse("journal:detail", args=[999999]), everyone(404)),
]
