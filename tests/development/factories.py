"""Factories for development sessions, their reading and members' progress."""

from datetime import time, timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from learning.development.dates import default_due_date, london_datetime, london_today
from learning.development.models import Assignment, DevelopmentSession
from modules.models import HomePage, ModuleIndexPage, ModulePage
from modules.progress import progress_record_check, progress_record_opened, progress_record_read


def module_page(title: str, *, live: bool = True) -> ModulePage:
    """A module page under the module index (made under the home page if missing)."""
    index = ModuleIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = home.add_child(instance=ModuleIndexPage(title="Modules", slug="modules"))
    page = ModulePage(title=title, slug=slugify(title), summary=f"About {title.lower()}.")
    page = index.add_child(instance=page)
    if not live:
        page.unpublish()
    return page


def in_days(days: int, at: time = time(10, 0)):
    return london_datetime(london_today() + timedelta(days=days), at)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentSession

    title = factory.Sequence(lambda n: f"Board development session {n}")
    starts_at = factory.LazyFunction(lambda: in_days(14))
    location = "Boardroom"


def assign(session, module, due_date=None) -> Assignment:
    return Assignment.objects.create(
        session=session, module=module, due_date=due_date or default_due_date(session.starts_at)
    )


def make_progress(user, module, state: str) -> None:
    """Puts a person's progress on a module into a status: reading, awaiting_marking, complete."""
    progress_record_opened(user=user, page=module)
    if state in ("complete", "awaiting_marking"):
        progress_record_read(user=user, page=module)
    if state == "awaiting_marking":
        progress_record_check(user=user, page=module, state="awaiting_marking")
    if state == "complete":
        progress_record_check(user=user, page=module, state="passed")


def past(days: int = 7):
    return timezone.now() - timedelta(days=days)
