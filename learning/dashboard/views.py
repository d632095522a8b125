"""The chair's dashboard, the PDF board paper and the CSV exports. Chair and facilitator only."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from learning.audit.models import AuditEvent
from learning.audit.services import audit_record
from reflection.assessment.permissions import minimum_group
from reflection.plans.selectors import board_plans

from . import exports, selectors
from .pdf import board_paper_pdf
from .permissions import access_dashboard, access_dashboard_as_chair, user_sees_commitments
from .sections import dashboard_sections
from .summary import summary_sentences


def _download(request, board, body, *, what: str, extension: str = "csv") -> HttpResponse:
    """The file as an attachment, with the download written to the audit log."""
    pdf = extension == "pdf"
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.PDF_DOWNLOADED if pdf else AuditEvent.Action.EXPORT_DOWNLOADED,
        target=f"learning.board:{board.pk}/{what}",
        request=request,
    )
    content_type = "application/pdf" if pdf else "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    filename = exports.export_filename(board, what, extension)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def board_dashboard(request, board_id):
    seat = access_dashboard(request.user, board_id)
    data = selectors.board_dashboard(seat.board, sees_commitments=user_sees_commitments(seat))
    return render(
        request,
        "dashboard/dashboard.html",
        {
            "board": seat.board,
            "data": data,
            "is_chair": user_sees_commitments(seat),
            "summary": summary_sentences(data),
            "sections": dashboard_sections(data),
        },
    )


@login_required
def board_paper(request, board_id):
    seat = access_dashboard(request.user, board_id)
    data = selectors.board_dashboard(seat.board, sees_commitments=user_sees_commitments(seat))
    body = board_paper_pdf(
        data,
        dashboard_sections(data),
        summary_sentences(data),
        author=request.user.get_full_name() or request.user.email,
    )
    return _download(request, seat.board, body, what="board-paper", extension="pdf")


@login_required
def readiness_export(request, board_id):
    board = access_dashboard(request.user, board_id).board
    body = exports.readiness_csv(selectors.next_session_detail(board))
    return _download(request, board, body, what="readiness")


@login_required
def commitments_export(request, board_id):
    board = access_dashboard_as_chair(request.user, board_id).board
    body = exports.commitments_csv(board_plans(board, year=timezone.localdate().year))
    return _download(request, board, body, what="commitments")


@login_required
def scores_export(request, board_id):
    board = access_dashboard(request.user, board_id).board
    summaries = selectors.latest_summaries(board)
    body = exports.scores_csv(list(summaries.values()), minimum=minimum_group())
    return _download(request, board, body, what="scores")
