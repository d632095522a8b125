"""Taking a knowledge check one question per page, the member's results, and the facilitator's
marking queue and question analysis. Every page works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.permissions import access_board_as_facilitator, user_facilitates_any_board
from modules.models import ModuleProgress

from . import selectors, services
from .analysis import question_analysis
from .choices import Reveal
from .forms import MarkForm, question_form_class
from .models import AttemptAnswer, AttemptOption
from .permissions import (
    access_answer_for_marking,
    access_live_quiz,
    access_own_attempt,
    access_own_attempt_answer,
)


def _module_url(quiz) -> str | None:
    """Where "See 'section'" pointers in explanations link to."""
    return quiz.module.url if quiz.module_id and quiz.module else None


def _question_url(attempt_id: int, position: int) -> str:
    return reverse("quizzes:question", args=[attempt_id, position])


@login_required
def my_checks(request):
    """'My knowledge checks': every attempt the person has made and its result."""
    attempts = selectors.with_lapsed_finished(selectors.attempts_of(request.user))
    return render(
        request,
        "quizzes/my_checks.html",
        {"attempts": attempts, "summaries": selectors.summaries_of(attempts)},
    )


@login_required
def quiz_detail(request, quiz_id):
    """What the knowledge check is, the person's standing on it, and a way to start."""
    quiz = access_live_quiz(quiz_id)
    standing = selectors.standing_on(request.user, quiz)
    drawn = quiz.draw if quiz.draw and quiz.draw < quiz.questions.count() else None
    return render(
        request,
        "quizzes/quiz_detail.html",
        {"quiz": quiz, "standing": standing, "drawn": drawn},
    )


@login_required
@require_POST
def attempt_start(request, quiz_id):
    """Starts an attempt, or carries on with the unfinished one."""
    quiz = access_live_quiz(quiz_id)
    open_attempt = selectors.open_attempt(request.user, quiz)
    if open_attempt is not None and services.finish_if_lapsed(open_attempt):
        # "Carry on" sent no answers: the result says the time ran out.
        return redirect("quizzes:review", open_attempt.pk)
    try:
        attempt = services.attempt_start(user=request.user, quiz=quiz)
    except services.AttemptRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("quizzes:quiz", quiz.pk)
    return redirect(_question_url(attempt.pk, selectors.first_unanswered_position(attempt)))


def _finish_lapsed(request, attempt):
    """Submits an attempt whose time ran out: a redirect to its result (which says the time ran
    out, however the attempt came to be submitted), or None. A post the deadline refused also
    gets a message saying that what it sent was not saved."""
    if attempt is not None and services.finish_if_lapsed(attempt):
        if request.method == "POST":
            messages.error(request, services.time_up_message(attempt))
        return redirect("quizzes:review", attempt.pk)
    return None


def _next_url(request, row) -> str:
    action = request.POST.get("action", "next")
    attempt = row.attempt
    if action == "previous" and row.position > 1:
        return _question_url(attempt.pk, row.position - 1)
    if action == "check":
        return reverse("quizzes:check", args=[attempt.pk])
    if action == "next" and row.position < attempt.question_count:
        return _question_url(attempt.pk, row.position + 1)
    return reverse("quizzes:check", args=[attempt.pk])


@login_required
def question(request, attempt_id, position):
    """One question: shows it (with its result where feedback follows each question) and saves
    the answer. A forged answer id is a 400; a finished attempt changes nothing."""
    try:
        row = access_own_attempt_answer(request.user, attempt_id, position)
    except Http404:
        # The member's own attempt has no question there (an old link or a typed address).
        attempt = access_own_attempt(request.user, attempt_id)
        messages.error(request, _("That question is not part of this attempt. Nothing changed."))
        return redirect(
            "quizzes:check" if not attempt.is_finished else "quizzes:review", attempt.pk
        )
    attempt = row.attempt
    lapsed = _finish_lapsed(request, attempt)
    if lapsed:
        return lapsed
    if attempt.is_finished:
        if request.method == "POST":
            messages.error(
                request,
                _(
                    "You have already submitted this knowledge check, "
                    "so your answers did not change."
                ),
            )
        return redirect("quizzes:review", attempt.pk)
    options = list(row.options.all())
    form_class = question_form_class(row, options, immediate=attempt.is_immediate)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            if request.POST.get("action", "next") == "next" and not (
                form.given() or form.cleaned_data["flagged"] or row.is_answered
            ):
                kind = row.question_type
                form.add_error(kind.field_name, kind.empty_message)
            else:
                try:
                    return _save_answer(request, row, form)
                except services.AnswerInvalid as error:
                    messages.error(request, error.message)
                    status = 400
        elif form.forged_answer():
            messages.error(request, _("That answer does not belong to this question."))
            status = 400
        if status == 400:
            form = form_class(initial=_initial(row, options))
    else:
        form = form_class(initial=_initial(row, options))
    counts = selectors.attempt_counts(attempt)
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "row": row,
        "options": options,
        "form": form,
        "locked": attempt.is_immediate and row.is_answered,
        "show_answers": attempt.reveal == Reveal.AFTER_ATTEMPT,
        "module_url": _module_url(attempt.quiz) if attempt.is_immediate else None,
        "from_check": request.GET.get("from") == "check",
        "total": attempt.question_count,
        "answered": counts["answered"],
    }
    return render(request, "quizzes/question.html", context, status=status)


def _initial(row: AttemptAnswer, options: list[AttemptOption]) -> dict[str, object]:
    chosen = [str(option.pk) for option in options if option.chosen]
    return {
        "answer": row.question_type.initial_answer(chosen),
        "text": row.free_text,
        "flagged": row.flagged,
    }


def _save_answer(request, row, form):
    try:
        services.attempt_answer(
            attempt_answer=row,
            option_ids=form.option_ids(),
            free_text=form.free_text(),
            flagged=form.cleaned_data["flagged"],
        )
    except services.AttemptFinished as error:
        messages.error(request, error.message)
        return redirect("quizzes:review", row.attempt_id)
    except services.AnswerLocked as error:
        messages.error(request, error.message)
        return redirect(_question_url(row.attempt_id, row.position))
    except services.TimeUp as error:
        services.finish_if_lapsed(row.attempt)
        messages.error(request, error.message)
        return redirect("quizzes:review", row.attempt_id)
    action = request.POST.get("action", "next")
    if action == "extend":
        try:
            attempt = services.attempt_extend(attempt=row.attempt)
        except services.QuizError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _extended_message(attempt))
        return redirect(_question_url(row.attempt_id, row.position))
    if row.attempt.is_immediate and form.given():
        # Show the result and explanation before moving on, whichever way the member goes
        # next: the page promised they would see it when they saved.
        return redirect(_question_url(row.attempt_id, row.position))
    return redirect(_next_url(request, row))


@login_required
def check_answers(request, attempt_id):
    """Before submitting: every question, answered or not, flagged or not, with a link back."""
    attempt = access_own_attempt(request.user, attempt_id)
    lapsed = _finish_lapsed(request, attempt)
    if lapsed:
        return lapsed
    if attempt.is_finished:
        return redirect("quizzes:review", attempt.pk)
    rows = selectors.attempt_rows(attempt)
    for row in rows:
        row.locked = attempt.is_immediate and row.is_answered
        # What the member gave, so "Check your answers" shows the answers it asks them to check.
        row.given = row.question_type.answer_summary(row)
    unanswered = sum(1 for row in rows if not row.is_answered)
    # Flagged and unanswered questions first, so the member sees what is left to do.
    to_do = [row for row in rows if row.flagged or not row.is_answered]
    to_do = [row for row in to_do if not row.locked]
    return render(
        request,
        "quizzes/check_answers.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "rows": rows,
            "to_do": to_do,
            "unanswered": unanswered,
        },
    )


@login_required
@require_POST
def attempt_finish(request, attempt_id):
    """Submits the attempt; a second submit (or two at once) leaves one result."""
    attempt = access_own_attempt(request.user, attempt_id)
    lapsed = _finish_lapsed(request, attempt)
    if lapsed:
        return lapsed
    if attempt.is_finished:
        messages.info(request, _("You have already submitted this knowledge check."))
    else:
        services.attempt_finish(attempt=attempt)
    return redirect("quizzes:review", attempt.pk)


@login_required
@require_POST
def attempt_extend(request, attempt_id):
    """Half the time limit again, once, for a timed attempt; back to where the member was."""
    attempt = access_own_attempt(request.user, attempt_id)
    lapsed = _finish_lapsed(request, attempt)
    if lapsed:
        return lapsed
    try:
        attempt = services.attempt_extend(attempt=attempt)
    except services.QuizError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _extended_message(attempt))
    if attempt.is_finished:
        return redirect("quizzes:review", attempt.pk)
    position = request.POST.get("position", "")
    if position.isdigit() and 1 <= int(position) <= attempt.question_count:
        return redirect(_question_url(attempt.pk, int(position)))
    return redirect("quizzes:check", attempt.pk)


def _extended_message(attempt) -> str:
    return _("You have %(minutes)s more minutes: you now have until %(time)s.") % {
        "minutes": attempt.extension_minutes,
        "time": timezone.localtime(attempt.deadline).strftime("%H:%M"),
    }


@login_required
def review(request, attempt_id):
    """The result: score, pass or fail text, and each answer with its explanation where the
    quiz's feedback setting allows."""
    attempt = access_own_attempt(request.user, attempt_id)
    services.finish_if_lapsed(attempt)
    if not attempt.is_finished:
        return redirect("quizzes:check", attempt.pk)
    quiz = attempt.quiz
    standing = selectors.standing_on(request.user, quiz)
    rows = selectors.attempt_rows(attempt)
    progress = None
    if quiz.module_id:
        progress = ModuleProgress.objects.filter(user=request.user, page_id=quiz.module_id).first()
    return render(
        request,
        "quizzes/review.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "rows": rows,
            "show_answers": selectors.answers_shown(attempt, standing),
            "interim": selectors.interim_result(attempt, rows),
            "module_url": _module_url(quiz),
            "standing": standing,
            "progress": progress,
        },
    )


@login_required
def marking_queue(request):
    """Free-text answers from members of the boards this person facilitates."""
    if not user_facilitates_any_board(request.user):
        raise Http404("Only facilitators mark answers.")
    return render(
        request,
        "quizzes/marking_queue.html",
        {
            "waiting": selectors.marking_queue(request.user),
            "marked": selectors.recently_marked_by(request.user),
            "boards": selectors.boards_facilitated(request.user),
            "quizzes": list(selectors.live_quizzes()),
        },
    )


@login_required
def mark(request, answer_id):
    """Marks one free-text answer right or wrong, with a comment the member sees."""
    row = access_answer_for_marking(request.user, answer_id, request=request)
    initial = {}
    if row.correct is not None:
        initial = {"result": "right" if row.correct else "wrong", "comment": row.marker_comment}
    form = MarkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.attempt_mark(
            attempt_answer=row,
            marker=request.user,
            correct=form.cleaned_data["result"] == "right",
            comment=form.cleaned_data["comment"],
        )
        messages.success(
            request, _("Marked. %(name)s can see your mark.") % {"name": row.attempt.user}
        )
        return redirect("quizzes:marking")
    return render(request, "quizzes/mark.html", {"row": row, "form": form})


@login_required
def analysis(request, board_id, quiz_id):
    """How the board did on each question, once enough members have finished an attempt."""
    board = access_board_as_facilitator(request.user, board_id)
    quiz = access_live_quiz(quiz_id)
    return render(
        request,
        "quizzes/analysis.html",
        {"analysis": question_analysis(board=board, quiz=quiz), "board": board, "quiz": quiz},
    )
