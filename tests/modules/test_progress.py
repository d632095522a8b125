"""progress_record_opened: one row per person and module, refreshed at most every few minutes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from modules.models import ModuleProgress, ProgressStatus
from modules.progress import OPENED_REFRESH, progress_record_opened, status_of
from tests.modules.factories import module

pytestmark = pytest.mark.django_db


def test_opening_creates_one_row_in_reading(world, content):
    first = progress_record_opened(user=world.member, page=module())
    again = progress_record_opened(user=world.member, page=module())
    assert first.pk == again.pk
    assert ModuleProgress.objects.count() == 1
    assert status_of(again) == ProgressStatus.READING


def test_a_repeat_visit_soon_after_runs_one_query(world, content, django_assert_num_queries):
    page = module()
    progress_record_opened(user=world.member, page=page)
    with django_assert_num_queries(1):
        progress_record_opened(user=world.member, page=page)


def test_a_later_visit_refreshes_the_last_activity_time(world, content):
    page = module()
    progress = progress_record_opened(user=world.member, page=page)
    earlier = timezone.now() - OPENED_REFRESH - timedelta(seconds=1)
    ModuleProgress.objects.filter(pk=progress.pk).update(last_activity_at=earlier)
    progress_record_opened(user=world.member, page=page)
    assert ModuleProgress.objects.get(pk=progress.pk).last_activity_at > earlier
