"""Non-page views: "I have read this module" and search."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import ModulePage
from .progress import progress_record_read
from .selectors import SEARCH_MAX_LENGTH, search_content


@login_required
@require_POST
def module_read(request, page_id: int):
    """Records that the signed-in person has read a published module; twice records one read."""
    page = get_object_or_404(ModulePage.objects.live(), pk=page_id)
    progress_record_read(user=request.user, page=page)
    messages.success(request, _("You have marked “%(title)s” as read.") % {"title": page.title})
    return redirect(page.get_url(request) + "#reading-progress")


def search(request):
    """Searches published modules, lexicon terms and case studies."""
    query = request.GET.get("q", "")
    results = search_content(query, request)
    context = {
        "results": results,
        "searched": bool(results.query),
        "shortened": len(" ".join(query.split())) > SEARCH_MAX_LENGTH,
        "max_length": SEARCH_MAX_LENGTH,
    }
    return render(request, "modules/search.html", context)
