"""Facilitators plan sessions, set reading and chase it; members get a calendar. Inviting people
to a board is in learning.invitations (its pages are served under /sessions/ too)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learning import fragments
from learning.forms import add_service_errors
from learning.models import Board, Organisation
from learning.permissions import (
    access_board_as_facilitator,
    access_board_as_leader,
)
from learning.services import seat_change_role, seat_end

from . import forms, selectors, services
from .exports import grid_csv
from .ics import session_calendar_file
from .models import DevelopmentSession, DigestOptOut
from .permissions import (
    access_assignment_as_facilitator,
    access_seat_as_leader,
    access_session_as_facilitator,
    access_session_as_member,
)
from .selectors import leader_home_url


@login_required
def session_list(request):
    """The sessions of every board the person facilitates."""
    boards = selectors.sessions_for_facilitator(request.user)
    if not boards:
        raise Http404("You do not facilitate a board.")
    wants_digest = not DigestOptOut.objects.filter(user=request.user).exists()
    return render(
        request,
        "development/session_list.html",
        {"boards": boards, "wants_digest": wants_digest},
    )


@login_required
def session_create(request, board_id):
    board = access_board_as_facilitator(request.user, board_id)
    form = forms.SessionForm(request.POST or None, future_only=True)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                board=board, created_by=request.user, **form.session_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Session created. Now set the reading."))
            return redirect("development:session_detail", session.pk)
    return render(request, "development/session_form.html", {"form": form, "board": board})


@login_required
def session_edit(request, session_id):
    session = access_session_as_facilitator(request.user, session_id)
    if session.is_cancelled:
        messages.info(request, _("This session has been cancelled, so it cannot be changed."))
        return redirect("development:session_detail", session.pk)
    form = forms.SessionForm(
        request.POST or None, session=session, initial=forms.SessionForm.initial_for(session)
    )
    if request.method == "POST" and form.is_valid():
        fields = form.session_fields()
        moved = any(fields[name] != getattr(session, name) for name in services.WHEN_AND_WHERE)
        try:
            services.session_update(session=session, changed_by=request.user, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if moved:
                messages.success(
                    request,
                    _("Session details saved. We emailed members the updated calendar file."),
                )
            else:
                messages.success(request, _("Session details saved."))
            return redirect("development:session_detail", session.pk)
    context = {"form": form, "board": session.board, "session": session}
    return render(request, "development/session_form.html", context)


@login_required
def session_cancel(request, session_id):
    """Asks, then cancels: the session stays listed as cancelled and members are emailed."""
    session = access_session_as_facilitator(request.user, session_id)
    if session.is_cancelled:
        return redirect("development:session_detail", session.pk)
    if session.has_started():
        messages.info(request, _("This session has started, so it cannot be cancelled."))
        return redirect("development:session_detail", session.pk)
    if request.method == "POST":
        try:
            services.session_cancel(session=session, cancelled_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Session cancelled. We emailed members to take it out of their calendar."),
            )
        return redirect("development:session_detail", session.pk)
    context = {"session": session, "member_count": len(selectors.board_members(session.board))}
    return render(request, "development/session_cancel.html", context)


@login_required
def session_delete(request, session_id):
    """Asks, then deletes a session nobody's attendance was recorded for."""
    # A second submit after deleting answers 404, like any other missing session: telling
    # "deleted already" apart from "not yours" would say which ids exist on other boards.
    session = access_session_as_facilitator(request.user, session_id)
    if not services.session_can_be_deleted(session):
        messages.info(
            request, _("Attendance has been recorded for this session, so it cannot be deleted.")
        )
        return redirect("development:session_detail", session.pk)
    if request.method == "POST":
        try:
            services.session_delete(session=session)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("development:session_detail", session.pk)
        messages.success(request, _("%(title)s deleted.") % {"title": session.title})
        return redirect("development:session_list")
    return render(request, "development/session_delete.html", {"session": session})


@login_required
def session_detail(request, session_id):
    """The facilitator's view: every member against every module, and who is ready."""
    session = access_session_as_facilitator(request.user, session_id)

    def context():
        grid = selectors.session_grid(session)
        return {
            "session": session,
            "grid": grid,
            "started": session.has_started(),
            "at_start": selectors.readiness_at_start(session),
            "can_delete": not grid.attendance_recorded,
        }

    # Cached for the facilitator under everything it reads (learning/fragments.py); the
    # session and its board were read before, so their tables count too.
    body = fragments.rendered(
        request,
        "session",
        "development/includes/session_detail_body.html",
        context,
        key=[session.pk],
        reads=[DevelopmentSession, Board, Organisation],
    )
    return render(request, "development/session_detail.html", {"session": session, "body": body})


@login_required
def session_csv(request, session_id):
    session = access_session_as_facilitator(request.user, session_id)
    response = HttpResponse(
        grid_csv(selectors.session_grid(session)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}-reading.csv"'
    return response


@login_required
def session_remind(request, session_id):
    """The facilitator chooses who gets a reminder (everyone outstanding, at first) and may
    add a short message; nobody gets more than one a day."""
    session = access_session_as_facilitator(request.user, session_id)
    rows = [row for row in selectors.session_grid(session).not_ready if row.outstanding]
    form = forms.ReminderForm(request.POST if request.method == "POST" else None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            sent, held_back = services.reminders_send_manual(
                session=session,
                sent_by=request.user,
                recipient_ids=form.recipient_ids(),
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            _reminder_messages(request, sent, held_back)
            return redirect("development:session_detail", session.pk)
    context = {"session": session, "form": form, "rows": rows}
    return render(request, "development/remind_form.html", context)


def _reminder_messages(request, sent: int, held_back: int) -> None:
    if sent:
        messages.success(
            request,
            ngettext("Reminder sent to %(n)s person.", "Reminders sent to %(n)s people.", sent)
            % {"n": sent},
        )
    if held_back:
        messages.info(
            request,
            ngettext(
                "%(n)s person had a reminder in the last 24 hours, so we did not send another.",
                "%(n)s people had a reminder in the last 24 hours, so we did not send another.",
                held_back,
            )
            % {"n": held_back},
        )


@login_required
def session_attendance(request, session_id):
    session = access_session_as_facilitator(request.user, session_id)
    if not session.has_started() or session.is_cancelled:
        raise Http404("The session has not started.")
    members = selectors.board_members(session.board)
    attended = selectors.attendance_for(session)
    initial = {"attended": [str(user_id) for user_id, came in attended if came and user_id]}
    form = forms.AttendanceForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.attendance_record(
            session=session, attended_user_ids=form.attended_ids(), recorded_by=request.user
        )
        messages.success(request, _("Attendance saved."))
        return redirect("development:session_detail", session.pk)
    context = {"session": session, "form": form, "recorded": bool(attended)}
    return render(request, "development/attendance_form.html", context)


@login_required
def session_calendar(request, session_id):
    """An .ics file for the session, for anyone on its board."""
    session = access_session_as_member(request.user, session_id)
    response = HttpResponse(session_calendar_file(session), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="boardready-session-{session.pk}.ics"'
    return response


@login_required
def assignment_add(request, session_id):
    session = access_session_as_facilitator(request.user, session_id)
    return _assignment_form(request, session, None)


@login_required
def assignment_edit(request, session_id, assignment_id):
    assignment = access_assignment_as_facilitator(request.user, session_id, assignment_id)
    return _assignment_form(request, assignment.session, assignment)


def _assignment_form(request, session, assignment):
    initial = {"due_date": assignment.due_date, "module": assignment.module} if assignment else {}
    form = forms.AssignmentForm(
        request.POST or None, session=session, assignment=assignment, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_set(
                session=session,
                module=assignment.module if assignment else form.cleaned_data["module"],
                due_date=form.cleaned_data["due_date"],
                assigned_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Reading saved."))
            return redirect("development:session_detail", session.pk)
    context = {"form": form, "session": session, "assignment": assignment}
    return render(request, "development/assignment_form.html", context)


@login_required
@require_POST
def assignment_withdraw(request, session_id, assignment_id):
    try:
        assignment = access_assignment_as_facilitator(request.user, session_id, assignment_id)
    except Http404:
        # Withdrawn already (a double submit): the session itself must still be theirs.
        session = access_session_as_facilitator(request.user, session_id)
        return redirect("development:session_detail", session.pk)
    services.assignment_withdraw(assignment=assignment)
    messages.success(
        request, _("%(module)s is no longer set as reading.") % {"module": assignment.module.title}
    )
    return redirect("development:session_detail", assignment.session.pk)


@login_required
def member_list(request, board_id):
    """Who sits on the board, in which role, for its chair and facilitator."""
    board = access_board_as_leader(request.user, board_id)
    context = {
        "board": board,
        "seats": selectors.board_seats(board),
        "back_url": leader_home_url(request.user, board),
    }
    return render(request, "development/member_list.html", context)


@login_required
def member_change(request, board_id, membership_id):
    """Changes a member's role; a second chair or chief executive needs the box ticked."""
    seat = access_seat_as_leader(request.user, board_id, membership_id)
    form = forms.SeatRoleForm(request.POST or None, membership=seat, by=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            changed = seat_change_role(
                membership=seat,
                role=form.cleaned_data["role"],
                by=request.user,
                confirmed=form.confirmed(),
                request=request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": seat.user, "role": changed.get_role_display().lower()},
            )
            return redirect("development:member_list", seat.board_id)
    return render(request, "development/member_change.html", {"seat": seat, "form": form})


@login_required
def member_end(request, board_id, membership_id):
    """Asks, then ends a member's seat: they no longer sit on the board."""
    seat = access_seat_as_leader(request.user, board_id, membership_id)
    if request.method == "POST":
        try:
            seat_end(membership=seat, by=request.user, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("development:member_change", seat.board_id, seat.pk)
        messages.success(request, _("%(name)s no longer sits on the board.") % {"name": seat.user})
        return redirect("development:member_list", seat.board_id)
    return render(request, "development/member_end.html", {"seat": seat})


@login_required
@require_POST
def digest_update(request):
    if not selectors.facilitator_boards(request.user):
        raise Http404("You do not facilitate a board.")
    form = forms.DigestForm(request.POST)
    wanted = form.is_valid() and form.cleaned_data["wanted"]
    services.digest_set(user=request.user, wanted=wanted)
    if wanted:
        messages.success(request, _("You will get the daily digest email."))
    else:
        messages.success(request, _("You will not get the daily digest email."))
    return redirect("development:session_list")
