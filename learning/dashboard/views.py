"""The chair's dashboard, the PDF board paper and the CSV exports. Chair and facilitator only."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from learning import fragments
from learning.audit.models import AuditEvent
from learning.audit.services import audit_record
from learning.fragments import Fragment
from learning.models import Board, Membership, Organisation
from learning.privacy import minimum_group
from reflection.plans.permissions import commitments_read_by_chair
from reflection.plans.selectors import board_plans

from . import exports, selectors
from .forms import BoardPaperForm, initial_for
from .models import BoardPaperDefaults
from .pdf import Cover, board_paper_pdf
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
    content_type = {
        "pdf": "application/pdf",
        "docx": DOCX_CONTENT_TYPE,
    }.get(extension, "text/csv; charset=utf-8")
    response = HttpResponse(body, content_type=content_type)
    filename = exports.export_filename(board, what, extension)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _dashboard(seat, *, viewer=None, request=None):
    """The dashboard's data for a seat; the overdue commitments it names are audited as read
    by `viewer` (the chair on the page, or in a paper with names)."""
    chair = user_sees_commitments(seat)
    return selectors.board_dashboard(
        seat.board,
        sees_commitments=chair,
        chair_seat=seat if chair else None,
        viewer=viewer,
        request=request,
    )


@login_required
def board_dashboard(request, board_id):
    seat = access_dashboard(request.user, board_id)

    def compute() -> Fragment:
        data = _dashboard(seat)  # the commitments it names are audited below, on every view
        context = {
            "board": seat.board,
            "data": data,
            "is_chair": user_sees_commitments(seat),
            "summary": summary_sentences(data),
            "sections": dashboard_sections(data),
        }
        html = render_to_string("dashboard/includes/dashboard_body.html", context, request)
        return Fragment(mark_safe(html), data.follow.overdue)  # noqa: S308 (our template)

    # Cached for the chair or facilitator under everything it reads (learning/fragments.py);
    # their seat and its board were read before, so those tables count too.
    made = fragments.fragment(
        request,
        "dashboard",
        compute,
        key=[seat.pk],
        reads=[Membership, Board, Organisation],
    )
    commitments_read_by_chair(request.user, made.extra, request=request)
    return render(request, "dashboard/dashboard.html", {"board": seat.board, "body": made.html})


DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _paper(request, seat, cover: Cover, *, extension: str = "pdf") -> HttpResponse:
    """The paper as a PDF or, with extension "docx", as the editable Word document."""
    data = _dashboard(seat, viewer=request.user if cover.include_names else None, request=request)
    data.show_names = cover.include_names
    if extension == "docx":
        # python-docx is loaded only when a Word document is asked for.
        from .paper_docx import board_paper_docx as make
    else:
        make = board_paper_pdf
    body = make(
        data,
        dashboard_sections(data),
        summary_sentences(data),
        author=request.user.get_full_name() or request.user.email,
        cover=cover,
    )
    return _download(request, seat.board, body, what="board-paper", extension=extension)


def _remembered_cover(request, seat) -> Cover:
    defaults = BoardPaperDefaults.objects.filter(board=seat.board).first()
    initial = initial_for(seat.board, defaults, chair_name=request.user.get_full_name())
    return Cover(**initial, include_names=False)


@login_required
def board_paper(request, board_id):
    """The paper straight away, with the remembered cover sheet and no names."""
    seat = access_dashboard(request.user, board_id)
    return _paper(request, seat, _remembered_cover(request, seat))


@login_required
def board_paper_docx(request, board_id):
    """The same paper as a Word document, with the remembered cover sheet and no names."""
    seat = access_dashboard(request.user, board_id)
    return _paper(request, seat, _remembered_cover(request, seat), extension="docx")


@login_required
def board_paper_form(request, board_id):
    """The chair fills in the cover sheet; a valid form gives the PDF and is remembered."""
    seat = access_dashboard_as_chair(request.user, board_id)
    board = seat.board
    defaults = BoardPaperDefaults.objects.filter(board=board).first()
    if request.method == "POST":
        form = BoardPaperForm(request.POST)
        if form.is_valid():
            values = dict(form.cleaned_data)
            BoardPaperDefaults.objects.update_or_create(
                board=board,
                defaults={
                    key: values[key]
                    for key in ("meeting", "agenda_item", "purpose", "presenter", "asked_to")
                },
            )
            extension = "docx" if request.POST.get("format") == "docx" else "pdf"
            return _paper(request, seat, Cover(**values), extension=extension)
    else:
        initial = initial_for(board, defaults, chair_name=request.user.get_full_name())
        form = BoardPaperForm(initial=initial)
    return render(request, "dashboard/board_paper_form.html", {"board": board, "form": form})


@login_required
def readiness_export(request, board_id):
    board = access_dashboard(request.user, board_id).board
    body = exports.readiness_csv(selectors.next_session_detail(board))
    return _download(request, board, body, what="readiness")


@login_required
def commitments_export(request, board_id):
    seat = access_dashboard_as_chair(request.user, board_id)
    board = seat.board
    year = timezone.localdate().year
    body = exports.commitments_csv(board_plans(board, year=year, chair_seat=seat))
    return _download(request, board, body, what="commitments")


@login_required
def scores_export(request, board_id):
    board = access_dashboard(request.user, board_id).board
    summaries = selectors.latest_summaries(board)
    body = exports.scores_csv(list(summaries.values()), minimum=minimum_group())
    return _download(request, board, body, what="scores")
