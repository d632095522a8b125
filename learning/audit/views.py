"""A member downloads everything BoardReady holds about them, as JSON."""

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .models import AuditEvent
from .personal_data import personal_data_for
from .services import audit_record


@login_required
def my_data(request):
    return render(request, "audit/my_data.html")


@login_required
def my_data_download(request):
    data = personal_data_for(request.user)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.OWN_DATA_DOWNLOADED,
        subject_user=request.user,
        request=request,
    )
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"boardready-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
