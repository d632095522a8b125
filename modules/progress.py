"""Reading progress: the only place that writes ModuleProgress. Every function is idempotent.

Completion rule: a module is complete once it is read and, if it has a live knowledge check
(`page.knowledge_check`, the reverse one-to-one from the quizzes app), that check is passed.
A free-text answer waiting for marking leaves the module "awaiting marking", not complete.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from learning import fragments

from .models import ModulePage, ModuleProgress, ProgressStatus

OPENED_REFRESH = timedelta(minutes=5)


def module_has_knowledge_check(page: ModulePage) -> bool:
    quiz = getattr(page, "knowledge_check", None)
    return quiz is not None and getattr(quiz, "live", True)


def _get_or_create(user, page) -> ModuleProgress:
    try:
        with transaction.atomic():
            progress, _ = ModuleProgress.objects.get_or_create(user=user, page=page)
    except IntegrityError:  # two requests raced to create it; the other one won
        progress = ModuleProgress.objects.get(user=user, page=page)
    return progress


def _refresh_completion(progress: ModuleProgress, page: ModulePage, now) -> None:
    passed = progress.check_state == ModuleProgress.CheckState.PASSED
    done = bool(progress.read_at) and (passed or not module_has_knowledge_check(page))
    if done and not progress.completed_at:
        progress.completed_at = now
    elif not done:
        progress.completed_at = None


def progress_record_opened(*, user, page: ModulePage) -> ModuleProgress:
    """Records that a signed-in person opened the module ("reading").

    Reading a long module means many page loads, so the last-activity time is refreshed at most
    every few minutes: a repeat visit costs one query, or none while the row is in the cache.
    """

    def record() -> ModuleProgress:
        progress = ModuleProgress.objects.filter(user=user, page=page).first()
        if progress is None:
            return _get_or_create(user, page)
        now = timezone.now()
        if now - progress.last_activity_at >= OPENED_REFRESH:
            progress.last_activity_at = now
            ModuleProgress.objects.filter(pk=progress.pk).update(last_activity_at=now)
        return progress

    def until_refresh(progress: ModuleProgress) -> float:
        return (progress.last_activity_at + OPENED_REFRESH - timezone.now()).total_seconds()

    # Between refreshes the row is the same on every visit, so it is kept in the cache until
    # the next refresh is due or the table changes (learning/fragments.py); a visit that writes
    # is never kept.
    return fragments.shared("module-opened", record, key=[user.pk, page.pk], timeout=until_refresh)


@transaction.atomic
def progress_record_read(*, user, page: ModulePage) -> ModuleProgress:
    """Records "I have read this module"; a second call changes nothing."""
    progress = _get_or_create(user, page)
    progress = ModuleProgress.objects.select_for_update().get(pk=progress.pk)
    now = timezone.now()
    if progress.read_at is None:
        progress.read_at = now
    progress.last_activity_at = now
    _refresh_completion(progress, page, now)
    progress.save()
    return progress


@transaction.atomic
def progress_record_check(*, user, page: ModulePage, state: str) -> ModuleProgress:
    """Records the outcome of the module's knowledge check (a ModuleProgress.CheckState).

    A pass is never undone by a later failed attempt.
    """
    progress = _get_or_create(user, page)
    progress = ModuleProgress.objects.select_for_update().get(pk=progress.pk)
    now = timezone.now()
    if progress.check_state != ModuleProgress.CheckState.PASSED:
        progress.check_state = state
        if state == ModuleProgress.CheckState.PASSED:
            progress.check_passed_at = now
    progress.last_activity_at = now
    _refresh_completion(progress, page, now)
    progress.save()
    return progress


def status_of(progress: ModuleProgress | None) -> str:
    """The checklist status of a progress row, or not started where there is none."""
    return progress.status if progress is not None else ProgressStatus.NOT_STARTED


def progress_for_request(request) -> dict:
    """{page_id: ModuleProgress} for every module of the signed-in person, read once a request,
    so the sections of one page (the home page's reading list and session checklists) share it.
    Kept on the request, never longer: a later request reads it afresh."""
    if not hasattr(request, "_boardready_progress"):
        rows = ModuleProgress.objects.filter(user=request.user)
        request._boardready_progress = {row.page_id: row for row in rows}
    return request._boardready_progress


def progress_by_page(user, pages) -> dict:
    """{page_id: ModuleProgress} for one person and many modules, in one query."""
    rows = ModuleProgress.objects.filter(user=user, page__in=[page.pk for page in pages])
    return {row.page_id: row for row in rows}
