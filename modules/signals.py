"""Drops cached navigation addresses when a section page changes (see content_urls).

The addresses are dropped when the change is committed, not when the signal is sent: Wagtail
publishes inside a transaction, and a page served by another process between the drop and the
commit would read the old addresses and cache them again for five minutes."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from modules.models import GlossaryPage, ModuleIndexPage

SECTIONS = (ModuleIndexPage, GlossaryPage)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=ModuleIndexPage)
@receiver(post_delete, sender=GlossaryPage)
def section_page_changed(sender, instance=None, **kwargs):
    if instance is not None and issubclass(instance.specific_class or type(instance), SECTIONS):
        from modules.selectors import forget_content_urls

        transaction.on_commit(forget_content_urls)
