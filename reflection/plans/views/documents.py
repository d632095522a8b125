"""The member's plan and appraisal pack as PDF and Word downloads, each one audited."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from learning.audit.models import AuditEvent
from learning.audit.services import audit_record
from learning.permissions import SignedInRequest
from learning.selectors import current_membership

from .. import appraisal, permissions, selectors
from ..pdf import plan_pdf_bytes

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _include_drafts(request: SignedInRequest) -> bool:
    """Private drafts go into a printed plan only when the member ticks "include drafts"."""
    return request.GET.get("drafts") == "on"


def _own_download(
    request: SignedInRequest, body: bytes, *, extension: str, target: str, name: str
) -> HttpResponse:
    """A member's own document as an attachment named after them, with the download audited
    (`target` is the URL name without its extension)."""
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.PDF_DOWNLOADED
        if extension == "pdf"
        else AuditEvent.Action.EXPORT_DOWNLOADED,
        subject_user=request.user,
        target=f"plans:{target}_{extension}",
        request=request,
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[extension])
    filename = slugify(f"{name} {request.user.get_full_name() or 'member'}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


def _plan_download(request: SignedInRequest, *, extension: str) -> HttpResponse:
    """The member's own plan as a PDF or a Word document, with the download audited."""
    membership = permissions.access_own_membership(current_membership(request))
    plan = selectors.member_plan(membership)
    if extension == "docx":
        # python-docx is loaded only when a Word document is asked for.
        from ..plan_docx import plan_docx_bytes as make
    else:
        make = plan_pdf_bytes
    body = make(plan, include_drafts=_include_drafts(request))
    return _own_download(request, body, extension=extension, target="plan", name="development plan")


@login_required
def plan_pdf(request: SignedInRequest) -> HttpResponse:
    return _plan_download(request, extension="pdf")


@login_required
def plan_docx(request: SignedInRequest) -> HttpResponse:
    return _plan_download(request, extension="docx")


@login_required
def appraisal_pack(request: SignedInRequest, membership_id: int) -> HttpResponse:
    """What the member's appraisal pack holds, with its two downloads. Their own seat only."""
    membership = permissions.access_own_seat(request.user, membership_id)
    pack = selectors.appraisal_pack(membership)
    return render(
        request,
        "plans/appraisal_pack.html",
        {
            "membership": membership,
            "pack": pack,
            "summary": appraisal.summary_lines(pack),
        },
    )


def _pack_download(request: SignedInRequest, membership_id: int, *, extension: str) -> HttpResponse:
    membership = permissions.access_own_seat(request.user, membership_id)
    pack = selectors.appraisal_pack(membership)
    make = appraisal.appraisal_pack_docx if extension == "docx" else appraisal.appraisal_pack_pdf
    body = make(pack)
    return _own_download(
        request, body, extension=extension, target="appraisal_pack", name="appraisal pack"
    )


@login_required
def appraisal_pack_pdf(request: SignedInRequest, membership_id: int) -> HttpResponse:
    return _pack_download(request, membership_id, extension="pdf")


@login_required
def appraisal_pack_docx(request: SignedInRequest, membership_id: int) -> HttpResponse:
    return _pack_download(request, membership_id, extension="docx")
