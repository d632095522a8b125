"""The private journal: list, write, read, change, delete and export one's own entries.

POST bodies and local variables are marked sensitive so that an error report never carries
what someone wrote; nothing here logs an entry.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from learning.audit.models import AuditEvent
from learning.audit.services import audit_record
from learning.drafts import keeps_typed_text, kept_form_data

from . import services
from .forms import JournalEntryForm
from .permissions import access_journal_entry, journal_entries_of
from .prompts import resolve_prompt

SENSITIVE = ("title", "text")


@login_required
def entry_list(request):
    entries = list(journal_entries_of(request.user))
    return render(request, "journal/entry_list.html", {"entries": entries})


@keeps_typed_text
@sensitive_post_parameters(*SENSITIVE)
@sensitive_variables("form")
@login_required
def entry_create(request):
    prompt = resolve_prompt(request.GET.get("module"), request.GET.get("prompt"))
    form = JournalEntryForm(
        request.POST or kept_form_data(request), initial={"entry_date": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        entry = services.journal_entry_create(
            owner=request.user,
            module=prompt.module if prompt else None,
            prompt_id=prompt.block_id if prompt else "",
            prompt=prompt.question if prompt else "",
            **form.cleaned_data,
        )
        messages.success(request, _("Your journal entry is saved."))
        return redirect("journal:detail", pk=entry.pk)
    return render(request, "journal/entry_form.html", {"form": form, "prompt": prompt})


def _own_entry(request, pk):
    # No login_required here: a signed-out visitor gets the same 404 as everyone but the owner.
    return access_journal_entry(request.user, pk)


def entry_detail(request, pk):
    entry = _own_entry(request, pk)
    return render(request, "journal/entry_detail.html", {"entry": entry})


@keeps_typed_text
@sensitive_post_parameters(*SENSITIVE)
@sensitive_variables("form", "entry")
def entry_edit(request, pk):
    entry = _own_entry(request, pk)
    form = JournalEntryForm(
        request.POST or kept_form_data(request),
        initial={"title": entry.title, "text": entry.text, "entry_date": entry.entry_date},
    )
    if request.method == "POST" and form.is_valid():
        services.journal_entry_change(entry=entry, **form.cleaned_data)
        messages.success(request, _("Your journal entry is updated."))
        return redirect("journal:detail", pk=entry.pk)
    return render(request, "journal/entry_form.html", {"form": form, "entry": entry})


def entry_delete(request, pk):
    entry = _own_entry(request, pk)
    if request.method == "POST":
        services.journal_entry_delete(entry=entry)
        messages.success(request, _("The journal entry is deleted."))
        return redirect("journal:list")
    return render(request, "journal/entry_delete.html", {"entry": entry})


@login_required
def export_markdown(request):
    entries = list(journal_entries_of(request.user).order_by("entry_date", "created_at"))
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.EXPORT_DOWNLOADED,
        subject_user=request.user,
        target="journal:export",
        request=request,
    )
    text = render_to_string(
        "journal/export.md", {"entries": entries, "user": request.user, "now": timezone.now()}
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-journal.md"'
    return response
